import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { graphql } from './gql';
import type {
  ConversationFoldedQueryVariables,
  CreateConversationInput,
  MessagesQuery,
  MessagesQueryVariables,
  MessagingSearchMessagesQuery,
  MessagingSearchMessagesQueryVariables,
} from './gql/graphql';
import { errorCodes, expectData, present, run } from './kit/client';
import { Leave, MarkRead, type StartedConversation, send, startConversation } from './kit/messaging';
import { createUser, createUsers, globalId, type SeededUser } from './kit/seed';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const db = useTestDatabase();

type MessagePage = NonNullable<MessagesQuery['conversation']>['messages'];

const Messages = graphql(`
  query Messages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    conversation(id: $id) {
      messages(first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { sequenceNumber } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }`);

const Unread = graphql(`
  query Unread($id: ID!) { conversation(id: $id) { unreadCount memberCount } }`);

/** Inserts `count` messages straight into the table (the trigger numbers them), alternating senders. */
async function bulkMessages(conversation: StartedConversation, senders: SeededUser[], count: number) {
  await db.sql`
    insert into messages (conversation_id, sender_id, body)
    select ${conversation.dbId}, (${senders.map((s) => s.id)}::bigint[])[1 + g % ${senders.length}], 'bulk ' || g
      from generate_series(0, ${count - 1}) g`;
}

async function unreadOf(user: SeededUser, conversation: StartedConversation): Promise<number> {
  return present(
    expectData(await run(db, Unread, { id: conversation.id }, { as: user.id })).conversation,
    'the conversation',
  ).unreadCount;
}

describe('Mutation.createConversation', () => {
  it('adds the caller and the members, and validates its input', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const created = await run(
      db,
      graphql(`mutation CreateConversationWithMembers($input: CreateConversationInput!) { createConversation(input: $input) {
        conversation { title memberCount unreadCount lastMessage { id } lastMessageAt
          members { edges { node { id } } } }
        errors { code field } } }`),
      { input: { title: '  Squad  ', memberIds: [bob!.globalId, carol!.globalId, alice!.globalId, bob!.globalId] } },
      { as: alice!.id },
    );
    const conversation = present(expectData(created).createConversation.conversation, 'the new conversation');
    expect(conversation).toMatchObject({ title: 'Squad', memberCount: 3, unreadCount: 0, lastMessage: null });
    expect(conversation.members.edges.map((e) => e.node.id).sort()).toEqual(
      [alice!.globalId, bob!.globalId, carol!.globalId].sort(),
    );

    const invalid = async (input: CreateConversationInput) =>
      expectData(
        await run(
          db,
          graphql(
            `mutation CreateConversationErrors($input: CreateConversationInput!) { createConversation(input: $input) { conversation { id } errors { code field } } }`,
          ),
          { input },
          { as: alice!.id },
        ),
      ).createConversation;
    expect(await invalid({ title: ' ', memberIds: [bob!.globalId] })).toEqual({
      conversation: null,
      errors: [{ code: 'VALIDATION', field: 'title' }],
    });
    expect((await invalid({ title: 'x'.repeat(201), memberIds: [bob!.globalId] })).errors[0]?.field).toBe('title');
    expect((await invalid({ title: 'Alone', memberIds: [alice!.globalId] })).errors).toEqual([
      { code: 'VALIDATION', field: 'memberIds' },
    ]);
    expect((await invalid({ title: 'Ghost', memberIds: [bob!.globalId, globalId('User', 999_999)] })).errors).toEqual([
      { code: 'NOT_FOUND', field: 'memberIds.1' },
    ]);
    const [{ count }] = await db.sql<[{ count: number }]>`select count(*)::int from conversations`;
    expect(count).toBe(1);

    const anonymous = await run(
      db,
      graphql(
        `mutation CreateConversationWithoutMembers { createConversation(input: { title: "x", memberIds: [] }) { errors { code } } }`,
      ),
    );
    expect(expectData(anonymous).createConversation.errors).toEqual([{ code: 'UNAUTHENTICATED' }]);
  });

  it('refuses more than 100 other members', async () => {
    const [owner] = await createUsers(db.sql, 1);
    const others = await db.sql<{ id: number }[]>`
      insert into users (username, display_name) select 'crowd' || g, 'Crowd ' || g from generate_series(1, 101) g
      returning id`;
    const result = await run(
      db,
      graphql(
        `mutation CreateCrowdedConversation($input: CreateConversationInput!) { createConversation(input: $input) { errors { code field } } }`,
      ),
      { input: { title: 'Too many', memberIds: others.map((u) => globalId('User', u.id)) } },
      { as: owner!.id },
    );
    expect(expectData(result).createConversation.errors).toEqual([{ code: 'VALIDATION', field: 'memberIds' }]);
  });
});

