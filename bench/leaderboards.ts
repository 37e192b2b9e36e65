// `npm run bench:leaderboards -- --users 1000000 [--keep]`: issue 23's scale bench for the live boards.
// It builds the board data in bulk SQL (bench/leaderboard-data.ts), starts the production server on it,
// and measures freshness under 16 writers, logWorkout throughput with the board triggers on and off,
// reads at c=1, the database's CPU at rest and under writes, the day snapshot and the Monday rollover,
// and the disk of the board tables. Report: bench/results/<date>-leaderboards-<users>.{md,json}.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { signToken } from '../src/auth/tokens';
import type { Sql } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { takeDaySnapshot, weekRef } from '../src/jobs/boards';
import { cursorCodec } from '../src/pagination';
import { usersStep } from '../src/seed/scale';
import { clusterCpuMs, postmasterPidOf } from './cluster-cpu';
import { openBenchDatabase } from './database';
import { execute, mustExecute, type Operation } from './graphql';
import { boardTrainingStep } from './leaderboard-data';
import {
  type CapturedStatement,
  captureStatements,
  type Latency,
  measureFloor,
  measureHttp,
  percentile,
  processCpuMs,
} from './measure';
import { gitCommit, nameBeside, resultsDir } from './report';
import { startServer } from './server';
import { gid, rotate } from './workloads';

const usage = `Usage: npm run bench:leaderboards -- [--users N] [--keep] [--reseed] [--changes N] [--duration S]
  --users     users in the board data (default 100000)
  --keep      keep the built database in the bench cluster for the next run (1,000,000 users take minutes to build)
  --reseed    build the data again even when a kept database exists
  --changes   freshness probes, each a logWorkout then polls until every board shows it (default 200)
  --duration  seconds per measured load run (default 8)
  --build     only build the data, measure nothing
  SPOTTER_BENCH_DATA_DIR moves the embedded cluster (default bench/data); DATABASE_URL uses that database`;

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
    changes: { type: 'string', default: '200' },
    duration: { type: 'string', default: '8' },
    build: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const users = Number(values.users);
