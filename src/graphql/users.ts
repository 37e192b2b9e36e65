import type { UserRow } from '../db/rows';
import type { workoutVisibility } from '../db/schema';
import { updateProfile } from '../domain/profile';
import { loadEach, primeRows } from '../loaders/factory';
import { usersPage } from '../loaders/users';
import type { ConnectionArgs } from '../pagination';
import { builder } from './builder';
import { bidirectionalArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';
import { payloadType, toPayload } from './payload';
import { soleChildArguments } from './selection';

export const User = builder.objectRef<UserRow>('User');

export const Visibility = builder.enumType('Visibility', {
  values: {
    EVERYONE: { description: 'Anybody, anonymous callers included.' },
    FOLLOWERS: { description: 'Users who follow the owner.' },
    ONLY_ME: { description: 'Nobody but the owner.' },
  } satisfies Record<(typeof workoutVisibility.enumValues)[number], unknown>,
  description: 'Who besides its owner sees a workout; never a user the owner has blocked or who has blocked the owner.',
});

builder.node(User, {
  id: { resolve: (user) => user.id },
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.userById, ids.map(Number)),
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    country: t.exposeString('country', {
      nullable: true,
      description: 'ISO-3166 alpha-2, upper case.',
    }),
    xp: t.exposeInt('xp', { description: 'The sum of the XP of the user’s workouts.' }),
    level: t.exposeInt('level', { description: 'floor(sqrt(xp / 100)) + 1' }),
    workoutCount: t.exposeInt('workoutCount'),
    followerCount: t.exposeInt('followerCount'),
    followingCount: t.exposeInt('followingCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    ghostMode: t.boolean({
      nullable: true,
      description: 'Hidden from every leaderboard. Only the user themself sees this; null for others.',
      resolve: (user, _args, ctx) => (ctx.viewer?.id === user.id ? user.ghostMode : null),
    }),
    leaderboardOptIn: t.boolean({
      nullable: true,
      description: 'Listed on leaderboards. Only the user themself sees this; null for others.',
      resolve: (user, _args, ctx) => (ctx.viewer?.id === user.id ? user.leaderboardOptIn : null),
    }),
    defaultWorkoutVisibility: t.field({
      type: Visibility,
      nullable: true,
      description:
        'What logWorkout gives a workout logged without one. Only the user themself sees this; null for others.',
      resolve: (user, _args, ctx) => (ctx.viewer?.id === user.id ? user.defaultWorkoutVisibility : null),
    }),
  }),
});

export const UserConnection = builder.connectionObject({ type: User, name: 'UserConnection' }, { name: 'UserEdge' });

builder.queryFields((t) => ({
  viewer: t.field({
    type: User,
    nullable: true,
    description:
      'The caller, from the bearer token; null when anonymous, or for an identity-provider account that has not called createAccount yet.',
    resolve: (_root, _args, ctx) => (ctx.viewer ? ctx.loaders.userById.get(ctx.viewer.id) : null),
  }),
  user: t.field({
    type: User,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.userById.get(idOf('User', args.id)),
  }),
  userByUsername: t.field({
    type: User,
    nullable: true,
    args: { username: t.arg.string({ required: true }) },
    // A profile with its first followers in one round trip, when they are selected.
    resolve: (_root, args, ctx, info) =>
      ctx.loaders.userByUsernameWithFollowers(
        args.username,
        ctx.config.foldedReads ? (soleChildArguments(info, 'followers') as ConnectionArgs | null) : null,
      ),
  }),
  users: t.field({
    type: UserConnection,
    description: 'Everyone, by username; `search` matches a username or display-name prefix.',
    args: { ...bidirectionalArgs, search: t.arg.string() },
    complexity: pageComplexity,
    resolve: async (_root, args, ctx) => {
      const page = await usersPage(ctx.sql, args);
      primeRows(ctx.loaders.userById, page.rows);
      return toConnection(page);
    },
  }),
}));

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  description: 'Only the fields given change; `country: null` clears the country.',
  fields: (t) => ({
    displayName: t.string(),
    country: t.string(),
    ghostMode: t.boolean(),
    leaderboardOptIn: t.boolean(),
    defaultWorkoutVisibility: t.field({ type: Visibility, description: 'Initially EVERYONE.' }),
  }),
});

const UpdateProfilePayload = payloadType<{ user: UserRow }>('UpdateProfilePayload', (t) => ({
  user: t.field({ type: User, nullable: true, resolve: (p) => p.user ?? null }),
}));

builder.mutationField('updateProfile', (t) =>
  t.field({
    type: UpdateProfilePayload,
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(updateProfile(ctx, input)),
  }),
);
