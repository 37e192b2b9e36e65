import type { Sql } from '../db/client';
import type { TeamGoalRow, TeamMemberRow, TeamRow } from '../db/rows';
import type { GoalMetric, TeamRole } from '../db/schema';
import { type ConnectionArgs, parsePage } from '../pagination';
import { byKey, inKeys, loader } from './factory';
import { finishPage, type KeysetSpec, keysetPage, pageLoader, planPage } from './keyset-pages';

export type ContributionRow = { goalId: number; userId: number; amount: string; rank: number };
export type TeamBoardRow = TeamRow & { score: string; rank: number };

/** Escapes LIKE wildcards so a search for "a_b" matches only that text. */
function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Teams, their members and goals, goal contributions and the team board. Goal progress, contributions
 * and the board's weekly sums are kept by the triggers of drizzle/0027, so every read here is a range
 * of rows already summed: nothing is added up on read.
 */
export function teamLoaders(sql: Sql, viewerId: number | null) {
  const teamById = loader<number, TeamRow | null>(async (ids) => {
    const rows = await sql<TeamRow[]>`/* loader:teamById */ select * from teams where id ${inKeys(sql, ids, 'bigint')}`;
    return byKey(ids, rows, (row) => row.id);
  });

  const goalById = loader<number, TeamGoalRow | null>(async (ids) => {
    const rows = await sql<TeamGoalRow[]>`/* loader:goalById */
      select * from team_goals where id ${inKeys(sql, ids, 'bigint')}`;
    return byKey(ids, rows, (row) => row.id);
  });

  const ownerIdByTeamId = loader<number, number | null>(async (ids) => {
    const rows = await sql<{ teamId: number; userId: number }[]>`/* loader:ownerIdByTeamId */
      select team_id, user_id from team_members where team_id ${inKeys(sql, ids, 'bigint')} and role = 'OWNER'`;
    return byKey(ids, rows, (row) => row.teamId).map((row) => row?.userId ?? null);
  });

  /** The viewer's role in each team, null when not a member; absent for an anonymous viewer. */
  const viewerTeamRole =
    viewerId === null
      ? null
      : loader<number, TeamRole | null>(async (ids) => {
          const rows = await sql<{ teamId: number; role: TeamRole }[]>`/* loader:viewerTeamRole */
            select team_id, role from team_members where user_id = ${viewerId} and team_id ${inKeys(sql, ids, 'bigint')}`;
          return byKey(ids, rows, (row) => row.teamId).map((row) => row?.role ?? null);
        });

  const membersByTeamId = pageLoader<TeamMemberRow>(sql, {
    name: 'loader:membersByTeamId',
    key: ['m.joined_at', 'm.user_id'],
    keyTypes: ['timestamptz', 'bigint'],
    order: 'asc',
    select: sql`m.*`,
    from: sql`team_members m`,
    where: (team) => sql`m.team_id = ${team}`,
  });

  const goalsByTeamId = pageLoader<TeamGoalRow>(sql, {
    name: 'loader:goalsByTeamId',
    key: ['g.ends_at', 'g.id'],
    keyTypes: ['timestamptz', 'bigint'],
    order: 'desc',
    select: sql`g.*`,
    from: sql`team_goals g`,
    where: (team) => sql`g.team_id = ${team}`,
  });

  // A rank counts the shares strictly above, so ties share one (1, 2, 2, 4); a goal has at most
  // 1,000 shares, read from goal_contributions_ranking_idx.
  const contributionsByGoalId = pageLoader<ContributionRow>(sql, {
    name: 'loader:contributionsByGoalId',
    key: ['c.amount', 'c.user_id'],
    keyTypes: ['numeric', 'bigint'],
    order: 'desc',
    select: sql`c.goal_id, c.user_id, c.amount,
      1 + (select count(*) from goal_contributions a where a.goal_id = c.goal_id and a.amount > c.amount)::integer as rank`,
    from: sql`goal_contributions c`,
    where: (goal) => sql`c.goal_id = ${goal} and c.amount > 0`,
  });

  const teamsByUserId = pageLoader<TeamRow>(sql, {
    name: 'loader:teamsByUserId',
    key: ['m.joined_at', 'm.team_id'],
    keyTypes: ['timestamptz', 'bigint'],
    order: 'desc',
    select: sql`t.*`,
    from: sql`team_members m join teams t on t.id = m.team_id`,
    where: (user) => sql`m.user_id = ${user}`,
  });

  return {
    teamById,
    goalById,
    ownerIdByTeamId,
    viewerTeamRole,
    membersByTeamId,
    goalsByTeamId,
    contributionsByGoalId,
    teamsByUserId,
  };
}

