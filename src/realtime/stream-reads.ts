import type { Sql } from '../db/client';
import {
  type MessageRow,
  messageColumns,
  type NotificationRow,
  notificationColumns,
  type TeamGoalRow,
  type UserRow,
} from '../db/rows';
import { byKey, groupByKey, loader } from '../loaders/factory';

/** A message's reactions with who gave them, so each subscriber works out its own viewerHasReacted. */
export interface SharedReactionGroup {
  messageId: number;
  emoji: string;
  count: number;
  userIds: number[];
}

/** Rows read per statement while replaying; a stream asks for the next page once the client took this one. */
export const STREAM_PAGE = 100;

/**
 * The reads of every live stream in this process, batched: one announced message wakes every
 * subscriber of its conversation in the same tick, and all of them are answered by one membership
 * statement and one statement per distinct range, not one statement each. Nothing is cached: every
 * delivery reads membership afresh.
 */
export function createStreamReads(sql: Sql) {
  const membership = loader<string, boolean>(
    async (keys) => {
      const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
      const rows = await sql<{ key: string }[]>`/* stream:members */
        select cm.conversation_id || ':' || cm.user_id as key
          from unnest(${pairs.map((p) => p[0])}::bigint[], ${pairs.map((p) => p[1])}::bigint[]) as k(conversation_id, user_id)
          join conversation_members cm on cm.conversation_id = k.conversation_id and cm.user_id = k.user_id`;
      const members = new Set(rows.map((row) => row.key));
      return keys.map((key) => members.has(key));
    },
    { cache: false },
  );

  const range = loader<string, MessageRow[]>(
    async (keys) => {
      const ranges = keys.map((key) => key.split(':').map(Number) as [number, number, number]);
      const rows = await sql<(MessageRow & { rangeIndex: number })[]>`/* stream:messages */
        select k.idx as range_index, m.*
          from unnest(${ranges.map((r) => r[0])}::bigint[], ${ranges.map((r) => r[1])}::integer[],
                      ${ranges.map((r) => r[2])}::integer[]) with ordinality as k(conversation_id, after_seq, up_to, idx)
         cross join lateral (
           select ${messageColumns(sql)} from messages m
            where m.conversation_id = k.conversation_id and m.sequence_number > k.after_seq
              and m.sequence_number <= k.up_to
            order by m.sequence_number limit ${STREAM_PAGE}) m
         order by k.idx, m.sequence_number`;
      const pages = keys.map(() => [] as MessageRow[]);
      for (const { rangeIndex, ...row } of rows) pages[rangeIndex - 1]!.push(row);
      return pages;
    },
    { cache: false },
  );

  const notificationRange = loader<string, NotificationRow[]>(
    async (keys) => {
      const ranges = keys.map((key) => key.split(':').map(Number) as [number, number, number]);
      const rows = await sql<(NotificationRow & { rangeIndex: number })[]>`/* stream:notifications */
        select k.idx as range_index, n.*
          from unnest(${ranges.map((r) => r[0])}::bigint[], ${ranges.map((r) => r[1])}::integer[],
                      ${ranges.map((r) => r[2])}::integer[]) with ordinality as k(recipient_id, after_seq, up_to, idx)
         cross join lateral (
           select ${notificationColumns(sql)}
             from notifications n left join notification_states s on s.user_id = n.recipient_id
            where n.recipient_id = k.recipient_id and n.sequence_number > k.after_seq
              and n.sequence_number <= k.up_to
            order by n.sequence_number limit ${STREAM_PAGE}) n
         order by k.idx, n.sequence_number`;
      const pages = keys.map(() => [] as NotificationRow[]);
      for (const { rangeIndex, ...row } of rows) pages[rangeIndex - 1]!.push(row);
      return pages;
    },
    { cache: false },
  );

  const messageById = loader<number, MessageRow | null>(
    async (ids) => {
      const rows = await sql<MessageRow[]>`/* stream:messageById */
        select ${messageColumns(sql)} from messages m where m.id = any(${ids as number[]}::bigint[])`;
      return byKey(ids, rows, (row) => row.id);
    },
    { cache: false },
  );

  const reactionsByMessageId = loader<number, SharedReactionGroup[]>(
    async (ids) => {
      // The order of loader:reactionsByMessageId: most used first, then the emoji first used.
      const rows = await sql<(Omit<SharedReactionGroup, 'userIds'> & { userIds: string[] })[]>`/* stream:reactions */
        select message_id, emoji, count(*)::integer as count, array_agg(user_id::text) as user_ids
          from reactions where message_id = any(${ids as number[]}::bigint[])
         group by message_id, emoji
         order by message_id, count(*) desc, min(created_at), emoji`;
      const groups = rows.map((row) => ({ ...row, userIds: row.userIds.map(Number) }));
      return groupByKey(ids, groups, (row) => row.messageId);
    },
    { cache: false },
  );

  const userById = loader<number, UserRow | null>(
    async (ids) => {
      const rows = await sql<UserRow[]>`/* stream:users */
        select * from users where id = any(${ids as number[]}::bigint[])`;
      return byKey(ids, rows, (row) => row.id);
    },
    { cache: false },
  );

  /** A goal with whether the user is a member of its team now; null once the goal is gone. */
  const goalForMember = loader<string, (TeamGoalRow & { viewerIsMember: boolean }) | null>(
    async (keys) => {
      const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
      const rows = await sql<(TeamGoalRow & { viewerIsMember: boolean; idx: number })[]>`/* stream:goals */
        select k.idx, g.*,
               exists (select 1 from team_members m where m.team_id = g.team_id and m.user_id = k.user_id) as viewer_is_member
          from unnest(${pairs.map((p) => p[0])}::bigint[], ${pairs.map((p) => p[1])}::bigint[])
               with ordinality as k(goal_id, user_id, idx)
          join team_goals g on g.id = k.goal_id`;
      const found = new Map(rows.map(({ idx, ...row }) => [Number(idx), row]));
      return keys.map((_key, i) => found.get(i + 1) ?? null);
    },
    { cache: false },
  );

  return {
    goalForMember: (goalId: number, userId: number) => goalForMember.load(`${goalId}:${userId}`),
    notifications: (recipientId: number, after: number, upTo: number) =>
      notificationRange.load(`${recipientId}:${after}:${upTo}`),
    messageById: (id: number) => messageById.load(id),
    reactions: (messageId: number) => reactionsByMessageId.load(messageId),
    userById: (id: number) => userById.load(id),
    isMember: (conversationId: number, userId: number) => membership.load(`${conversationId}:${userId}`),
    /** Up to STREAM_PAGE messages with after < sequenceNumber <= upTo, in order. */
    messages: (conversationId: number, after: number, upTo: number) => range.load(`${conversationId}:${after}:${upTo}`),
  };
}

export type StreamReads = ReturnType<typeof createStreamReads>;
