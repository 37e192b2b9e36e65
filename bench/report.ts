import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Latency, StatementCost } from './measure';
import { type SoakRun, withinNoise } from './soak';
import type { SpeedResult } from './speed';
import { type Bar, barChart } from './svg';

export interface CaseResult {
  name: string;
  /** Statements one request issues, captured in process (what `extensions.sql` reports). */
  statements: number;
  statementNames: string[];
  /** Round trips in sequence: statements batched in one event-loop turn share one. */
  waves: number;
  c1: Latency;
  saturated: Latency | null;
  floor: Latency | null;
  /** GraphQL p50 at concurrency 1 over the raw-SQL floor's p50. */
  ratio: number | null;
  /** Issue 10's measurement (P0-P4): levels 1, 8, 32, floor over node:http, CPU per request. */
  speed?: SpeedResult;
  /**
   * Statements the floor replays: those of the same request with SPOTTER_FOLDED_READS=off, each
   * field reading on its own (issue 10's naive handler); more than `statements` where a read folds.
   */
  floorStatements?: number;
}

export interface WorkloadResult {
  id: string;
  title: string;
  kind: 'read' | 'write';
  status: 'ran' | 'skipped' | 'failed';
  reason?: string;
  subjects: Record<string, string | number>;
  notes: string[];
  metrics: Record<string, number>;
  cases: CaseResult[];
  /** The soak's minutes and end-of-run checks (`--only soak`). */
  soak?: SoakRun;
}

export interface Results {
  date: string;
  startedAt: string;
  finishedAt: string;
  commit: string | null;
  options: {
    users: number;
    seconds: number;
    connections: number;
    only: string[] | null;
    rounds?: number;
    /** The soak's length and request rate, on a `--only soak` run. */
    minutes?: number;
    rate?: number;
    warmUpSeconds?: number;
  };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    loadBefore: number;
    loadAfter: number;
  };
  /** `dataDir`: the embedded cluster's folder (absent in reports written before it was recorded). */
  database: { embedded: boolean; dataDir?: string; users: number; seedSteps: string[]; seededSeconds: number };
  workloads: WorkloadResult[];
}

interface Target {
  workload: string;
  label: string;
  goal: string;
  unit: string;
  /** Whether lower is better, for the sign of a change. */
  lowerIsBetter: boolean;
  measure(workload: WorkloadResult): number | null;
  met(value: number): boolean;
}

export interface TargetResult {
  workload: string;
  label: string;
  goal: string;
  unit: string;
  measured: number | null;
  status: 'met' | 'MISSED' | 'not measured';
  why?: string;
  previous: number | null;
}

const c1p95 = (name?: string) => (w: WorkloadResult) => {
  const found = name ? w.cases.find((c) => c.name === name) : w.cases[0];
  return found ? found.c1.p95 : null;
};

/** The issue's targets: p95 at concurrency 1 unless stated otherwise. */
const TARGETS: Target[] = [
  {
    workload: 'W7',
    label: 'W7 send p95 (c=1)',
    goal: '<= 5 ms',
    unit: 'ms',
    lowerIsBetter: true,
    measure: c1p95(),
    met: (v) => v <= 5,
  },
  {
    workload: 'W7',
    label: 'W7 sends/s saturated',
    goal: '>= 500/s',
    unit: '/s',
    lowerIsBetter: false,
    measure: (w) => w.cases[0]?.saturated?.rps ?? null,
    met: (v) => v >= 500,
  },
  {
    workload: 'W7',
    label: 'W7 sequence numbers gap-free after the run',
    goal: 'yes',
    unit: '(1 = yes)',
    lowerIsBetter: false,
    measure: (w) => w.metrics.gapFree ?? null,
    met: (v) => v === 1,
  },
  {
    workload: 'W2',
    label: 'W2 history p95 (c=1)',
    goal: '<= 15 ms',
    unit: 'ms',
    lowerIsBetter: true,
    measure: c1p95(),
    met: (v) => v <= 15,
  },
  {
    workload: 'W3',
    label: 'W3 deep page p95 / first page p95',
    goal: '<= 1.2x',
    unit: 'x',
    lowerIsBetter: true,
    measure: (w) => (w.cases.length === 2 ? w.cases[1]!.c1.p95 / w.cases[0]!.c1.p95 : null),
    met: (v) => v <= 1.2,
  },
  {
    workload: 'W5',
    label: 'W5 feed p95 (c=1)',
    goal: '<= 10 ms',
    unit: 'ms',
    lowerIsBetter: true,
    measure: c1p95(),
    met: (v) => v <= 10,
  },
  {
    workload: 'W6',
    label: 'W6 inbox p95 (c=1)',
    goal: '<= 5 ms',
    unit: 'ms',
    lowerIsBetter: true,
    measure: c1p95(),
    met: (v) => v <= 5,
  },
  {
    workload: 'W4',
    label: 'W4 profile p95 (c=1)',
    goal: '<= 10 ms',
    unit: 'ms',
    lowerIsBetter: true,
    measure: c1p95(),
    met: (v) => v <= 10,
  },
  {
    workload: 'W9',
    label: 'W9 slowest leaderboard page p95 (c=1)',
    goal: '<= 5 ms',
    unit: 'ms',
    lowerIsBetter: true,
    measure: (w) => (w.cases.length ? Math.max(...w.cases.map((c) => c.c1.p95)) : null),
    met: (v) => v <= 5,
  },
  {
    workload: 'W1',
    label: 'W1 statements: 20 users minus 5 users',
    goal: '0',
    unit: 'statements',
    lowerIsBetter: true,
    measure: (w) =>
      w.metrics.statements20Users != null && w.metrics.statements5Users != null
        ? w.metrics.statements20Users - w.metrics.statements5Users
        : null,
    met: (v) => v === 0,
  },
  {
    workload: 'W1',
    label: 'W1 statements per request',
    goal: '<= 8',
    unit: 'statements',
    lowerIsBetter: true,
    measure: (w) => w.metrics.statements20Users ?? null,
    met: (v) => v <= 8,
  },
  ...['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W9', 'W10'].map(
    (id): Target => ({
      workload: id,
      label: `${id} GraphQL cost over the raw-SQL floor (p50, worst case)`,
      goal: '<= 2x',
      unit: 'x',
      lowerIsBetter: true,
      measure: (w) => {
        const ratios = w.cases.map((c) => c.ratio).filter((r): r is number => r != null);
        return ratios.length ? Math.max(...ratios) : null;
      },
      met: (v) => v <= 2,
    }),
  ),
];

