import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { type DatabaseReport, databaseReport, prefixIndexes, unusedIndexes } from '../src/db/report';
import { graphql } from './gql';
import { expectData, run } from './kit/client';

import { createUsers } from './kit/seed';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const ReportUsers = graphql(`query ReportUsers { users(first: 5) { edges { node { username } } } }`);

const db = useTestDatabase({ leaderboards: { schedule: false } });
const exec = promisify(execFile);

/** Runs statements on a connection of its own and flushes its statistics before returning. */
async function onOwnConnection(work: (sql: postgres.Sql) => Promise<unknown>) {
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    await work(sql);
    // Flushed before the reply to this statement, so any later reader sees the scans.
    await sql`select pg_stat_force_next_flush()`;
  } finally {
    await sql.end();
  }
}

const PROBE = `
  create table report_probe (id int primary key, a int, b int, c int);
  create index report_probe_a_idx on report_probe (a);
  create index report_probe_ab_idx on report_probe (a, b);
  create index report_probe_abc_partial_idx on report_probe (a, b, c) where c > 0;
  create index report_probe_lower_idx on report_probe (lower(b::text));
  create index report_probe_lower_pattern_idx on report_probe (lower(b::text) text_pattern_ops, c);
  create unique index report_probe_c_key on report_probe (c);
  insert into report_probe select g, g % 10, g % 7, g from generate_series(1, 200) g;`;

describe('npm run db:report', () => {
  it('lists never-scanned indexes, leaving out primary keys and unique indexes', async () => {
    await onOwnConnection((sql) => sql.unsafe(PROBE));
    const before = (await unusedIndexes(db.sql)).filter((i) => i.table === 'report_probe').map((i) => i.index);
    expect(before.sort()).toEqual([
      'report_probe_a_idx',
      'report_probe_ab_idx',
      'report_probe_abc_partial_idx',
      'report_probe_lower_idx',
      'report_probe_lower_pattern_idx',
    ]);
    await onOwnConnection(async (sql) => {
      await sql`set enable_seqscan = off`;
      await sql`set enable_bitmapscan = off`;
      await sql`select id from report_probe where a = 3 and b = 2`;
    });
    const after = (await unusedIndexes(db.sql)).filter((i) => i.table === 'report_probe').map((i) => i.index);
    expect(after).toHaveLength(before.length - 1);
    expect(after).not.toContain('report_probe_ab_idx');
  });

  it('lists an index whose columns lead another on the same table, only when the other covers its rows', async () => {
    const found = (await prefixIndexes(db.sql)).filter((i) => i.table === 'report_probe');
    expect(found.map((i) => [i.index, i.coveredBy])).toEqual([['report_probe_a_idx', 'report_probe_ab_idx']]);
    expect(found[0]).toMatchObject({ columns: 'a', coveredByColumns: 'a, b' });
    // Not listed: (a, b) under the partial (a, b, c) index, which lacks rows with c <= 0, and
    // lower(b) under lower(b) text_pattern_ops, whose operator class answers other comparisons.
  });

  it('reports sizes and dead-tuple ratios of the tables', async () => {
    await onOwnConnection((sql) => sql`delete from report_probe where id <= 50`);
    const report = await databaseReport(db.sql);
    const probe = report.deadTuples.find((t) => t.table === 'report_probe');
    expect(probe).toMatchObject({ live: 150, dead: 50, ratio: 0.25 });
    const size = report.tables.find((t) => t.table === 'report_probe')!;
    expect(size.tableBytes).toBeGreaterThan(0);
    expect(size.indexBytes).toBeGreaterThan(0);
    expect(size.totalBytes).toBeGreaterThanOrEqual(size.tableBytes + size.indexBytes);
    expect(report.indexes.find((i) => i.index === 'report_probe_ab_idx')).toMatchObject({ scans: 1 });
    expect(report.tables.map((t) => t.table)).toContain('users');
  });

  it('says how to enable pg_stat_statements, then lists the top statements by name once it is there', async () => {
    const missing = await databaseReport(db.sql);
    expect(missing.statements).toMatchObject({
      available: false,
      reason: 'pg_stat_statements is loaded but not created in this database',
    });
    if (missing.statements.available) return;
    expect(missing.statements.howToEnable.join('\n')).toContain('create extension if not exists pg_stat_statements');

    await db.sql`create extension if not exists pg_stat_statements`;
    const [alice] = await createUsers(db.sql, 1);
    for (let i = 0; i < 3; i++) expectData(await run(db, ReportUsers));
    expect(alice).toBeDefined();
    const report = await databaseReport(db.sql, { limit: 50 });
    expect(report.statements.available).toBe(true);
    if (!report.statements.available) return;
    const users = report.statements.top.find((t) => t.name === 'page:users');
    expect(users, JSON.stringify(report.statements.top.map((t) => t.name))).toMatchObject({ calls: 3 });
    expect(users!.totalMs).toBeGreaterThan(0);
    expect(report.statements.top.every((t) => !t.name.startsWith('report:'))).toBe(true);
  });

  it('prints the sections for a terminal, and the same data with --json', async () => {
    const env = { ...process.env, DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET };
    const text = await exec(process.execPath, ['--import', 'tsx', 'src/cli/db-report.ts'], { env, timeout: 60_000 });
    for (const title of [
      'Top statements by total time (pg_stat_statements)',
      'Indexes never scanned since the statistics reset',
      'Indexes whose columns lead another index on the same table',
      'Tables by total size',
      'Indexes by size',
      'Dead tuples',
    ]) {
      expect(text.stdout).toContain(title);
    }
    expect(text.stdout).toMatch(/report_probe\s+report_probe_a_idx \(a\)\s+report_probe_ab_idx \(a, b\)/);
    const json = await exec(process.execPath, ['--import', 'tsx', 'src/cli/db-report.ts', '--json'], {
      env,
      timeout: 60_000,
    });
    const report = JSON.parse(json.stdout) as DatabaseReport;
    expect(report.database).toBe(db.name);
    expect(report.prefixIndexes.map((i) => i.index)).toContain('report_probe_a_idx');
  });
});
