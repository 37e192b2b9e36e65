import { describe, expect, it } from 'vitest';
import { percentile } from '../bench/measure';
import {
  evaluateTargets,
  type Results,
  renderMarkdown,
  reportName,
  resultsName,
  type WorkloadResult,
} from '../bench/report';
import { barChart } from '../bench/svg';

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
});