/** Issue 28's soak: nothing fails, nothing grows, nothing is kept once the clients are gone. */
const SOAK_TARGETS: [label: string, metric: string, goal: string, unit: string, met: (v: number) => boolean][] = [
  ['SOAK errors: requests and subscriptions', 'errors', '0', 'count', (v) => v === 0],
  [
    'SOAK heap after full GC, slope per minute within noise (both processes)',
    'heapSlopeWithinNoise',
    'yes',
    '(1 = yes)',
    (v) => v === 1,
  ],
  ['SOAK p99 of the last minute / the first', 'p99LastOverFirst', '<= 1.2x', 'x', (v) => v <= 1.2],
  ['SOAK live subscriptions once the clients dropped', 'subscriptionsLiveAfter', '0', 'count', (v) => v === 0],
  ['SOAK connections busy once the load stopped', 'connectionsBusyAfter', '0', 'count', (v) => v === 0],
  [
    'SOAK connections beyond the pool and LISTEN once the load stopped',
    'connectionsOverPoolAfter',
    '0',
    'count',
    (v) => v === 0,
  ],
  ['SOAK connections left once the servers stopped', 'connectionsAfterStop', '0', 'count', (v) => v === 0],
];
TARGETS.push(
  ...SOAK_TARGETS.map(
    ([label, metric, goal, unit, met]): Target => ({
      workload: 'SOAK',
      label,
      goal,
      unit,
      lowerIsBetter: metric !== 'heapSlopeWithinNoise',
      measure: (w) => w.metrics[metric] ?? null,
      met,
    }),
  ),
);

/** Issue 10: Spotter against the raw-SQL floor over node:http, and PostGraphile v5's CPU per request. */
const SPEED_GOALS: { id: string; throughput: number; cpuMs: number; statements: number }[] = [
  { id: 'P1', throughput: 0.45, cpuMs: 12.9, statements: 3 },
  { id: 'P2', throughput: 0.8, cpuMs: 2.5, statements: 4 },
  { id: 'P3', throughput: 0.75, cpuMs: 1.6, statements: 3 },
  { id: 'P4', throughput: 1.15, cpuMs: 1.1, statements: 2 },
];

const speedLevel = (w: WorkloadResult, connections: number) =>
  w.cases[0]?.speed?.levels.find((level) => level.connections === connections) ?? null;

TARGETS.push(
  ...SPEED_GOALS.flatMap((goal): Target[] => [
    {
      workload: goal.id,
      label: `${goal.id} req/s at c=8, Spotter / floor (medians)`,
      goal: `>= ${goal.throughput}`,
      unit: 'x',
      lowerIsBetter: false,
      measure: (w) => {
        const level = speedLevel(w, 8);
        return level?.floor ? level.graphql.rps / level.floor.rps : null;
      },
      met: (v) => v >= goal.throughput,
    },
    {
      workload: goal.id,
      label: `${goal.id} p50 at c=1, Spotter / floor`,
      goal: '<= 2',
      unit: 'x',
      lowerIsBetter: true,
      measure: (w) => {
        const level = speedLevel(w, 1);
        return level?.floor ? level.graphql.p50 / level.floor.p50 : null;
      },
      met: (v) => v <= 2,
    },
    {
      workload: goal.id,
      label: `${goal.id} server CPU per request at c=8 (PostGraphile: ${goal.cpuMs} ms)`,
      goal: `< ${goal.cpuMs} ms`,
      unit: 'ms',
      lowerIsBetter: true,
      measure: (w) => speedLevel(w, 8)?.graphql.cpuMsPerRequest ?? null,
      met: (v) => v < goal.cpuMs,
    },
    {
      workload: goal.id,
      label: `${goal.id} statements per request`,
      goal: `<= ${goal.statements}`,
      unit: 'statements',
      lowerIsBetter: true,
      measure: (w) => w.cases[0]?.statements ?? null,
      met: (v) => v <= goal.statements,
    },
  ]),
);

/** Issue 24: Spotter / PostGraphile v5 on the four reads (V1-V4), in one interleaved run of `--only peers`. */
const PEER_GOALS: { connections: number; ratio: number }[] = [
  { connections: 1, ratio: 1.0 },
  { connections: 8, ratio: 1.3 },
  { connections: 32, ratio: 1.0 },
];
const PEER_READS = ['V1', 'V2', 'V3', 'V4'];
/** Spotter's Node CPU per W4 request at c=8, on this machine class. */
const PEER_W4_NODE_CPU_MS = 0.35;

/** Issue 24: planning may cost at most this share of a request-path statement's execution. */
const PLANNING_SHARE = 0.2;

/** pg_stat_statements' figures at c=8 for the statements one request of the read sends. */
function requestPathCosts(w: WorkloadResult): StatementCost[] {
  const names = new Set(w.cases.flatMap((c) => c.statementNames));
  const costs = speedLevel(w, 8)?.graphql.statements ?? [];
  return costs.filter((cost) => names.has(cost.name) && cost.execMs > 0);
}

const peerRatio = (w: WorkloadResult, connections: number, pick: (l: Latency) => number | undefined) => {
  const level = speedLevel(w, connections);
  const ours = level ? pick(level.graphql) : undefined;
  const theirs = level?.peer ? pick(level.peer) : undefined;
  return ours != null && theirs != null && theirs > 0 ? ours / theirs : null;
};

