import { type BlockResult, blockUser, unblockUser } from '../domain/blocking';
import { type FollowResult, follow, unfollow } from '../domain/social';
import { builder } from './builder';
import { EMPTY_CONNECTION, forwardArgs, pageComplexity, toConnection } from './connections';
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
  viewerHasBlocked: t.boolean({
    description: 'Whether the viewer has blocked this user; false when anonymous.',
    resolve: (user, _args, ctx) => ctx.loaders.viewerHasBlocked?.get(user.id) ?? false,
  }),
  blockedUsers: t.field({
    type: UserConnection,
    description: 'The viewer’s own blocks, most recent first; empty for anyone else.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => {
      const blocked = ctx.loaders.blockedByUserId(args);
      if (ctx.viewer?.id !== user.id) return EMPTY_CONNECTION;
      return toConnection(await blocked.load(user.id));
    },
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

const BlockInput = builder.inputType('BlockInput', {
  fields: (t) => ({ userId: t.id({ required: true }) }),
});

const BlockPayload = payloadType<BlockResult>('BlockPayload', (t) => ({
  user: t.field({
    type: User,
    nullable: true,
    description: 'The one blocked or unblocked.',
    resolve: (p) => p.user ?? null,
  }),
  viewer: t.field({ type: User, nullable: true, resolve: (p) => p.viewer ?? null }),
}));

builder.mutationFields((t) => ({
  blockUser: t.field({
    type: BlockPayload,
    description:
      'Removes any follow between the two, both ways. While it lasts neither can follow the other, like or comment on the other’s workouts or start a conversation including the other (FORBIDDEN), and neither sees the other’s workouts. Blocking twice changes nothing; yourself is VALIDATION.',
    args: { input: t.arg({ type: BlockInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(blockUser(ctx, idOf('User', input.userId, 'input.userId'))),
  }),
  unblockUser: t.field({
    type: BlockPayload,
    description: 'Restores no follow. Unblocking someone not blocked changes nothing.',
    args: { input: t.arg({ type: BlockInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(unblockUser(ctx, idOf('User', input.userId, 'input.userId'))),
  }),
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
