import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens';
import { graphql } from './gql';
import type { ConversationEventsSubscription } from './gql/graphql';
import { expectData, present, run } from './kit/client';
import { Leave, MarkRead, send, startConversation } from './kit/messaging';
import { useSecondProcess } from './kit/processes';
import { createUsers, type SeededUser } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import type { TestDatabase } from './setup/db';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
const streamStatements: string[] = [];
const secondProcess = useSecondProcess(db, (query) => {
  const name = /\/\* (stream:\w+) \*\//.exec(query)?.[1];
  if (name) streamStatements.push(name);
});

const ConversationEvents = graphql(`
  subscription ConversationEvents($id: ID!) {
    conversationEvents(conversationId: $id) {
      __typename
      ... on MessageAddedEvent { message { sequenceNumber body sender { id } } }
      ... on MessageEditedEvent { message { sequenceNumber body editedAt } }
      ... on ReactionsChangedEvent { message { sequenceNumber reactions { emoji count viewerHasReacted } } }
      ... on ReadMarkMovedEvent { user { id } upToSequenceNumber }
      ... on MemberLeftEvent { user { id } memberCount }
    }
  }`);

const EDIT = graphql(
  `mutation ConversationEventsEditMessage($input: EditMessageInput!) { editMessage(input: $input) { errors { code } } }`,
);
const ADD_REACTION = graphql(
  `mutation ConversationEventsAddReaction($input: ReactionInput!) { addReaction(input: $input) { errors { code } } }`,
);
const REMOVE_REACTION = graphql(
  `mutation ConversationEventsRemoveReaction($input: ReactionInput!) { removeReaction(input: $input) { errors { code } } }`,
);

/** Runs a mutation whose one payload must come back without errors. */
async function mutate<T extends Record<string, { errors: unknown[] }>, I>(
  through: TestDatabase,
  as: SeededUser,
  document: TypedDocumentNode<T, { input: I }>,
  input: I,
) {
  const data = expectData(await run(through, document, { input }, { as: as.id }));
  expect(Object.values(data).map((payload) => payload.errors)).toEqual([[]]);
}

type Event = ConversationEventsSubscription['conversationEvents'];
const eventsOf = (results: ExecutionResult<ConversationEventsSubscription>[]): Event[] =>
  results.map((r) => present(r.data, 'an event').conversationEvents);
/** A message's sequence number, or the type of an event that carries none (which fails a comparison). */
const sequenceNumberOf = (event: Event) =>
  event.__typename === 'MessageAddedEvent' ? event.message.sequenceNumber : event.__typename;