const changes = Number(values.changes);
const seconds = Number(values.duration);
if (values.help || !Number.isInteger(users) || users < 1000 || !Number.isInteger(changes) || !(seconds > 0)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const WRITERS = 16;
const READ_TARGET_MS = 5;
const DEEP = 500_000;
/** A change not visible after this long is counted at this value and reported as such. */
const GIVE_UP_MS = 10_000;
const POLL_PAUSE_MS = 5;
const ALL = 'every read above (the slowest per change)';
const AFTER_ANSWER = "the same, counted from the mutation's answer (a lower bound)";
const MUTATION = 'the logWorkout request itself';
const jwtSecret = 'spotter-bench-secret';
const log = (line: string) => console.error(`[bench:leaderboards ${new Date().toISOString().slice(11, 19)}] ${line}`);
const startedAt = new Date();
/** Taken at the start: the server runs the code of this moment, whatever lands during the run. */
const commit = gitCommit();
const loadBefore = loadavg()[0]!;
const dataDir = process.env.SPOTTER_BENCH_DATA_DIR || 'bench/data';
const databaseName = `spotter_leaderboards_${users}`;

// ---------------------------------------------------------------------------------------------------

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * A kept database holds the migrations as they were when it was built. When one has changed since (a
 * draft edited while the data stayed), the data is worth keeping: what that migration and the later
 * ones created is dropped, what they drop is stood in for by empty placeholders, and they run again.
 * Functions an earlier migration defined are left alone (re-running `create or replace` updates them).
 */
async function reapplyChangedMigrations(sql: Sql, url: string): Promise<void> {
  const { createHash } = await import('node:crypto');
  const journal = JSON.parse(await readFile('drizzle/meta/_journal.json', 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const applied = await sql<{ hash: string; createdAt: string }[]>`/* bench:migrations */
    select hash, created_at::text from drizzle.__drizzle_migrations`;
  const byWhen = new Map(applied.map((row) => [row.createdAt, row.hash]));
  const texts = await Promise.all(journal.entries.map((entry) => readFile(`drizzle/${entry.tag}.sql`, 'utf8')));
  const changed = journal.entries.findIndex((entry, i) => {
    const stored = byWhen.get(String(entry.when));
    return stored !== undefined && stored !== createHash('sha256').update(texts[i]!).digest('hex');
  });
  if (changed < 0) return;
  log(
    `drizzle/${journal.entries[changed]!.tag}.sql changed since ${databaseName} was migrated: applying it and the later ones again`,
  );
  const earlier = texts.slice(0, changed).join('\n');
  const again = texts.slice(changed).join('\n');
  const names = (pattern: RegExp) => [...new Set([...again.matchAll(pattern)].map((m) => m[1]!))];
  await sql.begin(async (tx) => {
    for (const name of names(/create or replace function (\w+)\(/gi)) {
      if (!new RegExp(`function ${name}\\(`, 'i').test(earlier))
        await tx.unsafe(`drop function if exists ${name} cascade`);
    }
    for (const name of names(/CREATE TABLE "(\w+)"/g)) await tx.unsafe(`drop table if exists "${name}" cascade`);
    for (const name of names(/CREATE TYPE "public"\."(\w+)"/g))
      await tx.unsafe(`drop type if exists "${name}" cascade`);
    for (const name of names(/DROP TABLE "(\w+)"/g)) await tx.unsafe(`create table if not exists "${name}" ()`);
    for (const name of names(/DROP TYPE "public"\."(\w+)"/g)) {
      await tx.unsafe(`drop type if exists "${name}" cascade`);
      await tx.unsafe(`create type "${name}" as enum ('placeholder')`);
    }
    const indexes = names(/DROP INDEX "(\w+)"/g);
    if (indexes.length) {
      await tx.unsafe('create table if not exists bench_index_placeholders (x integer)');
      for (const name of indexes)
        await tx.unsafe(`create index if not exists "${name}" on bench_index_placeholders (x)`);
    }
    await tx`/* bench:forgetMigrations */
      delete from drizzle.__drizzle_migrations where created_at >= ${journal.entries[changed]!.when}`;
  });
  await migrateDatabase(url);
  await sql`/* bench:dropPlaceholders */ drop table if exists bench_index_placeholders`;
}

async function dataShape(sql: Sql) {
  const [shape] = await sql<[Record<string, number>]>`/* bench:dataShape */
    select (select count(*) from users)::int as users,
           (select count(*) from workouts)::int as workouts,
           (select count(*) from workout_sets)::int as sets,
           (select count(*) from personal_records where kind = 'ESTIMATED_ONE_REP_MAX')::int as e1rm_records,
           (select count(*) from board_entries where board = 'XP_ALL_TIME')::int as xp_entries,
           (select count(*) from board_entries where board = 'VOLUME_THIS_WEEK' and ref = ${weekRef(new Date())})::int
             as volume_entries_this_week,
           (select count(*) from board_entries where board = 'VOLUME_THIS_WEEK')::int as volume_entries_kept,
           (select count(*) from board_entries where board = 'EXERCISE_ONE_REP_MAX')::int as exercise_entries,
           (select count(distinct ref) from board_entries where board = 'EXERCISE_ONE_REP_MAX')::int as exercise_boards,
           (select count(*) from board_buckets)::int as buckets`;
  return { ...shape, ...(await boardDisk(sql, 'Before')) };
}

async function boardDisk(sql: Sql, when: 'Before' | 'After'): Promise<Record<string, number>> {
  const rows = await sql<{ name: string; bytes: number }[]>`/* bench:boardDisk */
    select t as name, coalesce(pg_total_relation_size(to_regclass(t)), 0)::float8 as bytes
      from unnest(array['board_entries', 'board_buckets', 'board_deltas', 'board_day_ranks']) as t`;
  return Object.fromEntries(rows.map((row) => [`disk${when}_${row.name}`, row.bytes]));
}

/** The server takes the day's snapshot on its first pass; measuring before it ends would time that instead. */
async function waitForSnapshot(): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const [state] = await sql<{ day: string | null }[]>`/* bench:snapshotDay */
      select snapshot_day::text as day from board_state where id = 1`;
    if (state?.day === new Date().toISOString().slice(0, 10)) return;
    if (Date.now() > deadline) throw new Error('The server took no day snapshot within 300 s');
    await sleep(250);
  }
}

async function measureRest(): Promise<void> {
  // Let autovacuum and the checkpointer finish what the build, earlier runs and start-up left: their
  // work is not the boards' at rest. Up to 5 minutes, then measured anyway (the note says so).
  await sql`/* bench:checkpoint */ checkpoint`;
  for (const until = Date.now() + 300_000; Date.now() < until; ) {
    const [{ workers }] = await sql<[{ workers: number }]>`/* bench:autovacuumWorkers */
      select count(*)::int as workers from pg_stat_activity where backend_type = 'autovacuum worker' and query <> ''`;
    if (workers === 0) break;
    await sleep(2_000);
  }
  await sleep(3_000);
  const wall = 15;
  const cpuBefore = cpuNow();
  const serverBefore = processCpuMs(server.pid);
  const started = performance.now();
  const autovacuumed = new Set<string>();
  for (const until = Date.now() + wall * 1000; Date.now() < until; ) {
    const workers = await sql<{ query: string }[]>`/* bench:autovacuum */
      select query from pg_stat_activity where backend_type = 'autovacuum worker' and query <> ''`;
    for (const { query } of workers) autovacuumed.add(query);
    await sleep(500);
  }
  if (autovacuumed.size) {
    notes.push(`Autovacuum ran during the at-rest window, counted in its CPU: ${[...autovacuumed].join('; ')}.`);
  }
  const elapsed = performance.now() - started;
  // The bench's own probe of pg_stat_activity (one short query every 500 ms) is in the figure.
  figures.restDbCpuPercent = ((cpuNow() - cpuBefore) / elapsed) * 100;
  figures.restServerCpuPercent = ((processCpuMs(server.pid) - serverBefore) / elapsed) * 100;
  log(
    `At rest: database ${figures.restDbCpuPercent.toFixed(2)} % of a core, server ${figures.restServerCpuPercent.toFixed(2)} %`,
  );
}

interface Subjects {
  xpEntries: number;
  exerciseId: number;
  exerciseEntries: number;
  medianUser: number;
  deepXp: DeepCursor;
  deepExercise: DeepCursor;
  writers: { userId: number; token: string }[];
  probes: { userId: number; token: string }[];
  lifts: number[];
}

async function pickSubjects(): Promise<Subjects> {
  const [busiest] = await sql<{ ref: number; entries: number }[]>`/* bench:busiestExercise */
    select ref, count(*)::int as entries from board_entries where board = 'EXERCISE_ONE_REP_MAX'
     group by ref order by entries desc, ref limit 1`;
  if (!busiest) throw new Error('No exercise board has entries');
  const xpEntries = data.xpEntries!;
  const [median] = await sql<[{ userId: number }]>`/* bench:medianUser */
    select user_id from board_entries where board = 'XP_ALL_TIME' and ref = 0
     order by score desc, user_id desc offset ${Math.floor(xpEntries / 2)} limit 1`;
  const deepXp = await cursorAtDepth('XP_ALL_TIME', 0, Math.min(DEEP, Math.floor(xpEntries / 2)));
  const deepExercise = await cursorAtDepth(
    'EXERCISE_ONE_REP_MAX',
    busiest.ref,
    Math.min(DEEP, Math.floor(busiest.entries / 2)),
  );
  // Writers and probes are listed users with a country and a record on the busiest lift, spread over
  // the id range; writers already train this week so their logs add no entry to the volume board.
  const thisWeek = weekRef(new Date());
  const candidates = await sql<{ userId: number; week: boolean }[]>`/* bench:subjects */
    select e.user_id, exists (select 1 from board_entries v where v.board = 'VOLUME_THIS_WEEK'
                                and v.ref = ${thisWeek} and v.user_id = e.user_id) as week
      from board_entries e
     where e.board = 'EXERCISE_ONE_REP_MAX' and e.ref = ${busiest.ref} and e.country is not null
       and (hashint8(e.user_id) & 1023) < ${Math.max(8, Math.ceil((1024 * 4000) / busiest.entries))}
     order by hashint8(e.user_id + 1) limit 4000`;
  const writerIds = candidates.filter((c) => c.week).slice(0, WRITERS * 50);
  const probeIds = candidates.filter((c) => !writerIds.includes(c)).slice(0, changes);
  if (probeIds.length < changes || writerIds.length < WRITERS) throw new Error('Too few users to probe and write');
  const withToken = async ({ userId }: { userId: number }) => ({ userId, token: await signToken(userId, jwtSecret) });
  const lifts = await sql<{ ref: number }[]>`/* bench:lifts */
    select distinct ref from board_entries where board = 'EXERCISE_ONE_REP_MAX' order by ref`;
  return {
    xpEntries,
    exerciseId: busiest.ref,
    exerciseEntries: busiest.entries,
    medianUser: median.userId,
    deepXp,
    deepExercise,
    writers: await Promise.all(writerIds.map(withToken)),
    probes: await Promise.all(probeIds.map(withToken)),
    lifts: lifts.map((l) => l.ref),
  };
}

/**
 * The cursor of the entry `depth` places down a board, built as the API builds them (the entry's sort
 * key, score and user id as PostgreSQL text, through src/pagination.ts's codec), so a page `after` it
 * starts at place depth + 1 without paging there. The API's own first cursor is checked against it.
 */
async function cursorAtDepth(board: string, ref: number, depth: number): Promise<DeepCursor> {
  const [row] = await sql<{ scoreText: string; userId: string }[]>`/* bench:entryAtDepth */
    select score::text as score_text, user_id::text as user_id from board_entries
     where board = ${board}::board_kind and ref = ${ref}
     order by score desc, user_id desc offset ${depth - 1} limit 1`;
  // The next entry's rank: it shares it with every entry of its score above it (ties share a rank).
  const [next] = await sql<[{ rank: number }]>`/* bench:rankAfterDepth */
    select 1 + (select count(*) from board_entries
                 where board = ${board}::board_kind and ref = ${ref} and score > n.score)::int as rank
      from (select score from board_entries where board = ${board}::board_kind and ref = ${ref}
             order by score desc, user_id desc offset ${depth} limit 1) n`;
  return { depth, cursor: cursorCodec.encode([row!.scoreText, row!.userId]), nextRank: next.rank };
}

interface DeepCursor {
  depth: number;
  cursor: string;
  /** The rank the API must give the first entry after the cursor. */
  nextRank: number;
}

const LEADERBOARD_PAGE = `query LeaderboardPage($kind: LeaderboardKind!, $first: Int, $after: String) {
  leaderboard(kind: $kind, first: $first, after: $after) {
    refreshedAt entryCount
    edges { cursor node { rank score previousRank rankChange topPercent user { id username } } }
    pageInfo { hasNextPage endCursor } } }`;
const EXERCISE_PAGE = `query ExercisePage($exerciseId: ID!, $first: Int, $after: String) {
  exerciseLeaderboard(exerciseId: $exerciseId, first: $first, after: $after) {
    refreshedAt entryCount
    edges { cursor node { rank score previousRank rankChange topPercent user { id username } } }
    pageInfo { hasNextPage endCursor } } }`;
const USER_RANK = `query UserRank($id: ID!) { user(id: $id) {
  xp: rank(kind: XP_ALL_TIME) { rank score previousRank topPercent }
  volume: rank(kind: VOLUME_THIS_WEEK) { rank score previousRank topPercent } } }`;
const AROUND = `query Around($kind: LeaderboardKind!, $userId: ID, $radius: Int) {
  leaderboardAround(kind: $kind, userId: $userId, radius: $radius) { rank score topPercent user { id username } } }`;

const op = (query: string, variables: Record<string, unknown>, token: string | null = null): Operation => ({
  query,
  variables,
  token,
});

async function measureReads(s: Subjects): Promise<void> {
  // The API's first cursor must be what cursorAtDepth builds, or the deep pages would start elsewhere.
  const first = await mustExecute(server.origin, op(LEADERBOARD_PAGE, { kind: 'XP_ALL_TIME', first: 1 }));
  const [top] = await sql<{ scoreText: string; userId: string }[]>`/* bench:topEntry */
    select score::text as score_text, user_id::text as user_id from board_entries
     where board = 'XP_ALL_TIME' and ref = 0 order by score desc, user_id desc limit 1`;
  const apiCursor = first.data!.leaderboard.edges[0]?.cursor;
  if (apiCursor !== cursorCodec.encode([top!.scoreText, top!.userId])) {
    throw new Error(`The API's cursor ${apiCursor} is not [score, userId] as PostgreSQL text; fix cursorAtDepth`);
  }
  const deep = await mustExecute(
    server.origin,
    op(LEADERBOARD_PAGE, { kind: 'XP_ALL_TIME', first: 20, after: s.deepXp.cursor }),
  );
  const deepRank = deep.data!.leaderboard.edges[0]?.node.rank;
  if (deepRank !== s.deepXp.nextRank) {
    throw new Error(`The deep page starts at rank ${deepRank}; counted from board_entries: ${s.deepXp.nextRank}`);
  }
  const exercise = gid('Exercise', s.exerciseId);
  const cases: [string, string, Operation][] = [
    [
      'leaderboard XP_ALL_TIME, first page (20)',
      'ranks 1-20',
      op(LEADERBOARD_PAGE, { kind: 'XP_ALL_TIME', first: 20 }),
    ],
    [
      `leaderboard XP_ALL_TIME, page ${s.deepXp.depth.toLocaleString('en')} deep (20)`,
      `after the entry at place ${s.deepXp.depth.toLocaleString('en')} of ${s.xpEntries.toLocaleString('en')}`,
      op(LEADERBOARD_PAGE, { kind: 'XP_ALL_TIME', first: 20, after: s.deepXp.cursor }),
    ],
    [
      'leaderboard VOLUME_THIS_WEEK, first page (20)',
      'ranks 1-20',
      op(LEADERBOARD_PAGE, { kind: 'VOLUME_THIS_WEEK', first: 20 }),
    ],
    [
      'exerciseLeaderboard, first page (20)',
      `exercise ${s.exerciseId} (${s.exerciseEntries.toLocaleString('en')} entries)`,
      op(EXERCISE_PAGE, { exerciseId: exercise, first: 20 }),
    ],
    [
      `exerciseLeaderboard, page ${s.deepExercise.depth.toLocaleString('en')} deep (20)`,
      `exercise ${s.exerciseId}, after place ${s.deepExercise.depth.toLocaleString('en')}`,
      op(EXERCISE_PAGE, { exerciseId: exercise, first: 20, after: s.deepExercise.cursor }),
    ],
    [
      'User.rank, both kinds, median user',
      `user ${s.medianUser} (XP place ${Math.floor(s.xpEntries / 2).toLocaleString('en')})`,
      op(USER_RANK, { id: gid('User', s.medianUser) }),
    ],
    [
      'leaderboardAround XP_ALL_TIME, median user, radius 2',
      `user ${s.medianUser}`,
      op(AROUND, { kind: 'XP_ALL_TIME', userId: gid('User', s.medianUser), radius: 2 }),
    ],
  ];
  for (const [name, subject, operation] of cases) {
    await mustExecute(server.origin, operation);
    const latency = await measureHttp({ origin: server.origin, next: () => operation, connections: 1, seconds });
    // The same request's statements, captured in process and replayed alone: the database's share.
    const capture = await captureStatements(database.url, jwtSecret, operation);
    const floor = await measureFloor(sql, [capture.waves], Math.min(seconds, 3));
    reads.push({ name, subject, latency, statements: capture.names, floor });
    log(
      `${name}: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms, errors ${latency.errors}; ` +
        `its ${capture.names.length} statements alone p95 ${floor.p95.toFixed(2)} ms`,
    );
    if (latency.p95 > READ_TARGET_MS) await explain(name, capture.waves.flat());
  }
  const missed = cases.filter(([name]) => reads.find((read) => read.name === name)!.latency.p95 > READ_TARGET_MS);
  if (missed.length === 0) return;
  // board_day_ranks is rebuilt by each day's snapshot and has no statistics until autovacuum gets to
  // it; the same reads once it has them tell a plan without statistics from a slow design.
  await sql`/* bench:analyzeDayRanks */ analyze board_day_ranks`;
  for (const [name, , operation] of missed) {
    const latency = await measureHttp({ origin: server.origin, next: () => operation, connections: 1, seconds });
    const capture = await captureStatements(database.url, jwtSecret, operation);
    const floor = await measureFloor(sql, [capture.waves], Math.min(seconds, 3));
    readsAnalyzed.push({ name, subject: '', latency, statements: capture.names, floor });
    log(`${name}, after ANALYZE board_day_ranks: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms`);
  }
}

/** The plans of a read that missed its target, as the report's evidence. */
async function explain(read: string, statements: CapturedStatement[]): Promise<void> {
  for (const statement of statements) {
    const rows = await sql.unsafe(
      `explain (analyze, buffers) ${statement.query}`,
      statement.parameters.map((value, i) =>
        statement.types[i] ? sql.typed(value as never, statement.types[i]!) : value,
      ) as never[],
      { prepare: false } as never,
    );
    const name = /\/\*\s*([\w:.-]+)\s*\*\//.exec(statement.query)?.[1] ?? 'unnamed';
    plans.push({ read, statement: name, plan: rows.map((row) => Object.values(row)[0]).join('\n') });
  }
}

/**
 * A read loop at c=1 on the first pages while `work` runs: the longest read shows whether the job
 * stalls readers. Returns the job's seconds and the slowest read's ms.
 */
async function withReadsDuring(work: () => Promise<unknown>): Promise<{ seconds: number; slowestReadMs: number }> {
  let running = true;
  let slowest = 0;
  const reader = (async () => {
    const operations = rotate([
      op(LEADERBOARD_PAGE, { kind: 'XP_ALL_TIME', first: 20 }),
      op(LEADERBOARD_PAGE, { kind: 'VOLUME_THIS_WEEK', first: 20 }),
    ]);
    while (running) {
      const started = performance.now();
      await mustExecute(server.origin, operations());
      slowest = Math.max(slowest, performance.now() - started);
    }
  })();
  try {
    return { seconds: await timed(work), slowestReadMs: slowest };
  } finally {
    running = false;
    await reader;
  }
}

/**
 * The day snapshot (what the server runs at 00:00 UTC) timed by taking today's again, and the Monday
 * rollover (dropping the volume week that ended) timed on last week's board, rolled back.
 */
async function measureDayJobs(): Promise<void> {
  await sql`/* bench:forgetSnapshot */ update board_state set snapshot_day = null where id = 1`;
  let outcome: { status: string; durationMs?: number; entries?: number } = { status: 'busy' };
  const snapshot = await withReadsDuring(async () => {
    // The server's keeper folds under the same advisory lock: a pass holding it answers 'busy'.
    while (outcome.status === 'busy') outcome = await takeDaySnapshot(sql, new Date());
  });
  figures.snapshotSeconds = snapshot.seconds;
  figures.snapshotSlowestReadMs = snapshot.slowestReadMs;
  figures.snapshotEntries = outcome.entries ?? Number.NaN;
  log(
    `Day snapshot: ${outcome.status}, ${snapshot.seconds.toFixed(2)} s, slowest read meanwhile ${snapshot.slowestReadMs.toFixed(1)} ms`,
  );
  const [week] = await sql<[{ entries: number }]>`/* bench:lastWeekEntries */
    select count(*)::int as entries from board_entries where board = 'VOLUME_THIS_WEEK' and ref = ${weekRef(new Date()) - 7}`;
  const run = await withReadsDuring(() =>
    sql
      .begin(async (tx) => {
        await tx`/* bench:rollover */ select boards_keep_weeks_from(${weekRef(new Date())})`;
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      }),
  );
  figures.rolloverSeconds = run.seconds;
  figures.rolloverSlowestReadMs = run.slowestReadMs;
  figures.rolloverEntries = week.entries;
  log(
    `Monday rollover (dropping ${week.entries} entries): ${run.seconds.toFixed(2)} s, slowest read ${run.slowestReadMs.toFixed(1)} ms`,
  );
}

class RolledBack extends Error {}

const LOG_WORKOUT = `mutation Log($input: LogWorkoutInput!) { logWorkout(input: $input) {
  workout { id } errors { code message } } }`;

function writerWorkout(s: Subjects, n: number): Record<string, unknown> {
  return {
    title: 'Bench session',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    durationSeconds: 3600,
    sets: Array.from({ length: 5 }, (_, i) => ({
      exerciseId: gid('Exercise', s.lifts[(n * 7 + i * 3) % s.lifts.length]!),
      reps: 5 + ((n + i) % 6),
      weightKg: 20 + ((n * 13 + i * 17) % 120),
    })),
  };
}

/**
 * 16 writers log workouts back to back while probes, one at a time, log a workout that raises a user's
 * XP, weekly volume and record on the busiest lift, then poll every read until it shows the new scores.
 * A probe's time runs from its request's start, so it includes the mutation itself: an upper bound.
 */
async function measureFreshness(s: Subjects): Promise<void> {
  let running = true;
  let written = 0;
  let writeErrors = 0;
  const writers = Array.from({ length: WRITERS }, (_, w) =>
    (async () => {
      const mine = s.writers.filter((_, i) => i % WRITERS === w);
      for (let n = 0; running; n += 1) {
        const writer = mine[n % mine.length]!;
        const result = await execute(server.origin, op(LOG_WORKOUT, { input: writerWorkout(s, n + w) }, writer.token));
        if (result.errors?.length || result.data?.logWorkout.errors.length) writeErrors += 1;
        else written += 1;
      }
    })(),
  );
  const exercise = gid('Exercise', s.exerciseId);
  const cpuBefore = cpuNow();
  const wallStarted = performance.now();
  let gaveUp = 0;
  try {
    await sleep(2_000);
    for (const [i, probe] of s.probes.entries()) {
      const [record] = await sql<[{ value: number }]>`/* bench:probeRecord */
        select value_kg as value from personal_records
         where user_id = ${probe.userId} and exercise_id = ${s.exerciseId} and kind = 'ESTIMATED_ONE_REP_MAX'`;
      const weightKg = Math.min(1000, Math.floor(record.value / 2.5) * 2.5 + 2.5);
      const started = performance.now();
      const logged = await mustExecute(
        server.origin,
        op(
          LOG_WORKOUT,
          {
            input: {
              title: 'Freshness probe',
              startedAt: new Date(Date.now() - 60_000).toISOString(),
              durationSeconds: 600,
              sets: [{ exerciseId: exercise, reps: 1, weightKg }],
            },
          },
          probe.token,
        ),
      );
      if (logged.data!.logWorkout.errors.length) throw new Error(JSON.stringify(logged.data!.logWorkout.errors));
      const answered = performance.now() - started;
      const [want] = await sql<
        [{ xp: number; xpText: string; volume: number; volumeText: string; e1rm: number; e1rmText: string }]
      >`
        /* bench:probeScores */
        select u.xp::float8 as xp, u.xp::float8::text as xp_text, v.volume, v.volume::text as volume_text,
               r.value_kg as e1rm, r.value_kg::text as e1rm_text
          from users u
          cross join lateral (select sum(total_volume_kg) as volume from workouts w
                               where w.user_id = u.id and w.started_at >= ${new Date(weekRef(new Date()) * 86_400_000)}) v
          join personal_records r on r.user_id = u.id and r.exercise_id = ${s.exerciseId} and r.kind = 'ESTIMATED_ONE_REP_MAX'
         where u.id = ${probe.userId}`;
      const user = gid('User', probe.userId);
      const justAbove = (score: string) => cursorCodec.encode([score, String(probe.userId + 1)]);
      const pageShows = (connection: any, score: number) =>
        connection.edges[0]?.node.user.id === user && connection.edges[0]?.node.score === score;
      const checks: [string, Operation, (data: any) => boolean][] = [
        [
          'leaderboard XP_ALL_TIME (page holding the user)',
          op(LEADERBOARD_PAGE, { kind: 'XP_ALL_TIME', first: 1, after: justAbove(want.xpText) }),
          (d) => pageShows(d.leaderboard, want.xp),
        ],
        [
          'leaderboard VOLUME_THIS_WEEK (page holding the user)',
          op(LEADERBOARD_PAGE, { kind: 'VOLUME_THIS_WEEK', first: 1, after: justAbove(want.volumeText) }),
          (d) => pageShows(d.leaderboard, want.volume),
        ],
        [
          'User.rank, both kinds',
          op(USER_RANK, { id: user }),
          (d) => d.user?.xp?.score === want.xp && d.user?.volume?.score === want.volume,
        ],
        [
          'leaderboardAround VOLUME_THIS_WEEK',
          op(AROUND, { kind: 'VOLUME_THIS_WEEK', userId: user, radius: 2 }),
          (d) => d.leaderboardAround.some((e: any) => e.user.id === user && e.score === want.volume),
        ],
        [
          'exerciseLeaderboard (page holding the user)',
          op(EXERCISE_PAGE, { exerciseId: exercise, first: 1, after: justAbove(want.e1rmText) }),
          (d) => pageShows(d.exerciseLeaderboard, want.e1rm),
        ],
      ];
      const seen = await Promise.all(
        checks.map(async ([name, operation, shows]) => {
          for (;;) {
            const { data } = await mustExecute(server.origin, operation);
            const elapsed = performance.now() - started;
            if (shows(data)) return [name, elapsed] as const;
            if (elapsed > GIVE_UP_MS) {
              gaveUp += 1;
              return [name, GIVE_UP_MS] as const;
            }
            await sleep(POLL_PAUSE_MS);
          }
        }),
      );
      const slowest = Math.max(...seen.map(([, ms]) => ms));
      for (const [name, ms] of [
        ...seen,
        [ALL, slowest] as const,
        [AFTER_ANSWER, slowest - answered] as const,
        [MUTATION, answered] as const,
      ]) {
        freshness[name] = [...(freshness[name] ?? []), ms];
      }
      if ((i + 1) % 50 === 0) log(`Freshness: ${i + 1}/${s.probes.length} changes`);
    }
  } finally {
    running = false;
    await Promise.all(writers);
  }
  const wall = (performance.now() - wallStarted) / 1000;
  figures.freshnessWritesPerSecond = written / wall;
  figures.freshnessWriteErrors = writeErrors;
  figures.freshnessGaveUp = gaveUp;
  figures.writesDbCpuPercent = ((cpuNow() - cpuBefore) / (wall * 1000)) * 100;
  const all = freshness[ALL]!.toSorted((a, b) => a - b);
  log(
    `Freshness over ${all.length} changes with ${WRITERS} writers (${figures.freshnessWritesPerSecond.toFixed(0)} writes/s): ` +
      `p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms, max ${all.at(-1)!.toFixed(0)} ms`,
  );
}

async function boardTriggers(): Promise<{ table: string; name: string }[]> {
  return sql<{ table: string; name: string }[]>`/* bench:boardTriggers */
    select c.relname as table, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where t.tgname like '\\_700\\_boards%' and not t.tgisinternal order by c.relname, t.tgname`;
}

async function setBoardTriggers(enabled: boolean): Promise<void> {
  for (const { table, name } of await boardTriggers()) {
    await sql.unsafe(`alter table ${table} ${enabled ? 'enable' : 'disable'} trigger ${name}`);
  }
}

/** Saturated logWorkout at 16 connections, boards on and off in alternating rounds. */
async function measureThroughput(s: Subjects): Promise<void> {
  const triggers = await boardTriggers();
  figures.boardTriggers = triggers.length;
  if (triggers.length === 0) notes.push('No _700_boards trigger found: "boards off" equals "boards on".');
  let n = 0;
  const next = () => {
    n += 1;
    const writer = s.writers[n % s.writers.length]!;
    return op(LOG_WORKOUT, { input: writerWorkout(s, n) }, writer.token);
  };
  for (const [round, boards] of (['on', 'off', 'on', 'off'] as const).entries()) {
    boardsDisabled = boards === 'off';
    await setBoardTriggers(boards === 'on');
    const workoutsBefore = await lastWorkoutId();
    if (round === 0)
      await sql`/* bench:resetFunctionStats */ select pg_stat_reset_single_function_counters(funcid) from pg_stat_user_functions`;
    const cpuBefore = cpuNow();
    const started = performance.now();
    const latency = await measureHttp({ origin: server.origin, next, connections: WRITERS, seconds });
    const dbCpuPerSecond = (cpuNow() - cpuBefore) / (performance.now() - started);
    throughput.push({ boards, latency, dbCpuPerSecond: Number.isNaN(dbCpuPerSecond) ? null : dbCpuPerSecond });
    log(
      `logWorkout boards ${boards}: ${latency.rps.toFixed(0)}/s, p95 ${latency.p95.toFixed(1)} ms, errors ${latency.errors}`,
    );
    if (round === 0) await readFunctionStats(workoutsBefore);
  }
}

/**
 * Where the database's time went in the first boards-on run, by function (the server's sessions run
 * with track_functions = 'all'): ms per logWorkout, total and self. Backends flush their statistics
 * when idle for 10 s, hence the pause.
 */
async function readFunctionStats(workoutsBefore: number): Promise<void> {
  await sleep(11_000);
  const logged = Math.max(1, (await lastWorkoutId()) - workoutsBefore);
  const rows = await sql<{ name: string; calls: number; totalMs: number; selfMs: number }[]>`/* bench:functionStats */
    select funcname as name, calls::float8, total_time as total_ms, self_time as self_ms
      from pg_stat_user_functions order by total_time desc limit 15`;
  functionStats.push(
    ...rows.map((row) => ({
      name: row.name,
      callsPerLog: row.calls / logged,
      totalMsPerLog: row.totalMs / logged,
      selfMsPerLog: row.selfMs / logged,
    })),
  );
}

async function lastWorkoutId(): Promise<number> {
  const [{ id }] = await sql<[{ id: number }]>`/* bench:lastWorkout */ select coalesce(max(id), 0) as id from workouts`;
  return id;
}

/** Boards switched off for the comparison are switched on again and rebuilt from what was written meanwhile. */
async function restoreBoards(): Promise<void> {
  if (!boardsDisabled) return;
  await setBoardTriggers(true);
  log('Rebuilding the boards after the boards-off runs');
  figures.rebuildAfterSeconds = await timed(() => sql`/* bench:rebuild */ select boards_rebuild()`);
  boardsDisabled = false;
}

// ---------------------------------------------------------------------------------------------------

interface LeaderboardResults {
  kind: 'leaderboards';
  date: string;
  startedAt: string;
  finishedAt: string;
  commit: string | null;
  users: number;
  machine: Record<string, string | number>;
  data: Record<string, number>;
  figures: Record<string, number>;
  reads: typeof reads;
  readsAnalyzed: typeof reads;
  plans: typeof plans;
  freshness: Record<string, { n: number; p50: number; p99: number; max: number }>;
  throughput: typeof throughput;
  functionStats: typeof functionStats;
  notes: string[];
  seededSeconds: number;
}

async function finish(measured: boolean): Promise<void> {
  const [pg] = await sql<{ version: string }[]>`select version()`;
  const results: LeaderboardResults = {
    kind: 'leaderboards',
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit,
    users,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: pg!.version.split(' on ')[0]!,
      loadBefore,
      loadAfter: loadavg()[0]!,
    },
    data,
    figures,
    reads,
    readsAnalyzed,
    plans,
    freshness: Object.fromEntries(
      Object.entries(freshness).map(([name, list]) => {
        const sorted = list.toSorted((a, b) => a - b);
        return [
          name,
          { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! },
        ];
      }),
    ),
    throughput,
    functionStats,
    notes,
    seededSeconds: Math.round(database.seededSeconds),
  };
  if (measured) {
    const written = await writeResults(results);
    log(`Wrote ${written.join(', ')}`);
  }
  await database.stop();
  if (!values.keep && database.embedded) await dropBenchDatabase();
}

async function dropBenchDatabase(): Promise<void> {
  const { startEmbedded } = await import('../src/db/database');
  const cluster = await startEmbedded({
    dataDir,
    port: Number(process.env.SPOTTER_BENCH_PORT || 54339),
    database: 'postgres',
  });
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
    log(`Dropped ${databaseName} (pass --keep to keep it for the next run)`);
  } finally {
    await admin.end();
    await cluster.stop();
  }
}

