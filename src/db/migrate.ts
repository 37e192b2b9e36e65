import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { createDb } from './client';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface MigrationStatus {
  /** Migrations in drizzle/, in order. */
  total: number;
  /** Those not applied to this database yet, by tag (`0012_x`). */
  pending: string[];
}

/**
 * Which migrations of drizzle/ a database still lacks, read without writing anything: drizzle's
 * migrator applies every migration newer than the last `created_at` it recorded (the journal's `when`).
 */
export async function migrationStatus(sql: postgres.Sql<any>): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const [table] =
    await sql`/* migrations:exists */ select to_regclass('drizzle.__drizzle_migrations') is not null as present`;
  let lastApplied = -1;
  if (table?.present) {
    const [row] = await sql`/* migrations:last */
      select coalesce(max(created_at), -1)::float8 as last from drizzle.__drizzle_migrations`;
    lastApplied = Number(row?.last ?? -1);
  }
  return {
    total: journal.entries.length,
    pending: journal.entries.filter((entry) => entry.when > lastApplied).map((entry) => entry.tag),
  };
}

/** Applies every pending migration in drizzle/ in one transaction; already applied ones are skipped. */
export async function migrateDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Two processes starting at once would both try the same migration; one waits for the other.
    await sql`select pg_advisory_lock(hashtext('spotter:migrate'))`;
    await migrate(createDb(sql as never), { migrationsFolder });
  } finally {
    await sql.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startDatabase } = await import('./database');
  const { loadConfig } = await import('../config');
  const database = await startDatabase(loadConfig());
  try {
    await migrateDatabase(database.url);
    console.log('Migrations applied.');
  } finally {
    await database.stop();
  }
}
