import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createSql } from '../../src/db/client';
import { type RunningDatabase, startEmbedded } from '../../src/db/database';
import { prepareDatabase } from '../../src/db/prepare';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL to the server's maintenance database, for CREATE DATABASE … TEMPLATE. */
    adminUrl: string;
    templateDatabase: string;
  }
}

export const TEMPLATE = 'spotter_test_template';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Starts embedded PostgreSQL (or uses DATABASE_URL) and migrates one template database. */
export default async function setup(project: TestProject) {
  let cluster: RunningDatabase | null = null;
  let dataDir: string | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'spotter-test-pg-'));
    const port = 55000 + Math.floor(Math.random() * 5000);
    cluster = await startEmbedded({
      dataDir,
      port,
      database: 'postgres',
      // A throwaway cluster: durability buys nothing here and costs seconds.
      // pg_stat_statements loaded (the db:report test creates it in its own database).
      settings: {
        fsync: 'off',
        synchronous_commit: 'off',
        full_page_writes: 'off',
        shared_preload_libraries: 'pg_stat_statements',
      },
    });
    adminUrl = cluster.url;
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE}`);
  await admin.unsafe(`create database ${TEMPLATE}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE);
  const sql = createSql(templateUrl, { max: 1 });
  await prepareDatabase(templateUrl, sql);
  await sql.end();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE);

  return async () => {
    if (cluster) await cluster.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
