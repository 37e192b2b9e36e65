import { bigint, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * An identity-provider account (its `iss` and `sub`) linked to the user it signs in as. One user per
 * identity (the key) and one identity per user (the unique index): two racing sign-ups of one identity
 * cannot both link. The link goes with its user.
 */
export const identities = pgTable(
  'identities',
  {
    issuer: text().notNull(),
    subject: text().notNull(),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'identities_pkey', columns: [t.issuer, t.subject] }),
    uniqueIndex('identities_user_id_key').on(t.userId),
  ],
);

/**
 * When an identity's account was deleted: its tokens issued until then are refused (HTTP 401), a token
 * issued later may sign up again. Written by tg_identities__revoke (drizzle/0030) as the link goes.
 */
export const identityRevocations = pgTable(
  'identity_revocations',
  {
    issuer: text().notNull(),
    subject: text().notNull(),
    revokedAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'identity_revocations_pkey', columns: [t.issuer, t.subject] })],
);
