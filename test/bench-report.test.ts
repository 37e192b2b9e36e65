import { describe, expect, it } from 'vitest';
import { compare, selfTimes } from '../bench/cpu-profile-diff';
import { sseEvents } from '../bench/graphql';
import { percentile } from '../bench/measure';
import {
  evaluateTargets,
  type Results,
  renderMarkdown,
  reportName,
  resultsName,
  type WorkloadResult,
} from '../bench/report';
import {
  failureOf,
  leastSquares,
  mixCycle,
  pairSource,
  type SoakRun,
  seriesSum,
  soakMetrics,
  withinNoise,
} from '../bench/soak';
import { barChart } from '../bench/svg';
import { summarizeV8Log } from '../bench/v8-log-summary';

const latency = (p95: number) => ({ requests: 100, rps: 200, p50: p95 / 2, p95, p99: p95 * 2, errors: 0 });

function results(workloads: WorkloadResult[]): Results {
  return {
    date: '2026-01-01',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:10:00.000Z',
    commit: 'abc1234',
    options: { users: 100_000, seconds: 8, connections: 16, only: null },
    machine: {
      cpus: 2,
      cpuModel: 'test',
      memoryGb: 8,
      node: 'v20',
      postgres: 'PostgreSQL 17',
      loadBefore: 0,
      loadAfter: 0,
    },
    database: { embedded: true, users: 100_000, seedSteps: ['users'], seededSeconds: 0 },
    workloads,
  };
}

const inbox = (p95: number): WorkloadResult => ({
  id: 'W6',
  title: 'inbox',
  kind: 'read',
  status: 'ran',
  subjects: {},
  notes: [],
  metrics: {},
  cases: [
    {
      name: 'inbox',
      statements: 4,
      statementNames: [],
      waves: 3,
      c1: latency(p95),
      saturated: latency(p95 * 10),
      floor: latency(1),
      ratio: p95 / 2 / 0.5,
    },
  ],
});

