// `npm run bench:teams`: issue 26's figures. On the 100,000-user bench database (seeded by the scale
// seed, whose team step runs on top of an older seed), it adds bench teams of exactly 10, 100 and 1,000
// members with 1 or 4 goals running now (beside one over last month and one over next month), then
// measures through the production server: logWorkout's cost for a user in no team and for a member of
// each kind of team, the hot-row limit (8 writers of one team against 8 writers of 8 teams), the
// freshness of teamGoalProgress on a second server process under a steady write rate, the team page,
// and the team board's first and a deep page. Report: bench/results/<date>-teams-<users>.{md,json}.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { signToken } from '../src/auth/tokens';
import type { Sql } from '../src/db/client';
import { statementName } from '../src/db/statements';
import { scaleSteps } from '../src/seed/steps';
import { openBenchDatabase } from './database';
import { execute, mustExecute, type Operation, sseEvents } from './graphql';
import { captureStatements, type Latency, measureHttp, percentile } from './measure';
import { gitCommit, nameBeside, resultsDir } from './report';
import { startServer } from './server';
import { gid } from './workloads';

const usage = `Usage: npm run bench:teams -- [--users N] [--duration S] [--probes N] [--phase all|setup|writes|live|reads]
  --users     scale of the bench database (default 100000; spotter_bench_<users>, seeded if missing)
  --duration  seconds per measured load run (default 6)
  --probes    teamGoalProgress freshness probes (default 200)
  --phase     run one phase (to keep each hold of the bench lock short); the report holds every phase measured today;
              hotrows: the hot-row runs with the team triggers at commit (0033) and as before it, interleaved
  SPOTTER_BENCH_DATA_DIR moves the embedded cluster (default bench/data)`;

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '6' },
    probes: { type: 'string', default: '200' },
    phase: { type: 'string', default: 'all' },
    help: { type: 'boolean', default: false },
  },
});
const users = Number(values.users);
const seconds = Number(values.duration);
const probes = Number(values.probes);
const phase = values.phase!;
if (
  values.help ||
  !Number.isInteger(users) ||
  users < 2000 ||
  !(seconds > 0) ||
  !Number.isInteger(probes) ||
  !['all', 'setup', 'writes', 'live', 'reads', 'hotrows'].includes(phase)
) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const SIZES = [10, 100, 1000] as const;
const ACTIVE_GOALS = [1, 4] as const;
/** Teams per (size, active goals): team 0 holds 8 writers, teams 1-7 one writer each. */
const TEAMS_PER_KIND = 8;
const WRITERS = 8;
/** Background logs per second during the freshness probes, spread over writers of other teams. */
const STEADY_RATE = 40;
const GIVE_UP_MS = 10_000;
const jwtSecret = 'spotter-bench-secret';
const log = (line: string) => console.error(`[bench:teams ${new Date().toISOString().slice(11, 19)}] ${line}`);
const startedAt = new Date();
const commit = gitCommit();
const loadBefore = loadavg()[0]!;

interface BenchTeam {
  id: number;
  size: number;
  activeGoals: number;
  k: number;
  /** Members in no other team: they log the workouts. */
  writers: number[];
  /** The goals whose window holds now, by metric. */
  goals: Record<string, number>;
}

const teamName = (size: number, active: number, k: number) => `Bench ${size} members ${active} goals ${k}`;

/**
 * The bench teams, made once and kept: members beyond the writers are users already in a seeded team,
 * so a writer is exactly a member in no other team. Built as the scale seed builds teams (membership and
 * goal triggers off, memberCount set in one pass, then teams_rebuild()).
 */
