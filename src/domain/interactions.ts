import type { Context } from '../context';
import { toUserError } from '../db/errors';
import type { CommentRow } from '../db/rows';
import { workoutReachable, workoutVisible } from '../db/visibility';
import { fail, failWith, ok, type Result, signInTo } from '../errors';
import { announceNotifications } from './notifications';
import { Validator } from './validate';

/** What the like, comment and notification operations need; the demo seed builds one per user. */
export type InteractionContext = Pick<Context, 'sql' | 'viewer' | 'loaders'>;

export const MAX_COMMENT_LENGTH = 2000;

/** Runs one statement on its own (no BEGIN/COMMIT round trips), mapping constraint errors like a transaction would. */
async function single<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    const mapped = toUserError(error);
    if (mapped) return failWith([mapped]);
    throw error;
  }
}

function refreshWorkout(ctx: InteractionContext, workoutId: number): void {
  ctx.loaders.workoutById.clear(workoutId);
  ctx.loaders.viewerHasLiked.clear(workoutId);
}

/**
 * Likes a workout once: the like, the owner's WORKOUT_LIKED notification and its NOTIFY are one
 * statement, so the two hot rows it locks (the workout, whose like_count the trigger moves, and the
 * owner's notification counter) are held for that one statement, not for a transaction. Liking
 * again is ON CONFLICT DO NOTHING; a like after an unlike inserts a like again, but its
 * notification's act key is already taken, so it notifies once.
 */
export async function likeWorkout(ctx: InteractionContext, workoutId: number): Promise<Result<{ workoutId: number }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('like a workout');
  const result = await single(async () => {
    const [target] = await ctx.sql<{ ownerId: number }[]>`/* interactions:like */
      with target as (select w.id, w.user_id from workouts w where w.id = ${workoutId} and ${workoutReachable(ctx.sql, viewer.id)}),
      liked as (
        insert into workout_likes (workout_id, user_id)
        select id, ${viewer.id} from target where user_id <> ${viewer.id}
        on conflict do nothing
        returning workout_id, created_at
      ), notified as (
        insert into notifications (recipient_id, kind, actor_id, workout_id, act_key, created_at)
        select t.user_id, 'WORKOUT_LIKED', ${viewer.id}, t.id, 'like:' || t.id || ':' || ${viewer.id}::bigint, l.created_at
          from liked l join target t on t.id = l.workout_id
        returning id, recipient_id, sequence_number
      ), announced as (${announceNotifications(ctx.sql, 'notified')})
      select t.user_id as owner_id, (select count(*) from announced) as announced from target t`;
    if (!target) return fail('NOT_FOUND', 'No such workout', 'workoutId');
    if (target.ownerId === viewer.id) return fail('VALIDATION', 'You cannot like your own workout', 'workoutId');
    return ok({ workoutId });
  });
  if (result.ok) refreshWorkout(ctx, workoutId);
  return result;
}

/** Unliking a workout not liked changes nothing; the notification of the like stays. */
export async function unlikeWorkout(
  ctx: InteractionContext,
  workoutId: number,
): Promise<Result<{ workoutId: number }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('unlike a workout');
  const result = await single(async () => {
    const [target] = await ctx.sql`/* interactions:unlike */
      with target as (select w.id from workouts w where w.id = ${workoutId} and ${workoutReachable(ctx.sql, viewer.id)}),
      unliked as (
        delete from workout_likes where workout_id in (select id from target) and user_id = ${viewer.id} returning 1
      )
      select t.id, (select count(*) from unliked) as unliked from target t`;
    if (!target) return fail('NOT_FOUND', 'No such workout', 'workoutId');
    return ok({ workoutId });
  });
  if (result.ok) refreshWorkout(ctx, workoutId);
  return result;
}

