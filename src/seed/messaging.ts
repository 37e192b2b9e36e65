import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { addReaction, createConversation, markConversationRead, sendMessage } from '../domain/messaging';
import type { Result } from '../errors';
import { createLoaders } from '../loaders';
import type { DemoContext } from './demo';
import type { ScaleOptions, SeedStep } from './scale';

/** One conversation per this many users; about this many messages per user overall. */
const USERS_PER_CONVERSATION = 30;
const MESSAGES_PER_USER = 20;
/** The one conversation whose history is deep enough to show that paging cost does not grow. */
const LARGEST_CONVERSATION = 100_000;

const PHRASES = [
  'Deadlift day, who is in?',
  'New squat PR this morning',
  'Bench press at 6 tonight',
  'Rest day, my legs are done',
  'Anyone tried the new program?',
  'Hit 5x5 on overhead press',
  'Going for a long run tomorrow',
  'Mobility work is underrated',
  'Pull-ups are finally clicking',
  'How many sets do you do for back?',
  'Protein shake then stretching',
  'Leg day was brutal',
  'Deload week starts Monday',
  'Form check on my deadlift please',
  'Cardio before or after lifting?',
  'Gym is packed today',
  'Early session, coffee first',
  'Trying a heavier kettlebell',
  'Recovered well after yesterday',
  'Great workout everyone!',
  'Rows and curls, classic pull day',
  'See you at the squat rack',
  'Sleep is the best supplement',
  'Lifting with the team on Saturday',
];
const EMOJI = ['👍', '🔥', '💪', '❤️', '😂', '🎉', '👏', '🏋️'];

/**
 * Conversations (most of 2–8 members, about one in forty of 40–101), their members, messages with
 * gap-free sequence numbers (one conversation holding up to 100,000 of them), reactions and the
 * private MESSAGE_SENT events, all by INSERT … SELECT. The row triggers are off during the load,
 * and every denormalized column they would keep (member_count, last_sequence_number,
 * last_message_id/at, members' read marks) is then set in one pass per table.
 */