async function ensureBenchTeams(sql: Sql): Promise<void> {
  const [{ made }] = await sql<[{ made: number }]>`/* bench:benchTeams */
    select count(*)::int as made from teams where name like 'Bench % members % goals %'`;
  if (made === SIZES.length * ACTIVE_GOALS.length * TEAMS_PER_KIND) return;
  if (made > 0)
    throw new Error(`${made} bench teams exist, not ${SIZES.length * ACTIVE_GOALS.length * TEAMS_PER_KIND}`);
  const started = performance.now();
  const kinds = SIZES.flatMap((size) => ACTIVE_GOALS.map((active) => ({ size, active })));
  const writersNeeded = kinds.length * (WRITERS + TEAMS_PER_KIND - 1);
  const free = await sql<{ id: number }[]>`/* bench:freeUsers */
    select u.id from users u
     where u.workout_count > 0 and not exists (select 1 from team_members m where m.user_id = u.id)
     order by hashint8(u.id + 26) limit ${writersNeeded + WRITERS}`;
  if (free.length < writersNeeded + WRITERS) throw new Error('Too few users in no team');
  // The last WRITERS stay in no team: the "no team" writers.
  let next = 0;
  const plan: { name: string; size: number; writers: number[] }[] = [];
  for (const { size, active } of kinds) {
    for (let k = 0; k < TEAMS_PER_KIND; k += 1) {
      const count = k === 0 ? WRITERS : 1;
      plan.push({ name: teamName(size, active, k), size, writers: free.slice(next, next + count).map((u) => u.id) });
      next += count;
    }
  }
  await sql.begin(async (tx) => {
    await tx`alter table team_members disable trigger _500_teams`;
    await tx`alter table team_goals disable trigger _500_start`;
    for (const [i, team] of plan.entries()) {
      const [{ id }] = await tx<[{ id: number }]>`/* bench:insertTeam */
        insert into teams (name, description, created_at)
        values (${team.name}, ${`A bench team of ${team.size}.`}, now() - interval '60 days') returning id`;
      await tx`/* bench:insertWriters */
        insert into team_members (team_id, user_id, role, joined_at)
        select ${id}, w.user_id, (case when w.n = 1 then 'OWNER' else 'MEMBER' end)::team_role,
               now() - interval '60 days' + make_interval(mins => w.n::int)
          from unnest(${team.writers}::bigint[]) with ordinality as w(user_id, n)`;
      await tx`/* bench:insertFillers */
        insert into team_members (team_id, user_id, role, joined_at)
        select ${id}, u.user_id, 'MEMBER', now() - interval '59 days' + make_interval(mins => u.n::int)
          from (select m.user_id, row_number() over (order by hashint8(m.user_id + ${i})) as n
                  from (select distinct user_id from team_members
                         where team_id not in (select id from teams where name like 'Bench % members % goals %')) m) u
         where u.n <= ${team.size - team.writers.length}`;
    }
    await tx`/* bench:benchCounts */
      update teams t set member_count = (select count(*) from team_members m where m.team_id = t.id)
       where t.name like 'Bench % members % goals %'`;
    // Last month and next month, and 1 or 4 goals over this month (XP first: both of logWorkout's
    // trigger calls move it). Targets no bench run reaches, so no log pays for a completion.
    await tx`/* bench:benchGoals */
      with months as (select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' as this_month)
      insert into team_goals (team_id, title, metric, target, starts_at, ends_at)
      select t.id, g.title, g.metric::goal_metric, 1e9, g.starts_at, g.ends_at
        from teams t cross join months
       cross join lateral (values
         ('Last month: XP', 'XP', this_month - interval '1 month', this_month, 0),
         ('Next month: XP', 'XP', this_month + interval '1 month', this_month + interval '2 months', 0),
         ('This month: XP', 'XP', this_month, this_month + interval '1 month', 1),
         ('This month: workouts', 'WORKOUTS', this_month, this_month + interval '1 month', 2),
         ('This month: distance', 'DISTANCE_METERS', this_month, this_month + interval '1 month', 3),
         ('This month: volume', 'VOLUME_KG', this_month, this_month + interval '1 month', 4)) as g(title, metric, starts_at, ends_at, n)
       where t.name like 'Bench % members % goals %'
         and g.n <= substring(t.name from 'members (\\d+) goals')::int`;
    await tx`alter table team_members enable trigger _500_teams`;
    await tx`alter table team_goals enable trigger _500_start`;
  });
  await sql`/* bench:teamsRebuild */ select teams_rebuild()`;
  await sql`/* bench:analyzeTeams */ vacuum analyze teams, team_members, team_goals, goal_contributions, team_weeks, team_board`;
  notes.push(
    `The ${plan.length} bench teams were built in this run (${((performance.now() - started) / 1000).toFixed(0)} s, teams_rebuild() included).`,
  );
}

async function benchTeams(sql: Sql): Promise<BenchTeam[]> {
  const rows = await sql<{ id: number; name: string; writers: number[]; goals: { metric: string; id: number }[] }[]>`
    /* bench:readBenchTeams */
    select t.id, t.name,
           (select array_agg(m.user_id order by m.joined_at) from team_members m
             where m.team_id = t.id and (select count(*) from team_members o where o.user_id = m.user_id) = 1) as writers,
           (select json_agg(json_build_object('metric', g.metric, 'id', g.id)) from team_goals g
             where g.team_id = t.id and g.starts_at <= now() and g.ends_at > now()) as goals
      from teams t where t.name like 'Bench % members % goals %' order by t.id`;
  return rows.map((row) => {
    const [, size, active, k] = /Bench (\d+) members (\d+) goals (\d+)/.exec(row.name)!.map(Number);
    return {
      id: row.id,
      size: size!,
      activeGoals: active!,
      k: k!,
      writers: row.writers.map(Number),
      goals: Object.fromEntries(row.goals.map((g) => [g.metric, Number(g.id)])),
    };
  });
}

async function noTeamWriters(sql: Sql): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`/* bench:noTeamWriters */
    select u.id from users u
     where u.workout_count > 0 and not exists (select 1 from team_members m where m.user_id = u.id)
     order by hashint8(u.id + 26) limit ${WRITERS}`;
  return rows.map((row) => Number(row.id));
}

async function dataShape(sql: Sql) {
  const [shape] = await sql<[Record<string, number>]>`/* bench:dataShape */
    select (select count(*) from users)::int as users,
           (select count(*) from workouts)::int as workouts,
           (select count(*) from workouts where distance_meters > 0)::int as distance_workouts,
           (select count(*) from teams)::int as teams,
           (select count(*) from team_members)::int as memberships,
           (select count(distinct user_id) from team_members)::int as users_in_a_team,
           (select count(*) from teams where member_count >= 150)::int as teams_of_150_or_more,
           (select max(member_count) from teams)::int as largest_team,
           (select count(*) from team_goals)::int as goals,
           (select count(*) from team_goals where starts_at <= now() and ends_at > now())::int as goals_running_now,
           (select count(*) from goal_contributions)::int as contributions,
           (select count(*) from team_board where week_start = team_week_of(now()))::int as team_board_entries_this_week`;
  return shape;
}

// ---------------------------------------------------------------------------------------------------