/** Teams in name order; `search` is a case-insensitive name prefix. */
export async function teamsPage(sql: Sql, args: ConnectionArgs & { search?: string | null }) {
  const search = args.search?.trim();
  return keysetPage<TeamRow>(
    sql,
    {
      name: 'page:teams',
      key: ['lower(t.name)', 't.id'],
      keyTypes: ['text', 'bigint'],
      order: 'asc',
      select: sql`t.*`,
      from: sql`teams t`,
      where: search ? sql`lower(t.name) like ${likePrefix(search)}` : sql`true`,
    },
    args,
  );
}

const TEAM_BOARD_KEY: KeysetSpec['keyTypes'] = ['numeric', 'bigint'];

/**
 * The team board of this ISO week (Monday 00:00 UTC, the database's clock): teams whose weekly sum of
 * the metric over their current members, divided by memberCount, is above zero, highest first; ties
 * share a rank. A page walks team_board_order_idx from its cursor (entries kept by drizzle/0029); in
 * the same statement two counts of the entries above its first row give the ranks, so a page costs
 * its rows plus an index range as long as its depth, never a pass over every team.
 */
export async function teamBoardPage(sql: Sql, metric: GoalMetric, args: ConnectionArgs) {
  const page = parsePage(args, TEAM_BOARD_KEY);
  const onBoard = sql`b.metric = ${metric} and b.week_start = team_week_of(now())`;
  const plan = planPage(
    sql,
    {
      name: 'page:teamLeaderboard',
      key: ['b.score', 'b.team_id'],
      keyTypes: TEAM_BOARD_KEY,
      order: 'desc',
      select: sql``,
      from: sql`team_board b`,
      where: () => onBoard,
    },
    page,
  );
  type Read = TeamRow & {
    score: string;
    cursorKey: string[];
    above: number;
    tiedBefore: number;
    tiesPrevious: boolean;
    hasOpposite: boolean;
  };
  const rows = await sql<Read[]>`/* page:teamLeaderboard */
    with p as materialized (
      select t.*, b.score, ${plan.cursorKey} as cursor_key
        from team_board b join teams t on t.id = b.team_id
       where ${plan.condition(sql``)}
       order by ${plan.orderBy}
       limit ${plan.limit}
    ), top as (select score, id as team_id from p order by score desc, id desc limit 1)
    select p.*, coalesce(lag(p.score) over (order by p.score desc, p.id desc) = p.score, false) as ties_previous,
           ${plan.probe(sql``)} as has_opposite,
           (select count(*) from team_board b, top where ${onBoard} and b.score > top.score)::int as above,
           (select count(*) from team_board b, top
             where ${onBoard} and b.score = top.score and b.team_id > top.team_id)::int as tied_before
      from p
     order by p.score desc, p.id desc`;
  // Entries before the page: `above` with a higher score than its first row, `tiedBefore` tied with it.
  // A row shares its predecessor's rank when their scores are equal, else it is ranked by its position.
  const ranked: (TeamBoardRow & { cursorKey: string[] })[] = [];
  rows.forEach((row, i) => {
    const rank = i === 0 ? row.above + 1 : row.tiesPrevious ? ranked[i - 1]!.rank : row.above + row.tiedBefore + i + 1;
    ranked.push(Object.assign(row, { rank }));
  });
  return finishPage(ranked, rows[0]?.hasOpposite ?? false, page);
}
