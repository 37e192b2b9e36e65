import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import {
  type ConversationRow,
  MESSAGE_COLUMNS,
  type MessageRow,
  messageColumns,
  rowFromJson,
  type UserRow,
} from '../db/rows';
import { conversations, users } from '../db/schema';
import { type ConnectionArgs, type KeyType, type Page, type PageResult, parsePage, TIME_AND_ID } from '../pagination';
import { byKey, groupByKey, inKeys, keyRows, loader, loaderPerArgs, primeRows } from './factory';
import { finishPage, type KeysetSpec, keysetPage, pageLoader, planPage } from './keyset-pages';
import type { userLoaders } from './users';

export interface ReactionGroupRow {
  messageId: number;
  emoji: string;
  count: number;
  viewerHasReacted: boolean;
}

export type PagedMessage = MessageRow & { cursorKey: string[] };

/** A conversation with one page of its messages, and what that page's senders and reactions are. */
export interface ConversationWithMessages {
  conversation: ConversationRow;
  messages: PageResult<PagedMessage>;
  /** The page's distinct senders; empty unless asked for. */
  senders: UserRow[];
  /** Each message's reaction groups (most used first); null unless asked for. */
  reactions: Map<number, ReactionGroupRow[]> | null;
}

/** The messages page selected under a conversation: its arguments, and whether its senders and reactions are. */
export interface MessagesSelection {
  args: ConnectionArgs;
  senders: boolean;
  reactions: boolean;
}

/** What a folded conversation read fetches besides the conversation: its page, and optionally more. */
interface MessagesFold {
  page: Page;
  senders: boolean;
  reactions: boolean;
}

export const MESSAGE_KEY_TYPES: readonly KeyType[] = ['integer'];

/** By sequence number; the (conversation_id, sequence_number) index makes any page cost the same. */
function messagePages(sql: Sql): KeysetSpec {
  return {
    name: 'loader:messagesByConversationId',
    key: ['m.sequence_number'],
    keyTypes: MESSAGE_KEY_TYPES,
    order: 'asc',
    select: messageColumns(sql),
    from: sql`messages m`,
    where: (conversation) => sql`m.conversation_id = ${conversation}`,
  };
}

/** Reaction groups of the messages `where` picks, with the viewer's own mark; `rank` is their order. */
function reactionGroups(sql: Sql, viewerId: number | null, where: Fragment) {
  return sql`select message_id, emoji, count(*)::integer as count,
             coalesce(bool_or(user_id = ${viewerId}), false) as viewer_has_reacted,
             row_number() over (order by message_id, count(*) desc, min(created_at), emoji) as rank
        from reactions
       where ${where}
       group by message_id, emoji`;
}

/**
 * Members only, by construction: every conversation and message loader joins the viewer's
 * membership, so a non-member (or an anonymous caller) gets null through any path, node/nodes too.
 */