const LOG_WORKOUT = `mutation Log($input: LogWorkoutInput!) { logWorkout(input: $input) {
  workout { id } errors { code message } } }`;

let lifts: number[] = [];

/** Alternately a strength session of 5 sets and a 5 km run without sets, as the seed mixes them. */
function workoutInput(n: number): Record<string, unknown> {
  const startedAt = new Date(Date.now() - 60_000).toISOString();
  if (n % 2 === 1) return { title: 'Bench run', startedAt, durationSeconds: 1800, distanceMeters: 5000, sets: [] };
  return {
    title: 'Bench session',
    startedAt,
    durationSeconds: 3600,
    sets: Array.from({ length: 5 }, (_, i) => ({
      exerciseId: gid('Exercise', lifts[(n * 7 + i * 3) % lifts.length]!),
      reps: 5 + ((n + i) % 6),
      weightKg: 20 + ((n * 13 + i * 17) % 60),
    })),
  };
}

const tokens = new Map<number, string>();
async function tokenOf(userId: number): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = await signToken(userId, jwtSecret);
    tokens.set(userId, token);
  }
  return token;
}

/**
 * Closed-loop writers, one per user (a connection of autocannon may pick any user, and two logs of one
 * user serialize on its row whatever the teams): each logs back to back for the window after a warm-up.
 */
