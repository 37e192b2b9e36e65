import DataLoader from 'dataloader';
import type { Sql } from '../db/client';

/** What the database says of an identity: its user, or when its last account was deleted. */
export interface IdentityLink {
  /** The user this identity signs in as; null before `createAccount`. */
  userId: number | null;
  /** Seconds since the epoch when its account was deleted; tokens issued until then are refused. */
  revokedAt: number | null;
}

const keyOf = (issuer: string, subject: string) => JSON.stringify([issuer, subject]);

/**
 * Which user an identity-provider account signs in as, answered from memory after the first
 * request of each linked identity, like the known-user check. An identity without an account is asked
 * again each time (it is signing up, which takes a few requests), so a link made by another process
 * is found. A deleted account's link must be forgotten on every process (`forget`, wired in src/app.ts
 * to deleteAccount's NOTIFY, and `clear` when the LISTEN connection came back after a drop), or this
 * process would keep signing its identity in as a user that no longer exists. The most recently linked
 * `capacity` identities are kept.
 */
export function createIdentities(
  sql: Sql,
  options: {
    /** Resolves once this process hears account deletions; until then (or when it fails) nothing is cached. */
    hearingDeletions: () => Promise<void>;
    capacity?: number;
  },
) {
  const capacity = options.capacity ?? 200_000;
  const userByKey = new Map<string, number>();
  const keyByUser = new Map<number, string>();
  // Bumped by each `forget`: a lookup that was in flight across one may have read a link that is gone.
  let forgets = 0;
  // Not cached: concurrent first requests share one statement, and the Maps are the cache.
  const lookup = new DataLoader<string, IdentityLink>(
    async (keys) => {
      const pairs = keys.map((key) => JSON.parse(key) as [string, string]);
      const rows = await sql<{ issuer: string; subject: string; userId: number | null; revokedAt: number | null }[]>`
        /* auth:identityLinks */
        select k.issuer, k.subject, i.user_id, extract(epoch from r.revoked_at)::float8 as revoked_at
          from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as k(issuer, subject)
          left join identities i on i.issuer = k.issuer and i.subject = k.subject
          left join identity_revocations r on r.issuer = k.issuer and r.subject = k.subject`;
      const found = new Map(rows.map((row) => [keyOf(row.issuer, row.subject), row]));
      return keys.map((key) => {
        const row = found.get(key);
        return { userId: row?.userId ?? null, revokedAt: row?.revokedAt ?? null };
      });
    },
    { cache: false },
  );

  function remember(key: string, userId: number) {
    if (userByKey.size >= capacity) {
      const [oldestKey, oldestUser] = userByKey.entries().next().value!;
      userByKey.delete(oldestKey);
      keyByUser.delete(oldestUser);
    }
    userByKey.set(key, userId);
    keyByUser.set(userId, key);
  }

  return {
    async find(issuer: string, subject: string): Promise<IdentityLink> {
      const key = keyOf(issuer, subject);
      const userId = userByKey.get(key);
      if (userId !== undefined) return { userId, revokedAt: null };
      const hearing = await options.hearingDeletions().then(
        () => true,
        () => false,
      );
      const before = forgets;
      const link = await lookup.load(key);
      if (link.userId !== null && forgets === before && hearing) remember(key, link.userId);
      return link;
    },
    /** After `createAccount` committed the link. */
    linked(issuer: string, subject: string, userId: number): void {
      remember(keyOf(issuer, subject), userId);
    },
    /** Drops the user's identity, if this process knows it: call it on every process when an account is deleted. */
    forget(userId: number): void {
      forgets += 1;
      const key = keyByUser.get(userId);
      if (key === undefined) return;
      keyByUser.delete(userId);
      userByKey.delete(key);
    },
    clear(): void {
      forgets += 1;
      keyByUser.clear();
      userByKey.clear();
    },
  };
}

export type Identities = ReturnType<typeof createIdentities>;
