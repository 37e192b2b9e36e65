import type { Sql } from '../../src/db/client';
import { encodeGlobalId } from '../../src/graphql/ids';
import { graphql } from '../gql';
import type { TestDatabase } from '../setup/db';
import { expectData, run } from './client';
import type { SeededUser } from './seed';

export const CreateTeam = graphql(`
  mutation TeamsCreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      team { id name description joinPolicy memberCount viewerRole owner { id } }
      errors { code message field }
    }
  }`);

export const JoinTeam = graphql(`
  mutation TeamsJoinTeam($input: TeamInput!) {
    joinTeam(input: $input) { team { id memberCount viewerRole } errors { code field } }
  }`);

export const LeaveTeam = graphql(`
  mutation TeamsLeaveTeam($input: TeamInput!) {
    leaveTeam(input: $input) { team { id memberCount viewerRole owner { id } } errors { code field } }
  }`);

export const InviteToTeam = graphql(`
  mutation TeamsInviteToTeam($input: InviteToTeamInput!) {
    inviteToTeam(input: $input) { team { id } errors { code field } }
  }`);

export const CreateTeamGoal = graphql(`
  mutation TeamsCreateTeamGoal($input: CreateTeamGoalInput!) {
    createTeamGoal(input: $input) {
      goal { id title metric target startsAt endsAt progress completedAt team { id } }
      errors { code message field }
    }
  }`);

export const DeleteTeamGoal = graphql(`
  mutation TeamsDeleteTeamGoal($input: DeleteTeamGoalInput!) {
    deleteTeamGoal(input: $input) { deletedGoalId team { id goals { edges { node { id } } } } errors { code field } }
  }`);

export const Goal = graphql(`
  query TeamsGoal($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on TeamGoal {
        id progress completedAt target
        contributions(first: $first, after: $after) {
          edges { cursor node { amount rank user { id } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`);

export const TeamLeaderboard = graphql(`
  query TeamsLeaderboard($metric: GoalMetric!, $first: Int, $after: String) {
    teamLeaderboard(metric: $metric, first: $first, after: $after) {
      edges { cursor node { rank score team { id memberCount } } }
      pageInfo { hasNextPage endCursor }
    }
  }`);

export const LogDistance = graphql(`
  mutation TeamsLogDistance($input: LogWorkoutInput!) {
    logWorkout(input: $input) { workout { id distanceMeters xpEarned setCount } errors { code field } }
  }`);

export const DeleteWorkout = graphql(`
  mutation TeamsDeleteWorkout($input: DeleteWorkoutInput!) { deleteWorkout(input: $input) { errors { code } } }`);

export interface SeededTeam {
  id: number;
  globalId: string;
}

export async function createTeam(
  db: TestDatabase,
  owner: SeededUser,
  input: { name: string; joinPolicy?: 'OPEN' | 'INVITE_ONLY'; description?: string },
): Promise<SeededTeam> {
  const created = expectData(await run(db, CreateTeam, { input }, { as: owner.id })).createTeam;
  if (!created.team) throw new Error(`createTeam failed: ${JSON.stringify(created.errors)}`);
  const id = Number(Buffer.from(created.team.id, 'base64').toString().split(':')[1]);
  return { id, globalId: created.team.id };
}

export async function join(db: TestDatabase, user: SeededUser, team: SeededTeam) {
  return expectData(await run(db, JoinTeam, { input: { teamId: team.globalId } }, { as: user.id })).joinTeam;
}

export async function leave(db: TestDatabase, user: SeededUser, team: SeededTeam) {
  return expectData(await run(db, LeaveTeam, { input: { teamId: team.globalId } }, { as: user.id })).leaveTeam;
}

export async function createGoal(
  db: TestDatabase,
  owner: SeededUser,
  team: SeededTeam,
  input: { metric: 'DISTANCE_METERS' | 'VOLUME_KG' | 'WORKOUTS' | 'XP'; target: number; startsAt: Date; endsAt: Date },
) {
  const result = expectData(
    await run(
      db,
      CreateTeamGoal,
      {
        input: {
          teamId: team.globalId,
          title: `${input.metric} goal`,
          metric: input.metric,
          target: input.target,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
        },
      },
      { as: owner.id },
    ),
  ).createTeamGoal;
  if (!result.goal) throw new Error(`createTeamGoal failed: ${JSON.stringify(result.errors)}`);
  const id = Number(Buffer.from(result.goal.id, 'base64').toString().split(':')[1]);
  return { id, globalId: result.goal.id };
}