TARGETS.push(
  ...PEER_READS.flatMap((id): Target[] => [
    ...PEER_GOALS.map(
      (goal): Target => ({
        workload: id,
        label: `${id} req/s at c=${goal.connections}, Spotter / PostGraphile (medians)`,
        goal: `>= ${goal.ratio.toFixed(1)}`,
        unit: 'x',
        lowerIsBetter: false,
        measure: (w) => peerRatio(w, goal.connections, (l) => l.rps),
        met: (v) => v >= goal.ratio,
      }),
    ),
    {
      workload: id,
      label: `${id} PostgreSQL CPU per request at c=8, Spotter / PostGraphile`,
      goal: '<= 1.0',
      unit: 'x',
      lowerIsBetter: true,
      measure: (w) => peerRatio(w, 8, (l) => l.postgresCpuMsPerRequest),
      met: (v) => v <= 1,
    },
  ]),
  ...PEER_READS.map(
    (id): Target => ({
      workload: id,
      label: `${id} planning / execution, worst statement on the request path (c=8)`,
      goal: `<= ${PLANNING_SHARE * 100} %`,
      unit: '%',
      lowerIsBetter: true,
      measure: (w) => {
        const shares = requestPathCosts(w).map((cost) => (100 * cost.planMs) / cost.execMs);
        return shares.length ? Math.max(...shares) : null;
      },
      met: (v) => v <= PLANNING_SHARE * 100,
    }),
  ),
  {
    workload: 'V4',
    label: 'V4 (W4) Spotter Node CPU per request at c=8',
    goal: `<= ${PEER_W4_NODE_CPU_MS} ms`,
    unit: 'ms',
    lowerIsBetter: true,
    measure: (w) => speedLevel(w, 8)?.graphql.cpuMsPerRequest ?? null,
    met: (v) => v <= PEER_W4_NODE_CPU_MS,
  },
);

/** The issue-24 section: one table per read, Spotter beside PostGraphile with the ratio and the target. */
function renderPeers(results: Results, targets: TargetResult[]): string[] {
  const rows = results.workloads.flatMap((w) =>
    w.status === 'ran' ? w.cases.filter((c) => c.speed?.peer).map((c) => ({ w, c, speed: c.speed! })) : [],
  );
  const broken = results.workloads.filter((w) => /^V\d$/.test(w.id) && w.status !== 'ran');
  if (rows.length === 0 && broken.length === 0) return [];
  const first = rows[0]?.speed;
  const lines = [
    '## Spotter against PostGraphile v5 (issue 24)',
    '',
    `${first?.peer?.name ?? 'PostGraphile v5 (Amber)'}, on the same database in a process of its own: ` +
      'anonymous (no JWT, no RLS, so the membership check Spotter makes on W2 and W3 has no counterpart there), ' +
      'with the two settings a fair comparison needs (`bench/peers/postgraphile/server.mjs`): ' +
      '**`pgOrderByNullsLast: true`**, so its descending orders walk our `DESC NULLS LAST` indexes, and **an order on ' +
      '`lower(username)`** (`USERNAME_LOWER_ASC`, unique) with a `userByUsername` field that finds the user by ' +
      '`lower(username)`, both through `users_username_lower_key` (username has no index of its own). Before ' +
      "anything is measured, every subject of a read is sent to both servers and the answers' rows (ids, " +
      'fields, order, page flags; PostGraphile’s reaction rows grouped as Spotter groups them) are checked equal.',
    '',
    `Medians of ${first?.rounds ?? results.options.rounds ?? '?'} interleaved rounds of ${results.options.seconds} s ` +
      'at each level, Spotter and PostGraphile taking turns going first. Node CPU is the server process’s user + ' +
      'system time from `/proc` over the c=8 window, per completed request; PostgreSQL CPU is the whole cluster’s ' +
      '(every backend and helper process) over the same window. Planning and execution per statement come from ' +
      '`pg_stat_statements` with `track_planning` on (the bench cluster loads it), reset before the c=8 window and ' +
      'read after it; a statement whose kept generic plan PostgreSQL reuses shows 0 planning.',
    '',
  ];
  const status = (label: string) => {
    const t = targets.find((target) => target.label === label);
    if (!t) return '';
    return `${t.goal}: ${t.status === 'met' ? 'met' : t.status === 'MISSED' ? '**MISSED**' : 'not measured'}`;
  };
  const ratio = (a: number | undefined, b: number | undefined) =>
    a != null && b != null && b > 0 ? (a / b).toFixed(2) : '–';
  if (rows.length) {
    lines.push(
      '| read | rows checked | Spotter req/s c=8 | PostGraphile req/s c=8 | Spotter / PostGraphile c=1 | c=8 | c=32 |',
      '|---|---|---|---|---|---|---|',
    );
    for (const { w, c, speed } of rows) {
      const at = (n: number) => speed.levels.find((l) => l.connections === n);
      const c8 = at(8);
      lines.push(
        `| ${w.id} ${c.name} | ${speed.peer!.rowsChecked} | ${perSecond(c8?.graphql.rps)} | ${perSecond(c8?.peer?.rps)} | ` +
          `${ratio(at(1)?.graphql.rps, at(1)?.peer?.rps)} | ${ratio(c8?.graphql.rps, c8?.peer?.rps)} | ` +
          `${ratio(at(32)?.graphql.rps, at(32)?.peer?.rps)} |`,
      );
    }
    lines.push('');
  }
  for (const w of broken) lines.push(`- ${w.id} ${w.title}: **${w.status}**: ${w.reason}`, '');
  for (const { w, c, speed } of rows) {
    lines.push(`### ${w.id} ${w.title}`, '');
    lines.push(
      `Rows ${speed.peer!.rowsChecked}. Spotter: ${c.statements} statement${c.statements === 1 ? '' : 's'} per request, ` +
        `${speed.bytes.toLocaleString('en')} bytes; PostGraphile: ${speed.peer!.bytes.toLocaleString('en')} bytes.`,
      '',
      '| figure | Spotter | PostGraphile | Spotter / PostGraphile | target |',
      '|---|---|---|---|---|',
    );
    for (const level of speed.levels) {
      const g = level.graphql;
      const p = level.peer;
      lines.push(
        `| req/s, c=${level.connections} | ${perSecond(g.rps)} | ${perSecond(p?.rps)} | ${ratio(g.rps, p?.rps)} | ` +
          `${status(`${w.id} req/s at c=${level.connections}, Spotter / PostGraphile (medians)`)} |`,
        `| p50 / p95 ms, c=${level.connections} | ${ms(g.p50)} / ${ms(g.p95)} | ${ms(p?.p50)} / ${ms(p?.p95)} | ` +
          `${ratio(g.p50, p?.p50)} | |`,
      );
    }
    const cpu = speed.levels.find((l) => l.connections === 8);
    if (cpu) {
      const g = cpu.graphql;
      const p = cpu.peer;
      const baseline = results.workloads.find((v) => v.id === 'V0' && v.status === 'ran');
      const typename = baseline ? speedLevel(baseline, 8)?.graphql.cpuMsPerRequest : undefined;
      const nodeTarget =
        w.id === 'V4'
          ? `${status('V4 (W4) Spotter Node CPU per request at c=8')}` +
            (typename != null ? ` (Spotter's \`{ __typename }\`: ${ms(typename)} ms)` : '')
          : '';
      lines.push(
        `| Node CPU ms per request, c=8 | ${ms(g.cpuMsPerRequest)} | ${ms(p?.cpuMsPerRequest)} | ` +
          `${ratio(g.cpuMsPerRequest, p?.cpuMsPerRequest)} | ${nodeTarget ? `Spotter ${nodeTarget}` : ''} |`,
        `| PostgreSQL CPU ms per request, c=8 | ${ms(g.postgresCpuMsPerRequest)} | ${ms(p?.postgresCpuMsPerRequest)} | ` +
          `${ratio(g.postgresCpuMsPerRequest, p?.postgresCpuMsPerRequest)} | ` +
          `${PEER_READS.includes(w.id) ? status(`${w.id} PostgreSQL CPU per request at c=8, Spotter / PostGraphile`) : ''} |`,
        `| req/s per round, c=8 | ${cpu.graphqlRps.map((r) => r.toFixed(0)).join(', ')} | ` +
          `${(cpu.peerRps ?? []).map((r) => r.toFixed(0)).join(', ')} | | |`,
      );
    }
    lines.push('');
    const names = new Set(c.statementNames);
    const statements = cpu?.graphql.statements ?? [];
    const peerStatements = cpu?.peer?.statements ?? [];
    if (statements.some((cost) => names.has(cost.name))) {
      lines.push(
        `Spotter's statements at c=8 (pg_stat_statements): ${status(`${w.id} planning / execution, worst statement on the request path (c=8)`)}.`,
        '',
        '| statement | calls per request | planned calls | planning ms | execution ms | planning / execution |',
        '|---|---|---|---|---|---|',
      );
      for (const cost of statements.filter((cost) => names.has(cost.name))) {
        lines.push(
          `| \`${cost.name}\` | ${cost.perRequest.toFixed(2)} | ${percentOf(cost.plans, cost.calls)} | ` +
            `${cost.planMs.toFixed(3)} | ${cost.execMs.toFixed(3)} | ${percentOf(cost.planMs, cost.execMs)} |`,
        );
      }
      const perRequest = (costs: StatementCost[], pick: (c: StatementCost) => number) =>
        costs.reduce((sum, cost) => sum + cost.perRequest * pick(cost), 0);
      if (peerStatements.length) {
        lines.push(
          '',
          `Per request, planning + execution: Spotter ${perRequest(statements, (c) => c.planMs).toFixed(3)} + ` +
            `${perRequest(statements, (c) => c.execMs).toFixed(3)} ms; PostGraphile ` +
            `${perRequest(peerStatements, (c) => c.planMs).toFixed(3)} + ${perRequest(peerStatements, (c) => c.execMs).toFixed(3)} ms ` +
            `(${peerStatements.filter((c) => c.perRequest >= 0.5).length} statement shapes).`,
        );
      }
      lines.push('');
    }
    for (const note of w.notes) lines.push(`- ${note}`);
    if (w.notes.length) lines.push('');
  }
  return lines;
}

