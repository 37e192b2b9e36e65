import type { Fragment } from 'postgres';
import type { Sql } from './client';
import type { conversations, users, workouts } from './schema';

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