describe('Mutation.sendMessage', () => {
  it('numbers messages, trims the body, moves lastMessage and records a private MESSAGE_SENT', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const first = await send(db, alice!, chat.id, '  Deadlift day  ');
    const second = await send(db, bob!, chat.id, 'On my way');
    expect(first.message).toMatchObject({ sequenceNumber: 1, body: 'Deadlift day' });
    expect(second.message).toMatchObject({ sequenceNumber: 2 });
    const data = expectData(
      await run(
        db,
        graphql(`query LastMessage($id: ID!) { conversation(id: $id) { lastMessage { id body } lastMessageAt } }`),
        {
          id: chat.id,
        },
        { as: alice!.id },
      ),
    );
    expect(present(data.conversation, 'data.conversation').lastMessage).toEqual({
      id: second.message!.id,
      body: 'On my way',
    });
    const events = await db.sql`
      select user_id, type from activity_events where type = 'MESSAGE_SENT' and user_id in (${alice!.id}, ${bob!.id})
      order by id`;
    expect(events.map((e) => e.userId)).toEqual([alice!.id, bob!.id]);
  });

  it('validates the body and the key, and writes nothing', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    expect((await send(db, alice!, chat.id, '   ')).errors).toEqual([
      expect.objectContaining({ code: 'VALIDATION', field: 'body' }),
    ]);
    expect((await send(db, alice!, chat.id, 'x'.repeat(4001))).errors[0]!.field).toBe('body');
    expect((await send(db, alice!, chat.id, 'ok', '')).errors[0]!.field).toBe('idempotencyKey');
    const [{ count }] = await db.sql<
      [{ count: number }]
    >`select count(*)::int from messages where conversation_id = ${chat.dbId}`;
    expect(count).toBe(0);
  });

  it('returns the first message for a retried key, and CONFLICT for the same key with another body', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const first = await send(db, alice!, chat.id, 'See you at 6', 'key-1');
    const retry = await send(db, alice!, chat.id, 'See you at 6', 'key-1');
    expect(retry).toEqual(first);
    const conflict = await send(db, alice!, chat.id, 'See you at 7', 'key-1');
    expect(conflict).toEqual({
      message: null,
      errors: [expect.objectContaining({ code: 'CONFLICT', field: 'idempotencyKey' })],
    });
    // Keys belong to their sender: Bob may use the same one.
    const bobs = await send(db, bob!, chat.id, 'See you at 6', 'key-1');
    expect(bobs.message!.sequenceNumber).toBe(2);
  });
});

describe('Mutation.editMessage', () => {
  it('lets only the sender edit, sets editedAt and keeps search current', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const sent = await send(db, alice!, chat.id, 'Bench press tonight');
    const Edit = graphql(`mutation MessagingEditMessage($input: EditMessageInput!) { editMessage(input: $input) {
      message { body editedAt } errors { code field } } }`);
    const byBob = await run(db, Edit, { input: { messageId: sent.message!.id, body: 'hacked' } }, { as: bob!.id });
    expect(expectData(byBob).editMessage.errors).toEqual([{ code: 'FORBIDDEN', field: 'messageId' }]);
    const byAlice = expectData(
      await run(db, Edit, { input: { messageId: sent.message!.id, body: 'Squats tonight' } }, { as: alice!.id }),
    ).editMessage;
    expect(byAlice.errors).toEqual([]);
    expect(byAlice.message).toEqual({ body: 'Squats tonight', editedAt: expect.any(String) });
    const Search = graphql(
      `query MessageIdsMatching($q: String!) { searchMessages(query: $q) { edges { node { id } } } }`,
    );
    const squat = expectData(await run(db, Search, { q: 'squat' }, { as: alice!.id }));
    expect(squat.searchMessages.edges).toHaveLength(1);
    const bench = expectData(await run(db, Search, { q: 'bench' }, { as: alice!.id }));
    expect(bench.searchMessages.edges).toHaveLength(0);
    const missing = await run(
      db,
      Edit,
      { input: { messageId: globalId('Message', 999_999), body: 'x' } },
      { as: alice!.id },
    );
    expect(expectData(missing).editMessage.errors).toEqual([{ code: 'NOT_FOUND', field: 'messageId' }]);
  });
});

