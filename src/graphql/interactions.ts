import { GraphQLError } from 'graphql';
import { renewLoaders } from '../context';
import type { CommentRow, NotificationRow } from '../db/rows';
import { notificationKind } from '../db/schema';
import {
  commentOnWorkout,
  deleteComment,
  likeWorkout,
  markNotificationsRead,
  unlikeWorkout,
} from '../domain/interactions';
import { checkRange } from '../errors';
import { loadEach, loadRequired } from '../loaders/factory';
import { deliveryTrace } from '../realtime/live-stream';
import { openNotificationStream } from '../realtime/notification-stream';
import { builder } from './builder';
import { bidirectionalArgs, EMPTY_CONNECTION, forwardArgs, pageComplexity, toConnection } from './connections';
import { encodeGlobalId, idOf } from './ids';
import { Message } from './messaging';
import { payloadType, toPayload } from './payload';
import { Workout } from './training';
import { User, UserConnection } from './users';

export const Comment = builder.objectRef<CommentRow>('Comment');
export const Notification = builder.objectRef<NotificationRow>('Notification');

builder.node(Comment, {
  id: { resolve: (comment) => comment.id },
  description: 'A comment on a workout; readable wherever its workout is.',
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.commentById, ids.map(Number)),
  fields: (t) => ({
    workout: t.field({
      type: Workout,
      resolve: (comment, _args, ctx) => loadRequired(ctx.loaders.workoutById, comment.workoutId),
    }),
    author: t.field({
      type: User,
      resolve: (comment, _args, ctx) => loadRequired(ctx.loaders.userById, comment.authorId),
    }),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const CommentConnection = builder.connectionObject(
  { type: Comment, name: 'CommentConnection' },
  { name: 'CommentEdge' },
);

builder.objectFields(Workout, (t) => ({
  likeCount: t.exposeInt('likeCount', { description: 'Denormalized: kept by a trigger.' }),
  viewerHasLiked: t.boolean({
    description: 'False when anonymous.',
    resolve: (workout, _args, ctx) => ctx.loaders.viewerHasLiked.get(workout.id),
  }),
  likes: t.field({
    type: UserConnection,
    description: 'The users who liked it, most recent like first.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (workout, args, ctx) => toConnection(await ctx.loaders.likesByWorkoutId(args).load(workout.id)),
  }),
  commentCount: t.exposeInt('commentCount', { description: 'Denormalized: kept by a trigger.' }),
  comments: t.field({
    type: CommentConnection,
    description: 'Oldest first; `last: N` gives the newest N.',
    args: bidirectionalArgs,
    complexity: pageComplexity,
    resolve: async (workout, args, ctx) => toConnection(await ctx.loaders.commentsByWorkoutId(args).load(workout.id)),
  }),
}));

export const NotificationKind = builder.enumType('NotificationKind', {
  values: notificationKind.enumValues,
  description: 'What someone did to the recipient or their things.',
});

builder.node(Notification, {
  id: { resolve: (notification) => notification.id },
  description: 'Only its recipient can read it; for anyone else it does not exist.',
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.notificationById, ids.map(Number)),
  fields: (t) => ({
    kind: t.expose('kind', { type: NotificationKind }),
    sequenceNumber: t.exposeInt('sequenceNumber', { description: '1, 2, 3 … per recipient, no gaps, no repeats.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    actor: t.field({
      type: User,
      description: 'Who followed, liked, commented or reacted.',
      resolve: (notification, _args, ctx) => loadRequired(ctx.loaders.userById, notification.actorId),
    }),
    workout: t.field({
      type: Workout,
      nullable: true,
      description: 'WORKOUT_LIKED, WORKOUT_COMMENTED; null once the workout is deleted.',
      resolve: (notification, _args, ctx) =>
        notification.workoutId ? ctx.loaders.workoutById.get(notification.workoutId) : null,
    }),
    comment: t.field({
      type: Comment,
      nullable: true,
      description: 'WORKOUT_COMMENTED; null once the comment is deleted.',
      resolve: (notification, _args, ctx) =>
        notification.commentId ? ctx.loaders.commentById.get(notification.commentId) : null,
    }),
    message: t.field({
      type: Message,
      nullable: true,
      description: 'MESSAGE_REACTION; null once the message is gone or the recipient left its conversation.',
      resolve: (notification, _args, ctx) =>
        notification.messageId ? ctx.loaders.messageById.get(notification.messageId) : null,
    }),
    emoji: t.exposeString('emoji', { nullable: true, description: 'MESSAGE_REACTION: the emoji.' }),
    read: t.exposeBoolean('read', { description: 'True up to the recipient’s read mark.' }),
  }),
});

export const NotificationConnection = builder.connectionObject(
  { type: Notification, name: 'NotificationConnection' },
  { name: 'NotificationEdge' },
);

builder.objectFields(User, (t) => ({
  notifications: t.field({
    type: NotificationConnection,
    description: 'The viewer’s own notifications, newest first; empty for anyone else.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => {
      const notifications = ctx.loaders.notificationsByUserId(args);
      if (ctx.viewer?.id !== user.id) return EMPTY_CONNECTION;
      return toConnection(await notifications.load(user.id));
    },
  }),
  unreadNotificationCount: t.int({
    nullable: true,
    description: 'Notifications after the viewer’s read mark; null for anyone but the viewer.',
    resolve: (user, _args, ctx) =>
      ctx.viewer?.id === user.id ? ctx.loaders.unreadNotificationCount.get(user.id) : null,
  }),
}));

builder.subscriptionField('notificationAdded', (t) =>
  t.field({
    type: Notification,
    description:
      'The viewer’s own notifications, each once, in order; with afterSequenceNumber, first those after it. Ends when the token expires.',
    args: { afterSequenceNumber: t.arg.int() },
    subscribe: (_root, args, ctx) => {
      const afterSequenceNumber =
        args.afterSequenceNumber == null
          ? null
          : checkRange(args.afterSequenceNumber, 0, 2_147_483_647, 'afterSequenceNumber');
      if (!ctx.viewer) {
        throw new GraphQLError('Sign in to receive notifications', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      return openNotificationStream({
        sql: ctx.sql,
        pubsub: ctx.pubsub,
        viewer: ctx.viewer,
        logger: ctx.observability.logger,
        trace: deliveryTrace(ctx),
        afterSequenceNumber,
      });
    },
    resolve: (notification, _args, ctx) => {
      renewLoaders(ctx).notificationById.prime(notification.id, notification);
      return notification;
    },
  }),
);

// Mutations: thin wrappers over src/domain/interactions.ts.

const WorkoutLikeInput = builder.inputType('WorkoutLikeInput', {
  fields: (t) => ({ workoutId: t.id({ required: true }) }),
});
const CommentOnWorkoutInput = builder.inputType('CommentOnWorkoutInput', {
  fields: (t) => ({
    workoutId: t.id({ required: true }),
    body: t.string({ required: true, description: '1 to 2000 characters after trimming.' }),
  }),
});
const DeleteCommentInput = builder.inputType('DeleteCommentInput', {
  description: 'The comment’s author or the workout’s owner.',
  fields: (t) => ({ commentId: t.id({ required: true }) }),
});
const MarkNotificationsReadInput = builder.inputType('MarkNotificationsReadInput', {
  fields: (t) => ({
    upToSequenceNumber: t.int({
      required: true,
      description: 'Never moves the mark backwards; clamped to the last notification.',
    }),
  }),
});

const WorkoutLikePayload = payloadType<{ workoutId: number }>('WorkoutLikePayload', (t) => ({
  workout: t.field({
    type: Workout,
    nullable: true,
    resolve: (p, _args, ctx) => (p.workoutId ? ctx.loaders.workoutById.get(p.workoutId) : null),
  }),
}));

const CommentPayload = payloadType<{ comment: CommentRow }>('CommentPayload', (t) => ({
  comment: t.field({ type: Comment, nullable: true, resolve: (p) => p.comment ?? null }),
}));

const DeleteCommentPayload = payloadType<{ deletedCommentId: number; workoutId: number }>(
  'DeleteCommentPayload',
  (t) => ({
    deletedCommentId: t.id({
      nullable: true,
      resolve: (p) => (p.deletedCommentId ? encodeGlobalId('Comment', p.deletedCommentId) : null),
    }),
    workout: t.field({
      type: Workout,
      nullable: true,
      resolve: (p, _args, ctx) => (p.workoutId ? ctx.loaders.workoutById.get(p.workoutId) : null),
    }),
  }),
);

const MarkNotificationsReadPayload = payloadType<{ viewerId: number }>('MarkNotificationsReadPayload', (t) => ({
  viewer: t.field({
    type: User,
    nullable: true,
    resolve: (p, _args, ctx) => (p.viewerId ? ctx.loaders.userById.get(p.viewerId) : null),
  }),
}));

builder.mutationFields((t) => ({
  likeWorkout: t.field({
    type: WorkoutLikePayload,
    description: 'Once per user and workout; liking again changes nothing. Your own workout is a VALIDATION error.',
    args: { input: t.arg({ type: WorkoutLikeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(likeWorkout(ctx, idOf('Workout', input.workoutId, 'input.workoutId'))),
  }),
  unlikeWorkout: t.field({
    type: WorkoutLikePayload,
    description: 'Unliking a workout not liked changes nothing.',
    args: { input: t.arg({ type: WorkoutLikeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(unlikeWorkout(ctx, idOf('Workout', input.workoutId, 'input.workoutId'))),
  }),
  commentOnWorkout: t.field({
    type: CommentPayload,
    args: { input: t.arg({ type: CommentOnWorkoutInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        commentOnWorkout(ctx, {
          workoutId: idOf('Workout', input.workoutId, 'input.workoutId'),
          body: input.body,
        }),
      ),
  }),
  deleteComment: t.field({
    type: DeleteCommentPayload,
    args: { input: t.arg({ type: DeleteCommentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(deleteComment(ctx, idOf('Comment', input.commentId, 'input.commentId'))),
  }),
  markNotificationsRead: t.field({
    type: MarkNotificationsReadPayload,
    args: { input: t.arg({ type: MarkNotificationsReadInput, required: true }) },
    resolve: (_root, { input }, ctx) => toPayload(markNotificationsRead(ctx, input.upToSequenceNumber)),
  }),
}));
