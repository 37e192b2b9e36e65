import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { loadConfig } from '../config';
import { createSql } from '../db/client';
import { startDatabase } from '../db/database';
import { migrateDatabase } from '../db/migrate';
import { dumpSchema } from '../db/schema-dump';

// `npm run db:dump`: migrates a scratch database from nothing and writes its schema to drizzle/schema.sql.
const target = fileURLToPath(new URL('../../drizzle/schema.sql', import.meta.url));
const database = await startDatabase(loadConfig());
const scratch = `spotter_schema_dump_${process.pid}`;
const admin = postgres(database.url, { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`create database ${scratch}`);
  const url = new URL(database.url);
  url.pathname = `/${scratch}`;
  await migrateDatabase(url.toString());
  const sql = createSql(url.toString(), { max: 1 });
  try {
    await writeFile(target, await dumpSchema(sql));
  } finally {
    await sql.end({ timeout: 5 });
  }
  console.log(`Wrote ${target}`);
} finally {
  await admin.unsafe(`drop database if exists ${scratch} with (force)`);
  await admin.end();
  await database.stop();
}
