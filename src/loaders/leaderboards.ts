import type { Sql } from '../db/client';
import type { UserRow } from '../db/rows';
import type { LeaderboardKind, leaderboardRefreshes } from '../db/schema';
import type { ConnectionArgs } from '../pagination';
import { byKey, loader, loaderPerArgs } from './factory';
import { keysetPage } from './keyset-pages';

export type LeaderboardRefreshRow = typeof leaderboardRefreshes.$inferSelect;

export interface RankRow {
  userId: number;
  rank: number;
  score: number;
}

/** Leaves out users who turned on ghost mode or opted out since the rankings were computed. */
const LISTED = 'not u.ghost_mode and u.leaderboard_opt_in';

export function leaderboardLoaders(sql: Sql) {
  const leaderboardRefreshByKind = loader<LeaderboardKind, LeaderboardRefreshRow | null>(async (kinds) => {
    const rows = await sql<LeaderboardRefreshRow[]>`/* loader:leaderboardRefreshByKind */
      select * from leaderboard_refreshes where kind = any(${kinds as LeaderboardKind[]}::leaderboard_kind[])`;
    return byKey(kinds, rows, (row) => row.kind);
  });

  /**
   * A user's place on one board, checked against the live users row: ghost mode or opting out
   * takes effect at once, not at the next refresh. `withinCountry` ranks among the user's country.
   */
  const leaderboardRankByUserId = loaderPerArgs((args: { kind: LeaderboardKind; withinCountry: boolean }) =>
    loader<number, RankRow | null>(async (userIds) => {
      const rows = await sql<RankRow[]>`/* loader:leaderboardRankByUserId */
        select e.user_id, e.score, ${args.withinCountry ? sql`e.country_rank` : sql`e.rank`} as rank
          from leaderboard_entries e
          join users u on u.id = e.user_id
         where e.kind = ${args.kind}::leaderboard_kind
           and e.user_id = any(${userIds as number[]}::bigint[])
           and ${sql.unsafe(LISTED)}
           ${args.withinCountry ? sql`and e.country_rank is not null and u.country = e.country` : sql``}`;
      return byKey(userIds, rows, (row) => row.userId);
    }),
  );

  return { leaderboardRefreshByKind, leaderboardRankByUserId };
}

export type LeaderboardPageRow = UserRow & { entryRank: number; entryScore: number; cursorKey: string[] };

/**
 * One page of a board: a range scan of leaderboard_entries_global_idx (or _country_idx) from the
 * cursor, with each row's live users row joined in.
 */
export function leaderboardPage(sql: Sql, kind: LeaderboardKind, country: string | null, args: ConnectionArgs) {
  return keysetPage<Omit<LeaderboardPageRow, 'cursorKey'>>(
    sql,
    {
      name: 'page:leaderboard',
      key: ['e.score', 'e.user_id'],
      // Highest score first; among equal scores the higher user id first, the same on every page and refresh.
      keyTypes: ['float', 'bigint'],
      order: 'desc',
      select: sql`u.*, e.score as entry_score, ${country ? sql`e.country_rank` : sql`e.rank`} as entry_rank`,
      from: sql`leaderboard_entries e join users u on u.id = e.user_id`,
      where: country
        ? sql`e.kind = ${kind}::leaderboard_kind and e.country = ${country} and ${sql.unsafe(LISTED)}`
        : sql`e.kind = ${kind}::leaderboard_kind and ${sql.unsafe(LISTED)}`,
    },
    args,
  );
}
