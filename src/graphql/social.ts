import { type FollowResult, follow, unfollow } from '../domain/social';
import type { UserError } from '../errors';
import { FOLLOW_KEY_TYPES } from '../loaders/social';
import { parsePage } from '../pagination';
import { builder } from './builder';
import { forwardArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';
import { toPayload, UserErrorType } from './payload';
import { User, UserConnection } from './users';

builder.objectFields(User, (t) => ({
  viewerIsFollowing: t.boolean({
    description: 'False when anonymous.',
    resolve: (user, _args, ctx) => ctx.loaders.viewerFollows?.load(user.id) ?? false,
  }),
  followers: t.field({
    type: UserConnection,
    description: 'Most recent follow first.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) =>
      toConnection(await ctx.loaders.followersByUserId(parsePage(args, FOLLOW_KEY_TYPES)).load(user.id)),
  }),
  following: t.field({
    type: UserConnection,
    description: 'Most recent follow first.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) =>
      toConnection(await ctx.loaders.followingByUserId(parsePage(args, FOLLOW_KEY_TYPES)).load(user.id)),
  }),
}));

const FollowInput = builder.inputType('FollowInput', {
  fields: (t) => ({ userId: t.id({ required: true }) }),
});

const FollowPayload = builder.objectRef<Partial<FollowResult> & { errors: UserError[] }>('FollowPayload').implement({
  fields: (t) => ({
    user: t.field({
      type: User,
      nullable: true,
      description: 'The one followed or unfollowed.',
      resolve: (p) => p.user ?? null,
    }),
    viewer: t.field({ type: User, nullable: true, resolve: (p) => p.viewer ?? null }),
    errors: t.field({ type: [UserErrorType], resolve: (p) => p.errors }),
  }),
});

builder.mutationFields((t) => ({
  follow: t.field({
    type: FollowPayload,
    description: 'Following someone already followed changes nothing and is no error.',
    args: { input: t.arg({ type: FollowInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(follow(ctx, idOf('User', String(input.userId), 'input.userId'))),
  }),
  unfollow: t.field({
    type: FollowPayload,
    description: 'Unfollowing someone not followed changes nothing and is no error.',
    args: { input: t.arg({ type: FollowInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(unfollow(ctx, idOf('User', String(input.userId), 'input.userId'))),
  }),
}));
