import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { type CommentRow, type NotificationRow, notificationColumns, type UserRow } from '../db/rows';
import { workoutVisible } from '../db/visibility';
import { type KeyType, TIME_AND_ID } from '../pagination';
import { byKey, inKeys, loader } from './factory';
import { pageLoader } from './keyset-pages';

const NOTIFICATION_KEY_TYPES: readonly KeyType[] = ['integer'];

/**
 * Likes, comments and notifications. Likes and comments are readable by whoever sees their workout,
 * and each statement checks that itself (a workout the viewer cannot see has neither). Notifications are the recipient's alone: every notification
 * loader is scoped to the viewer, so any other caller (anonymous included) gets null or nothing.
 */
export function interactionLoaders(sql: Sql, viewerId: number | null) {
  /** The page's workout is one the viewer sees: checked once per parent, not per row. */
  const seen = (workout: Fragment) =>
    sql`exists (select 1 from workouts w where w.id = ${workout} and ${workoutVisible(sql, viewerId)})`;

  const viewerHasLiked = loader<number, boolean>(async (workoutIds) => {
    if (viewerId === null) return workoutIds.map(() => false);
    const rows = await sql<{ workoutId: number }[]>`/* loader:viewerHasLiked */
      select workout_id from workout_likes
       where user_id = ${viewerId} and workout_id ${inKeys(sql, workoutIds, 'bigint')}`;
    const liked = new Set(rows.map((row) => row.workoutId));
    return workoutIds.map((id) => liked.has(id));
  });

  /** Most recent like first, along workout_likes_recent_idx. */
  const likesByWorkoutId = pageLoader<UserRow>(sql, {
    name: 'loader:likesByWorkoutId',
    key: ['l.created_at', 'l.user_id'],
    keyTypes: TIME_AND_ID,
    order: 'desc',
    select: sql`u.*`,
    from: sql`workout_likes l join users u on u.id = l.user_id`,
    where: (workout) => sql`l.workout_id = ${workout} and ${seen(workout)}`,
  });

  const commentById = loader<number, CommentRow | null>(async (ids) => {
    const rows = await sql<CommentRow[]>`/* loader:commentById */
      select c.* from comments c join workouts w on w.id = c.workout_id
       where c.id ${inKeys(sql, ids, 'bigint')} and ${workoutVisible(sql, viewerId)}`;
    return byKey(ids, rows, (row) => row.id);
  });

  /** Oldest first, along comments_by_workout_idx; `last: N` gives the newest N. */
  const commentsByWorkoutId = pageLoader<CommentRow>(sql, {
    name: 'loader:commentsByWorkoutId',
    key: ['c.created_at', 'c.id'],
    keyTypes: TIME_AND_ID,
    order: 'asc',
    select: sql`c.*`,
    from: sql`comments c`,
    where: (workout) => sql`c.workout_id = ${workout} and ${seen(workout)}`,
  });

  const notificationById = loader<number, NotificationRow | null>(async (ids) => {
    if (viewerId === null) return ids.map(() => null);
    const rows = await sql<NotificationRow[]>`/* loader:notificationById */
      select ${notificationColumns(sql)}
        from notifications n left join notification_states s on s.user_id = n.recipient_id
       where n.id ${inKeys(sql, ids, 'bigint')} and n.recipient_id = ${viewerId}`;
    return byKey(ids, rows, (row) => row.id);
  });

  /** Newest first, along notifications_recipient_sequence_key. Callers ask for the viewer's own only. */
  const notificationsByUserId = pageLoader<NotificationRow>(sql, {
    name: 'loader:notificationsByUserId',
    key: ['n.sequence_number'],
    keyTypes: NOTIFICATION_KEY_TYPES,
    order: 'desc',
    select: notificationColumns(sql),
    from: sql`notifications n left join notification_states s on s.user_id = n.recipient_id`,
    where: (user) => sql`n.recipient_id = ${user}`,
  });

  /**
   * Numbers handed out in order make the unread count a subtraction on one row, however many there
   * are; the only holes are notifications deleted with the account that caused them, recorded in
   * notification_gaps (empty for nearly everyone).
   */
  const unreadNotificationCount = loader<number, number>(async (userIds) => {
    const rows = await sql<{ userId: number; unread: number }[]>`/* loader:unreadNotificationCount */
      select s.user_id, s.last_sequence_number - s.last_read_sequence_number
               - (select count(*) from notification_gaps g
                   where g.recipient_id = s.user_id and g.sequence_number > s.last_read_sequence_number)::integer as unread
        from notification_states s where s.user_id ${inKeys(sql, userIds, 'bigint')}`;
    return byKey(userIds, rows, (row) => row.userId).map((row) => row?.unread ?? 0);
  });

  return {
    viewerHasLiked,
    likesByWorkoutId,
    commentById,
    commentsByWorkoutId,
    notificationById,
    notificationsByUserId,
    unreadNotificationCount,
  };
}
