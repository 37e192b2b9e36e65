import type { Config } from '../config';
import { loadConfig } from '../config';
import { createSql, type Sql } from '../db/client';
import { startDatabase } from '../db/database';
import { prepareDatabase } from '../db/prepare';

/** Runs a command against the configured database (embedded or DATABASE_URL), migrated first. */
export async function withDatabase<T>(work: (sql: Sql, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await startDatabase(config);
  const sql = createSql(database.url);
  try {
    await prepareDatabase(database.url, sql);
    return await work(sql, config);
  } finally {
    await sql.end({ timeout: 5 });
    await database.stop();
  }
}