async function driveWriters(origin: string, writerIds: number[], windowSeconds: number): Promise<Latency> {
  const writerTokens = await Promise.all(writerIds.map(tokenOf));
  let measuring = false;
  let stop = false;
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const loops = writerTokens.map(async (token) => {
    while (!stop) {
      const t0 = performance.now();
      const result = await execute(origin, { query: LOG_WORKOUT, variables: { input: workoutInput(n++) }, token });
      const ms = performance.now() - t0;
      if (!measuring) continue;
      if (result.errors?.length || result.data?.logWorkout.errors.length) errors += 1;
      else latencies.push(ms);
    }
  });
  await sleep(Math.min(2000, windowSeconds * 250));
  measuring = true;
  const started = performance.now();
  await sleep(windowSeconds * 1000);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(loops);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

interface WriteRow {
  subject: string;
  size: number | null;
  activeGoals: number | null;
  c1: Latency;
  /** Database time per logWorkout: every statement the server ran in the c=1 window (pg_stat_statements, top level, triggers inside). */
  dbMsPerWrite: number;
  statements: { name: string; perWrite: number; ms: number }[];
  /** pg_stat_user_functions over the c=1 window, per logged workout. */
  functions: { name: string; callsPerLog: number; totalMsPerLog: number; selfMsPerLog: number }[];
  c8: Latency | null;
}

async function lastWorkoutId(sql: Sql): Promise<number> {
  const [{ id }] = await sql<
    [{ id: number }]
  >`/* bench:lastWorkout */ select coalesce(max(id), 0)::int8 as id from workouts`;
  return Number(id);
}

async function measureWriteRow(
  sql: Sql,
  origin: string,
  subject: string,
  kind: { size: number; activeGoals: number } | null,
  c1Writer: number[],
  c8Writers: number[],
): Promise<WriteRow> {
  await sql`/* bench:resetFunctionStats */ select pg_stat_reset_single_function_counters(funcid) from pg_stat_user_functions`;
  const before = await lastWorkoutId(sql);
  if (statementsTracked) await sql`select pg_stat_statements_reset()`;
  const c1 = await driveWriters(origin, c1Writer, seconds);
  const statementRows = statementsTracked
    ? await sql<{ query: string; calls: number; totalMs: number }[]>`/* bench:statementCosts */
    select query, calls::int, total_exec_time as total_ms from pg_stat_statements
     where dbid = (select oid from pg_database where datname = current_database()) and calls > 0
       and query not like '%pg_stat_%' and query not like '%bench:%'`
    : [];
  // Backends send their function statistics once idle for a while.
  await sleep(11_000);
  const logged = Math.max(1, (await lastWorkoutId(sql)) - before);
  const functionRows = await sql<{ name: string; calls: number; totalMs: number; selfMs: number }[]>`
    /* bench:functionStats */
    select funcname as name, calls::float8, total_time as total_ms, self_time as self_ms
      from pg_stat_user_functions where calls > 0 order by total_time desc limit 12`;
  const byName = new Map<string, { calls: number; ms: number }>();
  for (const row of statementRows) {
    const name = statementName(row.query);
    const seen = byName.get(name) ?? { calls: 0, ms: 0 };
    byName.set(name, { calls: seen.calls + row.calls, ms: seen.ms + row.totalMs });
  }
  // The warm-up's statements are in the window too: per logged workout, as the functions are.
  const writes = logged;
  const statements = [...byName.entries()]
    .map(([name, s]) => ({ name, perWrite: s.calls / writes, ms: s.ms / writes }))
    .filter((s) => s.perWrite >= 0.05)
    .sort((a, b) => b.ms - a.ms);
  const row: WriteRow = {
    subject,
    size: kind?.size ?? null,
    activeGoals: kind?.activeGoals ?? null,
    c1,
    dbMsPerWrite: statementsTracked ? statements.reduce((sum, s) => sum + s.ms, 0) : Number.NaN,
    statements,
    functions: functionRows.map((f) => ({
      name: f.name,
      callsPerLog: f.calls / logged,
      totalMsPerLog: f.totalMs / logged,
      selfMsPerLog: f.selfMs / logged,
    })),
    c8: c8Writers.length ? await driveWriters(origin, c8Writers, seconds) : null,
  };
  log(
    `${subject}: c=1 p50 ${row.c1.p50.toFixed(2)} ms p95 ${row.c1.p95.toFixed(2)} ms, db ${row.dbMsPerWrite.toFixed(2)} ms/write` +
      (row.c8 ? `, c=8 ${row.c8.rps.toFixed(0)}/s p95 ${row.c8.p95.toFixed(1)} ms` : '') +
      `, errors ${row.c1.errors + (row.c8?.errors ?? 0)}`,
  );
  return row;
}

async function measureWrites(sql: Sql, origin: string, teams: BenchTeam[]): Promise<void> {
  const none = await noTeamWriters(sql);
  results.writes = [];
  results.writes.push(await measureWriteRow(sql, origin, 'a user in no team', null, [none[0]!], none));
  for (const size of SIZES) {
    for (const activeGoals of ACTIVE_GOALS) {
      const kind = teams.filter((t) => t.size === size && t.activeGoals === activeGoals);
      // c=1: one writer of team 1; c=8: one writer in each of the 8 teams of this kind.
      results.writes.push(
        await measureWriteRow(
          sql,
          origin,
          `a member of a team of ${size.toLocaleString('en')}, ${activeGoals} goal${activeGoals > 1 ? 's' : ''} running`,
          { size, activeGoals },
          [kind.find((t) => t.k === 1)!.writers[0]!],
          kind.map((t) => t.writers[0]!),
        ),
      );
    }
  }
  results.hotRows = [];
  for (const activeGoals of ACTIVE_GOALS) {
    const kind = teams.filter((t) => t.size === 1000 && t.activeGoals === activeGoals);
    const one = kind.find((t) => t.k === 0)!;
    for (const [shape, writerIds] of [
      ['8 writers, all members of one team', one.writers],
      ['8 writers in 8 different teams', kind.map((t) => t.writers[0]!)],
      ['8 writers of one team, again', one.writers],
      ['8 writers in 8 teams, again', kind.map((t) => t.writers[0]!)],
    ] as const) {
      const latency = await driveWriters(origin, [...writerIds], seconds);
      results.hotRows.push({ shape, activeGoals, latency });
      log(
        `hot rows, 1,000-member teams, ${activeGoals} goals, ${shape}: ${latency.rps.toFixed(0)}/s, p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, errors ${latency.errors}`,
      );
    }
  }
}

const TEAM_TRIGGER_EVENTS = {
  insert: 'insert',
  update: `update of user_id, started_at, total_volume_kg, set_count, distance_meters`,
} as const;
const TEAM_TRIGGER_WHEN = `when ((old.user_id, old.started_at, old.total_volume_kg, old.set_count, old.distance_meters)
  is distinct from (new.user_id, new.started_at, new.total_volume_kg, new.set_count, new.distance_meters))`;

/** The workouts' insert and update team triggers at commit (drizzle/0033) or in the statement, as before it. */
async function setTeamTriggerTiming(sql: Sql, timing: 'at commit' | 'immediate'): Promise<void> {
  await sql.begin(async (tx) => {
    for (const [event, clause] of Object.entries(TEAM_TRIGGER_EVENTS)) {
      await tx.unsafe(`drop trigger if exists _710_teams_${event} on workouts`);
      await tx.unsafe(
        timing === 'at commit'
          ? `create constraint trigger _710_teams_${event} after ${clause} on workouts deferrable initially deferred
               for each row ${event === 'update' ? TEAM_TRIGGER_WHEN : ''} execute function tg_workouts__teams()`
          : `create trigger _710_teams_${event} after ${clause} on workouts
               for each row ${event === 'update' ? TEAM_TRIGGER_WHEN : ''} execute function tg_workouts__teams()`,
      );
    }
  });
}

/**
 * The hot-row figure against the commit before drizzle/0033, on the same server and data: 8 writers of
 * one 1,000-member team and 8 writers of 8 teams, with the triggers at commit and as they were,
 * alternating. The triggers are put back at commit whatever happens.
 */
async function measureHotRowsAB(sql: Sql, origin: string, teams: BenchTeam[]): Promise<void> {
  const kind = teams.filter((t) => t.size === 1000 && t.activeGoals === 1);
  const one = kind.find((t) => t.k === 0)!;
  results.hotRowsAB = [];
  try {
    for (let round = 0; round < 2; round += 1) {
      for (const timing of round % 2 === 0
        ? (['immediate', 'at commit'] as const)
        : (['at commit', 'immediate'] as const)) {
        await setTeamTriggerTiming(sql, timing);
        for (const [shape, writerIds] of [
          ['8 writers of one team', one.writers],
          ['8 writers in 8 teams', kind.map((t) => t.writers[0]!)],
        ] as const) {
          const latency = await driveWriters(origin, [...writerIds], seconds);
          results.hotRowsAB.push({ timing, shape, latency });
          log(
            `hot rows A/B, triggers ${timing}, ${shape}: ${latency.rps.toFixed(0)}/s, p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, errors ${latency.errors}`,
          );
        }
      }
    }
  } finally {
    await setTeamTriggerTiming(sql, 'at commit');
  }
}

// ---------------------------------------------------------------------------------------------------

/** An SSE subscription whose `next` events are parsed as they come, each with its arrival time. */
async function sseSubscription(origin: string, query: string, variables: Record<string, unknown>, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`Subscription refused: HTTP ${response.status}`);
  const listeners: ((event: { at: number; data: any }) => void)[] = [];
  void (async () => {
    try {
      for await (const { event, data, at } of sseEvents(response.body!)) {
        if (event === 'next') for (const listener of listeners) listener({ at, data });
      }
    } catch {
      // aborted
    }
  })();
  return {
    onEvent(listener: (event: { at: number; data: any }) => void) {
      listeners.push(listener);
    },
    close: () => controller.abort(),
  };
}

