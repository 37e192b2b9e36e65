import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import type { UserRow } from '../db/rows';
import type { BoardKind } from '../db/schema';
import type { KeyType, Page, PageResult } from '../pagination';
import { byKey, inKeys, loader, loaderPerArgs } from './factory';
import { finishPage, keysetPage, planPage, rowLimit } from './keyset-pages';

/**
 * One board: its kind and `ref` (0 for XP_ALL_TIME, the week's Monday in days since 1970-01-01 for
 * VOLUME_THIS_WEEK, the exercise id for an exercise board), optionally narrowed to one country.
 * `day` is the UTC day whose start `previousRank` compares with.
 */
export interface BoardView {
  board: BoardKind;
  ref: number;
  country: string | null;
  day: string;
}

/** Highest score first; among equal scores the higher user id first, the same on every page. */
export const LEADERBOARD_KEY_TYPES: readonly KeyType[] = ['float', 'bigint'];

export interface EntryRow {
  user: UserRow;
  score: number;
  rank: number;
  previousRank: number | null;
}

export interface BoardRead {
  entries: EntryRow[];
  entryCount: number;
  /** Every change committed before this moment is on the board. */
  refreshedAt: Date;
}

export type BoardPage = PageResult<EntryRow & { cursorKey: string[] }> & Omit<BoardRead, 'entries'>;

/**
 * Every change committed before this moment is in the statement's snapshot: the statement's start on
 * the primary, the last replayed commit on a standby.
 */
const AS_OF = 'case when pg_is_in_recovery() then pg_last_xact_replay_timestamp() else statement_timestamp() end';

function countryArg(sql: Sql, country: string | null): Fragment {
  return country === null ? sql`null::text` : sql`${country}::text`;
}

/** `board_count_above` for this board (and country) at `score`; `score` null counts every entry. */
function countAbove(sql: Sql, view: BoardView, score: Fragment, inclusive = false): Fragment {
  return sql`board_count_above(${view.board}::board_kind, ${view.ref}::integer, ${countryArg(sql, view.country)},
                               ${score}, ${inclusive})`;
}

/**
 * Entry `e`'s rank at the start of `view.day`, from the day's snapshot; null when there is none yet.
 * A subquery per entry, so a page reads the snapshot by key for its own rows only.
 */
function previousRank(sql: Sql, view: BoardView): Fragment {
  return sql`case when (select snapshot_day = ${view.day}::date from board_state where id = 1)
                  then (select ${sql.unsafe(view.country === null ? 'd.rank' : 'd.country_rank')}
                          from board_day_ranks d where d.board = e.board and d.ref = e.ref and d.user_id = e.user_id) end`;
}

function onBoard(sql: Sql, view: BoardView): Fragment {
  return view.country === null
    ? sql`e.board = ${view.board}::board_kind and e.ref = ${view.ref}`
    : sql`e.board = ${view.board}::board_kind and e.ref = ${view.ref} and e.country = ${view.country}`;
}

type RankedRow = UserRow & { entryScore: number; entryPreviousRank: number | null; cursorKey?: string[] | null };

interface Counted {
  above: number;
  atOrAbove: number;
  entryCount: number;
  refreshedAt: Date;
}

/**
 * Ranks a contiguous run of a board's entries, given in board order (score descending) with the
 * counts read for its top score in the same statement: entries with the top score rank
 * `above + 1`; below it, everything above an entry is either at or above the top score or inside the
 * run, so the run's own order finishes the count. Ties share a rank (1, 2, 2, 4).
 */
function rankRun(rows: RankedRow[], counts: Counted): EntryRow[] {
  const top = rows[0]?.entryScore;
  let rank = counts.above + 1;
  let passedBelowTop = 0;
  let previousScore = top;
  return rows.map((row) => {
    const { entryScore, entryPreviousRank, cursorKey: _key, ...user } = row;
    if (entryScore !== previousScore) {
      rank = counts.atOrAbove + 1 + passedBelowTop;
      previousScore = entryScore;
    }
    if (entryScore !== top) passedBelowTop += 1;
    return { user, score: entryScore, rank, previousRank: entryPreviousRank };
  });
}

/** Board order: score descending, then user id descending. */
function byBoardOrder(a: RankedRow, b: RankedRow): number {
  return b.entryScore - a.entryScore || b.id - a.id;
}

