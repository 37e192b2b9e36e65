import type { Sql } from './client';
import { statementName } from './statements';

export interface TopStatement {
  /** The `/* name *\/` tag, or the start of the normalized text. */
  name: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
  /** Share of this database's total statement time. */
  share: number;
}

export type StatementsSection =
  | { available: true; since: string | null; top: TopStatement[] }
  | { available: false; reason: string; howToEnable: string[] };

export interface UnusedIndex {
  table: string;
  index: string;
  bytes: number;
}

export interface PrefixIndex {
  table: string;
  /** The index whose columns lead `coveredBy`'s. */
  index: string;
  columns: string;
  coveredBy: string;
  coveredByColumns: string;
  bytes: number;
}

export interface TableSize {
  table: string;
  rows: number;
  tableBytes: number;
  indexBytes: number;
  totalBytes: number;
}

export interface IndexSize {
  table: string;
  index: string;
  bytes: number;
  scans: number;
}

export interface DeadTuples {
  table: string;
  live: number;
  dead: number;
  /** dead / (live + dead); 0 for an empty table. */
  ratio: number;
  lastVacuum: string | null;
}

export interface DatabaseReport {
  database: string;
  generatedAt: string;
  /** When this database's statistics were last reset (index scans count from then). */
  statsSince: string | null;
  statements: StatementsSection;
  unusedIndexes: UnusedIndex[];
  prefixIndexes: PrefixIndex[];
  tables: TableSize[];
  indexes: IndexSize[];
  deadTuples: DeadTuples[];
}

const HOW_TO_ENABLE = [
  "add pg_stat_statements to shared_preload_libraries (postgresql.conf: shared_preload_libraries = 'pg_stat_statements', or -c shared_preload_libraries=pg_stat_statements) and restart PostgreSQL",
  'then, as a superuser, in this database: create extension if not exists pg_stat_statements;',
];

