import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { rowFromJson, type UserRow } from '../db/rows';
import { type LeaderboardKind, leaderboardRefreshes } from '../db/schema';
import type { KeyType, Page, PageResult } from '../pagination';
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

/** A board: XP_ALL_TIME or VOLUME_THIS_WEEK from leaderboard_entries, or one exercise's board. */
export type Board = { kind: LeaderboardKind } | { exerciseId: number };

function boardTable(board: Board): string {
  return 'kind' in board ? 'leaderboard_entries' : 'exercise_leaderboard_entries';
}

/** The rows of `alias` that belong to the board. */
function onBoard(sql: Sql, board: Board, alias: string): Fragment {
  return 'kind' in board
    ? sql`${sql.unsafe(alias)}.kind = ${board.kind}::leaderboard_kind`
    : sql`${sql.unsafe(alias)}.exercise_id = ${board.exerciseId}`;
}

/**
 * The rank of entry `e` among the users listed now: its stored rank minus the users ranked strictly
 * above it who left since the refresh (leaderboard_departures, kept by a trigger on users). A tie
 * partner leaving changes nothing, so 1, 2, 2, 4 minus one of the 2s reads 1, 2, 3. The count probes
 * the departures only: work bounded by the users who changed since the refresh, not by the board.
 */
function liveRank(sql: Sql, board: Board, withinCountry: boolean): Fragment {
  const stored = withinCountry ? sql`e.country_rank` : sql`e.rank`;
  return sql`(${stored} - (
    select count(*) from leaderboard_departures d
      join ${sql.unsafe(boardTable(board))} x on ${onBoard(sql, board, 'x')} and x.user_id = d.user_id
     where x.score > e.score ${withinCountry ? sql`and x.country = e.country` : sql``}
       and not exists (select 1 from users lu where lu.id = d.user_id and not lu.ghost_mode and lu.leaderboard_opt_in)
  ))::integer`;
}

/** Highest score first; among equal scores the higher user id first, the same on every page and refresh. */
export const LEADERBOARD_KEY_TYPES: readonly KeyType[] = ['float', 'bigint'];

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
        select e.user_id, e.score, ${liveRank(sql, { kind: args.kind }, args.withinCountry)} as rank
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
 * One page of a board: a range scan of its global (or country) index from the cursor, with each row's
 * live users row joined in and its rank closed up over departures (liveRank).
 */
/**
 * A board's refresh row as a page's `alongside`: the page and the refresh that built its rows come
 * from one snapshot. Read as two statements side by side, a page read just before a refresh's swap
 * could be answered with the refresh row just after it (last week's board under this week's start).
 * Exercise boards are rebuilt with XP_ALL_TIME, so that row is theirs.
 */
function refreshAlongside(sql: Sql, board: Board): Fragment {
  const kind = 'kind' in board ? board.kind : 'XP_ALL_TIME';
  return sql`(select to_jsonb(r)::text from leaderboard_refreshes r where r.kind = ${kind}::leaderboard_kind)`;
}

/** The refresh row a board page was read with; null when the board was never refreshed. */
export function refreshOf(page: PageResult<LeaderboardPageRow>): LeaderboardRefreshRow | null {
  return page.alongside ? rowFromJson(leaderboardRefreshes, JSON.parse(page.alongside)) : null;
}

export function leaderboardPage(sql: Sql, board: Board, country: string | null, page: Page) {
  return keysetPage<Omit<LeaderboardPageRow, 'cursorKey'>>(
    sql,
    {
      name: 'kind' in board ? 'page:leaderboard' : 'page:exerciseLeaderboard',
      key: ['e.score', 'e.user_id'],
      keyTypes: LEADERBOARD_KEY_TYPES,
      order: 'desc',
      select: sql`u.*, e.score as entry_score, ${liveRank(sql, board, country !== null)} as entry_rank`,
      from: sql`${sql.unsafe(boardTable(board))} e join users u on u.id = e.user_id`,
      where: country
        ? sql`${onBoard(sql, board, 'e')} and e.country = ${country} and ${sql.unsafe(LISTED)}`
        : sql`${onBoard(sql, board, 'e')} and ${sql.unsafe(LISTED)}`,
      alongside: refreshAlongside(sql, board),
    },
    page,
  );
}

/**
 * scope: FOLLOWING. The viewer and their followees are ranked among themselves by rank() over their
 * board entries, listed users only, so the ranking is consistent by construction. The set is read
 * through follows_pkey and the board's (kind, user_id) index: bounded by the followee count, not by
 * the board's size.
 */
export function followingLeaderboardPage(
  sql: Sql,
  kind: LeaderboardKind,
  country: string | null,
  viewerId: number,
  page: Page,
) {
  return keysetPage<Omit<LeaderboardPageRow, 'cursorKey'>>(
    sql,
    {
      name: 'page:followingLeaderboard',
      key: ['f.entry_score', 'f.id'],
      keyTypes: LEADERBOARD_KEY_TYPES,
      order: 'desc',
      select: sql`f.*`,
      from: sql`(
        select u.*, e.score as entry_score, rank() over (order by e.score desc)::integer as entry_rank
          from leaderboard_entries e join users u on u.id = e.user_id
         where e.kind = ${kind}::leaderboard_kind and ${sql.unsafe(LISTED)}
           and e.user_id in (select ${viewerId}::bigint union all
                             select followee_id from follows where follower_id = ${viewerId})
           ${country ? sql`and e.country = ${country}` : sql``}
      ) f`,
      alongside: refreshAlongside(sql, { kind }),
    },
    page,
  );
}

/**
 * leaderboardAround: the user's entry and up to `radius` listed entries either side in board order,
 * in one statement: two short index range scans walking away from the user's key (scalar subqueries,
 * so the key is an index condition and not a filter over the whole board). [] when the user
 * is not listed (or not in `country`).
 */
export async function leaderboardAround(
  sql: Sql,
  board: Board,
  country: string | null,
  userId: number,
  radius: number,
): Promise<Omit<LeaderboardPageRow, 'cursorKey'>[]> {
  const table = sql.unsafe(boardTable(board));
  const where = sql`${onBoard(sql, board, 'e')} and ${sql.unsafe(LISTED)} ${country ? sql`and e.country = ${country}` : sql``}`;
  const select = sql`u.*, e.score as entry_score, ${liveRank(sql, board, country !== null)} as entry_rank`;
  return sql<Omit<LeaderboardPageRow, 'cursorKey'>[]>`/* page:leaderboardAround */
    with me as (
      select e.score, e.user_id from ${table} e join users u on u.id = e.user_id
       where ${where} and e.user_id = ${userId})
    select * from (
      (select ${select} from ${table} e join users u on u.id = e.user_id
        where ${where} and (e.score, e.user_id) > ((select score from me), (select user_id from me))
        order by e.score asc nulls first, e.user_id asc nulls first limit ${radius})
      union all
      (select ${select} from ${table} e join users u on u.id = e.user_id
        where ${where} and e.user_id = ${userId})
      union all
      (select ${select} from ${table} e join users u on u.id = e.user_id
        where ${where} and (e.score, e.user_id) < ((select score from me), (select user_id from me))
        order by e.score desc nulls last, e.user_id desc nulls last limit ${radius})
    ) around
    order by entry_score desc, id desc`;
}