// The harness itself; its timings are never asserted here.
describe('bench report', () => {
  it('says MISSED plainly, compares with the previous run, and leaves skipped workloads unmeasured', () => {
    const now = results([
      inbox(7),
      { ...inbox(0), id: 'W7', status: 'skipped', reason: 'schema lacks Mutation.sendMessage', cases: [] },
    ]);
    const targets = evaluateTargets(now, results([inbox(4)]));
    const inboxTarget = targets.find((t) => t.label === 'W6 inbox p95 (c=1)')!;
    expect(inboxTarget).toMatchObject({ measured: 7, status: 'MISSED', previous: 4 });
    expect(targets.find((t) => t.label === 'W7 send p95 (c=1)')).toMatchObject({
      status: 'not measured',
      why: 'skipped: schema lacks Mutation.sendMessage',
    });
    const markdown = renderMarkdown(now, targets, null, []);
    expect(markdown).toContain('| W6 inbox p95 (c=1) | <= 5 ms | 7.00 ms | **MISSED** | +75% (was 4.00 ms) |');
    expect(markdown).toContain('**Skipped:** schema lacks Mutation.sendMessage');
  });

  it('names a partial or small run apart from the full one', () => {
    expect(resultsName(results([]))).toBe('2026-01-01');
    const small = results([]);
    small.options = { ...small.options, users: 2000, only: ['W5', 'W1'] };
    expect(resultsName(small)).toBe('2026-01-01-2000-users-W1-W5');
  });

  it("keeps another commit's report of the same name and day", () => {
    const run = { ...results([]), commit: '1b6f672' };
    expect(reportName(run, null)).toBe('2026-01-01');
    expect(reportName(run, { commit: '1b6f672' })).toBe('2026-01-01');
    expect(reportName(run, { commit: '6bd2574' })).toBe('2026-01-01-at-1b6f672');
    expect(reportName({ ...run, commit: null, startedAt: '2026-01-01T09:12:42.593Z' }, { commit: null })).toBe(
      '2026-01-01-at-091242',
    );
  });

  it('takes nearest-rank percentiles and draws escaped SVG', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    const svg = barChart('p95 <ms>', 'ms', [{ label: 'W1 a&b', value: 3, goal: 2 }]);
    expect(svg).toContain('W1 a&amp;b');
    expect(svg).toContain('fill="#c53030"');
  });

  describe('soak', () => {
    const minute = (n: number, p99: number, heapAfterGcMb: number) => ({
      minute: n,
      requests: 2400,
      errors: 0,
      p50: 4,
      p99,
      subscriptionsOpened: 120,
      subscriptionErrors: 0,
      liveEvents: 500,
      servers: [0, 1].map(() => ({
        rssMb: 200,
        heapUsedMb: 90,
        heapAfterGcMb,
        rssAfterGcMb: 190,
        spacesAfterGcMb: {},
      })),
    });
    const soakRun = (heaps: number[], p99s: number[], after: Partial<SoakRun['after'][number]> = {}): SoakRun => {
      const minutes = heaps.map((heap, i) => minute(i + 1, p99s[i]!, heap));
      const fit = leastSquares(minutes.map((m) => ({ x: m.minute, y: heap(m) })));
      function heap(m: (typeof minutes)[number]) {
        return m.servers[0]!.heapAfterGcMb;
      }
      return {
        minutes,
        rate: 40,
        heapSnapshots: null,
        cpuProfiles: null,
        serverNodeArgs: [],
        start: [0, 1].map(() => ({ heapAfterGcMb: 60, rssAfterGcMb: 150, spacesAfterGcMb: {} })),
        afterWarmUp: minutes[0]!.servers,
        heapFits: [fit, fit],
        rssFits: [fit, fit],
        errorSamples: [],
        after: [0, 1].map(() => ({
          subscriptionsLive: 0,
          poolInUse: 0,
          poolSize: 10,
          connections: { idle: 11 },
          connectionsAfterStop: 0,
          ...after,
        })),
        releasedWithinSeconds: 0.3,
        subscriptions: { opened: 1200, replayed: 3600, live: 5000, byTransport: { 'sse messageAdded': 300 } },
      };
    };
    const soakResults = (run: SoakRun) => {
      const metrics = soakMetrics(run);
      const now = results([
        {
          id: 'SOAK',
          title: 'soak',
          kind: 'write',
          status: 'ran',
          subjects: {},
          notes: [],
          metrics,
          cases: [],
          soak: run,
        },
      ]);
      now.options = { ...now.options, users: 2000, only: ['SOAK'], minutes: run.minutes.length, rate: 40 };
      return now;
    };
    const statusOf = (now: Results) =>
      Object.fromEntries(
        evaluateTargets(now, null)
          .filter((t) => t.workload === 'SOAK')
          .map((t) => [t.label.replace(/^SOAK /, ''), t.status]),
      );

    it('fits a line with its standard error, and calls a slope noise within two of them', () => {
      const flat = leastSquares([60, 61, 59, 60.5, 59.5, 60, 61, 59].map((y, i) => ({ x: i + 1, y })))!;
      expect(withinNoise(flat)).toBe(true);
      const leaking = leastSquares([60, 61, 62.2, 62.9, 64.1, 65, 66.2, 66.8].map((y, i) => ({ x: i + 1, y })))!;
      expect(leaking.slope).toBeCloseTo(0.97, 1);
      expect(withinNoise(leaking)).toBe(false);
      // A shrinking heap is never a leak, however steady.
      expect(withinNoise(leastSquares([66, 65, 64, 63].map((y, i) => ({ x: i, y })))!)).toBe(true);
      expect(
        leastSquares([
          { x: 1, y: 1 },
          { x: 2, y: 2 },
        ]),
      ).toBeNull();
    });

    it('passes a clean run and names each failed target', () => {
      const clean = soakResults(soakRun([70, 71, 70.5, 70.8, 70.2, 71, 70.4, 70.9, 70.6, 70.7], Array(10).fill(20)));
      expect(Object.values(statusOf(clean))).toEqual(Array(7).fill('met'));
      const markdown = renderMarkdown(clean, evaluateTargets(clean, null), null, []);
      expect(markdown).toContain('**7 of 7 targets met, 0 MISSED, 0 not measured.**');
      expect(markdown).toContain('## Soak (issue 28)');
      expect(resultsName(clean)).toBe('2026-01-01-soak');

      const leaky = soakRun([70, 71, 72, 73, 74, 75, 76, 77.2, 78, 79], [20, 21, 22, 23, 22, 23, 24, 25, 24, 25], {
        subscriptionsLive: 2,
        poolInUse: 1,
        connections: { idle: 11, 'idle in transaction': 1 },
        connectionsAfterStop: 1,
      });
      leaky.minutes[4]!.errors = 3;
      expect(statusOf(soakResults(leaky))).toEqual({
        'errors: requests and subscriptions': 'MISSED',
        'heap after full GC, slope per minute within noise (both processes)': 'MISSED',
        'p99 of the last minute / the first': 'MISSED',
        'live subscriptions once the clients dropped': 'MISSED',
        'connections busy once the load stopped': 'MISSED',
        'connections beyond the pool and LISTEN once the load stopped': 'MISSED',
        'connections left once the servers stopped': 'MISSED',
      });
      // A run that took heap snapshots paused a server in minute 1: its p99 ratio says nothing.
      const snapshotted = soakRun([70, 70, 70], [900, 20, 20]);
      expect(statusOf(soakResults(snapshotted))['p99 of the last minute / the first']).toBe('met');
      expect(
        statusOf(soakResults({ ...snapshotted, heapSnapshots: '/tmp/heap' }))['p99 of the last minute / the first'],
      ).toBe('not measured');
      const profiled = { ...snapshotted, cpuProfiles: { dir: '/tmp/profiles', minutesEach: 1 } };
      expect(statusOf(soakResults(profiled))['p99 of the last minute / the first']).toBe('not measured');
      const short = soakResults(soakRun([70], [20]));
      expect(resultsName(short)).toBe('2026-01-01-soak-1-minutes');
      expect(statusOf(short)['heap after full GC, slope per minute within noise (both processes)']).toBe(
        'not measured',
      );
    });

    it('counts every failure a client would see, and reads /metrics series over their labels', () => {
      expect(failureOf(200, { data: { feed: { edges: [] } } })).toBeNull();
      expect(failureOf(503, {})).toBe('HTTP 503');
      expect(failureOf(200, { errors: [{ message: 'boom' }] })).toMatch(/^GraphQL/);
      expect(failureOf(200, { data: { follow: { user: null, errors: [{ code: 'NOT_FOUND' }] } } })).toMatch(
        /^follow: /,
      );
      const text = [
        '# HELP spotter_subscriptions_live Subscriptions streaming right now',
        'spotter_subscriptions_live{transport="sse"} 2',
        'spotter_subscriptions_live{transport="websocket"} 3',
        'spotter_subscriptions_live_other 9',
        'process_resident_memory_bytes 1048576',
      ].join('\n');
      expect(seriesSum(text, 'spotter_subscriptions_live')).toBe(5);
      expect(seriesSum(text, 'process_resident_memory_bytes')).toBe(1048576);
      expect(seriesSum(text, 'nodejs_heap_size_used_bytes')).toBeNaN();
      const cycle = mixCycle([
        ['read', 3],
        ['write', 1],
      ]);
      expect(cycle).toHaveLength(4);
      expect(cycle.filter((kind) => kind === 'write')).toHaveLength(1);
      expect(cycle[0]).toBe('read');
    });

    it('hands out fresh like and follow pairs first, then pairs released, and none while all are held', () => {
      const pairs = ['a', 'b', 'c'].map((key) => ({ key }));
      const source = pairSource(pairs, ['b']);
      const first = source.next()!;
      const second = source.next()!;
      expect([first.key, second.key]).toEqual(['a', 'c']);
      // Every pair is used and held now (b since before the run).
      expect(source.next()).toBeNull();
      source.release(first);
      expect(source.next()?.key).toBe('a');
      expect(source.next()).toBeNull();
    });

    it('counts optimized compilations and deoptimizations per minute from a V8 log', () => {
      const log = [
        'code-creation,JS,9,1000,0x1,80,f file:///app/src/a.ts:1:10,0x9,~',
        'code-creation,JS,12,2000,0x2,2048,f file:///app/src/a.ts:1:10,0x9,*',
        'code-deopt,3000,2048,0x2,-1,25,deopt-eager,<file:///app/src/a.ts:1:26>,weak objects',
        'code-creation,JS,11,61000000,0x3,1024,g file:///app/src/b.ts:2:1,0x8,+',
        'code-creation,JS,12,62000000,0x4,1024,f file:///app/src/a.ts:1:10,0x9,*',
      ].join('\n');
      const { minutes, mostCompiled } = summarizeV8Log(log);
      expect(minutes).toEqual([
        { minute: 0, optimized: 1, optimizedKb: 2, deoptimized: { 'weak objects': 1 } },
        { minute: 1, optimized: 2, optimizedKb: 2, deoptimized: {} },
      ]);
      expect(mostCompiled[0]).toEqual(['f /app/src/a.ts:1:10', 2]);
    });

    it("charges each CPU profile sample the time until the next, by function and by the code's home", () => {
      const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });
      const profile = {
        nodes: [
          { id: 1, callFrame: frame('(idle)', '') },
          { id: 2, callFrame: frame('parse', 'file:///app/node_modules/graphql/language/parser.js', 9) },
          { id: 3, callFrame: frame('feed', 'file:///app/src/schema/feed.ts', 41) },
          { id: 4, callFrame: frame('(garbage collector)', '') },
        ],
        startTime: 0,
        endTime: 1_000_000,
        samples: [2, 3, 4, 1, 2],
        timeDeltas: [0, 100, 300, 50, 550],
      };
      const early = selfTimes(profile);
      expect(Object.fromEntries(early.byPlace)).toEqual({
        'pkg graphql': 100,
        'src/schema/feed.ts': 300,
        '(garbage collector)': 50,
        '(idle)': 550,
      });
      expect(early.byFunction.get('feed src/schema/feed.ts:42')).toBe(300);
      const late = selfTimes({ ...profile, timeDeltas: [0, 100, 300, 250, 350] });
      const rows = compare(early, late, (t) => t.byPlace);
      expect(rows.map((row) => row.key)).toEqual(['(garbage collector)', 'pkg graphql', 'src/schema/feed.ts']);
      expect(rows[0]!.change).toBeCloseTo(0.2);
    });
  });
});

describe('sseEvents', () => {
  it('parses next and complete blocks however the body is split into chunks', async () => {
    const text =
      'event: next\ndata: {"data":{"n":1}}\n\n:\n\nevent: next\ndata: {"data":{"n":2}}\n\nevent: complete\ndata:\n\n';
    const chunks = [text.slice(0, 17), text.slice(17, 40), text.slice(40)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const events = [];
    for await (const { event, data } of sseEvents(body)) events.push([event, data]);
    expect(events).toEqual([
      ['next', { data: { n: 1 } }],
      [null, null],
      ['next', { data: { n: 2 } }],
      ['complete', null],
    ]);
  });
});
