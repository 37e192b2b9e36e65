import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { messages } from './messaging';
import { teamGoals, teams } from './teams';
import { workouts } from './training';
import { users } from './users';

/** One like per user and workout: the primary key is what makes liking ten times at once count once. */
export const workoutLikes = pgTable(
  'workout_likes',
  {
    workoutId: bigint({ mode: 'number' })
      .notNull()
      .references(() => workouts.id, { onDelete: 'cascade' }),
    userId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'workout_likes_pkey', columns: [t.workoutId, t.userId] }),
    // Workout.likes: most recent like first.
    index('workout_likes_recent_idx').on(t.workoutId, t.createdAt.desc(), t.userId.desc()),
    // deleteAccount's cascade finds a user's likes by these, not by a scan of every like.
    index('workout_likes_by_user_idx').on(t.userId),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workoutId: bigint({ mode: 'number' })
      .notNull()
      .references(() => workouts.id, { onDelete: 'cascade' }),
    authorId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    // Workout.comments: oldest first.
    index('comments_by_workout_idx').on(t.workoutId, t.createdAt, t.id),
    index('comments_by_author_idx').on(t.authorId),
    check('comments_body_length', sql`char_length(${t.body}) between 1 and 2000`),
  ],
);

export const notificationKind = pgEnum('notification_kind', [
  'NEW_FOLLOWER',
  'WORKOUT_LIKED',
  'WORKOUT_COMMENTED',
  'MESSAGE_REACTION',
  'TEAM_INVITE',
  'TEAM_GOAL_COMPLETED',
]);

/**
 * A recipient's notifications, numbered 1, 2, 3 … by the tg_notifications__sequence trigger from
 * their notification_states row. A deleted workout, comment or message sets its column null and the
 * notification stays, so numbers never get a gap.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recipientId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sequenceNumber: integer().notNull(),
    kind: notificationKind().notNull(),
    actorId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workoutId: bigint({ mode: 'number' }).references(() => workouts.id, { onDelete: 'set null' }),
    commentId: bigint({ mode: 'number' }).references(() => comments.id, { onDelete: 'set null' }),
    messageId: bigint({ mode: 'number' }).references(() => messages.id, { onDelete: 'set null' }),
    emoji: text(),
    teamId: bigint({ mode: 'number' }).references(() => teams.id, { onDelete: 'set null' }),
    goalId: bigint({ mode: 'number' }).references(() => teamGoals.id, { onDelete: 'set null' }),
    /**
     * What the act was, independent of the columns a deletion nulls: `like:<workout>:<actor>`,
     * `follow:<actor>`, `reaction:<message>:<emoji>:<actor>`, `comment:<comment>`. Unique per
     * recipient, so repeating an act (like, unlike, like) notifies once whatever races.
     */
    actKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [
    // User.notifications, newest first, and the stream's replay ranges.
    uniqueIndex('notifications_recipient_sequence_key').on(t.recipientId, t.sequenceNumber.desc()),
    uniqueIndex('notifications_act_key').on(t.recipientId, t.actKey),
    // The ON DELETE SET NULL actions look rows up by these.
    index('notifications_workout_idx').on(t.workoutId).where(sql`${t.workoutId} is not null`),
    index('notifications_comment_idx').on(t.commentId).where(sql`${t.commentId} is not null`),
    index('notifications_message_idx').on(t.messageId).where(sql`${t.messageId} is not null`),
    index('notifications_team_idx').on(t.teamId).where(sql`${t.teamId} is not null`),
    index('notifications_goal_idx').on(t.goalId).where(sql`${t.goalId} is not null`),
    // deleteAccount deletes the notifications a user caused.
    index('notifications_actor_idx').on(t.actorId),
    // A completed goal notifies every member, the one whose workout completed it included. Compared
    // as text: a value added to the enum in the migrating transaction cannot be used as a literal yet.
    check(
      'notifications_payload',
      sql`(${t.kind} <> 'MESSAGE_REACTION' or ${t.emoji} is not null)
        and (${t.actorId} <> ${t.recipientId} or ${t.kind}::text = 'TEAM_GOAL_COMPLETED')`,
    ),
  ],
);

/**
 * Per recipient: the last notification number handed out (the counter the sequence trigger
 * increments under this row's lock) and the read mark. Kept apart from users so a burst of likes
 * does not queue on the users row that follows and workouts also lock.
 */
export const notificationStates = pgTable(
  'notification_states',
  {
    userId: bigint({ mode: 'number' })
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastSequenceNumber: integer().notNull().default(0),
    lastReadSequenceNumber: integer().notNull().default(0),
  },
  (t) => [
    check('notification_states_read_mark', sql`${t.lastReadSequenceNumber} between 0 and ${t.lastSequenceNumber}`),
  ],
);

/**
 * The numbers of notifications deleted with the account that caused them (deleteAccount): numbers are
 * never reused, so the unread count is last number − read mark − the gaps after the mark. Only deleted
 * accounts make gaps, so the table stays small and the count stays one row plus an empty range.
 */
export const notificationGaps = pgTable(
  'notification_gaps',
  {
    recipientId: bigint({ mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sequenceNumber: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.recipientId, t.sequenceNumber] })],
);