export function messagingLoaders(sql: Sql, viewerId: number | null, userGroup: ReturnType<typeof userLoaders>) {
  const conversationById = loader<number, ConversationRow | null>(async (ids) => {
    if (viewerId === null) return ids.map(() => null);
    const rows = await sql<ConversationRow[]>`/* loader:conversationById */
      select c.*, cm.last_read_sequence_number as viewer_last_read_sequence_number
        from conversations c
        join conversation_members cm on cm.conversation_id = c.id and cm.user_id = ${viewerId}
       where c.id ${inKeys(sql, ids, 'bigint')}`;
    return byKey(ids, rows, (row) => row.id);
  });

  const messageById = loader<number, MessageRow | null>(async (ids) => {
    if (viewerId === null) return ids.map(() => null);
    const rows = await sql<MessageRow[]>`/* loader:messageById */
      select ${messageColumns(sql)}
        from messages m
        join conversation_members cm on cm.conversation_id = m.conversation_id and cm.user_id = ${viewerId}
       where m.id ${inKeys(sql, ids, 'bigint')}`;
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
       where cm.user_id = ${viewerId} and cm.conversation_id ${inKeys(sql, ids, 'bigint')}`;
    return byKey(ids, rows, (row) => row.conversationId).map((row) => row?.unread ?? 0);
  });

  /** Most used first; ties by the emoji first used, so the order is stable. */
  const reactionsByMessageId = loader<number, ReactionGroupRow[]>(async (ids) => {
    // The rows keep their `rank`; nothing reads it, and a copy per row to drop it costs more.
    const rows = await sql<ReactionGroupRow[]>`/* loader:reactionsByMessageId */
      ${reactionGroups(sql, viewerId, sql`message_id ${inKeys(sql, ids, 'bigint')}`)}
       order by rank`;
    return groupByKey(ids, rows, (row) => row.messageId);
  });

  const messagesByConversationId = pageLoader<MessageRow>(sql, messagePages(sql));

  /**
   * A conversation with a page of its messages (and, when asked, the page's senders and reaction
   * groups) in one statement instead of two to four round trips one after the other. The
   * conversation comes as conversationById reads it (members only: no membership, no row, no page),
   * the page as messagesByConversationId reads it, the reactions as reactionsByMessageId groups them.
   * The rarer kinds of row come back as JSON text beside the page's message columns: each
   * conversation in a row of its own, the senders in one array, the reaction groups in another.
   */
  const withMessages = loaderPerArgs((fold: MessagesFold) =>
    loader<number, ConversationWithMessages | null>(async (ids) => {
      if (viewerId === null) return ids.map(() => null);
      const spec = messagePages(sql);
      const plan = planPage(sql, spec, fold.page);
      const parent = sql`c.id`;
      // The other kinds of row leave the message columns and the cursor key empty.
      const noMessage = sql.unsafe([...MESSAGE_COLUMNS, 'cursor_key'].map(() => 'null').join(', '));
      const readDesc = fold.page.backward;
      type Row = PagedMessage & {
        part: number;
        pageIndex: number | null;
        doc: string | null;
      };
      const rows = await sql<Row[]>`
        /* loader:conversationWithMessages */
        with c as materialized (
          select k.idx, c.*, cm.last_read_sequence_number as viewer_last_read_sequence_number,
                 ${plan.probe(parent)} as has_opposite
            from ${keyRows(sql, ids, 'bigint')} as k(id, idx)
            join conversations c on c.id = k.id
            join conversation_members cm on cm.conversation_id = c.id and cm.user_id = ${viewerId}
        ), p as materialized (
          select c.idx, m.*
            from c cross join lateral (
              select ${spec.select}, ${plan.cursorKey} as cursor_key
                from ${spec.from}
               where ${plan.condition(parent)}
               order by ${plan.orderBy}
               -- The one page whose LIMIT stays a parameter. Sequence numbers go with their conversation,
               -- which the planner's statistics do not know, so a custom plan for a deep page expects a
               -- few rows where the page has 101; written in, the limit made the generic plan's right
               -- estimate look costlier than those custom plans and PostgreSQL planned every call, while
               -- as a parameter the generic plan assumes a tenth of the rows and is kept (bench: planning
               -- per statement).
               limit ${plan.readLimit}
            ) m
        )
        select 1 as part, p.idx as page_index, null::text as doc, ${messageColumns(sql, 'p')}, p.cursor_key
          from p
        union all
        select 0, c.idx, to_jsonb(c)::text, ${noMessage} from c
        ${fold.senders ? sql`union all select 2, null, json_agg(u)::text, ${noMessage} from users u where u.id in (select sender_id from p)` : sql``}
        ${
          fold.reactions
            ? sql`union all
        select 3, null, json_agg(json_build_object('messageId', r.message_id, 'emoji', r.emoji, 'count', r.count,
                 'viewerHasReacted', r.viewer_has_reacted) order by r.rank)::text, ${noMessage}
          from (${reactionGroups(sql, viewerId, sql`message_id in (select id from p)`)}) r`
            : sql``
        }
         order by part, page_index, sequence_number ${sql.unsafe(readDesc ? 'desc' : 'asc')}`;

      const found = ids.map(() => ({
        conversation: null as ConversationRow | null,
        hasOpposite: false,
        rows: [] as PagedMessage[],
      }));
      const senders: UserRow[] = [];
      const reactions = fold.reactions ? new Map<number, ReactionGroupRow[]>() : null;
      // Each message row keeps its part, pageIndex and doc: nothing reads them, and an object rest to
      // drop them would copy every row of the page.
      for (const row of rows) {
        const { part, pageIndex, doc } = row;
        if (part === 1) found[pageIndex! - 1]!.rows.push(row);
        else if (part === 0) {
          const entry = found[pageIndex! - 1]!;
          const parsed = JSON.parse(doc!);
          entry.conversation = {
            ...rowFromJson(conversations, parsed),
            viewerLastReadSequenceNumber: parsed.viewer_last_read_sequence_number,
          };
          entry.hasOpposite = parsed.has_opposite;
        } else if (part === 2) {
          // json_agg of no rows is null: a page without messages has no senders.
          for (const user of JSON.parse(doc ?? '[]')) senders.push(rowFromJson(users, user));
        } else {
          for (const group of JSON.parse(doc ?? '[]') as ReactionGroupRow[]) {
            const groups = reactions!.get(group.messageId);
            if (groups) groups.push(group);
            else reactions!.set(group.messageId, [group]);
          }
        }
      }
      return found.map(({ conversation, hasOpposite, rows: pageRows }) =>
        conversation
          ? { conversation, messages: finishPage(pageRows, hasOpposite, fold.page), senders, reactions }
          : null,
      );
    }),
  );

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

  /**
   * A conversation; given the messages page selected under it, the page (and its senders and
   * reactions when they are selected) is read in the same statement, and primes the loaders the
   * fields then read: conversationById, messagesByConversationId(messages.args), userById and
   * reactionsByMessageId, so they answer what they alone would. Arguments that do not parse are left
   * to the messages field.
   */
  const conversationWithMessages = (
    id: number,
    messages: MessagesSelection | null,
  ): ConversationRow | null | Promise<ConversationRow | null> => {
    const page = messages && viewerId !== null ? pageOf(messages.args) : null;
    if (!messages || !page) return conversationById.get(id);
    return withMessages({ page, senders: messages.senders, reactions: messages.reactions })
      .load(id)
      .then((found) => {
        if (!found) return null;
        conversationById.prime(id, found.conversation);
        messagesByConversationId(messages.args).prime(id, found.messages);
        primeRows(userGroup.userById, found.senders);
        if (found.reactions) {
          for (const message of found.messages.rows) {
            reactionsByMessageId.prime(message.id, found.reactions.get(message.id) ?? []);
          }
        }
        return found.conversation;
      });
  };

  return {
    conversationById,
    messageById,
    unreadCountByConversationId,
    reactionsByMessageId,
    messagesByConversationId,
    conversationWithMessages,
    membersByConversationId,
    conversationsByUserId,
  };
}

function pageOf(args: ConnectionArgs): Page | null {
  try {
    return parsePage(args, MESSAGE_KEY_TYPES);
  } catch {
    return null; // The messages field reports its own bad argument.
  }
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
        // conversations instead of once per conversation (docs/figures.md, W10 search).
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
