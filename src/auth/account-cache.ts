import DataLoader from 'dataloader';

/**
 * What a token's check asks of the database (is this id a user? which user is this identity?),
 * answered from memory after the first request of each account. Concurrent misses share one batched
 * statement. An answer that names a user is kept; any other is asked again next time (a user created
 * or linked after the miss is found). A deleted account must be forgotten on every process (`forget`,
 * wired in src/app.ts to deleteAccount's NOTIFY; `clear` when the LISTEN connection came back after a
 * drop, since a deletion may have been missed), so nothing is kept until this process hears deletions,
 * and a lookup that was in flight across a forget does not keep what it read. The most recently kept
 * `capacity` answers stay (a Map iterates in insertion order, oldest evicted first).
 */
export function createAccountCache<V>(options: {
  load: (keys: readonly string[]) => Promise<V[]>;
  /** The user an answer names, or null: then it is not kept. */
  userOf: (value: V) => number | null;
  /** Resolves once this process hears account deletions; until then (or when it fails) nothing is kept. */
  hearingDeletions: () => Promise<void>;
  capacity?: number;
}) {
  const capacity = options.capacity ?? 200_000;
  const byKey = new Map<string, V>();
  const keyByUser = new Map<number, string>();
  // Bumped by every forget and clear.
  let epoch = 0;
  // Not cached: concurrent first requests share one statement, and the Maps are the cache.
  const lookup = new DataLoader<string, V>((keys) => options.load(keys), { cache: false });

  function keep(key: string, value: V, userId: number) {
    if (byKey.size >= capacity) {
      const oldest = byKey.keys().next().value!;
      const oldestUser = options.userOf(byKey.get(oldest)!);
      byKey.delete(oldest);
      if (oldestUser !== null) keyByUser.delete(oldestUser);
    }
    byKey.set(key, value);
    keyByUser.set(userId, key);
  }

  return {
    async get(key: string): Promise<V> {
      const kept = byKey.get(key);
      if (kept !== undefined) return kept;
      const hearing = await options.hearingDeletions().then(
        () => true,
        () => false,
      );
      const started = epoch;
      const value = await lookup.load(key);
      const userId = options.userOf(value);
      if (userId !== null && hearing && started === epoch) keep(key, value, userId);
      return value;
    },
    /** An answer this process made itself (a link `createAccount` committed). */
    keep(key: string, value: V): void {
      const userId = options.userOf(value);
      if (userId !== null) keep(key, value, userId);
    },
    forget(userId: number): void {
      epoch += 1;
      const key = keyByUser.get(userId);
      if (key === undefined) return;
      keyByUser.delete(userId);
      byKey.delete(key);
    },
    clear(): void {
      epoch += 1;
      byKey.clear();
      keyByUser.clear();
    },
  };
}

/** Both caches forget a deleted account: its user id, and the identity that signed in as it. */
export function forgetAccount(
  caches: { knownUsers: { forget(userId: number): void }; identities: { forget(userId: number): void } },
  userId: number,
): void {
  caches.knownUsers.forget(userId);
  caches.identities.forget(userId);
}
