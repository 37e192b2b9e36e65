// Read replicas on a real streaming standby: read routing, read-your-writes through the consistency
// token while replay is paused, and a replica that dies and comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { createSql, type Sql } from '../src/db/client';
import { parseLsn } from '../src/db/consistency';
import { graphql } from './gql';
import { errorCodes, expectData, run, runUntyped } from './kit/client';
import { scrape } from './kit/metrics';
import { type ReplicatedCluster, setReplay, startReplicatedCluster } from './kit/replication';
import { createUser } from './kit/seed';
import { TEST_JWT_SECRET } from './setup/db';

const UPDATE = graphql(
  `mutation ReplicasUpdateProfile($name: String!) { updateProfile(input: { displayName: $name }) { user { displayName } errors { code } } }`,
);
const VIEWER = graphql(`query ReplicasViewer { viewer { displayName } }`);

let cluster: ReplicatedCluster;
let sql: Sql;
const apps: { app: App; config: Config }[] = [];

function startApp(env: Record<string, string> = {}) {
  const config = loadConfig({
    DATABASE_URL: cluster.primary.url(),
    DATABASE_REPLICA_URLS: cluster.standby.url(),
    DATABASE_REPLICA_MAX_LAG_MS: '60000',
    DATABASE_REPLICA_WAIT_MS: '50',
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    ...env,
  });
  const handle = { app: createApp({ sql, config, replicas: { schedule: false } }), config };
  apps.push(handle);
  return handle;
}

