import type { Context } from '../context';
import type { TransactionSql } from '../db/client';
import type { TeamGoalRow, TeamRow } from '../db/rows';
import { type GoalMetric, TEAM_MEMBER_CAP, type TeamJoinPolicy } from '../db/schema';
import { fail, failWith, ok, type Result, signInTo } from '../errors';
import { publish } from '../realtime/pubsub';
import { announceNotifications } from './notifications';
import { inTransaction } from './transaction';
import { Validator } from './validate';

// Every function here follows the lock order of drizzle/0027: the team's row, then user rows, then
// (in the triggers) goal rows and team weeks. A user's memberships change only under their row lock,
// as their workouts do, so a workout racing a join or a leave is counted in the team's goals once.

/** What the team rules need of a request; the demo seed builds one for each demo user. */
export type TeamsContext = Pick<Context, 'sql' | 'viewer' | 'loaders'>;

export interface CreateTeamInput {
  name: string;
  description?: string | null;
  joinPolicy?: TeamJoinPolicy | null;
}

export interface CreateTeamGoalInput {
  teamId: number;
  title: string;
  metric: GoalMetric;
  target: number;
  startsAt: Date;
  endsAt: Date;
}

const MAX_GOAL_WINDOW_MS = 366 * 24 * 3600_000;

async function lockTeam(tx: TransactionSql, teamId: number) {
  const [team] = await tx<TeamRow[]>`/* teams:lockTeam */ select * from teams where id = ${teamId} for no key update`;
  return team ?? null;
}

async function lockUser(tx: TransactionSql, userId: number): Promise<boolean> {
  const rows = await tx`/* teams:lockUser */ select 1 from users where id = ${userId} for no key update`;
  return rows.length > 0;
}

async function readTeam(tx: TransactionSql, teamId: number): Promise<TeamRow | null> {
  const [team] = await tx<TeamRow[]>`/* teams:readTeam */ select * from teams where id = ${teamId}`;
  return team ?? null;
}

function primeTeam(ctx: TeamsContext, team: TeamRow | null, teamId: number) {
  ctx.loaders.teamById.clear(teamId);
  ctx.loaders.viewerTeamRole?.clear(teamId);
  if (team) ctx.loaders.teamById.prime(teamId, team);
}

/** Creates a team with the viewer as its OWNER and only member. */
export async function createTeam(ctx: TeamsContext, input: CreateTeamInput): Promise<Result<{ team: TeamRow }>> {
  if (!ctx.viewer) return signInTo('create a team');
  const name = input.name.trim();
  const description = (input.description ?? '').trim();
  const check = new Validator().text(name, 'name', 3, 60).text(description, 'description', 0, 500);
  if (!check.ok) return failWith(check.errors);
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const [created] = await tx<[{ id: number }]>`/* teams:insertTeam */
      insert into teams (name, description, join_policy)
      values (${name}, ${description}, ${input.joinPolicy ?? 'OPEN'}::team_join_policy) returning id`;
    if (!(await lockUser(tx, viewerId))) return fail('NOT_FOUND', 'Your account no longer exists');
    await tx`/* teams:insertOwner */
      insert into team_members (team_id, user_id, role) values (${created.id}, ${viewerId}, 'OWNER')`;
    return ok({ team: (await readTeam(tx, created.id))! });
  });
  if (result.ok) primeTeam(ctx, result.value.team, result.value.team.id);
  return result;
}

/**
 * Joins a team. The team's row lock serializes joins, so the cap is checked against an exact count;
 * joining twice changes nothing. An INVITE_ONLY team admits a user a member invited.
 */
export async function joinTeam(ctx: TeamsContext, teamId: number): Promise<Result<{ team: TeamRow }>> {
  if (!ctx.viewer) return signInTo('join a team');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const team = await lockTeam(tx, teamId);
    if (!team) return fail('NOT_FOUND', 'No such team', 'teamId');
    const [state] = await tx<{ member: boolean; invited: boolean }[]>`/* teams:joinState */
      select exists (select 1 from team_members where team_id = ${teamId} and user_id = ${viewerId}) as member,
             exists (select 1 from team_invites where team_id = ${teamId} and invitee_id = ${viewerId}) as invited`;
    if (state!.member) return ok({ team });
    if (team.joinPolicy === 'INVITE_ONLY' && !state!.invited)
      return fail('FORBIDDEN', 'This team admits invited users only', 'teamId');
    if (team.memberCount >= TEAM_MEMBER_CAP)
      return fail('CONFLICT', `This team is full (${TEAM_MEMBER_CAP.toLocaleString('en')} members)`, 'teamId');
    if (!(await lockUser(tx, viewerId))) return fail('NOT_FOUND', 'Your account no longer exists');
    await tx`/* teams:insertMember */
      insert into team_members (team_id, user_id, role) values (${teamId}, ${viewerId}, 'MEMBER')`;
    return ok({ team: (await readTeam(tx, teamId))! });
  });
  if (result.ok) primeTeam(ctx, result.value.team, teamId);
  return result;
}

