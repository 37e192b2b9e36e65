import DataLoader from 'dataloader';
import type { Sql } from '../db/client';

/**
 * Whether a token's subject is a user, answered from memory after the first request of each user.
 * A deleted account is forgotten by every process: deleteAccount's NOTIFY reaches each process's
 * pubsub, which calls `forget` (wired in src/app.ts), and `clear` when the LISTEN connection came back
 * after a drop (a deletion may have been missed). A deleted account's tombstone is no user.
 * Unknown ids are asked again each time, so a user created after a miss is found. The most recently
 * verified `capacity` ids are kept (a Set in insertion order, oldest evicted first).
 */
export function createKnownUsers(
  sql: Sql,
  options: {
    /** Resolves once this process hears account deletions; until then (or when it fails) nothing is cached. */
    hearingDeletions: () => Promise<void>;
    capacity?: number;
  },
) {
  const capacity = options.capacity ?? 200_000;
  const known = new Set<number>();
  // Bumped by every forget: a lookup that started before a deletion was heard must not cache its answer.
  let epoch = 0;
  // Not cached: concurrent first requests share one statement, and the Set is the cache.
  const lookup = new DataLoader<number, boolean>(
    async (ids) => {
      const rows = await sql<{ id: number }[]>`/* auth:usersExist */
        select id from users where id = any(${ids as number[]}::bigint[]) and deleted_at is null`;
      const found = new Set(rows.map((row) => row.id));
      return ids.map((id) => found.has(id));
    },
    { cache: false },
  );
  return {
    async exists(id: number): Promise<boolean> {
      if (known.has(id)) return true;
      const hearing = await options.hearingDeletions().then(
        () => true,
        () => false,
      );
      const started = epoch;
      if (!(await lookup.load(id))) return false;
      if (started !== epoch || !hearing) return true;
      if (known.size >= capacity) known.delete(known.values().next().value!);
      known.add(id);
      return true;
    },
    forget(id: number): void {
      epoch += 1;
      known.delete(id);
    },
    clear(): void {
      epoch += 1;
      known.clear();
    },
  };
}

export type KnownUsers = ReturnType<typeof createKnownUsers>;
