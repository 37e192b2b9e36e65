import { Writable } from 'node:stream';
import { print } from 'graphql';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type App, createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/observability/logger';
import { createMetrics, OPERATION_NAMES_LIMIT, OTHER_OPERATIONS } from '../src/observability/metrics';
import { graphql } from './gql';
import { errorCodes, expectData, run, runUntyped } from './kit/client';
import { Leave, send, startConversation } from './kit/messaging';
import { parsePrometheus, scrape } from './kit/metrics';
import { createUsers } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

/** A pino destination that keeps every JSON line it is given. */
function captureLines() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

const Profile = graphql(`
  query MetricsProfile($username: String!) {
    userByUsername(username: $username) { username followerCount workouts(first: 5) { edges { node { title } } } }
  }`);

const Follow = graphql(`
  mutation MetricsFollow($userId: ID!) { follow(input: { userId: $userId }) { errors { code } user { followerCount } } }`);

const MessageAdded = graphql(`
  subscription MetricsMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber } }`);

const logs = captureLines();
const apps: App[] = [];

/** Another app on this file's database, configured with `env`, logging into `lines`. */
function appWith(env: NodeJS.ProcessEnv, lines = captureLines()) {
  const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', ...env });
  const app = createApp({
    sql: db.sql,
    config,
    logger: createLogger(config.logLevel, lines.stream),
    leaderboards: { schedule: false },
  });
  apps.push(app);
  return { target: { ...db, config, app }, lines: lines.lines };
}
afterAll(async () => {
  for (const app of apps) await app.close();
});
const db = useTestDatabase({ logger: createLogger('info', logs.stream) }, { LOG_LEVEL: 'info' });