/**
 * One member of a team of 100 logs a workout at a time (no one else in that team writes); a member
 * subscribed to the team's WORKOUTS goal on a second server process waits for the event whose progress
 * shows it. Meanwhile writers of the 1,000-member teams log STEADY_RATE workouts a second through the
 * first process, so both processes receive every team's goalChanged on the one channel.
 */
async function measureFreshness(origin: string, teams: BenchTeam[]): Promise<void> {
  const subjectTeam = teams.find((t) => t.size === 100 && t.activeGoals === 4 && t.k === 0)!;
  const goalId = subjectTeam.goals.WORKOUTS!;
  const [writer, subscriber] = subjectTeam.writers;
  const background = teams.filter((t) => t.size === 1000 && t.k > 0).map((t) => t.writers[0]!);
  const second = await startServer(databaseUrl, jwtSecret);
  let running = true;
  let backgroundWrites = 0;
  let backgroundErrors = 0;
  const gaps: number[] = [];
  const fromRequest: number[] = [];
  const requestMs: number[] = [];
  let gaveUp = 0;
  try {
    const stream = await sseSubscription(
      second.origin,
      'subscription Progress($goalId: ID!) { teamGoalProgress(goalId: $goalId) { id progress } }',
      { goalId: gid('TeamGoal', goalId) },
      await tokenOf(subscriber!),
    );
    let latest = Number.NaN;
    let waiter: { want: number; resolve: (at: number) => void } | null = null;
    stream.onEvent(({ at, data }) => {
      latest = data.data.teamGoalProgress.progress;
      if (waiter && latest >= waiter.want) {
        waiter.resolve(at);
        waiter = null;
      }
    });
    for (const until = Date.now() + 10_000; Number.isNaN(latest); ) {
      if (Date.now() > until) throw new Error('teamGoalProgress sent no first event within 10 s');
      await sleep(20);
    }
    const perWriterPause = (1000 * background.length) / STEADY_RATE;
    const backgroundTokens = await Promise.all(background.map(tokenOf));
    const writers = backgroundTokens.map(async (token, w) => {
      await sleep((perWriterPause * w) / background.length);
      for (let n = w; running; n += background.length) {
        const t0 = performance.now();
        const result = await execute(origin, { query: LOG_WORKOUT, variables: { input: workoutInput(n) }, token });
        if (result.errors?.length || result.data?.logWorkout.errors.length) backgroundErrors += 1;
        else backgroundWrites += 1;
        await sleep(Math.max(0, perWriterPause - (performance.now() - t0)));
      }
    });
    const wallStarted = performance.now();
    const writerToken = await tokenOf(writer!);
    await sleep(1000);
    for (let i = 0; i < probes; i += 1) {
      const want = latest + 1;
      const arrived = new Promise<number>((resolve) => {
        waiter = { want, resolve };
      });
      const t0 = performance.now();
      const result = await mustExecute(origin, {
        query: LOG_WORKOUT,
        variables: { input: workoutInput(i) },
        token: writerToken,
      });
      const answered = performance.now();
      if (result.data!.logWorkout.errors.length) throw new Error(JSON.stringify(result.data!.logWorkout.errors));
      const at = await Promise.race([arrived, sleep(GIVE_UP_MS).then(() => Number.NaN)]);
      if (Number.isNaN(at)) {
        gaveUp += 1;
        waiter = null;
        gaps.push(GIVE_UP_MS);
        fromRequest.push(GIVE_UP_MS);
      } else {
        gaps.push(at - answered);
        fromRequest.push(at - t0);
      }
      requestMs.push(answered - t0);
      await sleep(50 + (i % 5) * 20);
    }
    const wall = (performance.now() - wallStarted) / 1000;
    running = false;
    await Promise.all(writers);
    stream.close();
    const sorted = (list: number[]) => list.toSorted((a, b) => a - b);
    const summary = (list: number[]) => {
      const s = sorted(list);
      return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1)! };
    };
    results.freshness = {
      goal: goalId,
      teamSize: subjectTeam.size,
      subscriberProcess: 'a second server process, SSE',
      backgroundWritesPerSecond: backgroundWrites / wall,
      backgroundErrors,
      gaveUp,
      fromAnswer: summary(gaps),
      fromRequest: summary(fromRequest),
      request: summary(requestMs),
    };
    log(
      `Freshness over ${gaps.length} probes (${(backgroundWrites / wall).toFixed(0)} background logs/s): from the answer ` +
        `p50 ${results.freshness.fromAnswer.p50.toFixed(1)} ms, p99 ${results.freshness.fromAnswer.p99.toFixed(1)} ms, max ${results.freshness.fromAnswer.max.toFixed(1)} ms`,
    );
  } finally {
    running = false;
    await second.stop();
  }
}

// ---------------------------------------------------------------------------------------------------

