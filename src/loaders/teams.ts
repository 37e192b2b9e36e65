import type { Sql } from '../db/client';
import type { TeamGoalRow, TeamMemberRow, TeamRow } from '../db/rows';
import type { GoalMetric, TeamRole } from '../db/schema';
import type { ConnectionArgs } from '../pagination';
import { byKey, inKeys, loader } from './factory';
import { keysetPage, pageLoader } from './keyset-pages';

export type ContributionRow = { goalId: number; userId: number; amount: string; rank: number };
export type TeamBoardRow = TeamRow & { score: string; rank: number };

/** Escapes LIKE wildcards so a search for "a_b" matches only that text. */
function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The team_weeks column a board metric reads. */
const WEEK_COLUMN: Record<GoalMetric, string> = {
  DISTANCE_METERS: 'distance_meters',
  VOLUME_KG: 'volume_kg',
  WORKOUTS: 'workouts',
  XP: 'xp',
};

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

/**
 * The team board of this ISO week (Monday 00:00 UTC, the database's clock): each team's weekly sum of
 * the metric over its current members, divided by memberCount, highest first; ties share a rank. The
 * sums are kept per team and week by the triggers; a page ranks every team once (rank() over the
 * board) and reads its slice from the cursor.
 */
export async function teamBoardPage(sql: Sql, metric: GoalMetric, args: ConnectionArgs) {
  const column = sql.unsafe(`w.${WEEK_COLUMN[metric]}`);
  return keysetPage<TeamBoardRow>(
    sql,
    {
      name: 'page:teamLeaderboard',
      key: ['b.score', 'b.id'],
      keyTypes: ['numeric', 'bigint'],
      order: 'desc',
      select: sql`b.*`,
      from: sql`(select s.*, rank() over (order by s.score desc)::integer as rank
                   from (select t.*, coalesce(${column}, 0) / t.member_count as score
                           from teams t
                           left join team_weeks w on w.team_id = t.id and w.week_start = team_week_of(now())
                          where t.member_count > 0) s) b`,
    },
    args,
  );
}