/** A comment of 1..2000 characters after trimming, and the owner's WORKOUT_COMMENTED notification, in one statement. */
export async function commentOnWorkout(
  ctx: InteractionContext,
  input: { workoutId: number; body: string },
): Promise<Result<{ comment: CommentRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('comment');
  const body = input.body.trim();
  const check = new Validator()
    .text(body, 'body', 1, MAX_COMMENT_LENGTH)
    .check(!body.includes('\u0000'), 'body', 'body cannot contain U+0000');
  if (!check.ok) return failWith(check.errors);
  const result = await single(async () => {
    const [comment] = await ctx.sql<(CommentRow & { announced: number })[]>`/* interactions:comment */
      with target as (
        select w.id, w.user_id from workouts w where w.id = ${input.workoutId} and ${workoutReachable(ctx.sql, viewer.id)}
      ), comment as (
        insert into comments (workout_id, author_id, body)
        select id, ${viewer.id}, ${body} from target
        returning *
      ), notified as (
        insert into notifications (recipient_id, kind, actor_id, workout_id, comment_id, act_key, created_at)
        select t.user_id, 'WORKOUT_COMMENTED', ${viewer.id}, t.id, c.id, 'comment:' || c.id, c.created_at
          from comment c join target t on t.id = c.workout_id
         where t.user_id <> ${viewer.id}
        returning id, recipient_id, sequence_number
      ), announced as (${announceNotifications(ctx.sql, 'notified')})
      select c.*, (select count(*) from announced) as announced from comment c`;
    if (!comment) return fail('NOT_FOUND', 'No such workout', 'workoutId');
    const { announced: _announced, ...row } = comment;
    return ok({ comment: row });
  });
  if (result.ok) {
    refreshWorkout(ctx, input.workoutId);
    ctx.loaders.commentById.clear(result.value.comment.id).prime(result.value.comment.id, result.value.comment);
  }
  return result;
}

/** The comment's author or the workout's owner deletes it; its notification stays with `comment` null. */
export async function deleteComment(
  ctx: InteractionContext,
  commentId: number,
): Promise<Result<{ deletedCommentId: number; workoutId: number }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('delete a comment');
  const result = await single(async () => {
    const [target] = await ctx.sql<{ workoutId: number; deleted: boolean }[]>`/* interactions:deleteComment */
      with target as (
        select c.id, c.workout_id, c.author_id, w.user_id as owner_id
          from comments c join workouts w on w.id = c.workout_id
         where c.id = ${commentId} and (c.author_id = ${viewer.id} or ${workoutVisible(ctx.sql, viewer.id)})
      ), deleted as (
        delete from comments where id in (select id from target where ${viewer.id} in (author_id, owner_id))
        returning id
      )
      select workout_id, exists (select 1 from deleted) as deleted from target`;
    if (!target) return fail('NOT_FOUND', 'No such comment', 'commentId');
    if (!target.deleted)
      return fail('FORBIDDEN', 'Only the comment’s author or the workout’s owner can delete it', 'commentId');
    return ok({ deletedCommentId: commentId, workoutId: target.workoutId });
  });
  if (result.ok) {
    refreshWorkout(ctx, result.value.workoutId);
    ctx.loaders.commentById.clear(commentId);
  }
  return result;
}

/** Moves the viewer's notification read mark forward, never back, and never past the last number. */
export async function markNotificationsRead(
  ctx: InteractionContext,
  upToSequenceNumber: number,
): Promise<Result<{ viewerId: number }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('mark notifications read');
  const check = new Validator().integer(upToSequenceNumber, 'upToSequenceNumber', 0, 2_147_483_647);
  if (!check.ok) return failWith(check.errors);
  const result = await single(async () => {
    await ctx.sql`/* interactions:markNotificationsRead */
      update notification_states
         set last_read_sequence_number = least(${upToSequenceNumber}, last_sequence_number)
       where user_id = ${viewer.id} and last_read_sequence_number < least(${upToSequenceNumber}, last_sequence_number)`;
    return ok({ viewerId: viewer.id });
  });
  if (result.ok) {
    ctx.loaders.unreadNotificationCount.clear(viewer.id);
    ctx.loaders.notificationById.clearAll();
    ctx.loaders.userById.clear(viewer.id);
  }
  return result;
}