/**
 * The statement around a run of entries: `rows` (a query over `board_entries e`) read once, the counts
 * for their top score and the board's size beside them, all in one snapshot. With no rows, one row of
 * counts alone comes back.
 */
async function readRun(
  sql: Sql,
  name: string,
  view: BoardView,
  rows: Fragment,
  extra: Fragment = sql`null::boolean`,
): Promise<{ rows: RankedRow[]; counts: Counted; extra: boolean | null }> {
  type Read = RankedRow & Counted & { extra: boolean | null; cursorKey: string[] | null };
  const top = sql`(select max(entry_score) from run)`;
  const read = await sql<Read[]>`
    ${sql.unsafe(`/* ${name} */`)}
    with run as materialized (${rows})
    select s.*, r.*
      from (select ${countAbove(sql, view, top)} as above, ${countAbove(sql, view, top, true)} as at_or_above,
                   ${countAbove(sql, view, sql`null::float8`)} as entry_count, ${sql.unsafe(AS_OF)} as refreshed_at,
                   ${extra} as extra) s
      left join run r on true`;
  const first = read[0]!;
  const counts = {
    above: Number(first.above),
    atOrAbove: Number(first.atOrAbove),
    entryCount: Number(first.entryCount),
    refreshedAt: first.refreshedAt,
  };
  const entries = read.filter((row) => row.id !== null).sort(byBoardOrder);
  return { rows: entries, counts, extra: first.extra };
}

/**
 * One page of a board: a range scan of its index from the cursor, each row's users row and day-start
 * rank joined in, ranked by rankRun. Three board_count_above calls, each bounded by the board's bucket
 * count, whatever the page's depth.
 */
export async function leaderboardPage(sql: Sql, name: string, view: BoardView, page: Page): Promise<BoardPage> {
  const spec = {
    name,
    key: ['e.score', 'e.user_id'],
    keyTypes: LEADERBOARD_KEY_TYPES,
    order: 'desc' as const,
    select: sql``,
    from: sql`board_entries e`,
    where: () => onBoard(sql, view),
  };
  const plan = planPage(sql, spec, page);
  const rows = sql`
    select u.*, e.score as entry_score, ${previousRank(sql, view)} as entry_previous_rank, ${plan.cursorKey} as cursor_key
      from board_entries e join users u on u.id = e.user_id
     where ${plan.condition(sql``)}
     order by ${plan.orderBy}
     limit ${plan.limit}`;
  const read = await readRun(sql, name, view, rows, plan.probe(sql``));
  const ranked = rankRun(read.rows, read.counts).map((entry, i) => ({
    ...entry,
    cursorKey: read.rows[i]!.cursorKey as string[],
  }));
  // finishPage takes the rows in reading order: a backward page reads from the bottom up.
  if (page.backward) ranked.reverse();
  return {
    ...finishPage(ranked, read.extra ?? false, page),
    entryCount: read.counts.entryCount,
    refreshedAt: read.counts.refreshedAt,
  };
}

/**
 * leaderboardAround: the user's entry and up to `radius` entries either side in board order, in one
 * statement: two short index range scans walking away from the user's key. Empty when the user is not
 * on the board (or not in its country).
 */
export async function leaderboardAround(sql: Sql, view: BoardView, userId: number, radius: number): Promise<BoardRead> {
  const select = sql`u.*, e.score as entry_score, ${previousRank(sql, view)} as entry_previous_rank`;
  const from = sql`board_entries e join users u on u.id = e.user_id`;
  const where = onBoard(sql, view);
  const rows = sql`
    with me as (select e.score, e.user_id from board_entries e where ${where} and e.user_id = ${userId})
    (select ${select} from ${from}
      where ${where} and (e.score, e.user_id) > ((select score from me), (select user_id from me))
      order by e.score asc nulls first, e.user_id asc nulls first limit ${rowLimit(sql, radius)})
    union all
    (select ${select} from ${from} where ${where} and e.user_id = ${userId})
    union all
    (select ${select} from ${from}
      where ${where} and (e.score, e.user_id) < ((select score from me), (select user_id from me))
      order by e.score desc nulls last, e.user_id desc nulls last limit ${rowLimit(sql, radius)})`;
  const read = await readRun(sql, 'page:leaderboardAround', view, rows);
  return {
    entries: rankRun(read.rows, read.counts),
    entryCount: read.counts.entryCount,
    refreshedAt: read.counts.refreshedAt,
  };
}