export const messagingStep: SeedStep = {
  label: 'messages',
  total: (o) => o.users * MESSAGES_PER_USER,
  async run(sql, options, tick) {
    const plan = planFor(options);
    const [{ minId, maxId }] = await sql<[{ minId: number; maxId: number }]>`/* seed:userRange */
      select min(id) as min_id, max(id) as max_id from users`;
    const span = maxId - minId + 1;
    const [{ conversationBase, messageBase }] = await sql<[{ conversationBase: number; messageBase: number }]>`
      /* seed:messagingBase */
      select (select coalesce(max(id), 0) from conversations)::bigint as conversation_base,
             (select coalesce(max(id), 0) from messages)::bigint as message_base`;

    await sql`alter table conversation_members disable trigger user`;
    await sql`alter table messages disable trigger user`;
    try {
      await sql`/* seed:conversations */
        insert into conversations (title, created_by_id, created_at)
        select (array['Leg day crew','Morning lifters','Powerlifting club','Run club','Bench squad',
                      'Gym buddies','Marathon prep','Home workouts','Strength team','Weekend warriors'])
                 [1 + (hashint4(g::int) & 2147483647) % 10] || ' ' || g,
               ${minId}::bigint + (hashint4(g::int + 11) & 2147483647) % ${span},
               now() - make_interval(days => 30 + (hashint4(g::int + 5) & 2147483647) % 300)
          from generate_series(1, ${plan.conversations}) g
         order by g`;
      const [{ firstId, lastId }] = await sql<[{ firstId: number; lastId: number }]>`/* seed:conversationRange */
        select min(id) as first_id, max(id) as last_id from conversations where id > ${conversationBase}`;
      // The first conversations of this run are the large ones; the very first is the deepest.
      await sql`/* seed:members */
        insert into conversation_members (conversation_id, user_id, joined_at)
        select c.id, member.user_id, c.created_at + make_interval(secs => member.n)
          from conversations c
         cross join lateral (
           select c.created_by_id as user_id, 0 as n
           union all
           select ${minId}::bigint + (hashint8(c.id * 1000 + n) & 2147483647) % ${span}, n
             from generate_series(1, least(${span}::bigint - 1,
                    case when c.id < ${firstId}::bigint + ${plan.largeConversations}
                         then 39 + (hashint8(c.id) & 2147483647) % 62
                         else 1 + (hashint8(c.id) & 2147483647) % 7 end)) n
         ) member
         where c.id > ${conversationBase}
        on conflict do nothing`;
      await sql`/* seed:memberCounts */
        update conversations c set member_count = m.n
          from (select conversation_id, count(*)::int as n from conversation_members
                 where conversation_id > ${conversationBase} group by conversation_id) m
         where c.id = m.conversation_id`;

      let inserted = 0;
      const deepest = firstId;
      for (let from = 1; from <= plan.deepestMessages; from += 20_000) {
        const to = Math.min(plan.deepestMessages, from + 19_999);
        await insertMessages(
          sql,
          sql`c.id = ${deepest} and s between ${from} and ${to}`,
          sql`${plan.deepestMessages}::int`,
        );
        inserted += to - from + 1;
        tick(inserted);
      }
      // The rest, shared by member count, a band of conversations at a time.
      const [{ otherMembers }] = await sql<[{ otherMembers: number }]>`/* seed:otherMembers */
        select coalesce(sum(member_count), 0)::bigint as other_members from conversations where id > ${deepest}`;
      const perMember = otherMembers > 0 ? plan.otherMessages / otherMembers : 0;
      const lastConversation = lastId;
      for (let from = deepest + 1; from <= lastConversation; from += 200) {
        const to = Math.min(lastConversation, from + 199);
        const count = sql`greatest(1, round(c.member_count * ${perMember}::float8))::int`;
        const [{ n }] = await sql<[{ n: number }]>`/* seed:otherMessageCount */
          select coalesce(sum(greatest(1, round(member_count * ${perMember}::float8))), 0)::int as n
            from conversations c where c.id between ${from} and ${to}`;
        await insertMessages(sql, sql`c.id between ${from} and ${to}`, count);
        inserted += n;
        tick(Math.min(inserted, plan.totalMessages));
      }

      await sql`/* seed:lastMessages */
        update conversations c
           set last_sequence_number = m.sequence_number, last_message_id = m.id, last_message_at = m.created_at
          from (select distinct on (conversation_id) conversation_id, sequence_number, id, created_at
                  from messages where conversation_id > ${conversationBase}
                 order by conversation_id, sequence_number desc) m
         where c.id = m.conversation_id`;
      // Most members are caught up; some lag a little, a few never opened the conversation.
      await sql`/* seed:readMarks */
        update conversation_members cm
           set last_read_sequence_number = case
                 when (hashint8(cm.user_id + cm.conversation_id * 7919) & 2147483647) % 100 < 60 then c.last_sequence_number
                 when (hashint8(cm.user_id + cm.conversation_id * 7919) & 2147483647) % 100 < 95
                   then greatest(0, c.last_sequence_number - (hashint8(cm.user_id) & 2147483647) % 50)::int
                 else 0 end
          from conversations c
         where c.id = cm.conversation_id and c.id > ${conversationBase}`;
    } finally {
      await sql`alter table messages enable trigger user`;
      await sql`alter table conversation_members enable trigger user`;
    }

    const [{ lastMessage }] = await sql<[{ lastMessage: number }]>`/* seed:lastMessageId */
      select coalesce(max(id), 0)::bigint as last_message from messages`;
    for (let from = messageBase + 1; from <= lastMessage; from += 100_000) {
      const to = Math.min(lastMessage, from + 99_999);
      await sql`/* seed:messageSentEvents */
        insert into activity_events (user_id, type, message_id, created_at)
        select sender_id, 'MESSAGE_SENT', id, created_at from messages where id between ${from} and ${to}`;
      // About one message in eight gets one to three reactions from members of its conversation.
      await sql`/* seed:reactions */
        insert into reactions (message_id, user_id, emoji, created_at)
        select m.id, mem.ids[1 + (hashint8(m.id * 31 + r) & 2147483647) % cardinality(mem.ids)],
               (${EMOJI}::text[])[1 + (hashint8(m.id * 17 + r) & 2147483647) % ${EMOJI.length}],
               m.created_at + make_interval(mins => r)
          from messages m
          join lateral (select array_agg(user_id) as ids from conversation_members
                         where conversation_id = m.conversation_id) mem on true
         cross join lateral generate_series(1, 1 + (hashint8(m.id) & 2147483647) % 3) r
         where m.id between ${from} and ${to} and (hashint8(m.id + 3) & 2147483647) % 8 = 0
        on conflict do nothing`;
    }
  },
};