describe('Conversation.messages', () => {
  it('pages forward and backward by sequence number, edges always ascending', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    await bulkMessages(chat, [alice!, bob!], 25);
    const page = async (vars: Omit<MessagesQueryVariables, 'id'>) =>
      present(
        expectData(await run(db, Messages, { id: chat.id, ...vars }, { as: alice!.id })).conversation,
        'the conversation',
      ).messages;
    const numbers = (p: MessagePage) => p.edges.map((e) => e.node.sequenceNumber);

    const first = await page({ first: 10 });
    expect(numbers(first)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await page({ first: 10, after: first.pageInfo.endCursor });
    expect(numbers(second)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = await page({ first: 10, after: second.pageInfo.endCursor });
    expect(numbers(third)).toEqual([21, 22, 23, 24, 25]);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const newest = await page({ last: 10 });
    expect(numbers(newest)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(newest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const older = await page({ last: 10, before: newest.pageInfo.startCursor });
    expect(numbers(older)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(older.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const oldest = await page({ last: 10, before: older.pageInfo.startCursor });
    expect(numbers(oldest)).toEqual([1, 2, 3, 4, 5]);
    expect(oldest.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const tooMany = await run(db, Messages, { id: chat.id, first: 101 }, { as: alice!.id });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const badCursor = await run(db, Messages, { id: chat.id, after: 'nope' }, { as: alice!.id });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads a page of 100 messages with sender, reactions and conversation in the same statements as a page of 1', async () => {
    const users = await createUsers(db.sql, 4);
    const chat = await startConversation(db, users[0]!, users.slice(1));
    await bulkMessages(chat, users, 150);
    await db.sql`
      insert into reactions (message_id, user_id, emoji)
      select m.id, u, e from messages m, unnest(${users.map((u) => u.id)}::bigint[]) u, unnest(array['👍','🔥']) e
       where m.conversation_id = ${chat.dbId} and (m.sequence_number + u) % 3 = 0`;
    const Page = graphql(`query ConversationScreen($id: ID!, $n: Int!) { conversation(id: $id) { title unreadCount
      messages(last: $n) { edges { node { body sender { username } reactions { emoji count viewerHasReacted }
        conversation { title memberCount } } } } } }`);
    const one = await run(db, Page, { id: chat.id, n: 1 }, { as: users[0]!.id });
    const hundred = await run(db, Page, { id: chat.id, n: 100 }, { as: users[0]!.id });
    expect(present(expectData(hundred).conversation, 'the conversation').messages.edges).toHaveLength(100);
    expect([...hundred.statements].sort()).toEqual([...one.statements].sort());
    expect([...hundred.statements].sort()).toMatchInlineSnapshot(`
      [
        "loader:conversationWithMessages",
        "loader:unreadCountByConversationId",
      ]
    `);
  });
});

describe('Query.conversation with its messages', () => {
  // One selection for both reads, so the folded and the unfolded results can be compared whole.
  graphql(`fragment ConversationScreenParts on Conversation { id title memberCount lastSequenceNumber
    viewerLastReadSequenceNumber createdAt lastMessageAt
    messages(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id sequenceNumber body createdAt editedAt
        sender { id username displayName createdAt level followerCount country }
        reactions { emoji count viewerHasReacted } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
  const FOLDED = graphql(`query ConversationFolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    conversation(id: $id) { ...ConversationScreenParts } }`);
  const UNFOLDED =
    graphql(`query ConversationUnfolded($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) { ...ConversationScreenParts } }`);

  it('reads the conversation, its page, senders and reactions in one statement, as the fields alone read them', async () => {
    const users = await createUsers(db.sql, 4);
    const [alice, bob, carol] = users;
    const chat = await startConversation(db, alice!, users.slice(1));
    await bulkMessages(chat, [alice!, bob!, carol!], 30);
    await db.sql`update messages set edited_at = now() where conversation_id = ${chat.dbId} and sequence_number % 7 = 0`;
    // Ties on count are broken by the emoji used first, then by the emoji itself.
    await db.sql`
      insert into reactions (message_id, user_id, emoji, created_at)
      select m.id, u, e, '2026-01-01T10:00:00Z'::timestamptz + (((m.sequence_number * 7 + u * 3 + length(e)) % 11) || ' s')::interval
        from messages m, unnest(${users.map((u) => u.id)}::bigint[]) u, unnest(array['👍','🔥','💪']) e
       where m.conversation_id = ${chat.dbId} and (m.sequence_number + u + length(e)) % 3 <> 0`;
    const asAlice = { as: alice!.id };
    const compare = async (vars: Omit<ConversationFoldedQueryVariables, 'id'>) => {
      const folded = await run(db, FOLDED, { id: chat.id, ...vars }, asAlice);
      const unfolded = await run(db, UNFOLDED, { id: chat.id, ...vars }, asAlice);
      const conversation = present(expectData(folded).conversation, 'the conversation');
      expect(conversation).toEqual(expectData(unfolded).node);
      expect(folded.statements).toEqual(['loader:conversationWithMessages']);
      expect(unfolded.statements).toEqual([
        'loader:conversationById',
        'loader:messagesByConversationId',
        ...(conversation.messages.edges.length > 0 ? ['loader:userById', 'loader:reactionsByMessageId'] : []),
      ]);
      return conversation.messages;
    };
    const first = await compare({ first: 10 });
    expect(first.edges.map((e) => e.node.sequenceNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.edges.some((e) => e.node.reactions.length > 1)).toBe(true);
    const second = await compare({ first: 10, after: first.pageInfo.endCursor });
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const newest = await compare({ last: 10 });
    expect(newest.edges.map((e) => e.node.sequenceNumber)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    const older = await compare({ last: 10, before: newest.pageInfo.startCursor });
    expect(older.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    await compare({ last: 5, before: first.edges[3]!.cursor });
    await compare({});
    await compare({ first: 0 });
    expect((await compare({ first: 10, after: newest.pageInfo.endCursor })).edges).toEqual([]);
  });

  it('reads each field on its own with SPOTTER_FOLDED_READS=off, to the same answer', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    await bulkMessages(chat, [alice!, bob!], 12);
    const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, SPOTTER_FOLDED_READS: 'off' };
    expect(loadConfig(env).foldedReads).toBe(false);
    const config = { ...db.config, foldedReads: false };
    const unfoldedApp = { config, app: createApp({ sql: db.sql, config, leaderboards: { schedule: false } }) };
    try {
      const vars = { id: chat.id, last: 5 };
      const folded = await run(db, FOLDED, vars, { as: alice!.id });
      const unfolded = await run(unfoldedApp, FOLDED, vars, { as: alice!.id });
      expect(unfolded.statements).toEqual([
        'loader:conversationById',
        'loader:messagesByConversationId',
        'loader:userById',
        'loader:reactionsByMessageId',
      ]);
      expect(expectData(unfolded)).toEqual(expectData(folded));
      const profile = graphql(`query UnfoldedProfile($name: String!) { userByUsername(username: $name) {
        followers(first: 2) { edges { node { username } } } } }`);
      expect((await run(unfoldedApp, profile, { name: alice!.username })).statements).toEqual([
        'loader:userByUsername',
        'loader:followersByUserId',
      ]);
    } finally {
      await unfoldedApp.app.close();
    }
  });

  it('answers null with no page for a stranger, and leaves aliased pages and bad arguments to the fields', async () => {
    const [alice, bob, stranger] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!]);
    await bulkMessages(chat, [alice!, bob!], 3);
    const strangers = await run(db, FOLDED, { id: chat.id, first: 2 }, { as: stranger!.id });
    expect(expectData(strangers).conversation).toBeNull();
    expect(strangers.statements).toEqual(['loader:conversationWithMessages']);
    const anonymous = await run(db, FOLDED, { id: chat.id, first: 2 });
    expect(expectData(anonymous).conversation).toBeNull();
    expect(anonymous.statements).toEqual([]);

    const aliased = await run(
      db,
      graphql(`query AliasedMessagePages($id: ID!) { conversation(id: $id) {
        a: messages(first: 1) { edges { node { sequenceNumber } } } b: messages(last: 1) { edges { node { sequenceNumber } } } } }`),
      { id: chat.id },
      { as: alice!.id },
    );
    expect(aliased.statements).toEqual([
      'loader:conversationById',
      'loader:messagesByConversationId',
      'loader:messagesByConversationId',
    ]);
    // A page a directive may drop is left to the field, and a sender under @skip is still answered right.
    const directed = await run(
      db,
      graphql(`query DirectedMessagePage($id: ID!, $withPage: Boolean!) { conversation(id: $id) {
        messages(last: 2) @include(if: $withPage) { edges { node { sequenceNumber } } } } }`),
      { id: chat.id, withPage: false },
      { as: alice!.id },
    );
    expect(directed.statements).toEqual(['loader:conversationById']);
    expect(expectData(directed).conversation).toEqual({});
    const skipped = await run(
      db,
      graphql(`query SkippedSender($id: ID!) { conversation(id: $id) {
        messages(last: 1) { edges { node { sequenceNumber sender @skip(if: true) { username } } } } } }`),
      { id: chat.id },
      { as: alice!.id },
    );
    expect(skipped.statements).toEqual(['loader:conversationWithMessages']);
    expect(present(expectData(skipped).conversation, 'the conversation').messages.edges).toEqual([
      { node: { sequenceNumber: 3 } },
    ]);
    const both = present(expectData(aliased).conversation, 'the conversation');
    expect([both.a.edges[0]!.node.sequenceNumber, both.b.edges[0]!.node.sequenceNumber]).toEqual([1, 3]);
    for (const vars of [{ first: 101 }, { after: 'nope' }, { first: 1, last: 1 }]) {
      expect(errorCodes(await run(db, FOLDED, { id: chat.id, ...vars }, { as: alice!.id }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
  });
});

describe('Message.reactions', () => {
  it('groups reactions, most used first, with viewerHasReacted; one per user, emoji and message', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!, carol!]);
    const sent = await send(db, alice!, chat.id, 'PR!');
    const React = graphql(`mutation MessagingAddReaction($input: ReactionInput!) { addReaction(input: $input) {
      message { reactions { emoji count viewerHasReacted } } errors { code field } } }`);
    const Unreact = graphql(`mutation MessagingRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) {
      message { reactions { emoji count viewerHasReacted } } errors { code field } } }`);
    const input = (emoji: string) => ({ input: { messageId: sent.message!.id, emoji } });
    const react = (user: SeededUser, emoji: string) => run(db, React, input(emoji), { as: user.id }).then(expectData);
    const unreact = (user: SeededUser, emoji: string) =>
      run(db, Unreact, input(emoji), { as: user.id }).then(expectData);
    await react(alice!, '👍');
    await react(bob!, '🔥');
    await react(carol!, '🔥');
    await react(carol!, '🔥');
    const mine = (await react(alice!, '🇸🇪')).addReaction;
    expect(mine.message?.reactions).toEqual([
      { emoji: '🔥', count: 2, viewerHasReacted: false },
      { emoji: '👍', count: 1, viewerHasReacted: true },
      { emoji: '🇸🇪', count: 1, viewerHasReacted: true },
    ]);
    const removed = (await unreact(alice!, '👍')).removeReaction;
    expect(removed.message?.reactions.map((r) => r.emoji)).toEqual(['🔥', '🇸🇪']);
    expect((await unreact(alice!, '👍')).removeReaction.errors).toEqual([]);
    for (const bad of ['a', '👍👍', '', ':)']) {
      expect((await react(alice!, bad)).addReaction.errors).toEqual([{ code: 'VALIDATION', field: 'emoji' }]);
    }
    expect((await react(alice!, '👩‍👩‍👧')).addReaction.errors).toEqual([]);
  });
});

describe('Conversation.unreadCount', () => {
  it('counts others’ messages after the mark; the mark never goes back and clamps to the last message', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    await send(db, alice!, chat.id, 'one');
    await send(db, bob!, chat.id, 'two');
    await send(db, bob!, chat.id, 'three');
    await send(db, alice!, chat.id, 'four');
    expect(await unreadOf(alice!, chat)).toBe(2);
    expect(await unreadOf(bob!, chat)).toBe(2);

    const mark = (user: SeededUser, upTo: number) =>
      run(db, MarkRead, { input: { conversationId: chat.id, upToSequenceNumber: upTo } }, { as: user.id }).then(
        (r) => expectData(r).markConversationRead,
      );
    expect(await mark(alice!, 2)).toMatchObject({ conversation: { unreadCount: 1, viewerLastReadSequenceNumber: 2 } });
    expect(await mark(alice!, 1)).toMatchObject({ conversation: { unreadCount: 1, viewerLastReadSequenceNumber: 2 } });
    expect(await mark(alice!, 1000)).toMatchObject({
      conversation: { unreadCount: 0, viewerLastReadSequenceNumber: 4 },
    });
    await send(db, bob!, chat.id, 'five');
    expect(await unreadOf(alice!, chat)).toBe(1);
    expect((await mark(alice!, -1)).errors).toEqual([{ code: 'VALIDATION', field: 'upToSequenceNumber' }]);
  });

  it('answers for a long-unread conversation from the index', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    await bulkMessages(chat, [alice!, bob!], 1000);
    expect(await unreadOf(alice!, chat)).toBe(500);
    expect(await unreadOf(bob!, chat)).toBe(500);
  });
});

describe('User.conversations', () => {
  it('lists the viewer’s conversations, latest activity first, with keyset pages', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const a = await startConversation(db, alice!, [bob!], 'A');
    const b = await startConversation(db, alice!, [carol!], 'B');
    const c = await startConversation(db, bob!, [carol!, alice!], 'C');
    await send(db, bob!, a.id, 'bump A');
    const Inbox =
      graphql(`query Inbox($first: Int, $after: String) { viewer { conversations(first: $first, after: $after) {
      edges { node { title unreadCount } } pageInfo { hasNextPage endCursor } } } }`);
    const page1 = present(
      expectData(await run(db, Inbox, { first: 2 }, { as: alice!.id })).viewer,
      'the viewer',
    ).conversations;
    expect(page1.edges.map((e) => e.node)).toEqual([
      { title: 'A', unreadCount: 1 },
      { title: 'C', unreadCount: 0 },
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = present(
      expectData(await run(db, Inbox, { first: 2, after: page1.pageInfo.endCursor }, { as: alice!.id })).viewer,
      'the viewer',
    ).conversations;
    expect(page2.edges.map((e) => e.node.title)).toEqual(['B']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    void b;
    void c;

    const othersInbox = await run(
      db,
      graphql(`query OthersInbox($id: ID!) { user(id: $id) { conversations { edges { node { id } } } } }`),
      { id: alice!.globalId },
      { as: bob!.id },
    );
    expect(present(expectData(othersInbox).user, 'the user').conversations.edges).toEqual([]);
  });

  it('reads an inbox page of 1 or 30 conversations with their last messages in the same statements', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    await db.sql`
      with created as (
        insert into conversations (title, created_by_id) select 'Inbox ' || g, ${alice!.id} from generate_series(1, 30) g
        returning id)
      insert into conversation_members (conversation_id, user_id)
      select id, u from created, unnest(array[${alice!.id}, ${bob!.id}]::bigint[]) u`;
    await db.sql`
      insert into messages (conversation_id, sender_id, body)
      select cm.conversation_id, ${bob!.id}, 'hello ' || g
        from conversation_members cm, generate_series(1, 3) g
       where cm.user_id = ${alice!.id}`;
    const Inbox =
      graphql(`query InboxScreen($n: Int!) { viewer { conversations(first: $n) { edges { node { title unreadCount memberCount
      lastMessage { body sender { username } reactions { emoji } } members(first: 5) { edges { node { username } } } } } } } }`);
    const one = await run(db, Inbox, { n: 1 }, { as: alice!.id });
    const thirty = await run(db, Inbox, { n: 30 }, { as: alice!.id });
    expect(present(expectData(thirty).viewer, 'the viewer').conversations.edges).toHaveLength(30);
    expect(present(expectData(thirty).viewer, 'the viewer').conversations.edges[0]?.node).toMatchObject({
      unreadCount: 3,
      memberCount: 2,
    });
    // Loaders of one tick run concurrently on the pool, so their order may vary; the set may not.
    expect([...thirty.statements].sort()).toEqual([...one.statements].sort());
    expect([...thirty.statements].sort()).toMatchInlineSnapshot(`
      [
        "loader:conversationsByUserId",
        "loader:membersByConversationId",
        "loader:messageById",
        "loader:reactionsByMessageId",
        "loader:unreadCountByConversationId",
        "loader:userById",
        "loader:userById",
      ]
    `);
  });
});

describe('Query.searchMessages', () => {
  it('stems English, needs every word, stays in the viewer’s conversations, newest first', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const ours = await startConversation(db, alice!, [bob!]);
    const theirs = await startConversation(db, bob!, [carol!]);
    await send(db, alice!, ours.id, 'Deadlift day');
    await send(db, bob!, ours.id, 'Heavy deadlifting today, deadlift PR');
    await send(db, bob!, theirs.id, 'Deadlift day for us too');
    await send(db, alice!, ours.id, 'Rest day');
    const Search = graphql(`query MessagingSearchMessages($q: String!, $c: ID, $first: Int, $after: String) {
      searchMessages(query: $q, conversationId: $c, first: $first, after: $after) {
        edges { node { body } } pageInfo { hasNextPage endCursor } } }`);
    const search = async (user: SeededUser, vars: MessagingSearchMessagesQueryVariables) =>
      expectData(await run(db, Search, vars, { as: user.id })).searchMessages;
    const bodies = (r: MessagingSearchMessagesQuery['searchMessages']) => r.edges.map((e) => e.node.body);

    expect(bodies(await search(alice!, { q: 'deadlifts' }))).toEqual([
      'Heavy deadlifting today, deadlift PR',
      'Deadlift day',
    ]);
    expect(bodies(await search(alice!, { q: 'DEADLIFT day' }))).toEqual(['Deadlift day']);
    expect(bodies(await search(bob!, { q: 'deadlift day' }))).toEqual(['Deadlift day for us too', 'Deadlift day']);
    expect(bodies(await search(bob!, { q: 'deadlift day', c: theirs.id }))).toEqual(['Deadlift day for us too']);

    const first = await search(bob!, { q: 'deadlift', first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await search(bob!, { q: 'deadlift', first: 5, after: first.pageInfo.endCursor });
    expect([...bodies(first), ...bodies(rest)]).toEqual([
      'Deadlift day for us too',
      'Heavy deadlifting today, deadlift PR',
      'Deadlift day',
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const outsider = await run(db, Search, { q: 'deadlift', c: theirs.id }, { as: alice!.id });
    expect(errorCodes(outsider)).toEqual(['FORBIDDEN']);
    expect(bodies(await search(carol!, { q: 'rest' }))).toEqual([]);
    expect(errorCodes(await run(db, Search, { q: '  ' }, { as: alice!.id }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('Conversation membership', () => {
  it('hides conversations and messages from non-members on every path, and refuses their writes', async () => {
    const [alice, bob, mallory] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!]);
    const sent = await send(db, alice!, chat.id, 'secret plan');
    const messageId = sent.message!.id;

    const read = await run(
      db,
      graphql(`query ConversationAsStranger($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id }
        nodes(ids: [$c, $m]) { id } c: node(id: $c) { id } }`),
      { c: chat.id, m: messageId },
      { as: mallory!.id },
    );
    expect(expectData(read)).toEqual({ conversation: null, node: null, nodes: [null, null], c: null });
    const anonymous = await run(db, graphql(`query ConversationAnonymously($c: ID!) { conversation(id: $c) { id } }`), {
      c: chat.id,
    });
    expect(expectData(anonymous).conversation).toBeNull();

    const errorsOf = async <T extends Record<string, { errors: unknown[] }>, I>(
      document: TypedDocumentNode<T, { input: I }>,
      input: I,
    ) => {
      const data = expectData(await run(db, document, { input }, { as: mallory!.id }));
      return Object.values(data).flatMap((payload) => payload.errors);
    };
    const forbidden = (field: string) => [{ code: 'FORBIDDEN', field }];
    expect((await send(db, mallory!, chat.id, 'let me in')).errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', field: 'conversationId' }),
    ]);
    expect(await errorsOf(MarkRead, { conversationId: chat.id, upToSequenceNumber: 1 })).toEqual(
      forbidden('conversationId'),
    );
    expect(await errorsOf(Leave, { conversationId: chat.id })).toEqual(forbidden('conversationId'));
    const AddReaction = graphql(`mutation StrangerAddsReaction($input: ReactionInput!) {
      addReaction(input: $input) { message { id } errors { code field } } }`);
    const RemoveReaction = graphql(`mutation StrangerRemovesReaction($input: ReactionInput!) {
      removeReaction(input: $input) { message { id } errors { code field } } }`);
    expect(await errorsOf(AddReaction, { messageId, emoji: '👍' })).toEqual(forbidden('messageId'));
    expect(await errorsOf(RemoveReaction, { messageId, emoji: '👍' })).toEqual(forbidden('messageId'));
    const edit = graphql(
      `mutation StrangerEdits($input: EditMessageInput!) { editMessage(input: $input) { errors { code field } } }`,
    );
    expect(await errorsOf(edit, { messageId, body: 'x' })).toEqual(forbidden('messageId'));
    expect((await send(db, mallory!, globalId('Conversation', 999_999), 'x')).errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: 'conversationId' }),
    ]);
    const malformed = await run(db, Leave, { input: { conversationId: 'garbage' } }, { as: alice!.id });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets a member leave: memberCount drops and they read nothing more', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!, carol!]);
    const sent = await send(db, alice!, chat.id, 'hello');
    const left = expectData(await run(db, Leave, { input: { conversationId: chat.id } }, { as: bob!.id }));
    expect(left.leaveConversation).toEqual({ conversation: { id: chat.id, memberCount: 2 }, errors: [] });
    expect(
      present(expectData(await run(db, Unread, { id: chat.id }, { as: alice!.id })).conversation, 'the conversation')
        .memberCount,
    ).toBe(2);
    const after = await run(
      db,
      graphql(`query ConversationAfterLeaving($c: ID!, $m: ID!) { conversation(id: $c) { id } node(id: $m) { id } }`),
      { c: chat.id, m: sent.message!.id },
      { as: bob!.id },
    );
    expect(expectData(after)).toEqual({ conversation: null, node: null });
    expect((await send(db, bob!, chat.id, 'back?')).errors[0]).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('Conversation', () => {
  it('is a Node for its members', async () => {
    const alice = await createUser(db.sql);
    const bob = await createUser(db.sql);
    const chat = await startConversation(db, alice, [bob], 'Nodes');
    const sent = await send(db, bob, chat.id, 'hi');
    const data = expectData(
      await run(
        db,
        graphql(
          `query ConversationAndMessageNodes($c: ID!, $m: ID!) { nodes(ids: [$c, $m]) { id ... on Conversation { title } ... on Message { body sender { id } } } }`,
        ),
        { c: chat.id, m: sent.message!.id },
        { as: alice.id },
      ),
    );
    expect(data.nodes).toEqual([
      { id: chat.id, title: 'Nodes' },
      { id: sent.message!.id, body: 'hi', sender: { id: bob.globalId } },
    ]);
  });
});
