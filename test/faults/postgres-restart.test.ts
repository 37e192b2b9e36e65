import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app';
import { signToken } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';
import { createSql, REQUEST_CONNECT_TIMEOUT_SECONDS, type Sql } from '../../src/db/client';
import { embeddedCluster, embeddedUrl } from '../../src/db/database';
import { prepareDatabase } from '../../src/db/prepare';
import { encodeGlobalId } from '../../src/graphql/ids';
import { inconsistencies } from '../kit/consistency';
import { TEST_JWT_SECRET } from '../setup/db';

// A cluster of its own: the suite's shared one must not be crashed under the other test files.
let cluster: Awaited<ReturnType<typeof embeddedCluster>>;
let dataDir: string;
let sql: Sql;
let app: App;
let url: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'spotter-fault-pg-'));
  const port = await freePort();
  // fsync off is safe here (the OS does not crash); synchronous_commit stays on, so a commit the
  // client saw is in the WAL before the crash.
  cluster = await embeddedCluster({ dataDir, port, database: 'postgres', settings: { fsync: 'off' } });
  await cluster.initialise();
  await cluster.start();
  const admin = postgres(embeddedUrl(port, 'postgres'), { max: 1, onnotice: () => {} });
  await admin`create database spotter_fault`;
  await admin.end();
  url = embeddedUrl(port, 'spotter_fault');
  const setup = createSql(url, { max: 1 });
  await prepareDatabase(url, setup);
  await setup.end();
  // As main.ts builds the request pool.
  sql = createSql(url, {
    max: 10,
    connectionWaitMs: 10_000,
    statementTimeoutMs: 10_000,
    connectTimeout: REQUEST_CONNECT_TIMEOUT_SECONDS,
  });
  const config = loadConfig({ DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test' });
  app = createApp({ sql, config, leaderboards: { schedule: false }, silent: true });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await sql?.end({ timeout: 1 });
  await cluster?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** PostgreSQL's immediate shutdown: SIGQUIT to the postmaster, no checkpoint; the next start recovers from the WAL. */
async function crash() {
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGQUIT');
  for (;;) {
    try {
      process.kill(pid, 0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } catch {
      return;
    }
  }
}

async function post(userId: number | null, query: string, variables: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (userId !== null) headers.authorization = `Bearer ${await signToken(userId, TEST_JWT_SECRET)}`;
  const response = await app.yoga.fetch('http://spotter.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

const LOG = `mutation($input: LogWorkoutInput!) { logWorkout(input: $input) { workout { id } errors { code } } }`;
const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { user { id } errors { code } } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } errors { code } } }`;

const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

describe('PostgreSQL restarted in immediate mode under load', () => {
  it('answers SERVICE_UNAVAILABLE while down, recovers without a restart, loses no success, keeps every counter exact', async () => {
    const userIds = (
      await sql<{ id: number }[]>`
        insert into users (username, display_name)
        select 'fault_' || i, 'Fault ' || i from generate_series(1, 12) i returning id`
    ).map((row) => row.id);
    const [exercise] = await sql<{ id: number }[]>`select id from exercises order by id limit 1`;
    const [conversation] = await sql<{ id: number }[]>`
      insert into conversations (title, created_by_id) values ('Crash crew', ${userIds[0]!}) returning id`;
    await sql`insert into conversation_members (conversation_id, user_id)
              select ${conversation!.id}, unnest(${userIds}::bigint[])`;
    const conversationId = encodeGlobalId('Conversation', conversation!.id);

    const successes = { workouts: [] as number[], follows: [] as [number, number][], messages: [] as number[] };
    const codes = new Set<string>();
    let stop = false;
    const worker = async (index: number) => {
      const me = userIds[index]!;
      for (let round = 0; !stop; round += 1) {
        const other = userIds[(index + 1 + (round % (userIds.length - 1))) % userIds.length]!;
        const answers = await Promise.all([
          post(me, LOG, {
            input: {
              title: `Round ${round}`,
              startedAt: new Date(Date.now() - 60_000).toISOString(),
              durationSeconds: 1800,
              sets: [{ exerciseId: encodeGlobalId('Exercise', exercise!.id), reps: 5, weightKg: 60 + round }],
            },
          }),
          post(me, FOLLOW, { input: { userId: encodeGlobalId('User', other) } }),
          post(me, SEND, { input: { conversationId, body: `round ${round} from ${index}` } }),
        ]).catch((error: unknown) => {
          throw new Error(`a request failed outside GraphQL: ${String(error)}`);
        });
        const [logged, followed, sent] = answers;
        if (logged.body.data?.logWorkout?.workout)
          successes.workouts.push(dbId(logged.body.data.logWorkout.workout.id));
        if (followed.body.data?.follow?.user) successes.follows.push([me, other]);
        if (sent.body.data?.sendMessage?.message) successes.messages.push(dbId(sent.body.data.sendMessage.message.id));
        for (const answer of answers) {
          for (const error of answer.body.errors ?? []) codes.add(error.extensions?.code);
          if (answer.status >= 500) expect(answer.status).toBe(503);
        }
        if (!answers.some((a) => a.body.errors)) await new Promise((resolve) => setTimeout(resolve, 5));
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const workers = userIds.slice(0, 6).map((_, i) => worker(i));

    const successCount = () => Math.min(successes.workouts.length, successes.follows.length, successes.messages.length);
    const until = async (condition: () => boolean) => {
      for (let i = 0; !condition(); i += 1) {
        // 60 s: six writers, a crash and a recovery take ~13 s alone, twice that beside the rest of the suite.
        expect(i, 'the workload makes no progress').toBeLessThan(1_200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    // Under way: every kind of write has succeeded a few times.
    await until(() => successCount() >= 5);
    const beforeCrash = successes.messages.length;
    await crash();
    const down = await post(userIds[0]!, '{ viewer { id } muscles { name } }');
    expect(down.status).toBe(503);
    // Queued behind the writers' retries, the probe may reach the pool-wait bound before its own
    // connection attempt is refused; the pool has seen refusals, so it still says unreachable.
    expect(down.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/database is unreachable/),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect((await app.yoga.fetch('http://spotter.test/ready')).status).toBe(503);
    expect((await app.yoga.fetch('http://spotter.test/health')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cluster.start();
    // Recovery without restarting the server: the pool reconnects on its own.
    for (let i = 0; (await app.yoga.fetch('http://spotter.test/ready')).status !== 200; i += 1) {
      expect(i).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const afterRestart = successes.messages.length;
    await until(() => successes.messages.length >= afterRestart + 5);
    stop = true;
    await Promise.all(workers);

    expect(beforeCrash).toBeGreaterThan(0);
    expect(successes.messages.length).toBeGreaterThan(afterRestart);
    expect([...codes].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(codes.has('SERVICE_UNAVAILABLE')).toBe(true);

    const workouts = await sql<
      { id: number }[]
    >`select id from workouts where id = any(${successes.workouts}::bigint[])`;
    expect(workouts.length).toBe(new Set(successes.workouts).size);
    const messages = await sql<
      { id: number }[]
    >`select id from messages where id = any(${successes.messages}::bigint[])`;
    expect(messages.length).toBe(new Set(successes.messages).size);
    const follows = await sql<
      { followerId: number; followeeId: number }[]
    >`select follower_id, followee_id from follows`;
    const present = new Set(follows.map((f) => `${f.followerId}:${f.followeeId}`));
    expect(successes.follows.filter(([a, b]) => !present.has(`${a}:${b}`))).toEqual([]);
    expect(await inconsistencies(sql)).toEqual([]);
  }, 120_000);
});
