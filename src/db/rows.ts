import type { Fragment } from 'postgres';
import type { Sql } from './client';
import type { comments, conversations, notificationKind, users, workouts } from './schema';

// The rows that both reads (loaders/) and writes (domain/) hand to the GraphQL layer.

export type UserRow = typeof users.$inferSelect;

export type WorkoutRow = typeof workouts.$inferSelect;

/**
 * A conversation as one viewer sees it. `viewerLastReadSequenceNumber` is the viewer's read mark,
 * null when the viewer is not (or no longer) a member: such a row shows its header and nothing more.
 */
export type ConversationRow = typeof conversations.$inferSelect & { viewerLastReadSequenceNumber: number | null };

export interface MessageRow {
  id: number;
  conversationId: number;
  senderId: number;
  sequenceNumber: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
}

/** Every column of a MessageRow: all but the search vector, which no reader needs. */
export function messageColumns(sql: Sql, alias = 'm'): Fragment {
  return sql.unsafe(
    ['id', 'conversation_id', 'sender_id', 'sequence_number', 'body', 'created_at', 'edited_at']
      .map((column) => `${alias}.${column}`)
      .join(', '),
  );
}

export type CommentRow = typeof comments.$inferSelect;

export interface NotificationRow {
  id: number;
  recipientId: number;
  sequenceNumber: number;
  kind: (typeof notificationKind.enumValues)[number];
  actorId: number;
  workoutId: number | null;
  commentId: number | null;
  messageId: number | null;
  emoji: string | null;
  createdAt: Date;
  /** Up to the recipient's read mark. */
  read: boolean;
}

/** A NotificationRow's columns, over `notifications n left join notification_states s`. */
export function notificationColumns(sql: Sql): Fragment {
  return sql.unsafe(
    `n.id, n.recipient_id, n.sequence_number, n.kind, n.actor_id, n.workout_id, n.comment_id, n.message_id,
     n.emoji, n.created_at, n.sequence_number <= coalesce(s.last_read_sequence_number, 0) as read`,
  );
}
