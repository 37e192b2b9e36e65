import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createSql, type Sql } from '../src/db/client';
import { statementName } from '../src/db/statements';
import { clusterCpuMs } from './cluster-cpu';
import { execute, type Operation, requestInit } from './graphql';

export interface Latency {
  requests: number;
  /** Completed requests per second over the measured window. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx responses, socket errors, timeouts, and responses with GraphQL errors or UserErrors. */
  errors: number;
  /** CPU time (user + system) of the server process per completed request, from /proc; when asked for. */
  cpuMsPerRequest?: number;
  /** CPU time of the whole PostgreSQL cluster (every backend and helper) per completed request; when asked for. */
  postgresCpuMsPerRequest?: number;
  /** What PostgreSQL spent planning and executing each statement over the window (pg_stat_statements); when asked for. */
  statements?: StatementCost[];
}

/** One statement's cost over a measured window, from pg_stat_statements with `track_planning` on. */
export interface StatementCost {
  /** Its leading `/* name *\/` (statementName), or its first words for a statement without one. */
  name: string;
  calls: number;
  /** Calls per completed request of the window: the bench's own few statements round to 0. */
  perRequest: number;
  /** Mean planning time per call, in ms: 0 when every call ran a plan PostgreSQL kept. */
  planMs: number;
  /** Calls that were planned (a kept generic plan is not planned again). */
  plans: number;
  execMs: number;
}

