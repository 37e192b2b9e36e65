import type { Sql } from '../db/client';
import { createAccountCache } from './account-cache';

/** What the database says of an identity: its user, or when its last account was deleted. */
export interface IdentityLink {
  /** The user this identity signs in as; null before `createAccount`. */
  userId: number | null;
  /** Seconds since the epoch when its account was deleted; tokens issued until then are refused. */
  revokedAt: number | null;
}

const keyOf = (issuer: string, subject: string) => JSON.stringify([issuer, subject]);

/**
 * Which user an identity-provider account signs in as, answered from memory after the first request
 * of each linked identity (src/auth/account-cache.ts says how it is kept and forgotten). An identity
 * without an account is asked again each time: it is signing up, which takes a few requests, and a
 * link made by another process is found.
 */
export function createIdentities(sql: Sql, options: { hearingDeletions: () => Promise<void>; capacity?: number }) {
  const cache = createAccountCache<IdentityLink>({
    ...options,
    async load(keys) {
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
    userOf: (link) => link.userId,
  });
  return {
    find: (issuer: string, subject: string): Promise<IdentityLink> => cache.get(keyOf(issuer, subject)),
    /** After `createAccount` committed the link. */
    linked(issuer: string, subject: string, userId: number): void {
      cache.keep(keyOf(issuer, subject), { userId, revokedAt: null });
    },
    forget: cache.forget,
    clear: cache.clear,
  };
}

export type Identities = ReturnType<typeof createIdentities>;