const percentOf = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(0)} %` : '–');

/** The issue-10 table: every level of every speed case, with the floor and the server's CPU. */
function renderSpeed(results: Results): string[] {
  const rows = results.workloads.flatMap((w) =>
    w.status === 'ran' ? w.cases.filter((c) => c.speed && !c.speed.peer).map((c) => ({ w, c, speed: c.speed! })) : [],
  );
  if (rows.length === 0) return [];
  const lines = [
    '## Per-request speed (issue 10)',
    '',
    `Medians of ${rows[0]!.speed.rounds} interleaved rounds (Spotter, then the floor, at each level). The floor is a ` +
      'bare `node:http` process that runs the statements captured from Spotter for the same request with ' +
      '`SPOTTER_FOLDED_READS=off` (every field reading on its own: the naive handler of issue 10, so a read that ' +
      "folds a page into its parent's statement has fewer, as SQL / floor SQL shows) and writes Spotter's response " +
      "bytes. CPU is the server process's user + system time from `/proc` over the c=8 window, " +
      'per completed request.',
    '',
    '| workload | SQL / floor SQL | bytes | c | req/s | p50 | p95 | p99 | floor req/s | floor p50 | req/s ratio | p50 ratio | CPU ms/req | floor CPU ms/req | req/s per round |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { w, c, speed } of rows) {
    for (const level of speed.levels) {
      const g = level.graphql;
      const f = level.floor;
      lines.push(
        `| ${w.id} ${c.name} | ${c.statements} / ${c.floorStatements ?? c.statements} | ${speed.bytes.toLocaleString('en')} | ${level.connections} | ${perSecond(g.rps)} | ` +
          `${ms(g.p50)} | ${ms(g.p95)} | ${ms(g.p99)} | ${perSecond(f?.rps)} | ${ms(f?.p50)} | ` +
          `${f ? (g.rps / f.rps).toFixed(2) : '–'} | ${f ? (g.p50 / f.p50).toFixed(2) : '–'} | ` +
          `${ms(g.cpuMsPerRequest)} | ${ms(f?.cpuMsPerRequest)} | ${level.graphqlRps.map((r) => r.toFixed(0)).join(', ')}` +
          `${level.floorRps.length ? ` (floor ${level.floorRps.map((r) => r.toFixed(0)).join(', ')})` : ''} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