describe('Subscription.conversationEvents', () => {
  it('delivers every kind of change, in commit order, whichever process made it', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!, carol!]);
    const stream = await subscribeSse(db, ConversationEvents, { id: chat.id }, { as: alice!.id });
    expect(stream.status).toBe(200);
    // Rows are read when an event is delivered, so each change is awaited before the next one:
    // reactions then show exactly the state after that change (a later change brings its own event).
    const events: Event[] = [];
    const next = async () => events.push(...eventsOf(await stream.take(1)));
    const sent = (await send(secondProcess(), bob!, chat.id, 'first')).message!;
    await next();
    await mutate(db, bob!, EDIT, { messageId: sent.id, body: 'first, edited' });
    await next();
    await mutate(secondProcess(), carol!, ADD_REACTION, { messageId: sent.id, emoji: '🔥' });
    await next();
    // Adding it again changes nothing and is not announced.
    await mutate(db, carol!, ADD_REACTION, { messageId: sent.id, emoji: '🔥' });
    await mutate(db, alice!, ADD_REACTION, { messageId: sent.id, emoji: '🔥' });
    await next();
    await mutate(db, carol!, REMOVE_REACTION, { messageId: sent.id, emoji: '🔥' });
    await next();
    await mutate(secondProcess(), carol!, MarkRead, { conversationId: chat.id, upToSequenceNumber: 5 });
    // A mark that does not move is not announced.
    await mutate(db, carol!, MarkRead, { conversationId: chat.id, upToSequenceNumber: 1 });
    await mutate(db, carol!, Leave, { conversationId: chat.id });
    await send(db, bob!, chat.id, 'second');
    events.push(...eventsOf(await stream.take(3)));

    expect(events).toEqual([
      { __typename: 'MessageAddedEvent', message: { sequenceNumber: 1, body: 'first', sender: { id: bob!.globalId } } },
      {
        __typename: 'MessageEditedEvent',
        message: { sequenceNumber: 1, body: 'first, edited', editedAt: expect.any(String) },
      },
      {
        __typename: 'ReactionsChangedEvent',
        message: { sequenceNumber: 1, reactions: [{ emoji: '🔥', count: 1, viewerHasReacted: false }] },
      },
      {
        __typename: 'ReactionsChangedEvent',
        message: { sequenceNumber: 1, reactions: [{ emoji: '🔥', count: 2, viewerHasReacted: true }] },
      },
      {
        __typename: 'ReactionsChangedEvent',
        message: { sequenceNumber: 1, reactions: [{ emoji: '🔥', count: 1, viewerHasReacted: true }] },
      },
      { __typename: 'ReadMarkMovedEvent', user: { id: carol!.globalId }, upToSequenceNumber: 1 },
      { __typename: 'MemberLeftEvent', user: { id: carol!.globalId }, memberCount: 2 },
      {
        __typename: 'MessageAddedEvent',
        message: { sequenceNumber: 2, body: 'second', sender: { id: bob!.globalId } },
      },
    ]);
    await expect(stream.take(1, 300)).rejects.toThrow(/Timed out/);
    await stream.cancel();
  });

  it('keeps commit order for changes racing on two processes', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!, carol!]);
    const stream = await subscribeSse(db, ConversationEvents, { id: chat.id }, { as: alice!.id });
    await Promise.all([
      (async () => {
        for (let i = 0; i < 15; i += 1) await send(db, bob!, chat.id, `bob ${i}`);
      })(),
      (async () => {
        for (let i = 0; i < 15; i += 1) await send(secondProcess(), carol!, chat.id, `carol ${i}`);
      })(),
    ]);
    const numbers = eventsOf(await stream.take(30)).map(sequenceNumberOf);
    // Sequence numbers are taken under the conversation's row lock, so commit order is number order.
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await stream.cancel();
  });

  it('ends when the subscriber leaves, through another process', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const stream = await subscribeSse(db, ConversationEvents, { id: chat.id }, { as: alice!.id });
    await send(db, bob!, chat.id, 'hi');
    expect(eventsOf(await stream.take(1))[0]?.__typename).toBe('MessageAddedEvent');
    await mutate(secondProcess(), alice!, Leave, { conversationId: chat.id });
    await stream.ended(5_000);
  });

  it('re-checks membership with every delivery, even when no leave was announced', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const stream = await subscribeSse(db, ConversationEvents, { id: chat.id }, { as: alice!.id });
    await db.sql`delete from conversation_members where conversation_id = ${chat.dbId} and user_id = ${alice!.id}`;
    await send(db, bob!, chat.id, 'not for alice any more');
    await stream.ended(5_000);
    await expect(stream.take(1, 100)).rejects.toThrow(/ended after 0 results/);
  });

  it('ends when the token expires', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const token = await signToken(alice!.id, db.config.jwtSecret, '2s');
    const stream = await subscribeSse(db, ConversationEvents, { id: chat.id }, { authorization: `Bearer ${token}` });
    await send(db, bob!, chat.id, 'quick');
    expect(eventsOf(await stream.take(1))).toHaveLength(1);
    await stream.ended(5_000);
  });

  it('refuses non-members and anonymous callers', async () => {
    const [alice, bob, mallory] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!]);
    for (const as of [mallory!.id, undefined]) {
      const stream = await subscribeSse(db, ConversationEvents, { id: chat.id }, as === undefined ? {} : { as });
      const [result] = await stream.take(1);
      expect(result!.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      await stream.ended();
    }
  });

  it('works over WebSocket (graphql-transport-ws)', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const port = await db.app.listen(0);
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${await signToken(alice!.id, db.config.jwtSecret)}` },
    });
    const iterator = client.iterate<{ conversationEvents: { __typename: string } }>({
      query: print(ConversationEvents),
      variables: { id: chat.id },
    });
    // The stream is live only and the socket subscribes asynchronously: keep sending until one arrives.
    const first = iterator.next();
    let sent = 0;
    const sender = setInterval(() => void send(secondProcess(), bob!, chat.id, `over the socket ${++sent}`), 100);
    const value = (await first).value;
    clearInterval(sender);
    expect(value?.data?.conversationEvents).toMatchObject({
      __typename: 'MessageAddedEvent',
      message: { body: expect.stringMatching(/^over the socket \d+$/) },
    });
    await iterator.return?.();
    await client.dispose();
  });
});

describe('Subscription.conversationEvents fan-out', () => {
  /** Stream statements one change costs the process holding `subscribers` streams of its conversation. */
  async function statementsPerChange(subscribers: number): Promise<string[]> {
    const [sender, ...readers] = await createUsers(db.sql, subscribers + 1);
    const chat = await startConversation(db, sender!, readers);
    const message = (await send(db, sender!, chat.id, 'before')).message!;
    const streams = await Promise.all(
      readers.map((reader) => subscribeSse(secondProcess(), ConversationEvents, { id: chat.id }, { as: reader.id })),
    );
    streamStatements.length = 0;
    await send(db, sender!, chat.id, 'to everyone');
    await mutate(db, sender!, ADD_REACTION, { messageId: message.id, emoji: '👏' });
    await mutate(db, readers[0]!, MarkRead, { conversationId: chat.id, upToSequenceNumber: 2 });
    const received = await Promise.all(streams.map((stream) => stream.take(3)));
    for (const results of received) {
      expect(eventsOf(results).map((event) => event.__typename)).toEqual([
        'MessageAddedEvent',
        'ReactionsChangedEvent',
        'ReadMarkMovedEvent',
      ]);
    }
    const spent = [...streamStatements].sort();
    await Promise.all(streams.map((stream) => stream.cancel()));
    return spent;
  }

  it('reads each change once per process, whatever the number of subscribers', async () => {
    const one = await statementsPerChange(1);
    const twenty = await statementsPerChange(20);
    expect(twenty).toEqual(one);
    expect(one).toEqual(
      [
        ...['stream:members', 'stream:messageById', 'stream:users'],
        ...['stream:members', 'stream:messageById', 'stream:reactions', 'stream:users'],
        ...['stream:members', 'stream:users'],
      ].sort(),
    );
  });
});