async function statementsSection(sql: Sql, limit: number): Promise<StatementsSection> {
  const [state] = await sql<{ installed: boolean; loaded: boolean }[]>`/* report:statementsAvailable */
    select exists (select 1 from pg_extension where extname = 'pg_stat_statements') as installed,
           'pg_stat_statements' = any (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ',')) as loaded`;
  if (!state?.loaded) {
    return {
      available: false,
      reason: 'pg_stat_statements is not loaded (shared_preload_libraries)',
      howToEnable: HOW_TO_ENABLE,
    };
  }
  if (!state.installed) {
    return {
      available: false,
      reason: 'pg_stat_statements is loaded but not created in this database',
      howToEnable: HOW_TO_ENABLE.slice(1),
    };
  }
  // The view belongs to whichever schema the extension was created in: found through the catalog.
  const [location] = await sql<{ schema: string }[]>`/* report:statementsSchema */
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pg_stat_statements'`;
  const schema = `"${location!.schema.replace(/"/g, '""')}"`;
  const view = `${schema}.pg_stat_statements`;
  const rows = await sql.unsafe<{ query: string; calls: number; totalMs: number; rows: number }[]>(
    `/* report:topStatements */
     select query, calls::float8 as calls, total_exec_time as total_ms, rows::float8 as rows
       from ${view}
      where dbid = (select oid from pg_database where datname = current_database())
        and query not like '%/* report:%'
      order by total_exec_time desc
      limit $1`,
    [limit],
  );
  const [totals] = await sql.unsafe<{ totalMs: number | null }[]>(
    `/* report:statementsTotal */
     select sum(total_exec_time) as total_ms from ${view}
      where dbid = (select oid from pg_database where datname = current_database())`,
  );
  const [info] = await sql.unsafe<{ since: string | null }[]>(
    `/* report:statementsSince */
     select to_char(stats_reset at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as since from ${schema}.pg_stat_statements_info`,
  );
  const total = totals?.totalMs ?? 0;
  return {
    available: true,
    since: info?.since ?? null,
    top: rows.map((row) => ({
      name: statementName(row.query),
      calls: row.calls,
      totalMs: round(row.totalMs),
      meanMs: round(row.calls > 0 ? row.totalMs / row.calls : 0),
      rows: row.rows,
      share: total > 0 ? round(row.totalMs / total, 4) : 0,
    })),
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Indexes that only cost writes: never scanned since the statistics reset. Indexes behind a
 * constraint (primary keys, unique constraints, exclusion constraints) and unique indexes enforce
 * something even when no query reads them, so they are left out.
 */
export async function unusedIndexes(sql: Sql): Promise<UnusedIndex[]> {
  return sql<UnusedIndex[]>`/* report:unusedIndexes */
    select s.relname as table, s.indexrelname as index, pg_relation_size(s.indexrelid)::float8 as bytes
      from pg_stat_user_indexes s
      join pg_index i on i.indexrelid = s.indexrelid
     where s.idx_scan = 0
       and not i.indisunique
       and not exists (select 1 from pg_constraint c where c.conindid = s.indexrelid)
     order by pg_relation_size(s.indexrelid) desc, s.relname, s.indexrelname`;
}

/**
 * Index A is redundant with index B on the same table when A's key columns (with their operator
 * classes and collations, expressions included) are a leading prefix of B's, B covers every row A
 * does (no predicate, or the same one) and both use the same access method. Unique and constraint
 * indexes stay: their uniqueness is the point.
 */
export async function prefixIndexes(sql: Sql): Promise<PrefixIndex[]> {
  return sql<PrefixIndex[]>`/* report:prefixIndexes */
    with keyed as (
      select i.indexrelid, i.indrelid, i.indisunique, c.relam,
             pg_get_expr(i.indpred, i.indrelid) as predicate,
             array(select pg_get_indexdef(i.indexrelid, k, true) || ' ' || i.indclass[k - 1]::text || ' ' || i.indcollation[k - 1]::text
                     || ' ' || i.indoption[k - 1]::text
                     from generate_series(1, i.indnkeyatts) k) as keys
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
    )
    select t.relname as table,
           a_class.relname as index,
           array_to_string(array(select pg_get_indexdef(a.indexrelid, k, true) from generate_series(1, cardinality(a.keys)) k), ', ') as columns,
           b_class.relname as covered_by,
           array_to_string(array(select pg_get_indexdef(b.indexrelid, k, true) from generate_series(1, cardinality(b.keys)) k), ', ') as covered_by_columns,
           pg_relation_size(a.indexrelid)::float8 as bytes
      from keyed a
      join keyed b on b.indrelid = a.indrelid and b.indexrelid <> a.indexrelid and b.relam = a.relam
      join pg_class t on t.oid = a.indrelid
      join pg_class a_class on a_class.oid = a.indexrelid
      join pg_class b_class on b_class.oid = b.indexrelid
     where not a.indisunique
       and not exists (select 1 from pg_constraint c where c.conindid = a.indexrelid)
       and cardinality(a.keys) <= cardinality(b.keys)
       and b.keys[1:cardinality(a.keys)] = a.keys
       and (b.predicate is null or b.predicate = a.predicate)
       -- Two identical indexes: report the second one only.
       and (cardinality(a.keys) < cardinality(b.keys) or b.predicate is distinct from a.predicate or a.indexrelid > b.indexrelid)
     order by t.relname, a_class.relname`;
}

export async function databaseReport(sql: Sql, options: { limit?: number } = {}): Promise<DatabaseReport> {
  const limit = options.limit ?? 10;
  const [meta] = await sql<{ database: string; statsSince: string | null; generatedAt: string }[]>`/* report:meta */
    select current_database() as database,
           (select to_char(stats_reset at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from pg_stat_database where datname = current_database()) as stats_since,
           to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as generated_at`;
  const tables = await sql<TableSize[]>`/* report:tableSizes */
    select relname as table, n_live_tup::float8 as rows,
           pg_relation_size(relid)::float8 as table_bytes,
           pg_indexes_size(relid)::float8 as index_bytes,
           pg_total_relation_size(relid)::float8 as total_bytes
      from pg_stat_user_tables
     order by pg_total_relation_size(relid) desc, relname`;
  const indexes = await sql<IndexSize[]>`/* report:indexSizes */
    select relname as table, indexrelname as index, pg_relation_size(indexrelid)::float8 as bytes, idx_scan::float8 as scans
      from pg_stat_user_indexes
     order by pg_relation_size(indexrelid) desc, relname, indexrelname`;
  const deadTuples = await sql<DeadTuples[]>`/* report:deadTuples */
    select relname as table, n_live_tup::float8 as live, n_dead_tup::float8 as dead,
           case when n_live_tup + n_dead_tup = 0 then 0
                else round(n_dead_tup::numeric / (n_live_tup + n_dead_tup), 4)::float8 end as ratio,
           to_char(greatest(last_vacuum, last_autovacuum) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_vacuum
      from pg_stat_user_tables
     order by n_dead_tup::float8 / greatest(n_live_tup + n_dead_tup, 1) desc, n_dead_tup desc, relname`;
  return {
    database: meta!.database,
    generatedAt: meta!.generatedAt,
    statsSince: meta!.statsSince,
    statements: await statementsSection(sql, limit),
    unusedIndexes: await unusedIndexes(sql),
    prefixIndexes: await prefixIndexes(sql),
    tables,
    indexes,
    deadTuples,
  };
}

function bytes(value: number): string {
  if (value < 1024) return `${value} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let scaled = value / 1024;
  let unit = 0;
  while (scaled >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return `${scaled.toFixed(scaled < 10 ? 1 : 0)} ${units[unit]}`;
}

function table(headers: string[], rows: string[][], numeric: boolean[]): string[] {
  if (rows.length === 0) return ['  (none)'];
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The report for a terminal: one titled, aligned table per section. */
export function formatReport(report: DatabaseReport): string {
  const out: string[] = [
    `Database ${report.database}, ${report.generatedAt}; statistics since ${report.statsSince ?? 'the cluster started (never reset)'}`,
    '',
  ];
  const s = report.statements;
  out.push('Top statements by total time (pg_stat_statements)');
  if (s.available) {
    out.push(
      ...table(
        ['statement', 'calls', 'total ms', 'mean ms', 'rows', 'share'],
        s.top.map((t) => [
          t.name,
          String(t.calls),
          t.totalMs.toFixed(1),
          t.meanMs.toFixed(2),
          String(t.rows),
          `${(t.share * 100).toFixed(1)} %`,
        ]),
        [false, true, true, true, true, true],
      ),
    );
  } else {
    out.push(`  Not available: ${s.reason}. To enable it:`, ...s.howToEnable.map((step) => `  - ${step}`));
  }
  out.push('', 'Indexes never scanned since the statistics reset (unique and constraint indexes left out)');
  out.push(
    ...table(
      ['table', 'index', 'size'],
      report.unusedIndexes.map((i) => [i.table, i.index, bytes(i.bytes)]),
      [false, false, true],
    ),
  );
  out.push('', 'Indexes whose columns lead another index on the same table');
  out.push(
    ...table(
      ['table', 'index (columns)', 'covered by (columns)', 'size'],
      report.prefixIndexes.map((i) => [
        i.table,
        `${i.index} (${i.columns})`,
        `${i.coveredBy} (${i.coveredByColumns})`,
        bytes(i.bytes),
      ]),
      [false, false, false, true],
    ),
  );
  out.push('', 'Tables by total size');
  out.push(
    ...table(
      ['table', 'rows', 'table', 'indexes', 'total'],
      report.tables.map((t) => [
        t.table,
        String(t.rows),
        bytes(t.tableBytes),
        bytes(t.indexBytes),
        bytes(t.totalBytes),
      ]),
      [false, true, true, true, true],
    ),
  );
  out.push('', 'Indexes by size');
  out.push(
    ...table(
      ['table', 'index', 'size', 'scans'],
      report.indexes.map((i) => [i.table, i.index, bytes(i.bytes), String(i.scans)]),
      [false, false, true, true],
    ),
  );
  out.push('', 'Dead tuples (vacuum keeps these low; a high ratio on a busy table means it cannot keep up)');
  out.push(
    ...table(
      ['table', 'live', 'dead', 'ratio', 'last vacuum'],
      report.deadTuples.map((t) => [
        t.table,
        String(t.live),
        String(t.dead),
        `${(t.ratio * 100).toFixed(1)} %`,
        t.lastVacuum ?? 'never',
      ]),
      [false, true, true, true, false],
    ),
  );
  return `${out.join('\n')}\n`;
}
