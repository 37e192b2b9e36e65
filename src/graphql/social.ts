import { type FollowResult, follow, unfollow } from '../domain/social';
import { builder } from './builder';
import { forwardArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';
import { payloadType, toPayload } from './payload';
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
    resolve: async (user, args, ctx) => toConnection(await ctx.loaders.followersByUserId(args).load(user.id)),
  }),
  following: t.field({
    type: UserConnection,
    description: 'Most recent follow first.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => toConnection(await ctx.loaders.followingByUserId(args).load(user.id)),
  }),
}));

const FollowInput = builder.inputType('FollowInput', {
  fields: (t) => ({ userId: t.id({ required: true }) }),
});

const FollowPayload = payloadType<FollowResult>('FollowPayload', (t) => ({
  user: t.field({
    type: User,
    nullable: true,
    description: 'The one followed or unfollowed.',
    resolve: (p) => p.user ?? null,
  }),
  viewer: t.field({ type: User, nullable: true, resolve: (p) => p.viewer ?? null }),
}));

builder.mutationFields((t) => ({
  follow: t.field({
    type: FollowPayload,
    description: 'Following someone already followed changes nothing and is no error.',
    args: { input: t.arg({ type: FollowInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(follow(ctx, idOf('User', input.userId, 'input.userId'))),
  }),
  unfollow: t.field({
    type: FollowPayload,
    description: 'Unfollowing someone not followed changes nothing and is no error.',
    args: { input: t.arg({ type: FollowInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(unfollow(ctx, idOf('User', input.userId, 'input.userId'))),
  }),
}));