export interface LoadOptions {
  origin: string;
  /** Called for each request: lets a workload rotate subjects, senders and bodies. */
  next: () => Operation;
  connections: number;
  seconds: number;
  /** Read this process's CPU time from /proc around the measured window. */
  cpuPid?: number;
  /** Read the CPU time of the PostgreSQL cluster of this postmaster around the measured window too. */
  postmasterPid?: number | null;
  /** Read pg_stat_statements around the measured window through this client (a superuser's). */
  statementsSql?: Sql | null;
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU of a process so far, in ms (fields 14 and 15 of /proc/<pid>/stat). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU time every core of the machine spent busy so far, in ms (/proc/stat: all but idle and iowait),
 * whoever used it: over a window, the machine's total demand, of which the measured processes are a part.
 */
export function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields as number[];
  return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Nearest-rank percentile of an ascending array of milliseconds. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summarize(latencies: number[], seconds: number, errors: number): Latency {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

/**
 * Drives the server over HTTP with autocannon. Latencies are taken from every response (autocannon's
 * own summary has no p95), after a short warm-up whose figures are thrown away.
 */
export async function measureHttp(options: LoadOptions): Promise<Latency> {
  await runAutocannon({ ...options, seconds: Math.min(2, Math.max(1, options.seconds / 4)) });
  await drain(options.origin);
  const cpuBefore = options.cpuPid ? processCpuMs(options.cpuPid) : 0;
  const postgresBefore = options.cpuPid && options.postmasterPid ? clusterCpuMs(options.postmasterPid) : 0;
  if (options.statementsSql) await options.statementsSql`select pg_stat_statements_reset()`;
  const latency = await runAutocannon(options);
  if (options.statementsSql) {
    latency.statements = (await statementCosts(options.statementsSql)).map((cost) => ({
      ...cost,
      perRequest: cost.calls / latency.requests,
    }));
  }
  if (options.cpuPid) latency.cpuMsPerRequest = (processCpuMs(options.cpuPid) - cpuBefore) / latency.requests;
  if (options.cpuPid && options.postmasterPid) {
    latency.postgresCpuMsPerRequest = (clusterCpuMs(options.postmasterPid) - postgresBefore) / latency.requests;
  }
  await drain(options.origin);
  return latency;
}

/**
 * Every statement run since the last reset, by name, busiest first; the bench's own reads of the
 * catalogue (this query, the reset) are left out.
 */
async function statementCosts(sql: Sql): Promise<StatementCost[]> {
  const rows = await sql<{ query: string; calls: number; plans: number; planMs: number; execMs: number }[]>`
    select query, calls::int, plans::int, total_plan_time / calls as plan_ms, mean_exec_time as exec_ms
      from pg_stat_statements
     where dbid = (select oid from pg_database where datname = current_database())
       and calls > 0 and query not like '%pg_stat_statements%'
     order by calls * mean_exec_time desc`;
  const byName = new Map<string, StatementCost>();
  for (const row of rows) {
    const name = statementName(row.query);
    const seen = byName.get(name);
    if (!seen) {
      byName.set(name, {
        name,
        calls: row.calls,
        perRequest: 0,
        plans: row.plans,
        planMs: row.planMs,
        execMs: row.execMs,
      });
      continue;
    }
    // Statements that differ only in their constants' shape (a batch of 1 key and of 20) share a name.
    const calls = seen.calls + row.calls;
    seen.planMs = (seen.planMs * seen.calls + row.planMs * row.calls) / calls;
    seen.execMs = (seen.execMs * seen.calls + row.execMs * row.calls) / calls;
    seen.plans += row.plans;
    seen.calls = calls;
  }
  return [...byName.values()];
}

/**
 * autocannon stops at the deadline with requests still in flight; the server finishes them anyway.
 * One more request queues behind them, so the next run does not start on a busy server.
 */
async function drain(origin: string): Promise<void> {
  await fetch(`${origin}/graphql`, {
    method: 'POST',
    ...requestInit({ query: '{ __typename }', variables: {}, token: null }),
  }).then((response) => response.arrayBuffer());
}

/** The exact bytes the server answers an operation with. */
export async function responseBytes(origin: string, operation: Operation): Promise<string> {
  const response = await fetch(`${origin}/graphql`, { method: 'POST', ...requestInit(operation) });
  return response.text();
}

async function runAutocannon(options: LoadOptions): Promise<Latency> {
  const latencies: number[] = [];
  let failed = 0;
  const url = new URL(options.origin);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url.origin}/graphql`,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            setupRequest: (request) => ({
              ...request,
              method: 'POST',
              path: '/graphql',
              ...requestInit(options.next()),
            }),
            // HTTP 200 can still carry a GraphQL error or a payload's UserError; those count as errors too.
            onResponse: (_status, body) => {
              if (body.includes('"errors":[{')) failed += 1;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const errors = result.non2xx + result.errors + result.timeouts + failed;
  return summarize(latencies, result.duration || options.seconds, errors);
}

/** One statement as the server sent it, replayable with the same parameters and parameter types. */
export interface CapturedStatement {
  query: string;
  parameters: unknown[];
  types: number[];
}

/**
 * Statements sent within one event-loop turn belong to one wave: DataLoader batches of one tick run
 * side by side on the pool, and the next wave needs their results. Replaying waves keeps that shape.
 */
export type Waves = CapturedStatement[][];

export interface Capture {
  waves: Waves;
  /** Statement names as `extensions.sql` reports them for the captured request. */
  names: string[];
}

/**
 * Runs the operation in this process through the same Yoga app (development config, so the response
 * carries `extensions.sql`), on a client that records what it sends. The first run warms the
 * statement cache; the second one is captured. Writes run twice more, which the workloads allow for.
 */
export async function captureStatements(
  databaseUrl: string,
  jwtSecret: string,
  operation: Operation,
  /** false: as SPOTTER_FOLDED_READS=off runs it, each field reading on its own (the naive floor). */
  foldedReads = true,
): Promise<Capture> {
  let recording: Waves | null = null;
  let waveOpen = false;
  const sql = createSql(databaseUrl, {
    onQuery(query, parameters, types) {
      if (!recording || /pg_catalog\.pg_type/.test(query)) return;
      if (!waveOpen) {
        recording.push([]);
        waveOpen = true;
        setImmediate(() => {
          waveOpen = false;
        });
      }
      recording.at(-1)!.push({ query, parameters: [...parameters], types: [...types] });
    },
  });
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    NODE_ENV: 'development',
    SPOTTER_FOLDED_READS: foldedReads ? 'on' : 'off',
  });
  // Background jobs (the leaderboard refresher, where it exists) would run inside the capture; the
  // option is spread from a plain object so this compiles whether or not AppDeps has it yet.
  const quiet: object = { leaderboards: { schedule: false } };
  const app = createApp({ sql, config, ...quiet });
  const fetcher = (url: string, init: RequestInit) => Promise.resolve(app.yoga.fetch(url, init));
  try {
    await execute('http://bench.local', operation, fetcher);
    recording = [];
    const result = await execute('http://bench.local', operation, fetcher);
    if (result.errors?.length) throw new Error(`Capture failed: ${JSON.stringify(result.errors).slice(0, 400)}`);
    return { waves: recording, names: result.sql?.names ?? [] };
  } finally {
    recording = null;
    await app.close().catch(() => {});
    await sql.end({ timeout: 5 });
  }
}

/**
 * The raw-SQL floor: the captured statements replayed with postgres.js, one request at a time, taking
 * the captured requests in turn as the HTTP run rotates its subjects.
 */
export async function measureFloor(sql: Sql, requests: Waves[], seconds: number): Promise<Latency> {
  let turn = 0;
  const replay = async () => {
    const waves = requests[turn++ % requests.length]!;
    for (const wave of waves) {
      await Promise.all(
        wave.map((statement) =>
          sql.unsafe(
            statement.query,
            statement.parameters.map((value, i) =>
              statement.types[i] ? sql.typed(value as never, statement.types[i]!) : value,
            ) as never[],
            // As the server's tagged templates run: named prepared statements, extended protocol.
            { prepare: true, simple: false } as never,
          ),
        ),
      );
    }
  };
  const warmUntil = performance.now() + Math.min(1000, seconds * 250);
  while (performance.now() < warmUntil) await replay();
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    await replay();
    latencies.push(performance.now() - t0);
  }
  return summarize(latencies, (performance.now() - started) / 1000, 0);
}
