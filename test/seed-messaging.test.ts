import { describe, expect, it } from 'vitest';
import { type DemoContext, seedDemo } from '../src/seed/demo';
import { messagingStep } from '../src/seed/messaging';
import { usersStep } from '../src/seed/scale';
import { graphql } from './gql';
import { expectData, present, run } from './kit/client';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

describe('seed: messaging step', () => {
  it('fills conversations with gap-free messages and exact denormalized columns', async () => {
    const options = { users: 600 };
    await usersStep.run(db.sql, options, () => {});
    await messagingStep.run(db.sql, options, () => {});
    const [facts] = await db.sql<[Record<string, number>]>`
      select (select count(*)::int from conversations) as conversations,
             (select count(*)::int from messages) as messages,
             (select max(last_sequence_number) from conversations) as deepest,
             (select count(*)::int from conversations c where c.member_count <>
                (select count(*) from conversation_members where conversation_id = c.id)) as wrong_member_counts,
             (select count(*)::int from conversations c where c.last_sequence_number <>
                (select count(*) from messages where conversation_id = c.id)
                or c.last_sequence_number <> coalesce((select max(sequence_number) from messages where conversation_id = c.id), 0)) as gaps,
             (select count(*)::int from conversations c join messages m on m.id = c.last_message_id
                where m.sequence_number <> c.last_sequence_number or m.created_at <> c.last_message_at) as wrong_pointers,
             (select count(*)::int from conversation_members cm join conversations c on c.id = cm.conversation_id
                where cm.last_read_sequence_number > c.last_sequence_number) as wrong_members,
             (select count(*)::int from messages m where not exists (select 1 from conversation_members cm
                where cm.conversation_id = m.conversation_id and cm.user_id = m.sender_id)) as outsiders,
             (select count(*)::int from activity_events where type = 'MESSAGE_SENT') as events,
             (select count(*)::int from reactions) as reactions`;
    expect(facts).toMatchObject({
      conversations: 20,
      messages: expect.any(Number),
      deepest: 6000,
      wrongMemberCounts: 0,
      gaps: 0,
      wrongPointers: 0,
      wrongMembers: 0,
      outsiders: 0,
    });
    expect(facts.messages).toBeGreaterThan(11_000);
    expect(facts.messages).toBeLessThan(13_000);
    expect(facts.events).toBe(facts.messages);
    expect(facts.reactions).toBeGreaterThan(0);

    // Triggers are back on: a new message continues the sequence.
    const [deep] = await db.sql<[{ id: number; userId: number }]>`
      select c.id, cm.user_id from conversations c join conversation_members cm on cm.conversation_id = c.id
       order by c.last_sequence_number desc limit 1`;
    const [next] = await db.sql<[{ sequenceNumber: number }]>`
      insert into messages (conversation_id, sender_id, body) values (${deep.id}, ${deep.userId}, 'after the seed')
      returning sequence_number`;
    expect(next.sequenceNumber).toBe(6001);
  });
});

describe('seed: demo', () => {
  it('creates conversations through the domain rules', async () => {
    const demo: DemoContext = await seedDemo(db.sql);
    const data = expectData(
      await run(
        db,
        graphql(
          `query DemoConversations { viewer { conversations { edges { node { title unreadCount memberCount messages(last: 1) { edges { node { body reactions { emoji count } } } } } } } } }`,
        ),
        {},
        { as: demo.users.get('demo')! },
      ),
    );
    const { conversations } = present(data.viewer, 'the demo viewer');
    expect(conversations.edges.map((e) => e.node.title)).toEqual(['Run club', 'Leg day crew']);
    const crew = present(conversations.edges[1], 'a second conversation').node;
    expect(crew).toMatchObject({ memberCount: 4, unreadCount: 3 });
    expect(crew.messages.edges[0]?.node.reactions).toEqual([
      { emoji: '💪', count: 2 },
      { emoji: '🔥', count: 1 },
    ]);
  });
});