const TEAM_PAGE = `query TeamPage($id: ID!) { team(id: $id) {
  id name description joinPolicy memberCount viewerRole owner { id username displayName }
  members(first: 20) { edges { cursor node { joinedAt role user { id username displayName } } } pageInfo { hasNextPage endCursor } }
  goals(first: 10) { edges { node { id title metric target progress startsAt endsAt completedAt
    contributions(first: 10) { edges { node { rank amount user { id username displayName } } } pageInfo { hasNextPage endCursor } } } }
    pageInfo { hasNextPage endCursor } } } }`;
const BOARD_PAGE = `query TeamBoard($metric: GoalMetric!, $first: Int, $after: String) {
  teamLeaderboard(metric: $metric, first: $first, after: $after) {
    edges { cursor node { rank score team { id name memberCount } } } pageInfo { hasNextPage endCursor } } }`;

interface ReadRow {
  name: string;
  subject: string;
  latency: Latency;
  statements: string[];
}

async function measureRead(origin: string, name: string, subject: string, operation: Operation): Promise<ReadRow> {
  await mustExecute(origin, operation);
  const latency = await measureHttp({ origin, next: () => operation, connections: 1, seconds });
  const capture = await captureStatements(databaseUrl, jwtSecret, operation);
  log(
    `${name}: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms, ${capture.names.length} statements, errors ${latency.errors}`,
  );
  return { name, subject, latency, statements: capture.names };
}

async function measureReads(sql: Sql, origin: string, teams: BenchTeam[]): Promise<void> {
  results.reads = [];
  for (const size of SIZES) {
    const team = teams.find((t) => t.size === size && t.activeGoals === 4 && t.k === 1)!;
    const [{ contributions }] = await sql<[{ contributions: number }]>`/* bench:teamContributions */
      select count(*)::int as contributions from goal_contributions c join team_goals g on g.id = c.goal_id
       where g.team_id = ${team.id} and c.amount > 0`;
    results.reads.push(
      await measureRead(
        origin,
        `team page, a team of ${size.toLocaleString('en')}`,
        `6 goals (4 running), ${contributions.toLocaleString('en')} shares above 0; 20 members, 10 goals × 10 contributions, as a member`,
        { query: TEAM_PAGE, variables: { id: gid('Team', team.id) }, token: await tokenOf(team.writers[0]!) },
      ),
    );
  }
  const [{ entries }] = await sql<[{ entries: number }]>`/* bench:boardEntries */
    select count(*)::int as entries from team_board where metric = 'XP' and week_start = team_week_of(now())`;
  results.reads.push(
    await measureRead(
      origin,
      'teamLeaderboard XP, first page (20)',
      `${entries.toLocaleString('en')} teams on the board`,
      {
        query: BOARD_PAGE,
        variables: { metric: 'XP', first: 20 },
        token: null,
      },
    ),
  );
  // The cursor half the board deep, reached through the API's own pages.
  const depth = Math.floor(entries / 2 / 100) * 100;
  let after: string | null = null;
  for (let passed = 0; passed < depth; passed += 100) {
    const page = await mustExecute(origin, {
      query: BOARD_PAGE,
      variables: { metric: 'XP', first: 100, after },
      token: null,
    });
    after = page.data!.teamLeaderboard.pageInfo.endCursor;
  }
  results.reads.push(
    await measureRead(
      origin,
      `teamLeaderboard XP, page ${depth.toLocaleString('en')} deep (20)`,
      `after place ${depth.toLocaleString('en')} of ${entries.toLocaleString('en')}`,
      { query: BOARD_PAGE, variables: { metric: 'XP', first: 20, after }, token: null },
    ),
  );
}

// ---------------------------------------------------------------------------------------------------

interface TeamResults {
  kind: 'teams';
  date: string;
  startedAt: string;
  finishedAt: string;
  commit: string | null;
  users: number;
  machine: Record<string, string | number>;
  data: Record<string, number>;
  phases: Record<string, { commit: string | null; at: string; loadBefore: number; loadAfter: number }>;
  writes?: WriteRow[];
  hotRows?: { shape: string; activeGoals: number; latency: Latency }[];
  hotRowsAB?: { timing: 'at commit' | 'immediate'; shape: string; latency: Latency }[];
  freshness?: {
    goal: number;
    teamSize: number;
    subscriberProcess: string;
    backgroundWritesPerSecond: number;
    backgroundErrors: number;
    gaveUp: number;
    fromAnswer: { n: number; p50: number; p99: number; max: number };
    fromRequest: { n: number; p50: number; p99: number; max: number };
    request: { n: number; p50: number; p99: number; max: number };
  };
  reads?: ReadRow[];
  notes: string[];
}

const notes: string[] = [];
const name = `${startedAt.toISOString().slice(0, 10)}-teams-${users}`;
const onDisk = await readFile(join(resultsDir, `${name}.json`), 'utf8')
  .then((text) => JSON.parse(text) as TeamResults)
  .catch(() => null);
// A phase run alone adds to today's report of the same commit; another commit's report is left as it is.
const continuing = phase !== 'all' && onDisk !== null && onDisk.commit === commit;
const results: TeamResults = continuing
  ? { ...onDisk!, notes: onDisk!.notes }
  : {
      kind: 'teams',
      date: startedAt.toISOString().slice(0, 10),
      startedAt: startedAt.toISOString(),
      finishedAt: '',
      commit,
      users,
      machine: {},
      data: {},
      phases: {},
      notes,
    };

const ms = (value: number | undefined | null) => (value == null || Number.isNaN(value) ? '–' : value.toFixed(2));