/** The soak's minutes, memory fits and end-of-run checks. */
export function renderSoak(results: Results): string[] {
  const w = results.workloads.find((workload) => workload.soak);
  const run = w?.soak;
  if (!run) return [];
  const mb = (value: number | undefined) => (value == null || Number.isNaN(value) ? '–' : value.toFixed(1));
  const servers = run.start.map((_, i) => i);
  const lines = [
    '## Soak (issue 28)',
    '',
    ...(run.serverNodeArgs?.length
      ? [
          `**An experiment:** both servers ran with \`${run.serverNodeArgs.join(' ')}\` (\`--server-node-args\`), so ` +
            'these figures are not those of Spotter as deployed.',
          '',
        ]
      : []),
    ...(run.heapSnapshots
      ? [
          `Heap snapshots of server 1 were written to \`${run.heapSnapshots}\` at the warm-up's end, mid-run and once ` +
            'the load stopped (compare two with `npx tsx bench/heap-diff.ts`). Each paused that server for seconds, so ' +
            "this run's p99 ratio is not judged, and server 1's RSS includes the snapshots' buffers.",
          '',
        ]
      : []),
    ...(run.cpuProfiles
      ? [
          `CPU profiles of server 1 over its first and its last ${run.cpuProfiles.minutesEach} minutes were written to ` +
            `\`${run.cpuProfiles.dir}\` (compare them with \`npx tsx bench/cpu-profile-diff.ts\`). The profiler costs ` +
            "CPU in those minutes, so this run's p99 ratio is not judged.",
          '',
        ]
      : []),
    `${run.rate} requests/s, open loop (each request leaves at its scheduled time whatever is in flight, and its latency ` +
      'runs from that time), spread over two server processes on one database: feed, profile, workout, leaderboards and ' +
      'conversation messages (30 of each 40), logWorkout, likeWorkout, unlikeWorkout, sendMessage, follow and unfollow ' +
      '(10 of 40). A subscriber every 500 ms, taking the servers, SSE and WebSocket, messageAdded and notificationAdded in ' +
      'turn: it asks for the last 3 events again (afterSequenceNumber), receives the live ones (sequence numbers checked ' +
      'gap-free), and drops after 8-20 s (SSE: the request aborted; WebSocket: `complete` then close, or every third ' +
      'socket cut). An error is an HTTP error, a GraphQL error, a UserError, a subscription refused or ended by the ' +
      'server, a replay not delivered or a sequence number out of turn.',
    '',
    "Memory: at the warm-up's end and at each minute's end, RSS and heap used from the process's /metrics (garbage " +
      'included), and the heap and RSS after collection: the lowest right after one of the major collections the ' +
      'process ran by itself in that minute (noted in the process through the inspector, `--inspect`), which is what ' +
      'it retains. Collections are forced only before the load, and at a minute in which the process ran none ' +
      `(${run.heapReadingsForced ?? 'not counted'} such readings here): forced ones also discard optimized code, which V8 then compiles ` +
      'again, so forcing one every minute grew the very heap it measured. The slope is the least-squares line ' +
      "through the measured minutes' readings of the heap after collection (the warm-up's reading also spans the " +
      "process's first seconds, so it is shown but not fitted); it is within noise when it is at most two standard errors " +
      'above zero (the scatter of the readings around the line could draw it by chance).',
    '',
    `| minute | requests | p50 ms | p99 ms | errors | subscriptions | failed | live events | load average | ${servers
      .map((i) => `server ${i + 1} CPU ms/request | RSS MB | heap MB | heap after GC MB`)
      .join(' | ')} |`,
    `|${'---|'.repeat(9 + 4 * servers.length)}`,
  ];
  lines.push(
    `| end of warm-up | | | | | | | | | ${servers
      .map((i) => {
        const row = run.afterWarmUp[i];
        return `| ${mb(row?.rssMb)} | ${mb(row?.heapUsedMb)} | ${mb(row?.heapAfterGcMb)}`;
      })
      .join(' | ')} |`,
  );
  for (const m of run.minutes) {
    lines.push(
      `| ${m.minute} | ${m.requests} | ${ms(m.p50)} | ${ms(m.p99)} | ${m.errors} | ${m.subscriptionsOpened} | ` +
        `${m.subscriptionErrors} | ${m.liveEvents} | ${ms(m.loadAverage)} | ${servers
          .map(
            (i) =>
              `${ms(m.servers[i]?.cpuMsPerRequest)} | ${mb(m.servers[i]?.rssMb)} | ${mb(m.servers[i]?.heapUsedMb)} | ` +
              mb(m.servers[i]?.heapAfterGcMb),
          )
          .join(' | ')} |`,
    );
  }
  if (run.minutes.some((m) => m.machine)) {
    const core = (cpuMs: number | null | undefined) => (cpuMs == null ? '–' : ((cpuMs / 60_000) * 100).toFixed(0));
    lines.push(
      '',
      "Where the machine's CPU went each minute, in % of one core (of " +
        `${results.machine.cpus} cores; 100 % is one core busy for the whole minute), and the core-speed probe: the same ` +
        'small piece of work timed every 5 s on a thread of the load generator (bench/core-speed.ts), median of the ' +
        "minute. A server's CPU per request rising with the probe's time is the cores slowing down for everyone, not " +
        'more work per request.',
      '',
      '| minute | machine busy % | both servers % | PostgreSQL % | load generator % | other % | core probe ms | server CPU ms/request (mean of both) |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const m of run.minutes) {
      const x = m.machine;
      if (!x) continue;
      const other =
        (x.busyPercentOfCore * 60_000) / 100 - x.serversCpuMs - (x.postgresCpuMs ?? 0) - x.loadGeneratorCpuMs;
      const perRequest = m.servers.map((row) => row.cpuMsPerRequest ?? Number.NaN);
      lines.push(
        `| ${m.minute} | ${x.busyPercentOfCore.toFixed(0)} | ${core(x.serversCpuMs)} | ${core(x.postgresCpuMs)} | ` +
          `${core(x.loadGeneratorCpuMs)} | ${x.postgresCpuMs == null ? '–' : core(other)} | ${x.coreSpeedMs.toFixed(2)} | ` +
          `${ms(perRequest.reduce((sum, v) => sum + v, 0) / perRequest.length)} |`,
      );
    }
  }
  lines.push(
    '',
    '| server | heap after GC at start MB | heap slope MB/min (± standard error) | within noise | RSS slope MB/min (±) | ' +
      'live subscriptions after | pool in use / size after | connections after the load | connections after stop |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const i of servers) {
    const heap = run.heapFits[i];
    const rss = run.rssFits[i];
    const after = run.after[i]!;
    const states = Object.entries(after.connections).map(([state, count]) => `${count} ${state}`);
    lines.push(
      `| ${i + 1} | ${mb(run.start[i]!.heapAfterGcMb)} | ${heap ? `${heap.slope.toFixed(3)} (± ${heap.standardError.toFixed(3)})` : '–'} | ` +
        `${heap ? (withinNoise(heap) ? 'yes' : '**NO**') : '–'} | ${rss ? `${rss.slope.toFixed(2)} (± ${rss.standardError.toFixed(2)})` : '–'} | ` +
        `${after.subscriptionsLive} | ${after.poolInUse} / ${after.poolSize} | ${states.join(', ') || 'none'} | ${after.connectionsAfterStop} |`,
    );
  }
  const last = run.minutes.at(-1);
  const first = run.minutes[0];
  const spaces = Object.keys(first?.servers[0]?.spacesAfterGcMb ?? {});
  if (first && last && spaces.length) {
    lines.push(
      '',
      'Heap after collection by V8 space, MB: minute 1 → last minute (old_space holds objects; code_space ' +
        'and the others hold compiled code and its metadata).',
      '',
      `| server | ${spaces.join(' | ')} |`,
      `|---|${'---|'.repeat(spaces.length)}`,
    );
    for (const i of servers) {
      const from = first.servers[i]?.spacesAfterGcMb ?? {};
      const to = last.servers[i]?.spacesAfterGcMb ?? {};
      lines.push(`| ${i + 1} | ${spaces.map((space) => `${mb(from[space])} → ${mb(to[space])}`).join(' | ')} |`);
    }
  }
  const { subscriptions } = run;
  lines.push(
    '',
    `Subscriptions: ${subscriptions.opened} opened (warm-up included: ${Object.entries(subscriptions.byTransport)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(
        ', ',
      )}), ${subscriptions.replayed} events replayed, ${subscriptions.live} live events in the measured minutes. ` +
      (run.releasedWithinSeconds == null
        ? '**The servers still showed live subscriptions or busy connections 15 s after the last client dropped.**'
        : `Both servers showed no live subscription (spotter_subscriptions_live) and no busy connection ` +
          `(spotter_db_pool_in_use) ${run.releasedWithinSeconds.toFixed(1)} s after the last client dropped.`),
    '',
    "Connections are the servers' own backends in pg_stat_activity (matched by client port to each process's sockets), " +
      'once the load stopped: postgres.js closes no idle connection (no `idle_timeout`; `max_lifetime` 30-60 min), so ' +
      'the pool keeps what it opened, idle, up to DATABASE_POOL_MAX, plus the one LISTEN connection. Then again once the ' +
      'servers stopped: none may be left.',
    '',
  );
  if (run.errorSamples.length) {
    lines.push('Errors, by message (numbers blanked):', '');
    for (const sample of run.errorSamples) lines.push(`- ${sample.count} × ${sample.message}`);
    lines.push('');
  }
  return lines;
}

