import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Country codes compared byte by byte: two ASCII letters gain nothing from a locale-aware collation. */
const countryCode = customType<{ data: string }>({ dataType: () => 'char(2) collate "C"' });

/** Every kind of board: the two LeaderboardKinds and the per-exercise boards of exerciseLeaderboard. */
export const boardKind = pgEnum('board_kind', ['XP_ALL_TIME', 'VOLUME_THIS_WEEK', 'EXERCISE_ONE_REP_MAX']);
export type BoardKind = (typeof boardKind.enumValues)[number];
/** The boards `leaderboard(kind:)` names. */
export type LeaderboardKind = Exclude<BoardKind, 'EXERCISE_ONE_REP_MAX'>;

/**
 * One row per listed user on each board, kept by triggers in the writing transaction
 * (drizzle/0022_live_boards.sql). `ref` names the board within its kind: 0 for XP_ALL_TIME, the
 * week's Monday as days since 1970-01-01 for VOLUME_THIS_WEEK, the exercise id for exercise boards.
 * A user in ghost mode or opted out has no rows at all, so a page is a plain index range.
 */
export const boardEntries = pgTable(
  'board_entries',
  {
    board: boardKind().notNull(),
    ref: integer().notNull(),
    // No foreign key: a deleted user's entries go through boards_put() like every change, so that
    // their histogram counts go with them.
    userId: bigint({ mode: 'number' }).notNull(),
    country: countryCode(),
    score: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ name: 'board_entries_pkey', columns: [t.board, t.ref, t.userId] }),
    // Pages read score desc, user_id desc; DESC NULLS LAST like every descending key, because
    // src/loaders/keyset-pages.ts orders that way and a mismatch means a full sort.
    index('board_entries_order_idx').on(t.board, t.ref, t.score.desc(), t.userId.desc()),
    index('board_entries_country_idx')
      .on(t.board, t.ref, t.country, t.score.desc(), t.userId.desc())
      .where(sql`${t.country} is not null`),
  ],
);

/**
 * Each board's score histogram: how many entries fall in each bucket (board_bucket(score)), for the
 * whole board (`country` '') and for each country. A rank is the sum of the buckets above a score plus
 * a short index range inside its own bucket. Written only by the fold (boards_fold()), so writers never
 * contend on these rows.
 */
export const boardBuckets = pgTable(
  'board_buckets',
  {
    board: boardKind().notNull(),
    ref: integer().notNull(),
    country: text().notNull(),
    bucket: integer().notNull(),
    entries: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'board_buckets_pkey', columns: [t.board, t.ref, t.country, t.bucket] })],
);

/**
 * Entry moves not yet folded into board_buckets, appended by the writing transaction: a null `from`
 * side is an entry added, a null `to` side an entry removed. Readers add them to the histogram, so a
 * rank is exact at every snapshot whether or not the fold has run.
 */
export const boardDeltas = pgTable(
  'board_deltas',
  {
    board: boardKind().notNull(),
    ref: integer().notNull(),
    fromCountry: countryCode(),
    fromBucket: integer(),
    toCountry: countryCode(),
    toBucket: integer(),
  },
  (t) => [index('board_deltas_board_idx').on(t.board, t.ref)],
);

/**
 * Every board's ranks at the start of the current UTC day, for previousRank. Built by the daily
 * snapshot (src/jobs/boards.ts) into a fresh table and swapped in, so keep it to plain indexes.
 */
export const boardDayRanks = pgTable(
  'board_day_ranks',
  {
    board: boardKind().notNull(),
    ref: integer().notNull(),
    userId: bigint({ mode: 'number' }).notNull(),
    rank: integer().notNull(),
    countryRank: integer(),
  },
  (t) => [primaryKey({ name: 'board_day_ranks_pkey', columns: [t.board, t.ref, t.userId] })],
);

/**
 * The boards' bookkeeping, one row: the first week whose VOLUME_THIS_WEEK board is kept (older weeks
 * are dropped, so the table holds about two weeks of volume boards), and the UTC day board_day_ranks
 * describes.
 */
export const boardState = pgTable('board_state', {
  id: integer().primaryKey().default(1),
  volumeFromRef: integer().notNull(),
  snapshotDay: date({ mode: 'string' }),
  snapshotTakenAt: timestamp({ withTimezone: true, precision: 6 }),
  snapshotMs: integer(),
});
