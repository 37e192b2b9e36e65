import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sql } from '../src/db/client';
import type { Operation } from './graphql';
import { type Latency, measureHttp, type StatementCost, type Waves } from './measure';
import { type RunningServer, startProcess } from './server';

/** The concurrency levels issue 10 compares at; c=8 is where throughput and CPU per request are read. */
export const SPEED_LEVELS = [1, 8, 32] as const;
export const CPU_LEVEL = 8;

export interface SpeedLevel {
  connections: number;
  /** Medians over the rounds, field by field. */
  graphql: Latency;
  floor: Latency | null;
  /** The peer (PostGraphile) on the same read, when the case has one. */
  peer?: Latency | null;
  /** Requests per second of each round, in order, to show the spread behind the median. */
  graphqlRps: number[];
  floorRps: number[];
  peerRps?: number[];
}

export interface SpeedResult {
  rounds: number;
  /** Bytes of the response body Spotter (or the bare Yoga) sent. */
  bytes: number;
  levels: SpeedLevel[];
  /** The peer's side of a peer case: its name, response bytes and what the rows check found. */
  peer?: { name: string; bytes: number; rowsChecked: string };
}

/** The median of the finite values; NaN when there are none. */
export const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function medianLatency(runs: Latency[]): Latency {
  const of = (pick: (l: Latency) => number | undefined) => median(runs.map((run) => pick(run) ?? Number.NaN));
  const cpu = of((l) => l.cpuMsPerRequest);
  const postgresCpu = of((l) => l.postgresCpuMsPerRequest);
  return {
    requests: of((l) => l.requests),
    rps: of((l) => l.rps),
    p50: of((l) => l.p50),
    p95: of((l) => l.p95),
    p99: of((l) => l.p99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    ...(Number.isFinite(cpu) ? { cpuMsPerRequest: cpu } : {}),
    ...(Number.isFinite(postgresCpu) ? { postgresCpuMsPerRequest: postgresCpu } : {}),
    ...(runs.some((run) => run.statements) ? { statements: medianStatements(runs) } : {}),
  };
}

/** Each statement's median figures over the runs that saw it, in the order of the first run. */
function medianStatements(runs: Latency[]): StatementCost[] {
  const byName = new Map<string, StatementCost[]>();
  for (const run of runs) {
    for (const cost of run.statements ?? []) byName.set(cost.name, [...(byName.get(cost.name) ?? []), cost]);
  }
  return [...byName].map(([name, costs]) => ({
    name,
    calls: median(costs.map((c) => c.calls)),
    perRequest: median(costs.map((c) => c.perRequest)),
    plans: median(costs.map((c) => c.plans)),
    planMs: median(costs.map((c) => c.planMs)),
    execMs: median(costs.map((c) => c.execMs)),
  }));
}

/** The raw-SQL floor as a process of its own, serving the captured requests in turn. */
export async function startFloorServer(
  databaseUrl: string,
  variants: { waves: Waves; body: string }[],
): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'spotter-floor-'));
  const file = join(dir, 'floor.json');
  await writeFile(file, JSON.stringify({ variants }));
  const server = await startProcess(['--import', 'tsx', 'bench/floor-server.ts'], {
    DATABASE_URL: databaseUrl,
    SPOTTER_FLOOR_FILE: file,
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Rounds of GraphQL then floor at each level, so slow spells of a shared machine fall on both sides;
 * each figure is the median of its rounds. CPU per request is read for both processes at c=8. With a
 * peer, Spotter and the peer take turns going first from round to round, and the PostgreSQL cluster's
 * CPU is read beside each process's own (when `postmasterPid` is known).
 */
export async function measureSpeed(options: {
  graphql: RunningServer;
  floor: RunningServer | null;
  next: () => Operation;
  /** The same read sent to another GraphQL server (PostGraphile), with its own operations. */
  peer?: { server: RunningServer; next: () => Operation } | null;
  postmasterPid?: number | null;
  /** pg_stat_statements is read around the c=8 windows through this client, when given. */
  statementsSql?: Sql | null;
  /** @default SPEED_LEVELS */
  levels?: readonly number[];
  rounds: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<SpeedLevel[]> {
  const levels = options.levels ?? SPEED_LEVELS;
  const peer = options.peer ?? null;
  const runs = new Map<number, { graphql: Latency[]; floor: Latency[]; peer: Latency[] }>(
    levels.map((level) => [level, { graphql: [], floor: [], peer: [] }]),
  );
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const connections of levels) {
      const cpu = connections === CPU_LEVEL;
      const level = runs.get(connections)!;
      const run = (server: RunningServer, next: () => Operation) =>
        measureHttp({
          origin: server.origin,
          next,
          connections,
          seconds: options.seconds,
          cpuPid: cpu ? server.pid : undefined,
          postmasterPid: options.postmasterPid,
          statementsSql: cpu ? options.statementsSql : null,
        });
      let peerRun: Latency | null = null;
      if (peer && round % 2 === 0) peerRun = await run(peer.server, peer.next);
      const graphql = await run(options.graphql, options.next);
      if (peer && round % 2 === 1) peerRun = await run(peer.server, peer.next);
      level.graphql.push(graphql);
      let line = `round ${round} c=${connections}: ${graphql.rps.toFixed(0)}/s p50 ${graphql.p50.toFixed(2)} ms`;
      if (peerRun) {
        level.peer.push(peerRun);
        line += `; peer ${peerRun.rps.toFixed(0)}/s p50 ${peerRun.p50.toFixed(2)} ms`;
      }
      if (options.floor) {
        const floor = await run(options.floor, options.next);
        level.floor.push(floor);
        line += `; floor ${floor.rps.toFixed(0)}/s p50 ${floor.p50.toFixed(2)} ms`;
      }
      options.log(line);
    }
  }
  return levels.map((connections) => {
    const level = runs.get(connections)!;
    return {
      connections,
      graphql: medianLatency(level.graphql),
      floor: level.floor.length ? medianLatency(level.floor) : null,
      graphqlRps: level.graphql.map((l) => l.rps),
      floorRps: level.floor.map((l) => l.rps),
      ...(peer ? { peer: medianLatency(level.peer), peerRps: level.peer.map((l) => l.rps) } : {}),
    };
  });
}
