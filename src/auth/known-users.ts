import DataLoader from 'dataloader';
import type { Sql } from '../db/client';

/**
 * Whether a token's subject is a user, answered from memory after the first request of each user.
 * Users are never deleted through the API, so once found an id stays a user for the life of the
 * process; a row deleted by hand is still refused by every write (foreign keys) and reads as null.
 * Unknown ids are asked again each time, so a user created after a miss is found. The most recently
 * verified `capacity` ids are kept (a Set in insertion order, oldest evicted first).
 */
export function createKnownUsers(sql: Sql, capacity = 200_000) {
  const known = new Set<number>();
  // Not cached: concurrent first requests share one statement, and the Set is the cache.
  const lookup = new DataLoader<number, boolean>(
    async (ids) => {
      const rows = await sql<{ id: number }[]>`/* auth:usersExist */
        select id from users where id = any(${ids as number[]}::bigint[])`;
      const found = new Set(rows.map((row) => row.id));
      return ids.map((id) => found.has(id));
    },
    { cache: false },
  );
  return {
    async exists(id: number): Promise<boolean> {
      if (known.has(id)) return true;
      if (!(await lookup.load(id))) return false;
      if (known.size >= capacity) known.delete(known.values().next().value!);
      known.add(id);
      return true;
    },
  };
}

export type KnownUsers = ReturnType<typeof createKnownUsers>;
