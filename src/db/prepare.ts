import type { Sql } from './client';
import { migrateDatabase } from './migrate';
import { syncCatalogue } from './reference-data';

/** Everything a database needs before the server answers: the schema and the reference data. */
export async function prepareDatabase(url: string, sql: Sql): Promise<void> {
  await migrateDatabase(url);
  await syncCatalogue(sql);
}
