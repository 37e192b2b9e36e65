import { afterAll } from 'vitest';
import { createApp } from '../../src/app';
import { createSql } from '../../src/db/client';
import type { TestDatabase } from '../setup/db';

/**
 * A second server process for LISTEN/NOTIFY purposes: its own app and its own pool on the same
 * database, created on first use and closed after the file's tests. `onQuery` sees its statements. A
 * file that creates its database in `beforeAll` passes a function that returns it.
 */
export function useSecondProcess(
  database: TestDatabase | (() => TestDatabase),
  onQuery?: (query: string) => void,
): () => TestDatabase {
  let second: TestDatabase | null = null;
  afterAll(async () => {
    if (!second) return;
    await second.app.close();
    await second.sql.end({ timeout: 5 });
  });
  return () => {
    if (!second) {
      const db = typeof database === 'function' ? database() : database;
      const sql = createSql(db.url, { max: 5, ...(onQuery ? { onQuery } : {}) });
      second = { ...db, sql, app: createApp({ sql, config: db.config }) };
    }
    return second;
  };
}