/** Logs a distance workout (no sets) through the API; returns the workout's database id. */
export async function logDistance(db: TestDatabase, user: SeededUser, distanceMeters: number, startedAt = new Date()) {
  const result = expectData(
    await run(
      db,
      LogDistance,
      { input: { title: 'Walk', startedAt: startedAt.toISOString(), durationSeconds: 1800, sets: [], distanceMeters } },
      { as: user.id },
    ),
  ).logWorkout;
  if (!result.workout) throw new Error(`logWorkout failed: ${JSON.stringify(result.errors)}`);
  return Number(Buffer.from(result.workout.id, 'base64').toString().split(':')[1]);
}

export const teamGlobalId = (id: number) => encodeGlobalId('Team', id);

const METRIC_SQL = {
  DISTANCE_METERS: 'w.distance_meters::numeric',
  VOLUME_KG: 'w.total_volume_kg::numeric',
  // Counted, not summed: the recomputation's left join gives a member without workouts one null row.
  WORKOUTS: '(w.id is not null)::int::numeric',
  XP: 'w.xp_earned::numeric',
} as const;

/**
 * Goals whose stored progress or contributions differ from a recomputation from the source rows:
 * the current members' workouts started inside each goal's window.
 */
export async function driftedGoals(sql: Sql) {
  const drift: unknown[] = [];
  for (const [metric, value] of Object.entries(METRIC_SQL)) {
    const rows = await sql.unsafe(`
      with truth as (
        select g.id as goal_id, m.user_id, coalesce(sum(${value}), 0) as amount
          from team_goals g join team_members m on m.team_id = g.team_id
          left join workouts w on w.user_id = m.user_id and w.started_at >= g.starts_at and w.started_at < g.ends_at
         where g.metric = '${metric}'
         group by g.id, m.user_id),
      stored as (
        select c.goal_id, c.user_id, c.amount from goal_contributions c
          join team_goals g on g.id = c.goal_id where g.metric = '${metric}')
      select 'contribution' as what, coalesce(t.goal_id, s.goal_id) as goal_id, coalesce(t.user_id, s.user_id) as user_id,
             t.amount as expected, s.amount as stored
        from truth t full join stored s on s.goal_id = t.goal_id and s.user_id = t.user_id
       where coalesce(t.amount, 0) <> coalesce(s.amount, 0)
      union all
      select 'progress', g.id, null, coalesce((select sum(t.amount) from truth t where t.goal_id = g.id), 0), g.progress
        from team_goals g
       where g.metric = '${metric}'
         and g.progress <> coalesce((select sum(t.amount) from truth t where t.goal_id = g.id), 0)`);
    drift.push(...rows);
  }
  return drift;
}

/** Teams whose stored member count differs from their rows, or that hold other than one owner. */
export async function driftedTeams(sql: Sql) {
  return sql`
    select t.id, t.member_count,
           (select count(*)::int from team_members m where m.team_id = t.id) as members,
           (select count(*)::int from team_members m where m.team_id = t.id and m.role = 'OWNER') as owners
      from teams t
     where t.member_count <> (select count(*) from team_members m where m.team_id = t.id)
        or (select count(*) from team_members m where m.team_id = t.id and m.role = 'OWNER') <> 1`;
}

/** The team board of this ISO week recomputed from the source rows: score and rank per team. */
export async function teamBoardFromScratch(sql: Sql, metric: keyof typeof METRIC_SQL) {
  return sql.unsafe<{ id: number; score: string; rank: number }[]>(`
    select s.id, s.score, (rank() over (order by s.score desc))::int as rank
      from (select t.id,
                   coalesce((select sum(${METRIC_SQL[metric]}) from team_members m
                              join workouts w on w.user_id = m.user_id
                             where m.team_id = t.id
                               and w.started_at >= date_trunc('week', now() at time zone 'UTC') at time zone 'UTC'), 0)
                   / t.member_count as score
              from teams t where t.member_count > 0) s
     where s.score > 0
     order by s.score desc, s.id desc`);
}
