import type { Config } from '../config';
import { loadConfig } from '../config';
import { createSql, type Sql } from '../db/client';
import { startDatabase } from '../db/database';
import { migrationStatus } from '../db/migrate';
import { prepareDatabase } from '../db/prepare';

/** Stops a command with a message for the user and an exit code, without a stack trace. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * Runs a command against the configured database (embedded or DATABASE_URL). Commands that write
 * migrate it first (`apply`); commands that read only check that it is migrated (`require`:
 * migrating is the server's and `npm run migrate`'s job) and stop with a CommandError when it is
 * not; `skip` reads any database as it is.
 */
export async function withDatabase<T>(
  work: (sql: Sql, config: Config) => Promise<T>,
  options: { migrations?: 'apply' | 'require' | 'skip' } = {},
): Promise<T> {
  const migrations = options.migrations ?? 'apply';
  const config = loadConfig();
  const database = await startDatabase(config);
  const sql = createSql(database.url);
  try {
    if (migrations === 'require') {
      const status = await migrationStatus(sql);
      if (status.pending.length > 0) {
        throw new CommandError(
          status.pending.length === status.total
            ? 'The database is not migrated yet: run `npm run migrate` (or start the server once with `npm start`).'
            : `The database is ${status.pending.length} migration(s) behind (${status.pending.join(', ')}): run \`npm run migrate\`.`,
          3,
        );
      }
    } else if (migrations === 'apply') {
      await prepareDatabase(database.url, sql);
    }
    return await work(sql, config);
  } finally {
    await sql.end({ timeout: 5 });
    await database.stop();
  }
}
