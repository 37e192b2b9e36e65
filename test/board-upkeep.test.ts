import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app';
import { createSql, type Sql } from '../src/db/client';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { createUser } from './kit/seed';
import { exercises } from './kit/training';
import { useTestDatabase } from './setup/db';

// Only the servers a test starts keep the boards here: a keeper on the real clock would take the
// real day's snapshot under the tests' moved clocks.
const db = useTestDatabase({ leaderboards: { schedule: false } });

/** A second server process on the same database: its own connection pool and its own board keeper. */
interface Server {
  sql: Sql;
  app: App;
}
const servers: Server[] = [];

function startServer(leaderboards: NonNullable<Parameters<typeof createApp>[0]['leaderboards']>): Server {
  const sql = createSql(db.url, { max: 3 });
  const server = { sql, app: createApp({ sql, config: db.config, leaderboards }) };
  servers.push(server);
  return server;
}

async function stopServer(server: Server) {
  await server.app.close();
  await server.sql.end({ timeout: 5 });
  servers.splice(servers.indexOf(server), 1);
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A clock that reads `at` now and moves on in real time. */
function clockFrom(at: string): () => Date {
  const offset = Date.parse(at) - Date.now();
  return () => new Date(Date.now() + offset);
}

const BOARD = graphql(`query UpkeepBoard($kind: LeaderboardKind!) {
  leaderboard(kind: $kind) {
    refreshedAt weekStart entryCount
    edges { node { rank score previousRank rankChange topPercent user { username } } }
  }
}`);

const SCOPED_BOARD =
  graphql(`query UpkeepScopedBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope) {
  leaderboard(kind: $kind, country: $country, scope: $scope) { edges { node { rank previousRank rankChange user { username } } } }
}`);

const LOG = graphql(
  `mutation UpkeepLog($input: LogWorkoutInput!) { logWorkout(input: $input) { errors { message } } }`,
);

const pendingDeltas = async () => (await db.sql<[{ n: number }]>`select count(*)::int as n from board_deltas`)[0].n;

beforeAll(async () => {
  await db.sql`update board_state set snapshot_day = null`;
});

afterAll(async () => {
  for (const server of [...servers]) await stopServer(server);
});

describe('live boards', () => {
  it('show a committed workout on the next read, with no job running, and the fold changes no answer', async () => {
    const lifter = await createUser(db.sql, { username: 'live_lifter' });
    const before = expectData(await run(db, BOARD, { kind: 'XP_ALL_TIME' })).leaderboard;
    const bench = (await exercises(db.sql)).globalId('Bench Press');
    const input = {
      title: 'Bench',
      startedAt: new Date().toISOString(),
      durationSeconds: 600,
      sets: [{ exerciseId: bench, reps: 5, weightKg: 100 }],
    };
    expect(expectData(await run(db, LOG, { input }, { as: lifter.id })).logWorkout.errors).toEqual([]);
    const after = expectData(await run(db, BOARD, { kind: 'XP_ALL_TIME' })).leaderboard;
    expect(after.entryCount).toBe(before.entryCount);
    expect(after.edges[0]!.node).toMatchObject({ rank: 1, user: { username: 'live_lifter' } });
    expect(await pendingDeltas()).toBeGreaterThan(0);

    await db.app.services.leaderboards.foldNow();
    expect(await pendingDeltas()).toBe(0);
    const folded = expectData(await run(db, BOARD, { kind: 'XP_ALL_TIME' })).leaderboard;
    expect({ ...folded, refreshedAt: null }).toEqual({ ...after, refreshedAt: null });
  });

  it('keeps the deltas folded on the defaults, in every server process, with one of them folding at a time', async () => {
    const first = startServer({});
    const second = startServer({});
    await createUser(db.sql, { username: 'folded_one' });
    expect(await pendingDeltas()).toBeGreaterThan(0);
    await until(pendingDeltas, (n) => n === 0, 2_000);
    await stopServer(first);
    await stopServer(second);
  });
});

const PROFILE = graphql(
  `mutation UpkeepProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { message } } }`,
);

/** Every board's histogram (folded or not) against its entries, bucket by bucket. */
async function histogramDrift() {
  return db.sql`
    with counted as (
      select board, ref, coalesce(country::text, '') as country, board_bucket(score) as bucket, count(*)::int as n
        from board_entries
       group by grouping sets ((board, ref, board_bucket(score)), (board, ref, country, board_bucket(score)))
      having grouping(country) = 1 or country is not null),
    pending as (
      select board, ref, '' as country, to_bucket as bucket, 1 as n from board_deltas where to_bucket is not null
      union all select board, ref, '', from_bucket, -1 from board_deltas where from_bucket is not null
      union all select board, ref, to_country, to_bucket, 1 from board_deltas where to_country is not null
      union all select board, ref, from_country, from_bucket, -1 from board_deltas where from_country is not null),
    histogram as (
      select board, ref, country, bucket, sum(n)::int as n
        from (select board, ref, country, bucket, entries as n from board_buckets union all select * from pending) h
       group by board, ref, country, bucket having sum(n) <> 0)
    select coalesce(c.board, h.board) as board, coalesce(c.ref, h.ref) as ref, coalesce(c.country, h.country) as country,
           coalesce(c.bucket, h.bucket) as bucket, c.n as entries, h.n as histogram
      from counted c full join histogram h
        on h.board = c.board and h.ref = c.ref and h.country = c.country and h.bucket = c.bucket
     where c.n is distinct from h.n`;
}

describe('board histograms', () => {
  it('count the entries of every board exactly under concurrent writers, before and after the fold', async () => {
    const catalogue = await exercises(db.sql);
    const athletes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createUser(db.sql, { username: `racer_${i}`, country: i % 2 ? 'SE' : 'FI' }),
      ),
    );
    const log = (id: number, i: number) =>
      run(
        db,
        LOG,
        {
          input: {
            title: 'Race',
            startedAt: new Date(Date.now() - (i % 3) * 86_400_000).toISOString(),
            durationSeconds: 600,
            sets: [
              { exerciseId: catalogue.globalId('Bench Press'), reps: 1 + (i % 7), weightKg: 40 + i },
              { exerciseId: catalogue.globalId('Deadlift'), reps: 5, weightKg: 60 + 2 * i },
            ],
          },
        },
        { as: id },
      );
    const toggle = (id: number, i: number) =>
      run(db, PROFILE, { input: i % 2 ? { ghostMode: i % 4 === 1 } : { country: i % 4 ? 'NO' : 'SE' } }, { as: id });
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(
        athletes.flatMap((athlete, i) => [
          log(athlete.id, i + round),
          log(athlete.id, i + 7),
          toggle(athlete.id, i + round),
        ]),
      );
      expect(await histogramDrift()).toEqual([]);
      await db.app.services.leaderboards.foldNow();
      expect(await histogramDrift()).toEqual([]);
    }
  });
});

