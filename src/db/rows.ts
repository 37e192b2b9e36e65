import { getTableColumns } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Fragment } from 'postgres';
import type { Sql } from './client';
import {
  type comments,
  type conversations,
  type notificationKind,
  type personalRecords,
  type teamGoals,
  type teamMembers,
  type teams,
  users,
  type workouts,
} from './schema';

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
export const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'sender_id',
  'sequence_number',
  'body',
  'created_at',
  'edited_at',
] as const;

export function messageColumns(sql: Sql, alias = 'm'): Fragment {
  return sql.unsafe(MESSAGE_COLUMNS.map((column) => `${alias}.${column}`).join(', '));
}

/** Every column of a UserRow, as `u.*` would give them; for a statement whose other columns must not come along. */
export function userColumns(sql: Sql, alias: string): Fragment {
  userColumnNames ??= Object.values(getTableColumns(users)).map((column) =>
    column.keyAsName ? toSnakeCase(column.name) : column.name,
  );
  return sql.unsafe(userColumnNames.map((column) => `${alias}.${column}`).join(', '));
}
let userColumnNames: string[] | undefined;

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
  teamId: number | null;
  goalId: number | null;
  createdAt: Date;
  /** Up to the recipient's read mark. */
  read: boolean;
}

/** A NotificationRow's columns, over `notifications n left join notification_states s`. */
export function notificationColumns(sql: Sql): Fragment {
  return sql.unsafe(
    `n.id, n.recipient_id, n.sequence_number, n.kind, n.actor_id, n.workout_id, n.comment_id, n.message_id,
     n.emoji, n.team_id, n.goal_id, n.created_at, n.sequence_number <= coalesce(s.last_read_sequence_number, 0) as read`,
  );
}

/** A personal record with its exercise's name and its set, so `record { exercise { name } set { reps } }` is one statement. */
export type RecordRow = typeof personalRecords.$inferSelect & {
  exerciseName: string;
  setPosition: number;
  setReps: number;
  setWeightKg: number;
  setEstimatedOneRepMaxKg: number;
};

/** The columns of a RecordRow, over `personal_records r` joined by recordJoins. */
export function recordColumns(sql: Sql): Fragment {
  return sql`r.*, e.name as exercise_name, s.position as set_position, s.reps as set_reps,
    s.weight_kg as set_weight_kg, s.estimated_one_rep_max_kg as set_estimated_one_rep_max_kg`;
}

export function recordJoins(sql: Sql): Fragment {
  return sql`join exercises e on e.id = r.exercise_id join workout_sets s on s.id = r.set_id`;
}

const jsonColumns = new WeakMap<PgTable, { key: string; name: string; date: boolean }[]>();

/**
 * A row that came back as `to_jsonb(t)::text` (a statement that returns several kinds of rows
 * carries the rarer kinds that way), in the shape postgres.js gives a row of the table: camelCase
 * keys, Dates. As text, not jsonb: the client's camel transform of JSON values rebuilds every object
 * key by key, and cost more than the round trip it saved.
 */
export function rowFromJson<T extends PgTable>(table: T, doc: Record<string, unknown>): T['$inferSelect'] {
  let columns = jsonColumns.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      // The schema's keys become column names through the client's snake_case casing (db/client.ts).
      name: column.keyAsName ? toSnakeCase(column.name) : column.name,
      date: column.dataType === 'date',
    }));
    jsonColumns.set(table, columns);
  }
  const row: Record<string, unknown> = {};
  for (const { key, name, date } of columns) {
    const value = doc[name] ?? null;
    row[key] = date && value !== null ? new Date(value as string) : value;
  }
  return row as T['$inferSelect'];
}

export type TeamRow = typeof teams.$inferSelect;
/** progress is numeric in the database; postgres.js hands it over as its exact decimal text. */
export type TeamGoalRow = typeof teamGoals.$inferSelect;
export type TeamMemberRow = typeof teamMembers.$inferSelect;
