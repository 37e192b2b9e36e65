import type { Sql } from '../db/client';
import { createAccountCache } from './account-cache';

/**
 * Whether a token's subject is a user (a deleted account's tombstone is not), answered from memory
 * after the first request of each user (src/auth/account-cache.ts says how it is kept and forgotten).
 */
export function createKnownUsers(sql: Sql, options: { hearingDeletions: () => Promise<void>; capacity?: number }) {
  const cache = createAccountCache<number | null>({
    ...options,
    async load(keys) {
      const rows = await sql<{ id: number }[]>`/* auth:usersExist */
        select id from users where id = any(${keys.map(Number)}::bigint[]) and deleted_at is null`;
      const found = new Set(rows.map((row) => row.id));
      return keys.map((key) => (found.has(Number(key)) ? Number(key) : null));
    },
    userOf: (id) => id,
  });
  return {
    async exists(id: number): Promise<boolean> {
      return (await cache.get(String(id))) !== null;
    },
    forget: cache.forget,
    clear: cache.clear,
  };
}

export type KnownUsers = ReturnType<typeof createKnownUsers>;
