import type { Sql } from '../../src/db/client';
import { graphql } from '../gql';
import type { TestDatabase } from '../setup/db';
import { expectData, run } from './client';
import { globalId, type SeededUser } from './seed';
import { exercises, insertWorkout } from './training';

export const LikeWorkout = graphql(`
  mutation LikeWorkout($input: WorkoutLikeInput!) {
    likeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }
  }`);

export const UnlikeWorkout = graphql(`
  mutation UnlikeWorkout($input: WorkoutLikeInput!) {
    unlikeWorkout(input: $input) { workout { id likeCount viewerHasLiked } errors { code message field } }
  }`);

export const CommentOnWorkout = graphql(`
  mutation CommentOnWorkout($input: CommentOnWorkoutInput!) {
    commentOnWorkout(input: $input) {
      comment { id body author { id } workout { id commentCount } }
      errors { code message field }
    }
  }`);

export const DeleteComment = graphql(`
  mutation DeleteComment($input: DeleteCommentInput!) {
    deleteComment(input: $input) { deletedCommentId workout { id commentCount } errors { code field } }
  }`);

export const MarkNotificationsRead = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { viewer { id unreadNotificationCount } errors { code field } }
  }`);

export const Notifications = graphql(`
  query Notifications($first: Int, $after: String) {
    viewer {
      unreadNotificationCount
      notifications(first: $first, after: $after) {
        edges { cursor node {
          id kind sequenceNumber read emoji actor { id }
          workout { id } comment { id body } message { id }
        } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }
  }`);

export interface SeededWorkout {
  id: number;
  globalId: string;
}

/** A workout of `owner` with one set, inserted straight into the tables. */
export async function createWorkout(sql: Sql, owner: SeededUser): Promise<SeededWorkout> {
  const bench = (await exercises(sql)).byName.get('Bench Press')!;
  const id = await insertWorkout(sql, owner.id, new Date(Date.now() - 3_600_000), [
    { exerciseId: bench, reps: 5, weightKg: 100 },
  ]);
  return { id, globalId: globalId('Workout', id) };
}

export async function like(db: TestDatabase, user: SeededUser, workout: SeededWorkout) {
  return expectData(await run(db, LikeWorkout, { input: { workoutId: workout.globalId } }, { as: user.id }))
    .likeWorkout;
}

export async function unlike(db: TestDatabase, user: SeededUser, workout: SeededWorkout) {
  return expectData(await run(db, UnlikeWorkout, { input: { workoutId: workout.globalId } }, { as: user.id }))
    .unlikeWorkout;
}

export async function comment(db: TestDatabase, user: SeededUser, workout: SeededWorkout, body: string) {
  return expectData(await run(db, CommentOnWorkout, { input: { workoutId: workout.globalId, body } }, { as: user.id }))
    .commentOnWorkout;
}

/** The recipient's notifications as stored, oldest first. */
export async function storedNotifications(sql: Sql, recipient: SeededUser) {
  return sql<{ sequenceNumber: number; kind: string; actorId: number; workoutId: number | null }[]>`
    select sequence_number, kind, actor_id, workout_id from notifications
     where recipient_id = ${recipient.id} order by sequence_number`;
}
