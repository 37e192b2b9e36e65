import type { Sql } from '../db/client';
import { type ConversationRow, type MessageRow, messageColumns, type UserRow } from '../db/rows';
import { type ConnectionArgs, type Page, parsePage, TIME_AND_ID } from '../pagination';
import { byKey, groupByKey, loader } from './factory';
import { keysetPage, pageLoader } from './keyset-pages';

export interface ReactionGroupRow {
  messageId: number;
  emoji: string;
  count: number;
  viewerHasReacted: boolean;
}

/**
 * Members only, by construction: every conversation and message loader joins the viewer's
 * membership, so a non-member (or an anonymous caller) gets null through any path, node/nodes too.
 */
export function messagingLoaders(sql: Sql, viewerId: number | null) {
  const conversationById = loader<number, ConversationRow | null>(async (ids) => {
    if (viewerId === null) return ids.map(() => null);
    const rows = await sql<ConversationRow[]>`/* loader:conversationById */
      select c.*, cm.last_read_sequence_number as viewer_last_read_sequence_number
        from conversations c
        join conversation_members cm on cm.conversation_id = c.id and cm.user_id = ${viewerId}
       where c.id = any(${ids as number[]}::bigint[])`;
    return byKey(ids, rows, (row) => row.id);
  });

  const messageById = loader<number, MessageRow | null>(async (ids) => {
    if (viewerId === null) return ids.map(() => null);
    const rows = await sql<MessageRow[]>`/* loader:messageById */
      select ${messageColumns(sql)}
        from messages m
        join conversation_members cm on cm.conversation_id = m.conversation_id and cm.user_id = ${viewerId}
       where m.id = any(${ids as number[]}::bigint[])`;
    return byKey(ids, rows, (row) => row.id);
  });

  /**
   * Messages after the viewer's mark that others sent: the gap-free sequence numbers give the count
   * after the mark for free, and messages_conversation_sender_idx counts only the viewer's own among
   * them, so a long-unread conversation of 100,000 messages costs no more than a fresh one.
   */
  const unreadCountByConversationId = loader<number, number>(async (ids) => {
    if (viewerId === null) return ids.map(() => 0);
    const rows = await sql<{ conversationId: number; unread: number }[]>`/* loader:unreadCountByConversationId */
      select cm.conversation_id,
             greatest(c.last_sequence_number - cm.last_read_sequence_number - (
               select count(*) from messages m
                where m.conversation_id = cm.conversation_id and m.sender_id = ${viewerId}
                  and m.sequence_number > cm.last_read_sequence_number), 0)::integer as unread
        from conversation_members cm
        join conversations c on c.id = cm.conversation_id
       where cm.user_id = ${viewerId} and cm.conversation_id = any(${ids as number[]}::bigint[])`;
    return byKey(ids, rows, (row) => row.conversationId).map((row) => row?.unread ?? 0);
  });

  /** Most used first; ties by the emoji first used, so the order is stable. */
  const reactionsByMessageId = loader<number, ReactionGroupRow[]>(async (ids) => {
    const rows = await sql<ReactionGroupRow[]>`/* loader:reactionsByMessageId */
      select message_id, emoji, count(*)::integer as count,
             coalesce(bool_or(user_id = ${viewerId}), false) as viewer_has_reacted
        from reactions
       where message_id = any(${ids as number[]}::bigint[])
       group by message_id, emoji
       order by message_id, count(*) desc, min(created_at), emoji`;
    return groupByKey(ids, rows, (row) => row.messageId);
  });

  /** By sequence number; the (conversation_id, sequence_number) index makes any page cost the same. */
  const messagesByConversationId = pageLoader<MessageRow>(sql, {
    name: 'loader:messagesByConversationId',
    key: ['m.sequence_number'],
    keyTypes: ['integer'],
    order: 'asc',
    select: messageColumns(sql),
    from: sql`messages m`,
    where: (conversation) => sql`m.conversation_id = ${conversation}`,
  });

  /** In joining order, along conversation_members_by_join_idx. */
  const membersByConversationId = pageLoader<UserRow>(sql, {
    name: 'loader:membersByConversationId',
    key: ['cm.joined_at', 'cm.user_id'],
    keyTypes: TIME_AND_ID,
    order: 'asc',
    select: sql`u.*`,
    from: sql`conversation_members cm join users u on u.id = cm.user_id`,
    where: (conversation) => sql`cm.conversation_id = ${conversation}`,
  });

  /**
   * The viewer's inbox, latest activity first: the viewer's memberships from
   * conversation_members_by_user_idx, ordered by each conversation's own last activity. Only the
   * viewer's conversations are sorted; keeping an order per membership instead would cost every
   * message a write to every member's row (see drizzle/0008_inbox_without_member_writes.sql).
   */
  const conversationsByUserId = pageLoader<ConversationRow>(
    sql,
    {
      name: 'loader:conversationsByUserId',
      key: ['coalesce(c.last_message_at, c.created_at)', 'c.id'],
      keyTypes: TIME_AND_ID,
      order: 'desc',
      select: sql`c.*, cm.last_read_sequence_number as viewer_last_read_sequence_number`,
      from: sql`conversation_members cm join conversations c on c.id = cm.conversation_id`,
      where: (user) => sql`cm.user_id = ${user}`,
    },
    // Primes, unlike other pages: only the viewer's own inbox is ever read, and its rows are exactly
    // what conversationById would return for the viewer, so no later statement depends on the order.
    (userIds, pages) => {
      if (viewerId === null) return;
      for (const row of pages[userIds.indexOf(viewerId)]?.rows ?? []) conversationById.prime(row.id, row);
    },
  );

  return {
    conversationById,
    messageById,
    unreadCountByConversationId,
    reactionsByMessageId,
    messagesByConversationId,
    membersByConversationId,
    conversationsByUserId,
  };
}

/** Parsed before the other checks of searchMessages, so a malformed cursor is always an error. */
export const searchPageOf = (args: ConnectionArgs) => parsePage(args, TIME_AND_ID);

/**
 * Full-text search over the viewer's conversations (or one of them), newest first. Stemmed English,
 * case-insensitive, every word must match (plainto_tsquery joins the words with AND).
 */
export function searchMessagesPage(
  sql: Sql,
  options: { viewerId: number; query: string; conversationId: number | null },
  page: Page,
) {
  const scope =
    options.conversationId !== null
      ? sql`m.conversation_id = ${options.conversationId}`
      : // An array, not `in (subquery)`: the full-text index is then scanned once for all the viewer's
        // conversations instead of once per conversation (86 → 18 ms for two common words at 2M messages).
        sql`m.conversation_id = any(array(select conversation_id from conversation_members where user_id = ${options.viewerId}))`;
  return keysetPage<MessageRow>(
    sql,
    {
      name: 'page:searchMessages',
      key: ['m.created_at', 'm.id'],
      keyTypes: TIME_AND_ID,
      order: 'desc',
      select: messageColumns(sql),
      from: sql`messages m`,
      where: sql`m.search @@ plainto_tsquery('english', ${options.query}) and ${scope}`,
    },
    page,
  );
}
