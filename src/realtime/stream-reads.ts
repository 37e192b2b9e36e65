import type { Sql } from '../db/client';
import { type MessageRow, messageColumns } from '../db/rows';
import { withoutStatementLog } from '../db/statements';
import { loader } from '../loaders/factory';

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
    (keys) =>
      withoutStatementLog(async () => {
        const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
        const rows = await sql<{ key: string }[]>`/* stream:members */
          select cm.conversation_id || ':' || cm.user_id as key
            from unnest(${pairs.map((p) => p[0])}::bigint[], ${pairs.map((p) => p[1])}::bigint[]) as k(conversation_id, user_id)
            join conversation_members cm on cm.conversation_id = k.conversation_id and cm.user_id = k.user_id`;
        const members = new Set(rows.map((row) => row.key));
        return keys.map((key) => members.has(key));
      }),
    { cache: false },
  );

  const range = loader<string, MessageRow[]>(
    (keys) =>
      withoutStatementLog(async () => {
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
      }),
    { cache: false },
  );

  return {
    isMember: (conversationId: number, userId: number) => membership.load(`${conversationId}:${userId}`),
    /** Up to STREAM_PAGE messages with after < sequenceNumber <= upTo, in order. */
    messages: (conversationId: number, after: number, upTo: number) => range.load(`${conversationId}:${after}:${upTo}`),
  };
}

export type StreamReads = ReturnType<typeof createStreamReads>;