/** Per-case p95 goals, drawn as ticks on the latency chart. */
const P95_GOALS: Record<string, number> = { W2: 15, W4: 10, W5: 10, W6: 5, W7: 5, W9: 5 };

export function evaluateTargets(results: Results, previous: Results | null): TargetResult[] {
  return TARGETS.map((target) => {
    const workload = results.workloads.find((w) => w.id === target.workload);
    const before = previous?.workloads.find((w) => w.id === target.workload);
    const previousValue = before?.status === 'ran' ? target.measure(before) : null;
    const base = { workload: target.workload, label: target.label, goal: target.goal, unit: target.unit };
    if (workload?.status !== 'ran') {
      const why = workload ? `${workload.status}: ${workload.reason}` : 'not run (--only)';
      return { ...base, measured: null, status: 'not measured', why, previous: previousValue };
    }
    const value = target.measure(workload);
    if (value == null || Number.isNaN(value)) {
      return { ...base, measured: null, status: 'not measured', why: 'no figure (see notes)', previous: previousValue };
    }
    return { ...base, measured: value, status: target.met(value) ? 'met' : 'MISSED', previous: previousValue };
  });
}

export const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

/**
 * A full run at the default scale is `<date>`; others say what they were (`<date>-2000-users-W1-W5`),
 * so a quick check never overwrites the real figures, and each compares with runs of its own kind.
 */
export function resultsName(results: Pick<Results, 'date' | 'options'>): string {
  const { users, only, minutes } = results.options;
  if (only?.length === 1 && only[0] === 'SOAK')
    return `${results.date}-soak${minutes === 10 ? '' : `-${minutes}-minutes`}`;
  return `${results.date}${users === 100_000 ? '' : `-${users}-users`}${only ? `-${[...only].sort().join('-')}` : ''}`;
}

/** Today's name can already hold another commit's run, often one that is committed: that one is kept. */
export function reportName(
  results: Pick<Results, 'date' | 'options' | 'commit' | 'startedAt'>,
  onDisk: Pick<Results, 'commit'> | null,
): string {
  return nameBeside(resultsName(results), results, onDisk);
}

/** `name`, or `<name>-at-<commit>` when the run on disk under `name` is another commit's. */
export function nameBeside(
  name: string,
  ours: Pick<Results, 'commit' | 'startedAt'>,
  onDisk: Pick<Results, 'commit'> | null,
): string {
  if (!onDisk || (ours.commit !== null && onDisk.commit === ours.commit)) return name;
  return `${name}-at-${ours.commit ?? ours.startedAt.slice(11, 19).replaceAll(':', '')}`;
}