interface Plan {
  conversations: number;
  largeConversations: number;
  totalMessages: number;
  deepestMessages: number;
  otherMessages: number;
}

function planFor({ users }: ScaleOptions): Plan {
  const conversations = Math.max(1, Math.round(users / USERS_PER_CONVERSATION));
  const totalMessages = users * MESSAGES_PER_USER;
  const deepestMessages = Math.min(
    LARGEST_CONVERSATION,
    conversations === 1 ? totalMessages : Math.ceil(totalMessages / 2),
  );
  return {
    conversations,
    largeConversations: Math.max(1, Math.round(conversations / 40)),
    totalMessages,
    deepestMessages,
    otherMessages: totalMessages - deepestMessages,
  };
}

/**
 * Messages numbered 1..n per conversation, spread evenly from the conversation's creation to now,
 * each from a member drawn at random.
 */
function insertMessages(sql: Sql, which: Fragment, count: Fragment) {
  return sql`/* seed:messages */
    insert into messages (conversation_id, sender_id, sequence_number, body, created_at)
    select c.id,
           mem.ids[1 + (hashint8(c.id * 100003 + s) & 2147483647) % cardinality(mem.ids)],
           s,
           case when (hashint8(c.id + s) & 2147483647) % 4 = 0
                then (${PHRASES}::text[])[1 + (hashint8(s * 7 + c.id) & 2147483647) % ${PHRASES.length}] || ' '
                     || (${PHRASES}::text[])[1 + (hashint8(s * 13 + c.id) & 2147483647) % ${PHRASES.length}]
                else (${PHRASES}::text[])[1 + (hashint8(s * 7 + c.id) & 2147483647) % ${PHRASES.length}] end,
           c.created_at + (now() - c.created_at) * (s::float8 / (${count} + 1))
      from conversations c
      join lateral (select array_agg(user_id order by user_id) as ids from conversation_members
                     where conversation_id = c.id) mem on true
     cross join lateral generate_series(1, ${count}) as s
     where ${which}
     order by c.id, s`;
}

/** Two conversations among the demo users, written through the same rules as the API. */
export async function demoConversations(demo: DemoContext): Promise<void> {
  const as = (username: string) => {
    const id = demo.users.get(username);
    if (id === undefined) throw new Error(`Demo user ${username} is missing`);
    return { sql: demo.sql, viewer: { id, expiresAt: null }, loaders: createLoaders(demo.sql, id) };
  };
  const members = (...usernames: string[]) => usernames.map((name) => demo.users.get(name)!);
  const must = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`Demo data broke a rule: ${result.errors.map((e) => e.message).join('; ')}`);
    return result.value;
  };

  const crew = must(
    await createConversation(as('demo'), { title: 'Leg day crew', memberIds: members('ada', 'kai', 'noa') }),
  ).conversation;
  const script: [string, string][] = [
    ['demo', 'Deadlift day tomorrow, 7am?'],
    ['ada', 'In! Going for a new PR on deadlifts'],
    ['kai', 'I will be there, squats after'],
    ['noa', 'Count me in, bringing chalk'],
    ['demo', 'Great, see you at the rack'],
  ];
  let lastMessageId = 0;
  for (const [sender, body] of script) {
    lastMessageId = must(await sendMessage(as(sender), { conversationId: crew.id, body })).message.id;
  }
  must(await addReaction(as('ada'), { messageId: lastMessageId, emoji: '💪' }));
  must(await addReaction(as('kai'), { messageId: lastMessageId, emoji: '💪' }));
  must(await addReaction(as('noa'), { messageId: lastMessageId, emoji: '🔥' }));
  must(await markConversationRead(as('ada'), { conversationId: crew.id, upToSequenceNumber: script.length }));

  const runners = must(
    await createConversation(as('max'), { title: 'Run club', memberIds: members('demo', 'ria', 'eli', 'ivy') }),
  ).conversation;
  for (const [sender, body] of [
    ['max', 'Long run on Sunday, 15 km easy pace'],
    ['ria', 'Sounds good, meet at the park'],
    ['ivy', 'I will bike along'],
  ] as const) {
    must(await sendMessage(as(sender), { conversationId: runners.id, body }));
  }
}
