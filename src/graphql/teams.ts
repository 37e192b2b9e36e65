import { GraphQLError } from 'graphql';
import { renewLoaders } from '../context';
import type { TeamGoalRow, TeamMemberRow, TeamRow } from '../db/rows';
import { goalMetric, teamJoinPolicy, teamRole } from '../db/schema';
import { createTeam, createTeamGoal, deleteTeamGoal, inviteToTeam, joinTeam, leaveTeam } from '../domain/teams';
import { forbidden } from '../errors';
import { loadEach, loadRequired } from '../loaders/factory';
import { type ContributionRow, type TeamBoardRow, teamBoardPage, teamsPage } from '../loaders/teams';
import { openGoalProgressStream } from '../realtime/goal-progress';
import { deliveryTrace } from '../realtime/live-stream';
import { builder } from './builder';
import { forwardArgs, pageComplexity, toConnection } from './connections';
import { encodeGlobalId, idOf } from './ids';
import { Notification } from './interactions';
import { payloadType, toPayload } from './payload';
import { User } from './users';

export const TeamRole = builder.enumType('TeamRole', { values: teamRole.enumValues });
export const TeamJoinPolicy = builder.enumType('TeamJoinPolicy', {
  values: teamJoinPolicy.enumValues,
  description: 'OPEN: anyone signed in may join; INVITE_ONLY: only users a member invited.',
});
export const GoalMetric = builder.enumType('GoalMetric', {
  values: goalMetric.enumValues,
  description:
    'What a goal or the team board counts per workout: its distanceMeters, its totalVolumeKg, 1, or its xpEarned.',
});

export const Team = builder.objectRef<TeamRow>('Team');
export const TeamGoal = builder.objectRef<TeamGoalRow>('TeamGoal');
const TeamMember = builder.objectRef<TeamMemberRow>('TeamMember');
const GoalContribution = builder.objectRef<ContributionRow>('GoalContribution');
const TeamLeaderboardEntry = builder.objectRef<TeamBoardRow>('TeamLeaderboardEntry');

TeamMember.implement({
  fields: (t) => ({
    user: t.field({ type: User, resolve: (member, _args, ctx) => loadRequired(ctx.loaders.userById, member.userId) }),
    role: t.expose('role', { type: TeamRole }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
  }),
});

GoalContribution.implement({
  description: 'A current member’s share of a goal’s progress.',
  fields: (t) => ({
    user: t.field({ type: User, resolve: (share, _args, ctx) => loadRequired(ctx.loaders.userById, share.userId) }),
    amount: t.float({ resolve: (share) => Number(share.amount) }),
    rank: t.exposeInt('rank', { description: 'Ties share a rank (1, 2, 2, 4).' }),
  }),
});

TeamLeaderboardEntry.implement({
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Ties share a rank (1, 2, 2, 4).' }),
    score: t.float({
      description: 'This ISO week’s sum of the metric over the current members’ workouts, divided by memberCount.',
      resolve: (entry) => Number(entry.score),
    }),
    team: t.field({ type: Team, resolve: (entry) => entry }),
  }),
});

const TeamMemberConnection = builder.connectionObject(
  { type: TeamMember, name: 'TeamMemberConnection' },
  { name: 'TeamMemberEdge' },
);
export const TeamGoalConnection = builder.connectionObject(
  { type: TeamGoal, name: 'TeamGoalConnection' },
  { name: 'TeamGoalEdge' },
);
const GoalContributionConnection = builder.connectionObject(
  { type: GoalContribution, name: 'GoalContributionConnection' },
  { name: 'GoalContributionEdge' },
);
export const TeamConnection = builder.connectionObject({ type: Team, name: 'TeamConnection' }, { name: 'TeamEdge' });
const TeamLeaderboardConnection = builder.connectionObject(
  { type: TeamLeaderboardEntry, name: 'TeamLeaderboardConnection' },
  { name: 'TeamLeaderboardEdge' },
);