/**
 * Leaves a team in one transaction: an owner who leaves passes the team to the earliest-joined
 * remaining member, and the last member leaving deletes the team with its goals (team is then null).
 * Leaving a team one is not in changes nothing.
 */
export async function leaveTeam(ctx: TeamsContext, teamId: number): Promise<Result<{ team: TeamRow | null }>> {
  if (!ctx.viewer) return signInTo('leave a team');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const team = await lockTeam(tx, teamId);
    if (!team) return fail('NOT_FOUND', 'No such team', 'teamId');
    await lockUser(tx, viewerId);
    const [left] = await tx<{ role: string }[]>`/* teams:deleteMember */
      delete from team_members where team_id = ${teamId} and user_id = ${viewerId} returning role`;
    if (!left) return ok({ team });
    if ((await settleDepartures(tx, [{ teamId, role: left.role }])).has(teamId)) return ok({ team: null });
    return ok({ team: await readTeam(tx, teamId) });
  });
  if (result.ok) primeTeam(ctx, result.value.team, teamId);
  return result;
}

/**
 * What follows members leaving, for `leaveTeam` and for a deleted account alike: a team whose OWNER
 * left passes to its earliest-joined remaining member, and a team left with no member is deleted with
 * its goals. The departures' rows are already deleted (their trigger moved `memberCount`); returns the
 * ids of the teams deleted.
 */
export async function settleDepartures(
  tx: TransactionSql,
  departures: { teamId: number; role: string }[],
): Promise<Set<number>> {
  if (departures.length === 0) return new Set();
  const ownerless = departures.filter((left) => left.role === 'OWNER').map((left) => left.teamId);
  if (ownerless.length > 0) {
    await tx`/* teams:passOwnership */
      update team_members m set role = 'OWNER'
        from (select distinct on (team_id) team_id, user_id from team_members
               where team_id = any(${ownerless}::bigint[]) order by team_id, joined_at, user_id) n
       where m.team_id = n.team_id and m.user_id = n.user_id`;
  }
  const emptied = await tx<{ id: number }[]>`/* teams:deleteEmptyTeams */
    delete from teams where id = any(${departures.map((left) => left.teamId)}::bigint[]) and member_count = 0
    returning id`;
  return new Set(emptied.map((team) => team.id));
}

/**
 * A member invites a user: the invitation lets them join an INVITE_ONLY team, and notifies them once
 * per team (act key `team-invite:<team>`). Across a block the invitation is refused by the database
 * (refuse_across_block, FORBIDDEN). Inviting a member changes nothing.
 */
export async function inviteToTeam(
  ctx: TeamsContext,
  input: { teamId: number; userId: number },
): Promise<Result<{ team: TeamRow }>> {
  if (!ctx.viewer) return signInTo('invite someone to a team');
  const viewerId = ctx.viewer.id;
  if (input.userId === viewerId) return fail('VALIDATION', 'You cannot invite yourself', 'userId');
  return inTransaction(ctx, async (tx) => {
    const team = await readTeam(tx, input.teamId);
    if (!team) return fail('NOT_FOUND', 'No such team', 'teamId');
    const [state] = await tx<{ viewerIsMember: boolean; userExists: boolean; userIsMember: boolean }[]>`
      /* teams:inviteState */
      select exists (select 1 from team_members where team_id = ${team.id} and user_id = ${viewerId}) as viewer_is_member,
             exists (select 1 from users where id = ${input.userId}) as user_exists,
             exists (select 1 from team_members where team_id = ${team.id} and user_id = ${input.userId}) as user_is_member`;
    if (!state!.viewerIsMember) return fail('FORBIDDEN', 'Only members can invite to this team', 'teamId');
    if (!state!.userExists) return fail('NOT_FOUND', 'No such user', 'userId');
    if (state!.userIsMember) return ok({ team });
    await tx`/* teams:invite */
      with invited as (
        insert into team_invites (team_id, invitee_id, inviter_id) values (${team.id}, ${input.userId}, ${viewerId})
        on conflict (team_id, invitee_id) do nothing
      ), notified as (
        insert into notifications (recipient_id, kind, actor_id, team_id, act_key)
        values (${input.userId}, 'TEAM_INVITE', ${viewerId}, ${team.id}, ${`team-invite:${team.id}`})
        returning id, recipient_id, sequence_number
      ), announced as (${announceNotifications(tx, 'notified')})
      select count(*) from announced`;
    return ok({ team });
  });
}