describe('the Monday rollover', () => {
  it('starts VOLUME_THIS_WEEK empty at Monday 00:00 UTC without a pause in reads', async () => {
    const clock = clockFrom('2026-03-01T23:59:58.500Z');
    const sunday = await createUser(db.sql, { username: 'sunday_lifter' });
    const monday = await createUser(db.sql, { username: 'monday_lifter' });
    await db.sql`insert into workouts (user_id, title, started_at, duration_seconds, total_volume_kg, set_count)
                 values (${sunday.id}, 'Late', '2026-03-01T22:00:00Z', 3600, 800, 3),
                        (${monday.id}, 'Early', '2026-03-02T00:00:00.5Z', 3600, 300, 3)`;
    // The keeper builds the volume boards its clock's weeks need (this clock is months back).
    const server = startServer({ clock, intervalMs: 100 });
    const app = { ...db, app: server.app };
    await until(
      async () => (await db.sql<[{ from: number }]>`select volume_from_ref as from from board_state`)[0].from,
      (from) => from === Date.parse('2026-02-16T00:00:00Z') / 86_400_000,
    );
    const volumeBoard = async () => expectData(await run(app, BOARD, { kind: 'VOLUME_THIS_WEEK' })).leaderboard;
    const seen: string[] = [];
    const board = async () => {
      const read = await volumeBoard();
      seen.push(`${read.weekStart} ${read.edges.map((edge) => edge.node.user.username).join(',')}`);
      return read;
    };

    const before = await until(board, (read) => read.edges.length > 0);
    expect(before.weekStart).toBe('2026-02-23T00:00:00.000Z');
    expect(before.edges.map((edge) => [edge.node.user.username, edge.node.score])).toEqual([['sunday_lifter', 800]]);

    const after = await until(board, (read) => read.weekStart === '2026-03-02T00:00:00.000Z');
    expect(after.edges.map((edge) => [edge.node.user.username, edge.node.rank, edge.node.score])).toEqual([
      ['monday_lifter', 1, 300],
    ]);
    // Every read in between answered one week's board or the other, whole.
    expect(new Set(seen)).toEqual(
      new Set(['2026-02-23T00:00:00.000Z sunday_lifter', '2026-03-02T00:00:00.000Z monday_lifter']),
    );
    await stopServer(server);
  });
});

