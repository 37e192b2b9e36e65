import postgres from 'postgres';
import { createSql, type Sql } from '../src/db/client';
import { startEmbedded } from '../src/db/database';
import { prepareDatabase } from '../src/db/prepare';
import { takeDaySnapshot } from '../src/jobs/boards';
import { type SeedStep, seedAtScale } from '../src/seed/scale';

export interface BenchDatabase {
  url: string;
  sql: Sql;
  embedded: boolean;
  /** What the seed marker says is in the database, after this run seeded what was missing. */
  seed: SeedMarker;
  /** Seconds spent seeding in this run (0 when the database was reused as it was). */
  seededSeconds: number;
  stop(): Promise<void>;
}

/** Kept as the database's comment, so it survives with the data and needs no table of its own. */
export interface SeedMarker {
  users: number;
  steps: string[];
  /** Set while a step runs: a marker that still has it after a crash means half-seeded data. */
  running: string | null;
}

export interface BenchDatabaseOptions {
  users: number;
  steps: SeedStep[];
  /** A PostgreSQL URL to use instead of the bench's own embedded cluster. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  reseed: boolean;
  log: (line: string) => void;
  /** The database's name in the embedded cluster. @default `spotter_bench_<users>` */
  database?: string;
  /** Take today's board snapshot before returning, so the server finds it taken. @default true */
  rank?: boolean;
}

const MARKER_PREFIX = 'spotter-bench-seed ';

/**
 * The embedded cluster keeps one database per scale (spotter_bench_100000, …), so a quick small run
 * never throws away the big one. A database is reused when its marker shows every current seed step;
 * steps added since (a merged branch's new seed step) run on top of it, in order.
 */
export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const database = options.database ?? `spotter_bench_${options.users}`;
  let url: string;
  let stopCluster = async () => {};
  if (options.databaseUrl) {
    url = options.databaseUrl;
  } else {
    const cluster = await startEmbedded({
      dataDir: options.dataDir,
      port: options.port,
      database,
      // Room for the bulk seed; durability stays at the defaults so the write figures are honest.
      settings: {
        shared_buffers: '512MB',
        work_mem: '32MB',
        maintenance_work_mem: '512MB',
        max_wal_size: '4GB',
        // Planning and execution time per statement, for the reports (measured the same for every peer).
        shared_preload_libraries: 'pg_stat_statements',
        'pg_stat_statements.track_planning': 'on',
      },
    });
    url = cluster.url;
    stopCluster = () => cluster.stop();
  }

  let marker = await readMarker(url);
  const interrupted = marker?.running != null;
  if (options.reseed || interrupted) {
    if (options.databaseUrl) {
      throw new Error(
        interrupted
          ? `The seed of ${url} was interrupted during "${marker?.running}"; recreate that database and run again.`
          : '--reseed only works on the embedded bench cluster; recreate the DATABASE_URL database yourself.',
      );
    }
    options.log(interrupted ? `Seed was interrupted (${marker?.running}): reseeding.` : 'Reseeding as asked.');
    await recreate(url, database);
    marker = null;
  }

  let sql = createSql(url);
  await prepareDatabase(url, sql);
  if (!marker) {
    const [{ users }] = await sql<[{ users: number }]>`/* bench:userCount */ select count(*)::int as users from users`;
    if (users > 0) {
      await sql.end();
      await stopCluster();
      throw new Error(`${url} already holds ${users} users that the bench did not seed; give it an empty database.`);
    }
    marker = { users: options.users, steps: [], running: null };
  }

  const labels = options.steps.map((step) => step.label);
  // A step added in the middle of the list (walks and runs before activity) runs on top, like one added
  // at the end: only a step the list no longer has makes the data something the seed would not make.
  const known = marker.steps.every((label) => labels.includes(label));
  if (!known) {
    if (options.databaseUrl) throw new Error(`Seed steps changed (${marker.steps} vs ${labels}); reseed.`);
    options.log(`Seed steps changed (${marker.steps.join(', ')} → ${labels.join(', ')}): reseeding.`);
    await sql.end();
    await recreate(url, database);
    sql = createSql(url);
    await prepareDatabase(url, sql);
    marker = { users: options.users, steps: [], running: null };
  }

  const missing = options.steps.filter((step) => !marker!.steps.includes(step.label));
  const started = performance.now();
  if (missing.length > 0) {
    options.log(
      `Seeding ${marker.users.toLocaleString('en')} users: ${missing.map((step) => step.label).join(', ')}` +
        (marker.steps.length ? ` (already there: ${marker.steps.join(', ')})` : ''),
    );
    for (const step of missing) {
      await writeMarker(sql, { ...marker, running: step.label });
      await seedAtScale(sql, { users: marker.users }, [step]);
      marker = { ...marker, steps: [...marker.steps, step.label], running: null };
      await writeMarker(sql, marker);
    }
  } else {
    options.log(
      `Reusing the seeded database (${marker.users.toLocaleString('en')} users: ${marker.steps.join(', ')}).`,
    );
  }

  // Today's previousRank snapshot, taken before the server starts so that it does not run under the
  // measurements (the server's board keeper finds it done).
  if (options.rank ?? true) await takeDaySnapshot(sql, new Date());

  return {
    url,
    sql,
    embedded: !options.databaseUrl,
    seed: marker,
    seededSeconds: (performance.now() - started) / 1000,
    async stop() {
      await sql.end({ timeout: 5 });
      await stopCluster();
    },
  };
}

async function readMarker(url: string): Promise<SeedMarker | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ comment: string | null }[]>`/* bench:readMarker */
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()`;
    const comment = row?.comment;
    return comment?.startsWith(MARKER_PREFIX) ? (JSON.parse(comment.slice(MARKER_PREFIX.length)) as SeedMarker) : null;
  } finally {
    await sql.end();
  }
}

async function writeMarker(sql: Sql, marker: SeedMarker): Promise<void> {
  const [{ name }] = await sql<[{ name: string }]>`select current_database() as name`;
  await sql.unsafe(`comment on database "${name}" is '${MARKER_PREFIX}${JSON.stringify(marker).replace(/'/g, "''")}'`);
}

async function recreate(url: string, database: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
}