/** The commit measured, `+changes` when src/ or drizzle/ differ from it; null outside a git tree. */
export function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'drizzle'], { encoding: 'utf8' }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return null;
  }
}

/** Every run of the same kind on disk (renamed `-at-<commit>` ones included), with its file name. */
async function runsOfKind(name: string): Promise<{ file: string; run: Results }[]> {
  // Kind names are letters, digits and dashes, so the suffix needs no escaping.
  const sameKind = new RegExp(`^\\d{4}-\\d{2}-\\d{2}${name.slice(10)}(-at-[0-9A-Za-z]+)?\\.json$`);
  const files = (await readdir(resultsDir).catch(() => [] as string[])).filter((file) => sameKind.test(file));
  return Promise.all(
    files.map(async (file) => ({ file, run: JSON.parse(await readFile(join(resultsDir, file), 'utf8')) as Results })),
  );
}

export async function writeReport(results: Results): Promise<string[]> {
  await mkdir(resultsDir, { recursive: true });
  const kindName = resultsName(results);
  // Read before this run writes: today's file of the same name may be the previous run, or another commit's.
  const runs = await runsOfKind(kindName);
  const previous =
    runs
      .map((r) => r.run)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .at(-1) ?? null;
  const name = reportName(results, runs.find((r) => r.file === `${kindName}.json`)?.run ?? null);
  const targets = evaluateTargets(results, previous);
  const stem = join(resultsDir, name);
  const charts = renderCharts(results);
  const files: string[] = [];
  for (const [suffix, svg] of Object.entries(charts)) {
    await writeFile(`${stem}-${suffix}.svg`, svg);
    files.push(`${stem}-${suffix}.svg`);
  }
  await writeFile(
    `${stem}.json`,
    `${JSON.stringify({ ...results, targets, previous: previous?.startedAt ?? null }, null, 2)}\n`,
  );
  await writeFile(`${stem}.md`, renderMarkdown(results, targets, previous, Object.keys(charts), name));
  return [`${stem}.json`, `${stem}.md`, ...files];
}

const ms = (value: number | undefined | null) => (value == null || Number.isNaN(value) ? '–' : value.toFixed(2));
const perSecond = (value: number | undefined | null) => (value == null ? '–' : Math.round(value).toLocaleString('en'));

function figure(value: number | null, unit: string): string {
  if (value == null) return '–';
  if (unit === '(1 = yes)') return value === 1 ? 'yes' : 'NO';
  if (unit === '/s') return `${perSecond(value)}/s`;
  if (unit === 'statements' || unit === 'count') return String(value);
  return `${value.toFixed(2)} ${unit}`;
}

function change(target: TargetResult): string {
  if (target.measured == null || target.previous == null) return '–';
  const delta = target.measured - target.previous;
  if (target.previous === 0) return delta === 0 ? 'same' : `${delta > 0 ? '+' : ''}${delta.toFixed(2)}`;
  const percent = (delta / Math.abs(target.previous)) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(0)}% (was ${figure(target.previous, target.unit)})`;
}

export /** The case's c=1 p95 and saturated throughput against the same case of the previous run. */
function caseChange(now: CaseResult, was: CaseResult | undefined, connections: number): string {
  if (!was) return '–';
  const percent = (a: number, b: number) => {
    const value = ((a - b) / b) * 100;
    return Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(0)}%` : '–';
  };
  const parts = [`p95 ${percent(now.c1.p95, was.c1.p95)}`];
  if (now.saturated && was.saturated)
    parts.push(`c=${connections} req/s ${percent(now.saturated.rps, was.saturated.rps)}`);
  if (now.statements !== was.statements) parts.push(`SQL ${was.statements} → ${now.statements}`);
  return parts.join(', ');
}