describe('LeaderboardEntry.previousRank', () => {
  it('is the rank at the start of the UTC day, taken at 00:00 by the keeper, with reads going on meanwhile', async () => {
    await db.sql`delete from users`;
    const ann = await createUser(db.sql, { username: 'ann' });
    const ben = await createUser(db.sql, { username: 'ben' });
    await db.sql`update users set xp = 100 where id = ${ann.id}`;
    await db.sql`update users set xp = 200 where id = ${ben.id}`;
    const clock = clockFrom('2026-05-05T23:59:59.000Z');
    const server = startServer({ clock, intervalMs: 100 });
    const app = { ...db, app: server.app };
    const board = async () =>
      expectData(await run(app, BOARD, { kind: 'XP_ALL_TIME' })).leaderboard.edges.map(({ node }) => [
        node.user.username,
        node.rank,
        node.previousRank,
        node.rankChange,
      ]);
    const snapshotDay = async () =>
      (await db.sql<[{ day: string | null }]>`select snapshot_day::text as day from board_state`)[0].day;

    // Tuesday's snapshot (taken at start-up, ranks as they were then): ben 1, ann 2.
    await until(snapshotDay, (day) => day === '2026-05-05');
    expect(await board()).toEqual([
      ['ben', 1, 1, 0],
      ['ann', 2, 2, 0],
    ]);
    // Before midnight ann passes ben: up one since the day began.
    await db.sql`update users set xp = 300 where id = ${ann.id}`;
    expect(await board()).toEqual([
      ['ann', 1, 2, 1],
      ['ben', 2, 1, -1],
    ]);
    // Wednesday begins with ann first; reads go on while the snapshot is taken.
    const reads = until(board, (rows) => rows[0]![2] === 1 && rows[0]![0] === 'ann', 5_000);
    await until(snapshotDay, (day) => day === '2026-05-06');
    await reads;
    await db.sql`update users set xp = 500 where id = ${ben.id}`;
    const carl = await createUser(db.sql, { username: 'carl' });
    await db.sql`update users set xp = 50 where id = ${carl.id}`;
    expect(await board()).toEqual([
      ['ben', 1, 2, 1],
      ['ann', 2, 1, -1],
      ['carl', 3, null, null],
    ]);
    // The same day-start ranks on a country board (ranked within it) and on the FOLLOWING board of a
    // viewer (ranked among the viewer and their followees); carl was on neither at 00:00.
    await db.sql`update users set country = 'SE' where id in (${ann.id}, ${carl.id})`;
    await db.sql`insert into follows (follower_id, followee_id) values (${carl.id}, ${ben.id})`;
    const scoped = async (variables: { country?: string; scope?: 'FOLLOWING' }, as?: number) =>
      expectData(await run(app, SCOPED_BOARD, { kind: 'XP_ALL_TIME', ...variables }, { as })).leaderboard.edges.map(
        ({ node }) => [node.user.username, node.rank, node.previousRank, node.rankChange],
      );
    expect(await scoped({ country: 'SE' })).toEqual([
      ['ann', 1, null, null],
      ['carl', 2, null, null],
    ]);
    expect(await scoped({ scope: 'FOLLOWING' }, carl.id)).toEqual([
      ['ben', 1, 1, 0],
      ['carl', 2, null, null],
    ]);
    await stopServer(server);
  });

  it('swaps in a snapshot table of the same shape as the migrated one', async () => {
    const shape = () => db.sql`
      select c.relpersistence, c.relname,
             (select array_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull
                               order by a.attnum)
                from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
             (select array_agg(indexdef order by indexname) from pg_indexes where tablename = c.relname) as indexes,
             (select array_agg(conname || ' ' || pg_get_constraintdef(oid) order by conname)
                from pg_constraint where conrelid = c.oid) as constraints
        from pg_class c where c.relname = 'board_day_ranks'`;
    const before = await shape();
    await db.sql`update board_state set snapshot_day = null`;
    expect((await db.app.services.leaderboards.rollOver()).status).toBe('taken');
    expect(await shape()).toEqual(before);
  });
});
