import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Country codes compared byte by byte: the refresh sorts and indexes them on every run, and a
 * locale-aware collation only makes that slower for two ASCII letters.
 */
const countryCode = customType<{ data: string }>({ dataType: () => 'char(2) collate "C"' });

export const leaderboardKind = pgEnum('leaderboard_kind', ['XP_ALL_TIME', 'VOLUME_THIS_WEEK']);
export type LeaderboardKind = (typeof leaderboardKind.enumValues)[number];

/**
 * The last refresh's rankings: one row per listed user and kind. src/jobs/leaderboards.ts builds a
 * new copy of this table (LIKE it, indexes replayed from pg_indexes after the load) and swaps it in,
 * so keep it to plain indexes: no primary key, no foreign keys, nothing else refers to it.
 * No foreign key to users: reads join the live users row anyway, to leave out users who went ghost
 * since the refresh, so a deleted user simply stops showing.
 */
export const leaderboardEntries = pgTable(
  'leaderboard_entries',
  {
    kind: leaderboardKind().notNull(),
    userId: bigint({ mode: 'number' }).notNull(),
    country: countryCode(),
    score: doublePrecision().notNull(),
    rank: integer().notNull(),
    countryRank: integer(),
  },
  (t) => [
    uniqueIndex('leaderboard_entries_user_idx').on(t.kind, t.userId),
    // Pages read score desc, user_id desc (a cursor survives a refresh); DESC NULLS LAST like every
    // descending key, because src/loaders/keyset-pages.ts orders that way and a mismatch means a full sort.
    index('leaderboard_entries_global_idx').on(t.kind, t.score.desc(), t.userId.desc()),
    index('leaderboard_entries_country_idx')
      .on(t.kind, t.country, t.score.desc(), t.userId.desc())
      .where(sql`${t.country} is not null`),
    check('leaderboard_entries_country_rank', sql`(${t.country} is null) = (${t.countryRank} is null)`),
  ],
);

/** When each kind was last computed, and for which week; `generation` counts the refreshes. */
export const leaderboardRefreshes = pgTable('leaderboard_refreshes', {
  kind: leaderboardKind().primaryKey(),
  refreshedAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
  weekStart: timestamp({ withTimezone: true, precision: 6 }).notNull(),
  durationMs: integer().notNull(),
  entryCount: integer().notNull(),
  generation: bigint({ mode: 'number' }).notNull(),
});