type FollowingRow = UserRow & {
  entryScore: number;
  entryRank: number;
  entryPreviousRank: number | null;
  entryCount: number;
};

/**
 * scope: FOLLOWING. The viewer and their followees on the board are ranked among themselves by rank()
 * over their entries, and so are their day-start ranks (the snapshot's global order is the score
 * order). The set is read through follows_pkey and board_entries_pkey: bounded by the followee count,
 * not by the board's size.
 */
export async function followingLeaderboardPage(
  sql: Sql,
  view: BoardView,
  viewerId: number,
  page: Page,
): Promise<BoardPage> {
  const result = await keysetPage<FollowingRow>(
    sql,
    {
      name: 'page:followingLeaderboard',
      key: ['f.entry_score', 'f.id'],
      keyTypes: LEADERBOARD_KEY_TYPES,
      order: 'desc',
      select: sql`f.*`,
      from: sql`(
        select u.*, e.score as entry_score,
               rank() over (order by e.score desc)::integer as entry_rank,
               case when ${previousRank(sql, view)} is not null
                    then rank() over (order by ${previousRank(sql, view)} asc nulls last) end::integer as entry_previous_rank,
               count(*) over ()::integer as entry_count
          from board_entries e join users u on u.id = e.user_id
         where ${onBoard(sql, view)}
           and e.user_id in (select ${viewerId}::bigint union all
                             select followee_id from follows where follower_id = ${viewerId})
      ) f`,
      alongside: sql`(select ${sql.unsafe(AS_OF)})::text || '|' || (
        select count(*) from board_entries e
         where ${onBoard(sql, view)}
           and e.user_id in (select ${viewerId}::bigint union all
                             select followee_id from follows where follower_id = ${viewerId}))`,
    },
    page,
  );
  const [asOf, count] = (result.alongside ?? '').split('|');
  return {
    ...result,
    rows: result.rows.map(({ entryScore, entryRank, entryPreviousRank, entryCount: _count, cursorKey, ...user }) => ({
      user,
      score: entryScore,
      rank: entryRank,
      previousRank: entryPreviousRank,
      cursorKey,
    })),
    entryCount: Number(count),
    refreshedAt: new Date(asOf!),
  };
}

export type RankRow = EntryRow & { entryCount: number };

export function leaderboardLoaders(sql: Sql) {
  /**
   * Users' places on one board (in their own country's board with `withinCountry`), each counted by
   * board_count_above: bounded by the board's bucket count, not by the user's rank.
   */
  const leaderboardRankByUserId = loaderPerArgs(
    (args: { board: BoardKind; ref: number; withinCountry: boolean; day: string }) =>
      loader<number, (Omit<RankRow, 'user'> & { userId: number }) | null>(async (userIds) => {
        const country = args.withinCountry ? sql`e.country::text` : sql`null::text`;
        const view = { board: args.board, ref: args.ref, country: args.withinCountry ? '' : null, day: args.day };
        // Each board's size is counted once per country the batch holds, not once per user.
        const rows = await sql<(Omit<RankRow, 'user'> & { userId: number })[]>`/* loader:leaderboardRankByUserId */
        with mine as (
          select e.user_id, e.score, ${country} as within, ${previousRank(sql, view)} as previous_rank
            from board_entries e
           where e.board = ${args.board}::board_kind and e.ref = ${args.ref}
             and e.user_id ${inKeys(sql, userIds, 'bigint')}
             ${args.withinCountry ? sql`and e.country is not null` : sql``}),
        sizes as (
          select within, board_count_above(${args.board}::board_kind, ${args.ref}, within, null) as entry_count
            from (select distinct within from mine) w)
        select m.user_id, m.score, m.previous_rank, s.entry_count,
               1 + board_count_above(${args.board}::board_kind, ${args.ref}, m.within, m.score) as rank
          from mine m join sizes s on s.within is not distinct from m.within`;
        return byKey(
          userIds,
          rows.map((row) => ({ ...row, rank: Number(row.rank), entryCount: Number(row.entryCount) })),
          (row) => row.userId,
        );
      }),
  );

  return { leaderboardRankByUserId };
}