function checkGoal(input: CreateTeamGoalInput): Validator {
  const check = new Validator().text(input.title.trim(), 'title', 1, 200);
  check.check(
    Number.isFinite(input.target) && input.target > 0 && input.target <= 1e9,
    'target',
    'target must be above 0 and at most 1e9',
  );
  const window = input.endsAt.getTime() - input.startsAt.getTime();
  check.check(window > 0, 'endsAt', 'endsAt must be after startsAt');
  check.check(window <= MAX_GOAL_WINDOW_MS, 'endsAt', 'endsAt must be at most 366 days after startsAt');
  return check;
}

/**
 * The owner sets a goal. The team's row lock freezes its membership, and every member's row lock
 * waits out their workouts in flight and holds back new ones until commit: the new goal's trigger
 * counts what is committed, and every later workout sees the goal.
 */
export async function createTeamGoal(
  ctx: TeamsContext,
  input: CreateTeamGoalInput,
): Promise<Result<{ goal: TeamGoalRow }>> {
  if (!ctx.viewer) return signInTo('set a team goal');
  const check = checkGoal(input);
  if (!check.ok) return failWith(check.errors);
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const team = await lockTeam(tx, input.teamId);
    if (!team) return fail('NOT_FOUND', 'No such team', 'teamId');
    const owned = await ownerOnly(tx, team.id, viewerId);
    if (!owned.ok) return owned;
    await tx`/* teams:lockMembers */
      select 1 from users u join team_members m on m.user_id = u.id
       where m.team_id = ${team.id} order by u.id for share of u`;
    const [goal] = await tx<[TeamGoalRow]>`/* teams:insertGoal */
      insert into team_goals (team_id, title, metric, target, starts_at, ends_at)
      values (${team.id}, ${input.title.trim()}, ${input.metric}::goal_metric, ${input.target},
              ${input.startsAt.toISOString()}, ${input.endsAt.toISOString()})
      returning id`;
    const [read] = await tx<[TeamGoalRow]>`/* teams:readGoal */ select * from team_goals where id = ${goal.id}`;
    return ok({ goal: read });
  });
  if (result.ok) ctx.loaders.goalById.clear(result.value.goal.id).prime(result.value.goal.id, result.value.goal);
  return result;
}

async function ownerOnly(tx: TransactionSql, teamId: number, viewerId: number): Promise<Result<null>> {
  const [member] = await tx<{ role: string }[]>`/* teams:viewerRole */
    select role from team_members where team_id = ${teamId} and user_id = ${viewerId}`;
  if (member?.role !== 'OWNER') return fail('FORBIDDEN', 'Only the team’s owner can do this', 'teamId');
  return ok(null);
}

/** The owner deletes a goal; its contributions go with it, and its notifications stay with goal null. */
export async function deleteTeamGoal(
  ctx: TeamsContext,
  goalId: number,
): Promise<Result<{ deletedGoalId: number; team: TeamRow }>> {
  if (!ctx.viewer) return signInTo('delete a team goal');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const [goal] = await tx<
      { teamId: number }[]
    >`/* teams:goalTeam */ select team_id from team_goals where id = ${goalId}`;
    if (!goal) return fail('NOT_FOUND', 'No such goal', 'goalId');
    const team = await lockTeam(tx, goal.teamId);
    if (!team) return fail('NOT_FOUND', 'No such goal', 'goalId');
    const owned = await ownerOnly(tx, team.id, viewerId);
    if (!owned.ok) return fail('FORBIDDEN', 'Only the team’s owner can do this', 'goalId');
    await tx`/* teams:deleteGoal */ delete from team_goals where id = ${goalId}`;
    // Its teamGoalProgress streams read the goal gone, and end.
    await publish(tx, { type: 'goalChanged', goalId });
    return ok({ deletedGoalId: goalId, team });
  });
  if (result.ok) ctx.loaders.goalById.clear(goalId);
  return result;
}