async function writeResults(results: LeaderboardResults): Promise<string[]> {
  const name = `${results.date}-leaderboards-${results.users}`;
  const onDisk = await readFile(join(resultsDir, `${name}.json`), 'utf8')
    .then((text) => JSON.parse(text) as LeaderboardResults)
    .catch(() => null);
  const stem = join(resultsDir, nameBeside(name, results, onDisk));
  const others = await otherScales(results);
  await writeFile(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${stem}.md`, renderMarkdown(results, others));
  return [`${stem}.json`, `${stem}.md`];
}

/** The latest leaderboard run of each other scale, to print beside this one. */
async function otherScales(results: LeaderboardResults): Promise<LeaderboardResults[]> {
  const files = (await readdir(resultsDir)).filter((f) =>
    /^\d{4}-\d{2}-\d{2}-leaderboards-\d+(-at-[\w+]+)?\.json$/.test(f),
  );
  const runs = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(resultsDir, f), 'utf8')) as LeaderboardResults),
  );
  const latest = new Map<number, LeaderboardResults>();
  for (const run of runs.toSorted((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    if (run.users !== results.users) latest.set(run.users, run);
  }
  return [...latest.values()].sort((a, b) => a.users - b.users);
}

interface Row {
  label: string;
  target: string;
  unit: string;
  value: (r: LeaderboardResults) => number | null | undefined;
  met?: (v: number) => boolean;
}

const mb = (bytes: number | undefined) => (bytes == null ? null : bytes / 2 ** 20);
const readP95 = (prefix: string) => (r: LeaderboardResults) =>
  r.reads.find((c) => c.name.startsWith(prefix))?.latency.p95;
/** The slowest read's p95, each taken after ANALYZE board_day_ranks where it was measured again. */
const slowestAnalyzed = (r: LeaderboardResults) =>
  r.reads.length
    ? Math.max(...r.reads.map((c) => (r.readsAnalyzed?.find((a) => a.name === c.name) ?? c).latency.p95))
    : null;
const fresh = (name: string, key: 'p50' | 'p99' | 'max') => (r: LeaderboardResults) => r.freshness[name]?.[key];
const meanRps = (r: LeaderboardResults, boards: 'on' | 'off') => {
  const runs = r.throughput.filter((t) => t.boards === boards);
  return runs.length ? runs.reduce((sum, t) => sum + t.latency.rps, 0) / runs.length : null;
};
const meanDbCpu = (r: LeaderboardResults, boards: 'on' | 'off') => {
  const runs = r.throughput.filter((t) => t.boards === boards && t.dbCpuPerSecond != null);
  return runs.length ? (runs.reduce((sum, t) => sum + t.dbCpuPerSecond!, 0) / runs.length) * 100 : null;
};

const ROWS: Row[] = [
  { label: 'Freshness p50, all reads', target: '', unit: 'ms', value: fresh(ALL, 'p50') },
  { label: "Freshness p99 from the mutation's answer", target: '', unit: 'ms', value: fresh(AFTER_ANSWER, 'p99') },
  { label: 'The probe logWorkout itself, p50', target: '', unit: 'ms', value: fresh(MUTATION, 'p50') },
  {
    label: 'Freshness p99, all reads',
    target: '<= 1000 ms',
    unit: 'ms',
    value: fresh(ALL, 'p99'),
    met: (v) => v <= 1000,
  },
  {
    label: 'Freshness max, all reads',
    target: '<= 2000 ms',
    unit: 'ms',
    value: fresh(ALL, 'max'),
    met: (v) => v <= 2000,
  },
  {
    label: 'logWorkout/s, boards on / off',
    target: '>= 85 %',
    unit: '%',
    value: (r) => {
      const on = meanRps(r, 'on');
      const off = meanRps(r, 'off');
      return on != null && off ? (100 * on) / off : null;
    },
    met: (v) => v >= 85,
  },
  { label: 'logWorkout/s with boards (c=16)', target: '', unit: '/s', value: (r) => meanRps(r, 'on') },
  { label: 'logWorkout/s without boards (c=16)', target: '', unit: '/s', value: (r) => meanRps(r, 'off') },
  {
    label: 'leaderboard first page p95 (c=1)',
    target: '<= 5 ms',
    unit: 'ms',
    value: readP95('leaderboard XP_ALL_TIME, first'),
    met: (v) => v <= 5,
  },
  {
    label: 'leaderboard deep page p95 (c=1)',
    target: '<= 5 ms',
    unit: 'ms',
    value: readP95('leaderboard XP_ALL_TIME, page'),
    met: (v) => v <= 5,
  },
  {
    label: 'volume board first page p95 (c=1)',
    target: '<= 5 ms',
    unit: 'ms',
    value: readP95('leaderboard VOLUME'),
    met: (v) => v <= 5,
  },
  {
    label: 'exerciseLeaderboard first page p95',
    target: '<= 5 ms',
    unit: 'ms',
    value: readP95('exerciseLeaderboard, first'),
    met: (v) => v <= 5,
  },
  {
    label: 'exerciseLeaderboard deep page p95',
    target: '<= 5 ms',
    unit: 'ms',
    value: readP95('exerciseLeaderboard, page'),
    met: (v) => v <= 5,
  },
  {
    label: 'User.rank (median user) p95',
    target: '<= 5 ms',
    unit: 'ms',
    value: readP95('User.rank'),
    met: (v) => v <= 5,
  },
  {
    label: 'leaderboardAround (median user) p95',
    target: '<= 5 ms',
    unit: 'ms',
    value: readP95('leaderboardAround'),
    met: (v) => v <= 5,
  },
  {
    label: 'Slowest of the reads above, p95, board_day_ranks analyzed',
    target: '<= 5 ms',
    unit: 'ms',
    value: slowestAnalyzed,
    met: (v) => v <= 5,
  },
  {
    label: 'Database CPU at rest',
    target: '<= 2 % of a core',
    unit: '% core',
    value: (r) => r.figures.restDbCpuPercent,
    met: (v) => v <= 2,
  },
  { label: 'Server CPU at rest', target: '', unit: '% core', value: (r) => r.figures.restServerCpuPercent },
  {
    label: 'Database CPU, freshness run (16 writers + probes)',
    target: '',
    unit: '% core',
    value: (r) => r.figures.writesDbCpuPercent,
  },
  {
    label: 'Database CPU, saturated logWorkout, boards on',
    target: '',
    unit: '% core',
    value: (r) => meanDbCpu(r, 'on'),
  },
  {
    label: 'Database CPU, saturated logWorkout, boards off',
    target: '',
    unit: '% core',
    value: (r) => meanDbCpu(r, 'off'),
  },
  { label: 'Day snapshot (all boards)', target: '', unit: 's', value: (r) => r.figures.snapshotSeconds },
  {
    label: 'Slowest first-page read during the snapshot',
    target: '',
    unit: 'ms',
    value: (r) => r.figures.snapshotSlowestReadMs,
  },
  { label: 'Monday rollover (drop the ended week)', target: '', unit: 's', value: (r) => r.figures.rolloverSeconds },
  {
    label: 'Slowest first-page read during the rollover',
    target: '',
    unit: 'ms',
    value: (r) => r.figures.rolloverSlowestReadMs,
  },
  {
    label: 'boards_rebuild() over the whole data',
    target: '',
    unit: 's',
    value: (r) => r.figures.rebuildSeconds ?? r.figures.rebuildAfterSeconds,
  },
  { label: 'Disk: board_entries', target: '', unit: 'MB', value: (r) => mb(r.figures.diskAfter_board_entries) },
  { label: 'Disk: board_buckets', target: '', unit: 'MB', value: (r) => mb(r.figures.diskAfter_board_buckets) },
  { label: 'Disk: board_deltas', target: '', unit: 'MB', value: (r) => mb(r.figures.diskAfter_board_deltas) },
  { label: 'Disk: board_day_ranks', target: '', unit: 'MB', value: (r) => mb(r.figures.diskAfter_board_day_ranks) },
];

function format(value: number | null | undefined, unit: string): string {
  if (value == null || Number.isNaN(value)) return '–';
  const digits = unit === 'ms' || unit === 's' || unit === '% core' ? (value < 10 ? 2 : value < 100 ? 1 : 0) : 0;
  return `${value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

function renderMarkdown(r: LeaderboardResults, others: LeaderboardResults[]): string {
  const scales = [...others, r].sort((a, b) => a.users - b.users);
  const lines: string[] = [];
  lines.push(`# Live leaderboards at ${r.users.toLocaleString('en')} users, ${r.date}`, '');
  lines.push(
    `- Commit \`${r.commit ?? 'unknown'}\`, ${r.startedAt} to ${r.finishedAt}; \`npm run bench:leaderboards -- --users ${r.users}\`.`,
    `- Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.postgres}; load ${Number(r.machine.loadBefore).toFixed(2)} before, ${Number(r.machine.loadAfter).toFixed(2)} after. Server, database and load generator share the cores.`,
    `- Data (bulk SQL, bench/leaderboard-data.ts${r.seededSeconds ? `, built in ${r.seededSeconds} s` : ', a kept build'}): ${Object.entries(
      r.data,
    )
      .filter(([k]) => !k.startsWith('disk'))
      .map(([k, v]) => `${k.replaceAll('_', ' ')} ${v.toLocaleString('en')}`)
      .join(', ')}.`,
    '',
  );
  lines.push('## Targets and figures', '');
  lines.push(
    `| figure | target | ${scales.map((s) => `${s.users.toLocaleString('en')} users${s === r ? ' (this run)' : ` (${s.date}, \`${s.commit}\`)`}`).join(' | ')} | status (this run) |`,
  );
  lines.push(`|---|---|${scales.map(() => '---:').join('|')}|---|`);
  for (const row of ROWS) {
    const value = row.value(r);
    const status = !row.met
      ? ''
      : value == null || Number.isNaN(value)
        ? 'not measured'
        : row.met(value)
          ? 'met'
          : '**MISSED**';
    lines.push(
      `| ${row.label} | ${row.target} | ${scales.map((s) => format(row.value(s), row.unit)).join(' | ')} | ${status} |`,
    );
  }
  lines.push('');
  lines.push(`## Freshness: ${r.freshness[ALL]?.n ?? 0} changes while ${WRITERS} writers log workouts`, '');
  lines.push(
    "Each change is a `logWorkout` by a user not otherwise writing (one set that beats their estimated 1RM on the busiest lift, so XP, this week's volume and the record all move); its time runs from the mutation's request until a read shows the new score, polled every " +
      `${POLL_PAUSE_MS} ms after each answer. The request's own time is included, so these are upper bounds. Pages "holding the user" are read with a cursor just above the user's new score. ` +
      `Writers logged ${format(r.figures.freshnessWritesPerSecond, '/s')} meanwhile (${r.figures.freshnessWriteErrors ?? 0} errors); changes not visible within ${GIVE_UP_MS / 1000} s: ${r.figures.freshnessGaveUp ?? 0}.`,
    '',
  );
  lines.push('| read | p50 | p99 | max |', '|---|---:|---:|---:|');
  for (const [name, f] of Object.entries(r.freshness)) {
    lines.push(`| ${name} | ${format(f.p50, 'ms')} | ${format(f.p99, 'ms')} | ${format(f.max, 'ms')} |`);
  }
  lines.push('', `## Reads at concurrency 1 (${seconds} s each, after a warm-up)`, '');
  lines.push(
    "Each read also replayed alone as raw SQL (its statements captured in process, then sent with postgres.js at c=1): the database's share of the time.",
    '',
    '| read | subject | p50 | p95 | p99 | req/s | errors | statements | SQL alone p50 / p95 |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|',
  );
  for (const c of r.reads) {
    lines.push(
      `| ${c.name} | ${c.subject} | ${format(c.latency.p50, 'ms')} | ${format(c.latency.p95, 'ms')} | ${format(c.latency.p99, 'ms')} | ${Math.round(c.latency.rps)} | ${c.latency.errors} | ${c.statements?.join(', ') ?? ''} | ${c.floor ? `${format(c.floor.p50, 'ms')} / ${format(c.floor.p95, 'ms')}` : '–'} |`,
    );
  }
  if (r.readsAnalyzed?.length) {
    lines.push(
      '',
      `The reads over ${READ_TARGET_MS} ms p95 again, after \`analyze board_day_ranks\` (the day snapshot writes that table anew and leaves it without statistics until autovacuum analyzes it):`,
      '',
      '| read | p50 | p95 | p99 | SQL alone p50 / p95 |',
      '|---|---:|---:|---:|---:|',
      ...r.readsAnalyzed.map(
        (c) =>
          `| ${c.name} | ${format(c.latency.p50, 'ms')} | ${format(c.latency.p95, 'ms')} | ${format(c.latency.p99, 'ms')} | ${format(c.floor.p50, 'ms')} / ${format(c.floor.p95, 'ms')} |`,
      ),
    );
  }
  if (r.plans?.length) {
    lines.push(
      '',
      `Plans of the reads over ${READ_TARGET_MS} ms p95 (EXPLAIN ANALYZE of the captured statements, once, after the run):`,
      '',
    );
    for (const p of r.plans) {
      lines.push(
        '<details>',
        `<summary>${p.read}: ${p.statement}</summary>`,
        '',
        '```',
        p.plan,
        '```',
        '',
        '</details>',
        '',
      );
    }
  }
  lines.push('', `## logWorkout saturated, ${WRITERS} connections, boards on and off alternating`, '');
  lines.push(
    `"Off" disables every \`_700_boards*\` trigger (${r.figures.boardTriggers ?? '?'} of them); the boards are rebuilt afterwards${r.figures.rebuildAfterSeconds ? ` (${format(r.figures.rebuildAfterSeconds, 's')})` : ''}. Each request logs 5 sets for one of ${WRITERS * 50} users who already trained this week.`,
    '',
  );
  lines.push('| boards | req/s | p50 | p95 | p99 | errors | database CPU |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const t of r.throughput) {
    lines.push(
      `| ${t.boards} | ${Math.round(t.latency.rps)} | ${format(t.latency.p50, 'ms')} | ${format(t.latency.p95, 'ms')} | ${format(t.latency.p99, 'ms')} | ${t.latency.errors} | ${format(t.dbCpuPerSecond == null ? null : t.dbCpuPerSecond * 100, '% core')} |`,
    );
  }
  if (r.functionStats?.length) {
    lines.push(
      '',
      "Database time by function in the first boards-on run (`pg_stat_user_functions`, track_functions = 'all'; SQL functions inlined into a caller are not counted apart), per workout that run logged (its warm-up included):",
      '',
      '| function | calls per log | total ms per log | self ms per log |',
      '|---|---:|---:|---:|',
      ...r.functionStats.map(
        (f) =>
          `| ${f.name} | ${f.callsPerLog.toFixed(2)} | ${f.totalMsPerLog.toFixed(3)} | ${f.selfMsPerLog.toFixed(3)} |`,
      ),
    );
  }
  lines.push(
    '',
    '## How the other figures are taken',
    '',
    '- CPU: the whole embedded cluster (postmaster and every child, from /proc), over 15 s with the server idle (its board keeper folding on its timer) and over the load runs; "% core" is CPU seconds per wall second.',
    "- Day snapshot: `takeDaySnapshot` of src/jobs/boards.ts, run again for today after clearing board_state's day; the Monday rollover: `boards_keep_weeks_from(this week)`, which drops last week's volume board as next Monday's pass will drop this one, in a transaction rolled back. A c=1 reader of the first XP and volume pages runs during both; its slowest read is given.",
    '- Disk: `pg_total_relation_size` (table, indexes, TOAST) at the end of the run.',
  );
  if (r.notes.length) lines.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------

const database = await openBenchDatabase({
  users,
  steps: [usersStep, boardTrainingStep],
  databaseUrl: process.env.DATABASE_URL || null,
  dataDir,
  port: Number(process.env.SPOTTER_BENCH_PORT || 54339),
  reseed: values.reseed,
  log,
  database: databaseName,
  rank: false,
});
const { sql } = database;
let boardsDisabled = false;
await reapplyChangedMigrations(sql, database.url);

/** Everything the report says, filled in phase by phase; a phase that fails leaves a note instead. */
const figures: Record<string, number> = {};
const notes: string[] = [];
const reads: { name: string; subject: string; latency: Latency; statements: string[]; floor: Latency }[] = [];
const plans: { read: string; statement: string; plan: string }[] = [];
const readsAnalyzed: typeof reads = [];
const freshness: Record<string, number[]> = {};
const functionStats: { name: string; callsPerLog: number; totalMsPerLog: number; selfMsPerLog: number }[] = [];
const throughput: { boards: 'on' | 'off'; latency: Latency; dbCpuPerSecond: number | null }[] = [];

const postmaster = database.embedded ? postmasterPidOf(dataDir) : null;
const cpuNow = () => (postmaster ? clusterCpuMs(postmaster) : Number.NaN);

const [{ entries: before }] = await sql<[{ entries: number }]>`/* bench:entries */
  select count(*)::int as entries from (select 1 from board_entries limit 1) e`;
if (before === 0) {
  log('Building the boards from the bulk data (boards_rebuild)');
  figures.rebuildSeconds = await timed(() => sql`/* bench:rebuild */ select boards_rebuild()`);
  await sql`/* bench:vacuum */ vacuum analyze board_entries, board_buckets, board_deltas`;
  log(`boards_rebuild: ${figures.rebuildSeconds.toFixed(1)} s`);
}
// Statistics for the board tables as a bulk load leaves them (a rebuild inside a migration gets none).
// What autovacuum would do after a bulk build, done now so it does not run inside the measurements: the
// visibility map for index-only scans, and statistics (a rebuild inside a migration leaves none).
await sql`/* bench:vacuumBoards */ vacuum (analyze) board_entries, board_buckets, board_day_ranks`;
// Today's snapshot before the server starts: a server listens only once it has one, and at a million
// users taking it outlasts the bench's start-up timeout.
const snapshotStarted = performance.now();
if ((await takeDaySnapshot(sql, new Date())).status === 'taken') {
  figures.snapshotAtStartSeconds = (performance.now() - snapshotStarted) / 1000;
}
const data = await dataShape(sql);
log(`Data: ${JSON.stringify(data)}`);
if (values.build) {
  values.keep = true;
  await finish(false);
  process.exit(0);
}

const [{ name: currentDatabase }] = await sql<[{ name: string }]>`select current_database() as name`;
await sql.unsafe(`alter database "${currentDatabase}" set track_functions = 'all'`);
const server = await startServer(database.url, jwtSecret);
log(`Server ${server.origin} (pid ${server.pid})`);
process.once('SIGINT', () => {
  log('Interrupted: stopping the server and the database.');
  void server
    .stop()
    .then(() => database.stop())
    .finally(() => process.exit(130));
});

try {
  await waitForSnapshot();
  await measureRest();
  const subjects = await pickSubjects();
  await measureReads(subjects);
  await measureDayJobs();
  await measureFreshness(subjects);
  await measureThroughput(subjects);
} catch (error) {
  notes.push(`The run stopped early: ${error instanceof Error ? error.message : String(error)}`);
  log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await server.stop();
  await restoreBoards();
}
Object.assign(figures, await boardDisk(sql, 'After'));
await finish(true);
process.exit(0);
