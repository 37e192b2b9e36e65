import { type FormattedExecutionResult, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../src/auth/tokens';
import { graphql } from './gql';
import type { LimitedMessageAddedSubscription } from './gql/graphql';
import { send, startConversation } from './kit/messaging';
import { createUsers, type SeededUser } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase({
  leaderboards: { schedule: false },
  subscriptionLimits: { perConnection: 3, perViewer: 5 },
});
let url: string;

beforeAll(async () => {
  url = `ws://127.0.0.1:${await db.app.listen(0)}/graphql`;
});

// Replays from the start, so a message sent before a stream is established still reaches it.
const MESSAGE_ADDED = graphql(
  `subscription LimitedMessageAdded($id: ID!) { messageAdded(conversationId: $id, afterSequenceNumber: 0) { body } }`,
);

async function connect(user: SeededUser): Promise<Client> {
  const token = await signToken(user.id, db.config.jwtSecret);
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}

/** A live subscription: the values it received, and how it ended (an error list or complete). */
function subscribe(client: Client, conversationId: string) {
  const values: FormattedExecutionResult<LimitedMessageAddedSubscription, unknown>[] = [];
  let end: (() => void) | null = null;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const dispose = client.subscribe<LimitedMessageAddedSubscription>(
    { query: print(MESSAGE_ADDED), variables: { id: conversationId } },
    { next: (value) => values.push(value), error: () => end!(), complete: () => end!() },
  );
  return { values, ended, dispose };
}

async function until(condition: () => boolean) {
  for (let i = 0; !condition(); i += 1) {
    expect(i).toBeLessThan(200);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const codesOf = (values: FormattedExecutionResult<unknown, unknown>[]) =>
  values.flatMap((v) => (v.errors ?? []).map((e) => e.extensions?.code));

describe('live subscriptions', () => {
  it('are capped per WebSocket connection and per viewer, with TOO_MANY_SUBSCRIPTIONS, over one LISTEN connection', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const first = await connect(alice!);
    const second = await connect(alice!);
    try {
      const live = [subscribe(first, chat.id), subscribe(first, chat.id), subscribe(first, chat.id)];
      await send(db, bob!, chat.id, 'one');
      await until(() => live.every((s) => s.values.length === 1));

      const overConnection = subscribe(first, chat.id);
      await overConnection.ended;
      expect(codesOf(overConnection.values)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);

      live.push(subscribe(second, chat.id), subscribe(second, chat.id));
      await send(db, bob!, chat.id, 'two');
      await until(() => live.every((s) => s.values.some((v) => v.data?.messageAdded.body === 'two')));
      const overViewer = subscribe(second, chat.id);
      await overViewer.ended;
      expect(codesOf(overViewer.values)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
      const overSse = await subscribeSse(db, MESSAGE_ADDED, { id: chat.id }, { as: alice!.id });
      expect(codesOf(await overSse.take(1))).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
      await overSse.cancel();

      // Five live streams (and Bob's none) share the process's one LISTEN connection.
      const [listeners] = await db.sql<[{ count: number }]>`
        select count(*)::int as count from pg_stat_activity
         where datname = current_database() and query ilike 'listen%'`;
      expect(listeners.count).toBe(1);

      // Ending one frees its place.
      live[0]!.dispose();
      await live[0]!.ended;
      const again = subscribe(first, chat.id);
      await send(db, bob!, chat.id, 'three');
      await until(() => again.values.some((v) => v.data?.messageAdded.body === 'three'));
      expect(codesOf(again.values)).toEqual([]);
    } finally {
      await first.dispose();
      await second.dispose();
    }
  });
});