function renderMarkdown(r: TeamResults): string {
  const lines: string[] = [];
  lines.push(`# Teams and goals at ${r.users.toLocaleString('en')} users, ${r.date}`, '');
  lines.push(
    `- Commit \`${r.commit ?? 'unknown'}\`; \`npm run bench:teams -- --users ${r.users}\` (phases: ${Object.entries(
      r.phases,
    )
      .map(([p, v]) => `${p} at ${v.at.slice(11, 16)} UTC, load ${v.loadBefore.toFixed(2)} → ${v.loadAfter.toFixed(2)}`)
      .join('; ')}).`,
    `- Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.postgres}. Server, database and load generator share the cores; the production server (\`NODE_ENV=production\`), loopback HTTP.`,
    `- Data: ${Object.entries(r.data)
      .map(([k, v]) => `${k.replaceAll('_', ' ')} ${v.toLocaleString('en')}`)
      .join(', ')}.`,
    `- Bench teams: for each size (10, 100, 1,000 members) and each number of goals running now (1: XP; 4: XP, workouts, distance, volume), ${TEAMS_PER_KIND} teams, each also with a goal over last month and one over next month (targets 1e9, so no run completes one). Team 0 of a kind has ${WRITERS} writers, teams 1-7 one; a writer is in no other team, the other members are users of the seeded teams.`,
    `- Each logged workout alternates a strength session of 5 sets and a 5 km run without sets, started a minute ago (inside this week, this month and every running goal).`,
    '',
  );
  if (r.writes?.length) {
    lines.push('## logWorkout: what a team costs a write', '');
    lines.push(
      `c=1: one writer back to back for ${seconds} s after a warm-up; database time per write is every statement the server ran in that window (\`pg_stat_statements\`, top level, so trigger time is inside its statement) divided by the writes; the team triggers' share is \`tg_workouts__teams\` in \`pg_stat_user_functions\` (per logged workout, warm-up included). c=8: ${WRITERS} writers, each a different user, for a team kind one writer in each of its ${TEAMS_PER_KIND} teams (no shared goal rows).`,
      '',
      '| writer | c=1 p50 | c=1 p95 | database ms per write | team triggers ms per write (calls) | c=8 logs/s | c=8 p95 | errors |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const w of r.writes) {
      const team = w.functions.find((f) => f.name === 'tg_workouts__teams');
      lines.push(
        `| ${w.subject} | ${ms(w.c1.p50)} | ${ms(w.c1.p95)} | ${ms(w.dbMsPerWrite)} | ${team ? `${team.totalMsPerLog.toFixed(3)} (${team.callsPerLog.toFixed(2)})` : '0'} | ${w.c8 ? w.c8.rps.toFixed(0) : '–'} | ${ms(w.c8?.p95)} | ${w.c1.errors + (w.c8?.errors ?? 0)} |`,
      );
    }
    lines.push(
      '',
      'Database time by function, per logged workout (c=1 window; total includes the functions it calls):',
      '',
    );
    const names = [...new Set(r.writes.flatMap((w) => w.functions.slice(0, 8).map((f) => f.name)))];
    lines.push(
      `| function | ${r.writes.map((w) => (w.size ? `${w.size}/${w.activeGoals}` : 'no team')).join(' | ')} |`,
      `|---|${r.writes.map(() => '---:').join('|')}|`,
    );
    for (const fn of names) {
      lines.push(
        `| ${fn} | ${r.writes
          .map((w) => {
            const f = w.functions.find((x) => x.name === fn);
            return f ? `${f.totalMsPerLog.toFixed(3)} ms × ${f.callsPerLog.toFixed(2)}` : '–';
          })
          .join(' | ')} |`,
      );
    }
    lines.push(
      '',
      'Columns are team size / goals running. The statements of each write (ms per write, calls per write):',
      '',
    );
    for (const w of r.writes) {
      lines.push(
        `- ${w.subject}: ${w.statements
          .slice(0, 10)
          .map((s) => `${s.name} ${s.ms.toFixed(3)} (${s.perWrite.toFixed(2)})`)
          .join(', ')}`,
      );
    }
  }
  if (r.hotRows?.length) {
    lines.push('', '## Hot rows: 8 writers of one 1,000-member team against 8 writers of 8 teams', '');
    lines.push(
      `Every log of a member moves the same goal rows and team week, under their row locks until commit, so one team's writers take turns there; 8 teams' writers do not. Runs alternate, ${seconds} s each.`,
      '',
      '| goals running | writers | logs/s | p50 | p95 | p99 | errors |',
      '|---:|---|---:|---:|---:|---:|---:|',
    );
    for (const h of r.hotRows) {
      lines.push(
        `| ${h.activeGoals} | ${h.shape} | ${h.latency.rps.toFixed(0)} | ${ms(h.latency.p50)} | ${ms(h.latency.p95)} | ${ms(h.latency.p99)} | ${h.latency.errors} |`,
      );
    }
  }
  if (r.hotRowsAB?.length) {
    lines.push(
      '',
      '## Hot rows: the team triggers at commit (drizzle/0033) against in the statement, as before it',
      '',
    );
    lines.push(
      `The same server and data, 1,000-member teams with one goal running, the two timings alternating over two rounds (\`--phase hotrows\`), ${seconds} s per run.`,
      '',
      '| team triggers | writers | logs/s | p50 | p95 | p99 | errors |',
      '|---|---|---:|---:|---:|---:|---:|',
    );
    for (const h of r.hotRowsAB) {
      lines.push(
        `| ${h.timing} | ${h.shape} | ${h.latency.rps.toFixed(0)} | ${ms(h.latency.p50)} | ${ms(h.latency.p95)} | ${ms(h.latency.p99)} | ${h.latency.errors} |`,
      );
    }
  }
  if (r.freshness) {
    const f = r.freshness;
    lines.push('', '## teamGoalProgress freshness, across processes', '');
    lines.push(
      `A member of a team of ${f.teamSize} logs one workout at a time through the first server process (50-130 ms apart); another member subscribed to the team's WORKOUTS goal (${gid('TeamGoal', f.goal)}) over SSE on ${f.subscriberProcess} waits for the event whose progress shows it. Meanwhile writers of the 1,000-member teams log ${f.backgroundWritesPerSecond.toFixed(0)} workouts a second (${f.backgroundErrors} errors) through the first process. Probes not seen within ${GIVE_UP_MS / 1000} s: ${f.gaveUp}.`,
      '',
      '| measured | n | p50 | p99 | max |',
      '|---|---:|---:|---:|---:|',
      `| from the logWorkout response to the event | ${f.fromAnswer.n} | ${ms(f.fromAnswer.p50)} | ${ms(f.fromAnswer.p99)} | ${ms(f.fromAnswer.max)} |`,
      `| from the logWorkout request to the event | ${f.fromRequest.n} | ${ms(f.fromRequest.p50)} | ${ms(f.fromRequest.p99)} | ${ms(f.fromRequest.max)} |`,
      `| the logWorkout request itself | ${f.request.n} | ${ms(f.request.p50)} | ${ms(f.request.p99)} | ${ms(f.request.max)} |`,
    );
  }
  if (r.reads?.length) {
    lines.push('', `## Reads at concurrency 1 (${seconds} s each, after a warm-up)`, '');
    lines.push(
      'Statements per request from the same request run in process (development mode, `extensions.sql`).',
      '',
      '| read | subject | p50 | p95 | p99 | errors | statements |',
      '|---|---|---:|---:|---:|---:|---|',
    );
    for (const c of r.reads) {
      lines.push(
        `| ${c.name} | ${c.subject} | ${ms(c.latency.p50)} | ${ms(c.latency.p95)} | ${ms(c.latency.p99)} | ${c.latency.errors} | ${c.statements.length}: ${c.statements.join(', ')} |`,
      );
    }
  }
  if (r.notes.length) lines.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------

const database = await openBenchDatabase({
  users,
  steps: scaleSteps,
  databaseUrl: null,
  dataDir: process.env.SPOTTER_BENCH_DATA_DIR || 'bench/data',
  port: Number(process.env.SPOTTER_BENCH_PORT || 54339),
  reseed: false,
  log,
  rank: false,
});
const { sql } = database;
const databaseUrl = database.url;
// A cluster someone else started (the bench reuses a running one) may lack pg_stat_statements.
const [{ preload }] = await sql<[{ preload: string }]>`select current_setting('shared_preload_libraries') as preload`;
const statementsTracked = preload.includes('pg_stat_statements');
if (statementsTracked) await sql`create extension if not exists pg_stat_statements`;
else notes.push('The running cluster was started without pg_stat_statements: no database time per statement.');
await ensureBenchTeams(sql);
const teams = await benchTeams(sql);
lifts = (await sql<{ id: number }[]>`/* bench:lifts */ select id from exercises order by id limit 40`).map((r) =>
  Number(r.id),
);
const [pg] = await sql<{ version: string }[]>`select version()`;
results.machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  postgres: pg!.version.split(' on ')[0]!,
};
results.data = await dataShape(sql);
log(`Data: ${JSON.stringify(results.data)}`);
const [{ name: currentDatabase }] = await sql<[{ name: string }]>`select current_database() as name`;
await sql.unsafe(`alter database "${currentDatabase}" set track_functions = 'all'`);