describe('/metrics', () => {
  it('counts requests, latency and errors by operation, and statements by name', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const before = await scrape(db.app);
    expect(before.status).toBe(200);
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);

    const profile = await run(db, Profile, { username: alice!.username });
    expectData(profile);
    await run(db, Profile, { username: bob!.username });
    const follow = await run(db, Follow, { userId: bob!.globalId }, { as: alice!.id });
    expectData(follow);
    const bad = await runUntyped(db, `query MetricsBadPage { users(first: 1000) { edges { cursor } } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);

    const after = await scrape(db.app);
    const delta = (name: string, labels: Record<string, string>) =>
      after.value(name, labels) - before.value(name, labels);
    expect(delta('spotter_graphql_requests_total', { operationName: 'MetricsProfile', operationType: 'query' })).toBe(
      2,
    );
    expect(delta('spotter_graphql_requests_total', { operationName: 'MetricsFollow', operationType: 'mutation' })).toBe(
      1,
    );
    expect(
      delta('spotter_graphql_request_duration_seconds_count', {
        operationName: 'MetricsProfile',
        operationType: 'query',
        statusCode: '200',
      }),
    ).toBe(2);
    expect(after.types.get('spotter_graphql_request_duration_seconds')).toBe('histogram');
    expect(delta('spotter_graphql_errors_total', { code: 'BAD_USER_INPUT', operationName: 'MetricsBadPage' })).toBe(1);

    // Every statement the two profile reads sent is counted under its name, once per execution.
    const names = [...profile.statements];
    expect(names.length).toBeGreaterThan(0);
    for (const name of new Set(names)) {
      const sent = names.filter((n) => n === name).length * 2;
      expect(delta('spotter_sql_statements_total', { statement: name }), name).toBe(sent);
    }
    const first = names[0]!;
    expect(delta('spotter_sql_statement_seconds_total', { statement: first })).toBeGreaterThan(0);

    expect(after.value('spotter_db_pool_size')).toBe(20);
    expect(after.has('spotter_db_pool_in_use')).toBe(true);
    expect(after.has('spotter_db_pool_waiting')).toBe(true);
    expect(after.has('process_cpu_seconds_total')).toBe(true);
  });

  it('counts live subscriptions by transport while they stream', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const idle = (await scrape(db.app)).value('spotter_subscriptions_live', { transport: 'sse' });
    const stream = await subscribeSse(db, MessageAdded, { id: chat.id }, { as: alice!.id });
    await send(db, bob!, chat.id, 'hello');
    await stream.take(1);
    expect((await scrape(db.app)).value('spotter_subscriptions_live', { transport: 'sse' })).toBe(idle + 1);
    // Leaving ends the stream from the server's side; the gauge comes back down.
    expectData(await run(db, Leave, { input: { conversationId: chat.id } }, { as: alice!.id }));
    await stream.ended();
    await vi.waitFor(async () =>
      expect((await scrape(db.app)).value('spotter_subscriptions_live', { transport: 'sse' })).toBe(idle),
    );
  });

  it('reports the board deltas folded, the day snapshot and the board keeper job runs', async () => {
    // The app's own scheduled keeper folds the new users' board entries and takes today's snapshot.
    await createUsers(db.sql, 3);
    await vi.waitFor(async () => {
      const metrics = await scrape(db.app);
      expect(metrics.value('spotter_board_deltas_folded_total')).toBeGreaterThanOrEqual(3);
      expect(metrics.value('spotter_job_runs_total', { job: 'boards', outcome: 'folded' })).toBeGreaterThan(0);
    });
    const runs = await scrape(db.app);
    expect(runs.has('spotter_board_snapshot_duration_seconds')).toBe(true);
    expect(runs.value('spotter_job_duration_seconds_count', { job: 'boards' })).toBeGreaterThan(0);
  });

  it('labels at most OPERATION_NAMES_LIMIT operation names: clients choosing fresh names share one label', async () => {
    const metrics = createMetrics({ poolSize: 1, slowStatementMs: 200, now: () => new Date() });
    const series = metrics.graphqlSeries();
    for (let i = 0; i < OPERATION_NAMES_LIMIT + 100; i += 1) {
      series.response(
        { startedAt: performance.now(), operationName: `Op${i}`, operationType: 'query', errorCodes: [] },
        200,
      );
    }
    const { samples } = parsePrometheus(await metrics.registry.metrics());
    const requests = samples.filter((sample) => sample.name === 'spotter_graphql_requests_total');
    expect(requests).toHaveLength(OPERATION_NAMES_LIMIT + 1);
    expect(requests.find((sample) => sample.labels.operationName === OTHER_OPERATIONS)?.value).toBe(100);
  });
});

describe('request log', () => {
  it('writes one JSON line per request with its id, operation, duration, statements, errors and viewer', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const response = await db.app.yoga.fetch('http://spotter.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'client-req-42' },
      body: JSON.stringify({ query: print(Profile), variables: { username: alice!.username } }),
    });
    const body = (await response.json()) as { extensions: { sql: { names: string[] } } };
    expect(response.headers.get('x-request-id')).toBe('client-req-42');
    const line = logs.lines.find((l) => l.requestId === 'client-req-42');
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      operationName: 'MetricsProfile',
      operationType: 'query',
      status: 200,
      statements: body.extensions.sql.names.length,
      errorCodes: [],
      viewerId: null,
    });
    expect(new Date(line!.time).toISOString()).toBe(line!.time);
    expect(line!.durationMs).toBeGreaterThan(0);
    expect(logs.lines.filter((l) => l.requestId === 'client-req-42')).toHaveLength(1);

    await run(db, Follow, { userId: bob!.globalId }, { as: alice!.id });
    expect(logs.lines.filter((l) => l.operationName === 'MetricsFollow').at(-1)).toMatchObject({ viewerId: alice!.id });

    const unauthenticated = await run(db, Profile, { username: 'x' }, { as: { authorization: 'Bearer nope' } });
    expect(unauthenticated.status).toBe(401);
    const rejected = logs.lines.filter((l) => l.msg === 'request').at(-1);
    expect(rejected).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'], viewerId: null });
    expect(rejected!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('slow statements', () => {
  it('logs every statement at or over SPOTTER_SLOW_STATEMENT_MS once, with its name, duration and operation', async () => {
    const [alice] = await createUsers(db.sql, 1);
    const { target, lines } = appWith({ SPOTTER_SLOW_STATEMENT_MS: '0' });
    const result = await run(target, Profile, { username: alice!.username });
    expectData(result);
    const slow = lines.filter((line) => line.msg === 'slow statement');
    expect(slow.map((line) => line.statement).sort()).toEqual([...result.statements].sort());
    for (const line of slow) {
      expect(line).toMatchObject({ level: 40, operationName: 'MetricsProfile', requestId: expect.any(String) });
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
    const metrics = await scrape(target.app);
    expect(metrics.value('spotter_sql_slow_statements_total')).toBe(slow.length);
  });

  it('stays quiet under the threshold and names a slow statement that served no operation', async () => {
    const [alice] = await createUsers(db.sql, 1);
    const { target, lines } = appWith({ SPOTTER_SLOW_STATEMENT_MS: '500' });
    expectData(await run(target, Profile, { username: alice!.username }));
    expect(lines.filter((line) => line.msg === 'slow statement')).toEqual([]);
    await target.app.services.sql`/* test:sleep */ select pg_sleep(0.55)`;
    const slow = lines.filter((line) => line.msg === 'slow statement');
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ statement: 'test:sleep', operationName: null, requestId: null });
    expect(slow[0]!.durationMs).toBeGreaterThanOrEqual(500);
  });
});

describe('CORS_ORIGINS', () => {
  const preflight = (app: App, origin: string) =>
    app.yoga.fetch('http://spotter.test/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('allows only the listed origins', async () => {
    const { target } = appWith({ CORS_ORIGINS: 'https://app.example, https://admin.example:8443' });
    const allowed = await preflight(target.app, 'https://admin.example:8443');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example:8443');
    const refused = await preflight(target.app, 'https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    const post = await target.app.yoga.fetch('http://spotter.test/graphql', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('reflects any origin when unset, and refuses a value that is not an origin', async () => {
    const reflected = await preflight(db.app, 'https://anywhere.example');
    expect(reflected.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(() => appWith({ CORS_ORIGINS: 'app.example' })).toThrow(/CORS_ORIGINS/);
    expect(() => appWith({ CORS_ORIGINS: 'https://app.example/path' })).toThrow(/no path/);
  });
});
