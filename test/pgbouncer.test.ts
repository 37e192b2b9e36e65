// Two server processes behind a real PgBouncer in transaction mode: prepared statements off on the
// pooled client, LISTEN straight to PostgreSQL, the board keeper's advisory lock per transaction.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { signToken } from '../src/auth/tokens';
import { graphql } from './gql';
import { present } from './kit/client';
import { type PgBouncer, pgbouncerMissing, startPgBouncer } from './kit/replication';
import { createUser, globalId } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false } });
const missing = pgbouncerMissing();
if (missing) console.warn(missing);

const ADDED = graphql(
  `subscription BouncedMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }`,
);
const CREATE = graphql(`mutation BouncedCreateConversation($input: CreateConversationInput!) {
  createConversation(input: $input) { conversation { id } errors { code } } }`);
const LOG = graphql(`mutation BouncedLogWorkout($input: LogWorkoutInput!) {
  logWorkout(input: $input) { errors { field } } }`);
const BOARD = graphql(
  `query BouncedBoard { leaderboard(kind: XP_ALL_TIME, first: 1) { edges { node { rank user { username } } } } }`,
);
const SEND = graphql(`mutation BouncedSendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) { message { sequenceNumber } errors { code } } }`);

let bouncer: PgBouncer;
const servers: { child: ChildProcess; base: string }[] = [];

async function startServer(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/server-process.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: bouncer.url(db.name),
      DATABASE_PREPARE: 'false',
      DATABASE_LISTEN_URL: db.url,
      JWT_SECRET: db.config.jwtSecret,
      BOARD_KEEPER_INTERVAL_MS: '250',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /ready (\d+)/.exec(line.toString())?.[1];
  if (!port) throw new Error(`server process said ${line}`);
  const base = `http://127.0.0.1:${port}`;
  servers.push({ child, base });
  return base;
}

/** subscribeSse and friends speak to `app.yoga.fetch`: this one goes over the network to a process. */
const remote = (base: string) => ({
  app: {
    yoga: { fetch: (url: string, init: RequestInit) => fetch(url.replace('http://spotter.test', base), init) },
  } as unknown as App,
  config: db.config,
});

async function post<T, V>(base: string, document: TypedDocumentNode<T, V>, variables: V, as: number): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await signToken(as, db.config.jwtSecret)}`,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as ExecutionResult<T>;
  if (body.errors || body.data == null) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe.skipIf(missing !== null)('behind PgBouncer (transaction mode)', () => {
  beforeAll(async () => {
    bouncer = await startPgBouncer(Number(new URL(db.url).port));
    await Promise.all([startServer(), startServer()]);
  }, 60_000);

  afterAll(async () => {
    for (const { child } of servers) child.kill('SIGTERM');
    await Promise.all(servers.map(({ child }) => (child.exitCode === null ? once(child, 'exit') : null)));
    await bouncer?.stop();
  });

  it('delivers messages sent through one process to subscribers on the other, gap-free', async () => {
    const [one, two] = servers.map((server) => server.base) as [string, string];
    const [owner, member] = [await createUser(db.sql), await createUser(db.sql)];
    const created = await post(one, CREATE, { input: { title: 'Bouncer', memberIds: [member.globalId] } }, owner.id);
    const conversationId = present(created.createConversation.conversation, 'the new conversation').id;
    const subscription = await subscribeSse(remote(two), ADDED, { id: conversationId }, { as: member.id });
    expect(subscription.status).toBe(200);
    // The stream is live once its LISTEN is: a message sent before then would be replayed, not lost, but
    // this test is about delivery, so it waits for the first one.
    await post(one, SEND, { input: { conversationId, body: 'first' } }, owner.id);
    await subscription.take(1, 10_000);
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(i % 2 ? one : two, SEND, { input: { conversationId, body: `m${i}` } }, i % 3 ? owner.id : member.id),
      ),
    );
    expect(sent.every((data) => data.sendMessage.errors.length === 0)).toBe(true);
    const delivered = await subscription.take(30, 20_000);
    expect(delivered.map((result) => result.data?.messageAdded.sequenceNumber)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 2),
    );
    const dbId = Number(Buffer.from(conversationId, 'base64').toString().split(':')[1]);
    const [row] = await db.sql<{ count: number }[]>`
      select count(*)::int as count from messages where conversation_id = ${dbId}`;
    expect(row!.count).toBe(31);
    await subscription.cancel();
  }, 60_000);

  it('shows a workout logged through one process on the boards the other serves, and folds its deltas', async () => {
    const [one, two] = servers.map((server) => server.base) as [string, string];
    const lifter = await createUser(db.sql, { username: 'bounced_lifter' });
    const bench = (await db.sql<[{ id: number }]>`select id from exercises where name = 'Bench Press'`)[0].id;
    const sets = [{ exerciseId: globalId('Exercise', bench), reps: 5, weightKg: 100 }];
    const input = { title: 'Bounced', startedAt: new Date().toISOString(), durationSeconds: 600, sets };
    expect((await post(one, LOG, { input }, lifter.id)).logWorkout.errors).toEqual([]);
    const board = await post(two, BOARD, {}, lifter.id);
    expect(board.leaderboard.edges[0]?.node).toMatchObject({ rank: 1, user: { username: 'bounced_lifter' } });
    // The keepers fold behind the pooler: their lock is transaction-scoped, so it never outlives a server connection.
    await expect
      .poll(async () => (await db.sql<[{ n: number }]>`select count(*)::int as n from board_deltas`)[0].n, {
        timeout: 10_000,
      })
      .toBe(0);
  }, 30_000);
});