if (phase !== 'setup') {
  const server = await startServer(databaseUrl, jwtSecret);
  log(`Server ${server.origin} (pid ${server.pid})`);
  process.once('SIGINT', () => {
    void server
      .stop()
      .then(() => database.stop())
      .finally(() => process.exit(130));
  });
  try {
    for (const [phaseName, run] of [
      ['writes', () => measureWrites(sql, server.origin, teams)],
      ['live', () => measureFreshness(server.origin, teams)],
      ['reads', () => measureReads(sql, server.origin, teams)],
      ['hotrows', () => measureHotRowsAB(sql, server.origin, teams)],
    ] as const) {
      if (phase === 'all' ? phaseName === 'hotrows' : phase !== phaseName) continue;
      const load = loadavg()[0]!;
      await run();
      results.phases[phaseName] = { commit, at: new Date().toISOString(), loadBefore: load, loadAfter: loadavg()[0]! };
    }
  } catch (error) {
    notes.push(`The run stopped early: ${error instanceof Error ? error.message : String(error)}`);
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await server.stop();
  }
  if (results.notes !== notes) results.notes.push(...notes);
  results.finishedAt = new Date().toISOString();
  results.machine.loadBefore = results.machine.loadBefore ?? loadBefore;
  const stem = join(resultsDir, continuing ? name : nameBeside(name, results, onDisk));
  await writeFile(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${stem}.md`, renderMarkdown(results));
  log(`Wrote ${stem}.md`);
}
await database.stop();
process.exit(0);