const routing = (handle: { app: App }) => handle.app.services.replicas!.status();
const token = (result: { extensions?: Record<string, unknown> }) => {
  const value = result.extensions?.consistency;
  expect(value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
  return value as string;
};
const lsn = (text: string) => parseLsn(text)!;
/** Until the router has seen the replica replay `position`: a read with that token then needs no wait. */
const replayed = (handle: { app: App }, position: string) =>
  expect
    .poll(async () => {
      await handle.app.services.replicas!.check();
      const seen = routing(handle).replicas[0]!.replayedLsn;
      return seen !== null && lsn(seen) >= lsn(position);
    })
    .toBe(true);

beforeAll(async () => {
  cluster = await startReplicatedCluster();
  sql = createSql(cluster.primary.url(), { max: 10 });
}, 180_000);

afterAll(async () => {
  await Promise.all(apps.map(({ app }) => app.close()));
  await sql?.end({ timeout: 5 });
  await cluster?.stop();
});

describe('read replicas', () => {
  it('serves queries from the replica and mutations from the primary, each with a token', async () => {
    const server = startApp();
    await server.app.services.replicas!.check();
    expect(routing(server).replicas[0]).toMatchObject({ state: 'up', inRotation: true });
    const user = await createUser(sql, { displayName: 'Before' });
    const written = await run(server, UPDATE, { name: 'After' }, { as: user.id });
    expect(expectData(written).updateProfile.user?.displayName).toBe('After');
    expect(written.statements.at(-1)).toBe('consistency:written');
    await replayed(server, token(written));

    const read = await run(server, VIEWER, {}, { as: user.id, headers: { 'Spotter-Consistency': token(written) } });
    expect(expectData(read).viewer?.displayName).toBe('After');
    expect(lsn(token(read))).toBeGreaterThanOrEqual(lsn(token(written)));
    expect(routing(server).replicas[0]!.reads).toBe(1);
    expect(routing(server).primaryReads).toEqual({ noReplicaInRotation: 0, behindToken: 0, replicaFailed: 0 });
  });

  it('with replay paused: the token reads the write from the primary, no token reads stale and says so', async () => {
    const server = startApp();
    const user = await createUser(sql, { displayName: 'Old' });
    await server.app.services.replicas!.check();
    await expect.poll(async () => expectData(await run(server, VIEWER, {}, { as: user.id })).viewer).not.toBeNull();
    await setReplay(cluster.standby.url(), 'paused');
    try {
      const written = await run(server, UPDATE, { name: 'New' }, { as: user.id });
      expect(expectData(written).updateProfile.user?.displayName).toBe('New');

      const headers = { 'Spotter-Consistency': token(written) };
      const fresh = await run(server, VIEWER, {}, { as: user.id, headers });
      expect(expectData(fresh).viewer?.displayName).toBe('New');
      expect(lsn(token(fresh))).toBeGreaterThanOrEqual(lsn(token(written)));
      expect(routing(server).primaryReads.behindToken).toBe(1);

      const stale = await run(server, VIEWER, {}, { as: user.id });
      expect(expectData(stale).viewer?.displayName).toBe('Old');
      // Its token is older than the write: sent back, it would not have been enough to see it.
      expect(lsn(token(stale))).toBeLessThan(lsn(token(written)));
    } finally {
      await setReplay(cluster.standby.url(), 'running');
    }
    const readsBefore = routing(server).replicas[0]!.reads;
    const written = await run(server, UPDATE, { name: 'Newer' }, { as: user.id });
    await replayed(server, token(written));
    const caughtUp = await run(server, VIEWER, {}, { as: user.id, headers: { 'Spotter-Consistency': token(written) } });
    expect(expectData(caughtUp).viewer?.displayName).toBe('Newer');
    expect(routing(server).replicas[0]!.reads).toBe(readsBefore + 1);
  });

  it('reads keep working on the primary while the replica is down, and go back when it returns', async () => {
    const server = startApp();
    const user = await createUser(sql, { displayName: 'Steady' });
    await server.app.services.replicas!.check();
    await cluster.standby.stop('immediate');
    try {
      // Not yet known to be down: the first reads fail on it and are answered by the primary.
      const reads = await Promise.all(Array.from({ length: 20 }, () => run(server, VIEWER, {}, { as: user.id })));
      for (const read of reads) expect(expectData(read).viewer?.displayName).toBe('Steady');
      await server.app.services.replicas!.check();
      expect(routing(server).replicas[0]).toMatchObject({ state: 'down', inRotation: false });
      const ready = await server.app.yoga.fetch('http://spotter.test/ready');
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as any).replicas[0]).toMatchObject({ state: 'down', inRotation: false });
      expect(routing(server).primaryReads.noReplicaInRotation + routing(server).primaryReads.replicaFailed).toBe(20);
      const metrics = await scrape(server.app);
      const replica = routing(server).replicas[0]!.name;
      expect(metrics.value('spotter_replica_in_rotation', { replica })).toBe(0);
      expect(
        metrics.value('spotter_reads_total', { target: 'primary', reason: 'noReplicaInRotation' }) +
          metrics.value('spotter_reads_total', { target: 'primary', reason: 'replicaFailed' }),
      ).toBe(20);
    } finally {
      await cluster.standby.start();
    }
    await server.app.services.replicas!.check();
    expect(routing(server).replicas[0]).toMatchObject({ state: 'up', inRotation: true });
    const readsBefore = routing(server).replicas[0]!.reads;
    expectData(await run(server, VIEWER, {}, { as: user.id }));
    expect(routing(server).replicas[0]!.reads).toBe(readsBefore + 1);
  });

  it('takes a replica lagging past DATABASE_REPLICA_MAX_LAG_MS out of rotation until it catches up', async () => {
    const server = startApp({ DATABASE_REPLICA_MAX_LAG_MS: '200' });
    const user = await createUser(sql, { displayName: 'Lag' });
    await server.app.services.replicas!.check();
    expect(routing(server).replicas[0]!.inRotation).toBe(true);
    await setReplay(cluster.standby.url(), 'paused');
    try {
      await run(server, UPDATE, { name: 'Lag 2' }, { as: user.id });
      await server.app.services.replicas!.check();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await server.app.services.replicas!.check();
      expect(routing(server).replicas[0]).toMatchObject({ state: 'lagging', inRotation: false });
      expect(routing(server).replicas[0]!.lagMs).toBeGreaterThan(200);
      // Out of rotation, so even a read without a token sees the write.
      expect(expectData(await run(server, VIEWER, {}, { as: user.id })).viewer?.displayName).toBe('Lag 2');
      expect(routing(server).primaryReads.noReplicaInRotation).toBe(1);
      expect((await server.app.yoga.fetch('http://spotter.test/ready')).status).toBe(200);
    } finally {
      await setReplay(cluster.standby.url(), 'running');
    }
    await expect
      .poll(async () => {
        await server.app.services.replicas!.check();
        return routing(server).replicas[0]!.state;
      })
      .toBe('up');
    expect(routing(server).replicas[0]!.lagMs).toBe(0);
  });

  it('records the statements of a read served by the replica in /metrics and extensions.sql, by the same names', async () => {
    const server = startApp();
    await server.app.services.replicas!.check();
    const user = await createUser(sql);
    const written = await run(server, UPDATE, { name: 'Counted' }, { as: user.id });
    await replayed(server, token(written));
    const headers = { 'Spotter-Consistency': token(written) };
    const query = `query ReplicasFollowers { users(first: 2) { edges { node { username followers(first: 2) { edges { node { username } } } } } } }`;
    const readsBefore = routing(server).replicas[0]!.reads;
    const before = await scrape(server.app);
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push(await runUntyped(server, query, {}, { headers }));
    const after = await scrape(server.app);
    expect(routing(server).replicas[0]!.reads).toBe(readsBefore + 3);
    const names = reads[0]!.statements;
    expect(names).toEqual(['page:users', 'loader:followersByUserId', 'consistency:replayed']);
    for (const read of reads) expect(read.statements).toEqual(names);
    for (const name of new Set(names)) {
      const sent =
        after.value('spotter_sql_statements_total', { statement: name }) -
        before.value('spotter_sql_statements_total', { statement: name });
      expect(sent, name).toBe(3 * names.filter((n) => n === name).length);
    }
  });

  it('answers a malformed token with BAD_USER_INPUT, with or without replicas', async () => {
    const withReplicas = startApp();
    const single = {
      app: createApp({
        sql,
        config: loadConfig({ DATABASE_URL: cluster.primary.url(), JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test' }),
      }),
    };
    apps.push({ ...single, config: single.app.services.config });
    for (const server of [withReplicas, { ...single, config: single.app.services.config }]) {
      for (const bad of ['yesterday', '0/', '1/2/3', 'G/0', '123456789/0']) {
        const result = await run(server, VIEWER, {}, { headers: { 'Spotter-Consistency': bad } });
        expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.data).toBeUndefined();
      }
    }
  });

  it('without DATABASE_REPLICA_URLS changes nothing: no token, no extra statement', async () => {
    const config = loadConfig({ DATABASE_URL: cluster.primary.url(), JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test' });
    const server = { app: createApp({ sql, config }), config };
    apps.push(server);
    const user = await createUser(sql);
    const written = await run(server, UPDATE, { name: 'Plain' }, { as: user.id });
    expect(written.extensions?.consistency).toBeUndefined();
    expect(written.statements).not.toContain('consistency:written');
    const read = await run(server, VIEWER, {}, { as: user.id, headers: { 'Spotter-Consistency': '0/0' } });
    expect(read.extensions?.consistency).toBeUndefined();
    expect(read.statements.filter((name) => name.startsWith('consistency:'))).toEqual([]);
  });
});
