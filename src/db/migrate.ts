import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { createDb } from './client';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

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
