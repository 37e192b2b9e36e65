import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { type App, type AppDeps, createApp } from '../../src/app';
import { type Config, loadConfig } from '../../src/config';
import { createSql, type Sql } from '../../src/db/client';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256';

export function databaseUrl(database: string): string {
  const parsed = new URL(inject('adminUrl'));
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  sql: Sql;
  config: Config;
  app: App;
}

/** Clones the migrated template into a database of this test file's own, dropped afterwards. */
export async function createTestDatabase(
  app: Partial<AppDeps> = {},
  /** Extra environment for the app's config, e.g. `{ SPOTTER_SLOW_STATEMENT_MS: '0' }`. */
  env: NodeJS.ProcessEnv = {},
): Promise<TestDatabase> {
  const name = `spotter_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(inject('adminUrl'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
  await admin.end();
  const url = databaseUrl(name);
  const sql = createSql(url, { max: 20 });
  // SPOTTER_GRAPHQL_JIT=off runs the suite on graphql-js; by default it runs compiled, as deployed.
  const config = loadConfig({
    DATABASE_URL: url,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    SPOTTER_GRAPHQL_JIT: process.env.SPOTTER_GRAPHQL_JIT,
    LOG_LEVEL: 'error',
    ...env,
  });
  const server = createApp({ sql, config, ...app });
  // As npm start does: no test writes before today's board snapshot (previousRank) is taken.
  await server.services.leaderboards.ready;
  return { name, url, sql, config, app: server };
}

export async function dropTestDatabase(db: TestDatabase): Promise<void> {
  await db.app.close();
  await db.sql.end({ timeout: 5 });
  const admin = postgres(inject('adminUrl'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${db.name} with (force)`);
  await admin.end();
}

/** A database for the calling test file: created before its tests, dropped after them. */
export function useTestDatabase(app: Partial<AppDeps> = {}, env: NodeJS.ProcessEnv = {}): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(handle, await createTestDatabase(app, env));
  });
  afterAll(async () => {
    await dropTestDatabase(handle);
  });
  return handle;
}
