import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Operation } from './graphql';
import { type Latency, measureHttp, type Waves } from './measure';
import { type RunningServer, startProcess } from './server';

/** The concurrency levels issue 10 compares at; c=8 is where throughput and CPU per request are read. */
export const SPEED_LEVELS = [1, 8, 32] as const;
export const CPU_LEVEL = 8;

export interface SpeedLevel {
  connections: number;
  /** Medians over the rounds, field by field. */
  graphql: Latency;
  floor: Latency | null;
  /** Requests per second of each round, in order, to show the spread behind the median. */
  graphqlRps: number[];
  floorRps: number[];
}

export interface SpeedResult {
  rounds: number;
  /** Bytes of the response body Spotter (or the bare Yoga) sent. */
  bytes: number;
  levels: SpeedLevel[];
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
  return {
    requests: of((l) => l.requests),
    rps: of((l) => l.rps),
    p50: of((l) => l.p50),
    p95: of((l) => l.p95),
    p99: of((l) => l.p99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    ...(Number.isFinite(cpu) ? { cpuMsPerRequest: cpu } : {}),
  };
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
 * each figure is the median of its rounds. CPU per request is read for both processes at c=8.
 */
export async function measureSpeed(options: {
  graphql: RunningServer;
  floor: RunningServer | null;
  next: () => Operation;
  rounds: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<SpeedLevel[]> {
  const runs = new Map<number, { graphql: Latency[]; floor: Latency[] }>(
    SPEED_LEVELS.map((level) => [level, { graphql: [], floor: [] }]),
  );
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const connections of SPEED_LEVELS) {
      const cpu = connections === CPU_LEVEL;
      const level = runs.get(connections)!;
      const graphql = await measureHttp({
        origin: options.graphql.origin,
        next: options.next,
        connections,
        seconds: options.seconds,
        cpuPid: cpu ? options.graphql.pid : undefined,
      });
      level.graphql.push(graphql);
      let line = `round ${round} c=${connections}: ${graphql.rps.toFixed(0)}/s p50 ${graphql.p50.toFixed(2)} ms`;
      if (options.floor) {
        const floor = await measureHttp({
          origin: options.floor.origin,
          next: options.next,
          connections,
          seconds: options.seconds,
          cpuPid: cpu ? options.floor.pid : undefined,
        });
        level.floor.push(floor);
        line += `; floor ${floor.rps.toFixed(0)}/s p50 ${floor.p50.toFixed(2)} ms`;
      }
      options.log(line);
    }
  }
  return SPEED_LEVELS.map((connections) => {
    const level = runs.get(connections)!;
    return {
      connections,
      graphql: medianLatency(level.graphql),
      floor: level.floor.length ? medianLatency(level.floor) : null,
      graphqlRps: level.graphql.map((l) => l.rps),
      floorRps: level.floor.map((l) => l.rps),
    };
  });
}
