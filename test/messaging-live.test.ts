import { type ExecutionResult, print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp } from '../src/app';
import { signToken } from '../src/auth/tokens';
import { createSql } from '../src/db/client';
import { graphql } from './gql';
import type { MessageAddedSubscription } from './gql/graphql';
import { expectData, run } from './kit/client';
import { Leave, send, startConversation } from './kit/messaging';
import { createUsers } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { type TestDatabase, useTestDatabase } from './setup/db';

const db = useTestDatabase();

const MessageAdded = graphql(`
  subscription MessageAdded($id: ID!, $after: Int) {
    messageAdded(conversationId: $id, afterSequenceNumber: $after) {
      sequenceNumber body sender { id } conversation { id lastMessage { sequenceNumber } }
    }
  }`);

/** A second server process for LISTEN/NOTIFY purposes: its own app and its own pool on the same database. */
let second: TestDatabase | null = null;
function secondProcess(): TestDatabase {
  if (!second) {
    const sql = createSql(db.url, { max: 5 });
    second = { ...db, sql, app: createApp({ sql, config: db.config }) };
  }
  return second;
}
afterAll(async () => {
  if (!second) return;
  await second.app.close();
  await second.sql.end({ timeout: 5 });
});

const numbersOf = (results: ExecutionResult<MessageAddedSubscription>[]) =>
  results.map((r) => r.data?.messageAdded.sequenceNumber);

describe('Subscription.messageAdded', () => {
  it('delivers over SSE a message sent through another server process', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const stream = await subscribeSse(db, MessageAdded, { id: chat.id }, { as: alice!.id });
    expect(stream.status).toBe(200);
    // The response starts once the subscription is established: a message sent right away arrives.
    await send(secondProcess(), bob!, chat.id, 'sent through process two');
    await send(db, bob!, chat.id, 'sent through process one');
    const [first, secondResult] = await stream.take(2);
    expect(first!.data).toEqual({
      messageAdded: {
        sequenceNumber: 1,
        body: 'sent through process two',
        sender: { id: bob!.globalId },
        conversation: { id: chat.id, lastMessage: { sequenceNumber: expect.any(Number) } },
      },
    });
    expect(secondResult!.data!.messageAdded.sequenceNumber).toBe(2);
    await stream.cancel();
  });

  it('replays from afterSequenceNumber, then goes live: every number once, in order, while others send', async () => {
    const [alice, bob, carol] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!, carol!]);
    await db.sql`
      insert into messages (conversation_id, sender_id, body)
      select ${chat.dbId}, ${bob!.id}, 'backlog ' || g from generate_series(1, 250) g`;
    // Two senders on two processes keep sending before, during and after the replay.
    let sent = 0;
    const sender = async (through: TestDatabase, user: typeof bob) => {
      for (let i = 0; i < 20; i += 1) {
        await send(through, user!, chat.id, `live ${i}`);
        sent += 1;
      }
    };
    const senders = Promise.all([sender(db, bob), sender(secondProcess(), carol)]);
    while (sent < 6) await new Promise((resolve) => setTimeout(resolve, 5));
    const stream = await subscribeSse(db, MessageAdded, { id: chat.id, after: 10 }, { as: alice!.id });
    const sentWhenSubscribed = sent;
    await senders;
    expect(sentWhenSubscribed).toBeLessThan(40);
    const results = await stream.take(280, 20_000);
    expect(numbersOf(results)).toEqual(Array.from({ length: 280 }, (_, i) => i + 11));
    await send(db, bob!, chat.id, 'after the switch');
    expect(numbersOf(await stream.take(1))).toEqual([291]);
    await stream.cancel();
  });

  it('ends the stream when the subscriber leaves the conversation', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    await send(db, bob!, chat.id, 'before');
    const stream = await subscribeSse(db, MessageAdded, { id: chat.id, after: 0 }, { as: alice!.id });
    expect(numbersOf(await stream.take(1))).toEqual([1]);
    // Leaving through the other process still reaches this one.
    expectData(await run(secondProcess(), Leave, { input: { conversationId: chat.id } }, { as: alice!.id }));
    await stream.ended(5_000);
  });

  it('re-checks membership with every delivery, even when no leave was announced', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const stream = await subscribeSse(db, MessageAdded, { id: chat.id }, { as: alice!.id });
    await db.sql`delete from conversation_members where conversation_id = ${chat.dbId} and user_id = ${alice!.id}`;
    await send(db, bob!, chat.id, 'not for alice any more');
    await stream.ended(5_000);
    await expect(stream.take(1, 100)).rejects.toThrow(/ended after 0 results/);
  });

  it('ends the stream when the token expires', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const token = await signToken(alice!.id, db.config.jwtSecret, '2s');
    const stream = await subscribeSse(db, MessageAdded, { id: chat.id }, { authorization: `Bearer ${token}` });
    await send(db, bob!, chat.id, 'quick');
    expect(numbersOf(await stream.take(1))).toEqual([1]);
    await stream.ended(5_000);
  });

  it('refuses non-members and anonymous callers', async () => {
    const [alice, bob, mallory] = await createUsers(db.sql, 3);
    const chat = await startConversation(db, alice!, [bob!]);
    for (const as of [mallory!.id, undefined]) {
      const stream = await subscribeSse(db, MessageAdded, { id: chat.id }, as === undefined ? {} : { as });
      const [result] = await stream.take(1);
      expect(result!.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      await stream.ended();
    }
  });

  it('works over WebSocket (graphql-transport-ws) with connectionParams, and refuses a bad token', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const port = await db.app.listen(0);
    const url = `ws://127.0.0.1:${port}/graphql`;

    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${await signToken(alice!.id, db.config.jwtSecret)}` },
    });
    const iterator = client.iterate<{ messageAdded: { sequenceNumber: number; body: string } }>({
      query: print(MessageAdded),
      variables: { id: chat.id, after: 0 },
    });
    await send(db, bob!, chat.id, 'over the socket');
    const first = await iterator.next();
    expect(first.value?.data?.messageAdded).toMatchObject({ sequenceNumber: 1, body: 'over the socket' });
    await iterator.return?.();
    await client.dispose();

    const refused = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: 'Bearer not-a-token' },
    });
    const denied = refused.iterate({ query: print(MessageAdded), variables: { id: chat.id } });
    await expect(denied.next()).rejects.toMatchObject({ code: 4403 });
    await refused.dispose();
  });
});