builder.node(Team, {
  id: { resolve: (team) => team.id },
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.teamById, ids.map(Number)),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique, case-insensitively.' }),
    description: t.exposeString('description'),
    joinPolicy: t.expose('joinPolicy', { type: TeamJoinPolicy }),
    owner: t.field({
      type: User,
      resolve: async (team, _args, ctx) =>
        loadRequired(ctx.loaders.userById, (await ctx.loaders.ownerIdByTeamId.get(team.id))!),
    }),
    memberCount: t.exposeInt('memberCount', { description: 'Denormalized: kept by a trigger, at most 1,000.' }),
    members: t.field({
      type: TeamMemberConnection,
      description: 'Earliest joined first.',
      args: forwardArgs,
      complexity: pageComplexity,
      resolve: async (team, args, ctx) => toConnection(await ctx.loaders.membersByTeamId(args).load(team.id)),
    }),
    viewerRole: t.field({
      type: TeamRole,
      nullable: true,
      description: 'Null when the viewer is not a member.',
      resolve: (team, _args, ctx) => ctx.loaders.viewerTeamRole?.get(team.id) ?? null,
    }),
    goals: t.field({
      type: TeamGoalConnection,
      description: 'Latest endsAt first.',
      args: forwardArgs,
      complexity: pageComplexity,
      resolve: async (team, args, ctx) => toConnection(await ctx.loaders.goalsByTeamId(args).load(team.id)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.node(TeamGoal, {
  id: { resolve: (goal) => goal.id },
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.goalById, ids.map(Number)),
  fields: (t) => ({
    team: t.field({ type: Team, resolve: (goal, _args, ctx) => loadRequired(ctx.loaders.teamById, goal.teamId) }),
    title: t.exposeString('title'),
    metric: t.expose('metric', { type: GoalMetric }),
    target: t.exposeFloat('target'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', description: 'Exclusive: a workout started at endsAt counts not.' }),
    progress: t.float({
      description:
        'Exactly the sum of the metric over the current members’ workouts started in [startsAt, endsAt); kept in the writing transaction.',
      resolve: (goal) => Number(goal.progress),
    }),
    completedAt: t.expose('completedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When progress first reached target; never unset.',
    }),
    contributions: t.field({
      type: GoalContributionConnection,
      description: 'Current members with a share above 0, largest first.',
      args: forwardArgs,
      complexity: pageComplexity,
      resolve: async (goal, args, ctx) => toConnection(await ctx.loaders.contributionsByGoalId(args).load(goal.id)),
    }),
  }),
});

builder.objectFields(User, (t) => ({
  teams: t.field({
    type: TeamConnection,
    description: 'The user’s teams, most recently joined first.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => toConnection(await ctx.loaders.teamsByUserId(args).load(user.id)),
  }),
}));

builder.objectFields(Notification, (t) => ({
  team: t.field({
    type: Team,
    nullable: true,
    description: 'TEAM_INVITE, TEAM_GOAL_COMPLETED; null once the team is gone.',
    resolve: (notification, _args, ctx) => (notification.teamId ? ctx.loaders.teamById.get(notification.teamId) : null),
  }),
  goal: t.field({
    type: TeamGoal,
    nullable: true,
    description: 'TEAM_GOAL_COMPLETED; null once the goal is deleted.',
    resolve: (notification, _args, ctx) => (notification.goalId ? ctx.loaders.goalById.get(notification.goalId) : null),
  }),
}));

builder.queryFields((t) => ({
  team: t.field({
    type: Team,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.teamById.get(idOf('Team', args.id)),
  }),
  teams: t.field({
    type: TeamConnection,
    description: 'Teams by name; `search` is a case-insensitive name prefix.',
    args: { ...forwardArgs, search: t.arg.string() },
    complexity: pageComplexity,
    resolve: async (_root, args, ctx) => toConnection(await teamsPage(ctx.sql, args)),
  }),
  teamLeaderboard: t.field({
    type: TeamLeaderboardConnection,
    description:
      'Teams by this ISO week’s (since Monday 00:00 UTC) sum of the metric over their current members’ workouts, divided by memberCount, highest first; a team is on the board once that is above zero, so the board starts empty every Monday. Ties share a rank.',
    args: { ...forwardArgs, metric: t.arg({ type: GoalMetric, required: true }) },
    complexity: pageComplexity,
    resolve: async (_root, args, ctx) => toConnection(await teamBoardPage(ctx.sql, args.metric, args)),
  }),
}));

const CreateTeamInput = builder.inputType('CreateTeamInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '3 to 60 characters, unique case-insensitively.' }),
    description: t.string({ description: '0 to 500 characters.' }),
    joinPolicy: t.field({ type: TeamJoinPolicy, defaultValue: 'OPEN' }),
  }),
});
const TeamInput = builder.inputType('TeamInput', { fields: (t) => ({ teamId: t.id({ required: true }) }) });
const InviteToTeamInput = builder.inputType('InviteToTeamInput', {
  fields: (t) => ({ teamId: t.id({ required: true }), userId: t.id({ required: true }) }),
});
const CreateTeamGoalInput = builder.inputType('CreateTeamGoalInput', {
  fields: (t) => ({
    teamId: t.id({ required: true }),
    title: t.string({ required: true, description: '1 to 200 characters.' }),
    metric: t.field({ type: GoalMetric, required: true }),
    target: t.float({ required: true, description: 'Above 0, at most 1e9.' }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', required: true, description: 'After startsAt, at most 366 days later.' }),
  }),
});
const DeleteTeamGoalInput = builder.inputType('DeleteTeamGoalInput', {
  fields: (t) => ({ goalId: t.id({ required: true }) }),
});

const TeamPayload = payloadType<{ team: TeamRow | null }>('TeamPayload', (t) => ({
  team: t.field({ type: Team, nullable: true, resolve: (p) => p.team ?? null }),
}));
const TeamGoalPayload = payloadType<{ goal: TeamGoalRow }>('TeamGoalPayload', (t) => ({
  goal: t.field({ type: TeamGoal, nullable: true, resolve: (p) => p.goal ?? null }),
}));
const DeleteTeamGoalPayload = payloadType<{ deletedGoalId: number; team: TeamRow }>('DeleteTeamGoalPayload', (t) => ({
  deletedGoalId: t.id({
    nullable: true,
    resolve: (p) => (p.deletedGoalId ? encodeGlobalId('TeamGoal', p.deletedGoalId) : null),
  }),
  team: t.field({ type: Team, nullable: true, resolve: (p) => p.team ?? null }),
}));

builder.mutationFields((t) => ({
  createTeam: t.field({
    type: TeamPayload,
    description: 'The caller becomes its OWNER.',
    args: { input: t.arg({ type: CreateTeamInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(createTeam(ctx, input)),
  }),
  joinTeam: t.field({
    type: TeamPayload,
    description:
      'An OPEN team, or an INVITE_ONLY one after a member invited the caller (FORBIDDEN otherwise); a full team (1,000) is CONFLICT. Joining twice changes nothing.',
    args: { input: t.arg({ type: TeamInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(joinTeam(ctx, idOf('Team', input.teamId, 'input.teamId'))),
  }),
  leaveTeam: t.field({
    type: TeamPayload,
    description:
      'An owner who leaves passes the team to the earliest-joined member; the last member leaving deletes the team (team is then null). Leaving a team one is not in changes nothing.',
    args: { input: t.arg({ type: TeamInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(leaveTeam(ctx, idOf('Team', input.teamId, 'input.teamId'))),
  }),
  inviteToTeam: t.field({
    type: TeamPayload,
    description: 'Members only; notifies the invitee once (TEAM_INVITE). Across a block, FORBIDDEN.',
    args: { input: t.arg({ type: InviteToTeamInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        inviteToTeam(ctx, {
          teamId: idOf('Team', input.teamId, 'input.teamId'),
          userId: idOf('User', input.userId, 'input.userId'),
        }),
      ),
  }),
  createTeamGoal: t.field({
    type: TeamGoalPayload,
    description: 'The owner only.',
    args: { input: t.arg({ type: CreateTeamGoalInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(createTeamGoal(ctx, { ...input, teamId: idOf('Team', input.teamId, 'input.teamId') })),
  }),
  deleteTeamGoal: t.field({
    type: DeleteTeamGoalPayload,
    description: 'The owner only.',
    args: { input: t.arg({ type: DeleteTeamGoalInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(deleteTeamGoal(ctx, idOf('TeamGoal', input.goalId, 'input.goalId'))),
  }),
}));

builder.subscriptionField('teamGoalProgress', (t) =>
  t.field({
    type: TeamGoal,
    description:
      'Members only: the goal as it is now, then again after every change of its progress, in commit order. Ends when the viewer leaves the team, the goal goes, or the token expires.',
    args: { goalId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const goalId = idOf('TeamGoal', args.goalId, 'goalId');
      if (!ctx.viewer) {
        throw new GraphQLError('Sign in to follow a team goal', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      const goal = await ctx.loaders.goalById.get(goalId);
      const role = goal ? await ctx.loaders.viewerTeamRole!.get(goal.teamId) : null;
      if (!goal || !role) throw forbidden('Only members of this team can follow its goals');
      return openGoalProgressStream({
        pubsub: ctx.pubsub,
        viewer: ctx.viewer,
        logger: ctx.observability.logger,
        trace: deliveryTrace(ctx),
        goal,
      });
    },
    resolve: (goal: TeamGoalRow, _args, ctx) => {
      renewLoaders(ctx).goalById.prime(goal.id, goal);
      return goal;
    },
  }),
);
