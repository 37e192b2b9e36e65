import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Who sees a workout besides its owner, in widening order: the enum's order is what the visibility
 * predicate compares (`src/db/visibility.ts`), so EVERYONE < FOLLOWERS < ONLY_ME must stay.
 */
export const workoutVisibility = pgEnum('workout_visibility', ['EVERYONE', 'FOLLOWERS', 'ONLY_ME']);
export type WorkoutVisibility = (typeof workoutVisibility.enumValues)[number];

export const users = pgTable(
  'users',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull(),
    displayName: text().notNull(),
    country: char({ length: 2 }),
    ghostMode: boolean().notNull().default(false),
    leaderboardOptIn: boolean().notNull().default(true),
    xp: integer().notNull().default(0),
    level: integer().notNull().generatedAlwaysAs(sql`(floor(sqrt(xp / 100.0)) + 1)::integer`),
    workoutCount: integer().notNull().default(0),
    followerCount: integer().notNull().default(0),
    followingCount: integer().notNull().default(0),
    // Kept by tg_activity_events__latest: lets the feed's first page read only the followees who can
    // be on it (drizzle/0011_feed_latest_activity.sql).
    lastPublicActivityAt: timestamp({ withTimezone: true, precision: 6 }),
    /** What logWorkout gives a workout logged without a visibility. */
    defaultWorkoutVisibility: workoutVisibility().notNull().default('EVERYONE'),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    /**
     * Set on the tombstone deleteAccount leaves for a deleted user's messages: such a row is no user
     * to sign in as, follow or find (src/domain/accounts.ts).
     */
    deletedAt: timestamp({ withTimezone: true, precision: 6 }),
  },
  (t) => [
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    index('users_username_prefix_idx').on(sql`lower(${t.username}) text_pattern_ops`),
    index('users_display_name_prefix_idx').on(sql`lower(${t.displayName}) text_pattern_ops`),
    // Only deleted accounts' tombstones: the check of every act between two users (refuse_across_block)
    // and of every notification asks whether one is a tombstone, a lookup in a few pages, not in users.
    index('users_tombstones_idx').on(t.id).where(sql`${t.deletedAt} is not null`),
    // A tombstone's name cannot be anyone's: `-` is in no username a person can choose.
    check(
      'users_username_format',
      sql`${t.username} ~ '^[A-Za-z0-9_.]{3,30}$' or (${t.deletedAt} is not null and ${t.username} ~ '^deleted-[0-9]+$')`,
    ),
    check('users_display_name_length', sql`char_length(${t.displayName}) between 1 and 50`),
    check('users_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check(
      'users_counters_non_negative',
      sql`${t.xp} >= 0 and ${t.workoutCount} >= 0 and ${t.followerCount} >= 0 and ${t.followingCount} >= 0`,
    ),
  ],
);

export const follows = pgTable(
  'follows',
  {
    followerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followeeId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'follows_pkey', columns: [t.followerId, t.followeeId] }),
    check('follows_no_self', sql`${t.followerId} <> ${t.followeeId}`),
    index('follows_followers_idx').on(t.followeeId, t.createdAt.desc(), t.followerId.desc()),
    index('follows_following_idx').on(t.followerId, t.createdAt.desc(), t.followeeId.desc()),
  ],
);

/**
 * blocker_id has blocked blocked_id. While the row exists the two are strangers both ways: no follow
 * between them (blocking removes both), none of the other's workouts, and every act the block forbids
 * is refused by the database (refuse_across_block, drizzle/0025).
 */
export const blocks = pgTable(
  'blocks',
  {
    blockerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    // The visibility predicate probes (owner, viewer) and (viewer, owner) by this key.
    primaryKey({ name: 'blocks_pkey', columns: [t.blockerId, t.blockedId] }),
    check('blocks_no_self', sql`${t.blockerId} <> ${t.blockedId}`),
    // User.blockedUsers: most recent block first.
    index('blocks_by_blocker_idx').on(t.blockerId, t.createdAt.desc(), t.blockedId.desc()),
    // The blocked_id foreign key's cascade.
    index('blocks_blocked_idx').on(t.blockedId),
  ],
);