export function renderMarkdown(
  results: Results,
  targets: TargetResult[],
  previous: Results | null,
  charts: string[],
  name = resultsName(results),
): string {
  // A partial run lists the targets of what it ran, not every other workload's as unmeasured.
  if (results.options.only) targets = targets.filter((t) => t.why !== 'not run (--only)');
  const met = targets.filter((t) => t.status === 'met').length;
  const missed = targets.filter((t) => t.status === 'MISSED');
  const unmeasured = targets.filter((t) => t.status === 'not measured').length;
  const { machine, options, database } = results;
  const lines: string[] = [];
  lines.push(`# Benchmark ${results.date}`, '');
  lines.push(
    `**${met} of ${targets.length} targets met, ${missed.length} MISSED, ${unmeasured} not measured.**` +
      (missed.length ? ` Missed: ${missed.map((t) => t.label).join('; ')}.` : ''),
    '',
  );
  lines.push(
    `- Commit \`${results.commit ?? 'unknown'}\`, ${results.startedAt} to ${results.finishedAt}.`,
    `- Database: ${database.embedded ? `embedded PostgreSQL (${database.dataDir ?? 'bench/data/'})` : 'DATABASE_URL'}, ${machine.postgres}, ` +
      `${database.users.toLocaleString('en')} users seeded with steps ${database.seedSteps.join(', ')}` +
      (database.seededSeconds ? ` (seeding took ${database.seededSeconds} s in this run).` : ' (reused).'),
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}. ` +
      `Load average ${machine.loadBefore.toFixed(2)} before, ${machine.loadAfter.toFixed(2)} after.`,
    options.minutes
      ? `- The soak: ${options.rate} requests/s for ${options.minutes} minutes after a ${options.warmUpSeconds ?? 30} s warm-up. Servers, PostgreSQL and ` +
          'load generator share the machine, so figures include their contention.'
      : `- Each run lasts ${options.seconds} s after a short warm-up; concurrency 1, then ${options.connections} connections ` +
          `(saturating). Server, PostgreSQL and load generator share the machine, so figures include their contention; ` +
          `a load average well above 0 before the run means other work was competing too.`,
    `- Previous results: ${previous ? `${previous.startedAt} (commit \`${previous.commit ?? 'unknown'}\`)` : 'none'}.`,
    '',
  );

  lines.push('## Targets', '', '| Target | Goal | Measured | Status | Change vs previous |', '|---|---|---|---|---|');
  for (const t of targets) {
    const status = t.status === 'met' ? 'met' : t.status === 'MISSED' ? '**MISSED**' : `not measured: ${t.why}`;
    lines.push(`| ${t.label} | ${t.goal} | ${figure(t.measured, t.unit)} | ${status} | ${change(t)} |`);
  }
  lines.push('');

  lines.push(...renderPeers(results, targets));
  lines.push(...renderSpeed(results));
  lines.push(...renderSoak(results));

  if (charts.length) {
    lines.push('## Charts', '');
    const titles: Record<string, string> = {
      latency: 'p95 latency at concurrency 1 (ticks: targets)',
      throughput: `Requests per second at ${options.connections} connections`,
      floor: 'GraphQL p50 over the raw-SQL floor p50 (tick: 2x target)',
    };
    for (const chart of charts) lines.push(`![${titles[chart] ?? chart}](${name}-${chart}.svg)`, '');
  }

  lines.push('## Workloads', '');
  for (const w of results.workloads) {
    lines.push(`### ${w.id} ${w.title}`, '');
    if (w.status !== 'ran') {
      lines.push(`**${w.status === 'skipped' ? 'Skipped' : 'FAILED'}:** ${w.reason}`, '');
      continue;
    }
    const subjects = Object.entries(w.subjects).map(([k, v]) => `${k}: ${v}`);
    if (subjects.length) lines.push(`Subjects: ${subjects.join('; ')}.`, '');
    if (w.cases.length === 0) {
      for (const [k, v] of Object.entries(w.metrics)) lines.push(`- ${k}: ${Number.isInteger(v) ? v : v.toFixed(4)}`);
      for (const note of w.notes) lines.push(`- ${note}`);
      lines.push('');
      continue;
    }
    lines.push(
      `| Case | SQL/request | round trips | c=1 req/s | p50 | p95 | p99 | c=${options.connections} req/s | p50 | p95 | p99 | errors | floor p50 | GraphQL/floor | vs previous |`,
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    const before = previous?.workloads.find((p) => p.id === w.id && p.status === 'ran');
    for (const c of w.cases) {
      const s = c.saturated;
      const was = before?.cases.find((p) => p.name === c.name);
      lines.push(
        `| ${c.name} | ${c.statements} | ${c.waves} | ${perSecond(c.c1.rps)} | ${ms(c.c1.p50)} | ${ms(c.c1.p95)} | ${ms(c.c1.p99)} | ` +
          `${perSecond(s?.rps)} | ${ms(s?.p50)} | ${ms(s?.p95)} | ${ms(s?.p99)} | ${c.c1.errors + (s?.errors ?? 0)} | ` +
          `${ms(c.floor?.p50)} | ${c.ratio == null ? '–' : `${c.ratio.toFixed(2)}x`} | ${caseChange(c, was, options.connections)} |`,
      );
    }
    const errors = w.cases.reduce((sum, c) => sum + c.c1.errors + (c.saturated?.errors ?? 0), 0);
    if (errors > 0)
      lines.push('', `**${errors} responses were errors** (HTTP, GraphQL or UserError): see the errors column.`);
    lines.push('', 'Latencies in ms. Statements per request:', '');
    for (const c of w.cases) lines.push(`- ${c.name}: ${c.statementNames.join(', ') || '–'}`);
    const metrics = Object.entries(w.metrics).map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(3)}`);
    if (metrics.length) lines.push(`- Other figures: ${metrics.join('; ')}`);
    for (const note of w.notes) lines.push(`- ${note}`);
    lines.push('');
  }

  lines.push(
    '## How this is measured',
    '',
    '`npm run bench` (bench/run.ts) seeds or reuses a database, starts `src/main.ts` as a child process with ' +
      '`NODE_ENV=production` (as deployed), and drives it over loopback HTTP with autocannon. Latency percentiles come ' +
      'from every response of the measured window. Statements per request are captured by running the same request ' +
      'in process through the same Yoga app (what `extensions.sql` reports outside production); round trips count ' +
      'the statements that had to wait for each other. The raw-SQL floor replays those statements with postgres.js ' +
      '(prepared, as the server runs them), round trip by round trip as DataLoader batched them, one request at a ' +
      'time; GraphQL/floor is the c=1 p50 over the floor p50, so it prices parsing, validation, resolvers, JSON and ' +
      'HTTP. Write workloads add rows to the bench database on every run.',
    '',
  );
  return `${lines.join('\n')}\n`;
}

function renderCharts(results: Results): Record<string, string> {
  const ran = results.workloads.filter((w) => w.status === 'ran');
  if (ran.length === 0) return {};
  const label = (w: WorkloadResult, c: CaseResult) => `${w.id} ${c.name}`;
  const latency: Bar[] = ran.flatMap((w) =>
    w.cases.map((c) => ({ label: label(w, c), value: c.c1.p95, goal: P95_GOALS[w.id] ?? null })),
  );
  const throughput: Bar[] = ran.flatMap((w) =>
    w.cases.flatMap((c) =>
      c.saturated
        ? [{ label: label(w, c), value: c.saturated.rps, goal: w.id === 'W7' ? 500 : null, higherIsBetter: true }]
        : [],
    ),
  );
  const floor: Bar[] = ran.flatMap((w) =>
    w.cases.flatMap((c) => (c.ratio != null ? [{ label: label(w, c), value: c.ratio, goal: 2 }] : [])),
  );
  const charts: Record<string, string> = {};
  if (latency.length) charts.latency = barChart('p95 latency at concurrency 1', 'ms', latency);
  if (throughput.length)
    charts.throughput = barChart(`Requests/s at ${results.options.connections} connections`, '/s', throughput);
  if (floor.length) charts.floor = barChart('GraphQL p50 / raw-SQL floor p50', 'x', floor);
  return charts;
}
