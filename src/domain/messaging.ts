import type { Context } from '../context';
import type { Sql, TransactionSql } from '../db/client';
import { violates } from '../db/errors';
import { type ConversationRow, type MessageRow, messageColumns } from '../db/rows';
import { timed } from '../db/statements';
import { fail, failWith, ok, type Result, signInTo } from '../errors';
import { notifyCall, publish } from '../realtime/pubsub';
import { inTransaction } from './transaction';
import { Validator } from './validate';

/** What a messaging operation needs: the demo seed calls these with a context of its own. */
export type MessagingContext = Pick<Context, 'sql' | 'viewer' | 'loaders'>;

export const MAX_OTHER_MEMBERS = 100;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** Exactly one grapheme, and an emoji one: "👍", "❤️", "🇸🇪", "👩‍👩‍👧" but not "a", "👍👍" or "". */
export function isSingleEmoji(text: string): boolean {
  const segments = [...graphemes.segment(text)];
  return segments.length === 1 && EMOJI.test(segments[0]!.segment);
}

/** Why a member-only write was refused: the object does not exist, or the caller is not a member. */
async function missingOrForbidden<T>(
  sql: Sql | TransactionSql,
  conversationId: number,
  field: string,
): Promise<Result<T>> {
  const [exists] =
    await (sql as Sql)`/* messaging:conversationExists */ select 1 from conversations where id = ${conversationId}`;
  return exists
    ? fail('FORBIDDEN', 'Only members of this conversation can do that', field)
    : fail('NOT_FOUND', 'No such conversation', field);
}

async function conversationAsMember(tx: TransactionSql, conversationId: number, viewerId: number) {
  const [row] = await tx<ConversationRow[]>`/* messaging:conversationAsMember */
    select c.*, cm.last_read_sequence_number as viewer_last_read_sequence_number
      from conversations c
      join conversation_members cm on cm.conversation_id = c.id and cm.user_id = ${viewerId}
     where c.id = ${conversationId}`;
  return row ?? null;
}

/** Replaces whatever this request cached about a conversation with what the write returned. */
function refreshConversation(ctx: MessagingContext, row: ConversationRow): void {
  ctx.loaders.conversationById.clear(row.id).prime(row.id, row);
  ctx.loaders.unreadCountByConversationId.clear(row.id);
}

function refreshMessage(ctx: MessagingContext, row: MessageRow): void {
  ctx.loaders.messageById.clear(row.id).prime(row.id, row);
  ctx.loaders.reactionsByMessageId.clear(row.id);
}

export interface CreateConversationInput {
  title: string;
  /** Database ids of the other members; the caller is added anyway. */
  memberIds: number[];
}

export async function createConversation(
  ctx: MessagingContext,
  input: CreateConversationInput,
): Promise<Result<{ conversation: ConversationRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('start a conversation');
  const title = input.title.trim();
  const others = [...new Set(input.memberIds)].filter((id) => id !== viewer.id);
  const check = new Validator()
    .text(title, 'title', 1, 200)
    .check(
      others.length >= 1 && others.length <= MAX_OTHER_MEMBERS,
      'memberIds',
      `A conversation needs 1 to ${MAX_OTHER_MEMBERS} other members`,
    );
  if (!check.ok) return failWith(check.errors);

  const result = await inTransaction<{ conversation: ConversationRow }>(ctx, async (tx) => {
    const found = await tx<{ id: number }[]>`/* messaging:membersExist */
      select id from users where id = any(${others}::bigint[])`;
    const existing = new Set(found.map((row) => row.id));
    const missing = input.memberIds.findIndex((id) => id !== viewer.id && !existing.has(id));
    if (missing >= 0) return fail('NOT_FOUND', 'No such user', `memberIds.${missing}`);

    const [conversation] = await tx<{ id: number }[]>`/* messaging:createConversation */
      insert into conversations (title, created_by_id) values (${title}, ${viewer.id}) returning id`;
    await tx`/* messaging:addMembers */
      insert into conversation_members (conversation_id, user_id)
      select ${conversation!.id}, unnest(${[viewer.id, ...others]}::bigint[])`;
    return ok({ conversation: (await conversationAsMember(tx, conversation!.id, viewer.id))! });
  });
  if (result.ok) refreshConversation(ctx, result.value.conversation);
  return result;
}

/**
 * The caller stops being a member: memberCount drops, their live streams of it end, and they read
 * nothing more of it. The payload shows the conversation's header as it is after leaving.
 */
export async function leaveConversation(
  ctx: MessagingContext,
  input: { conversationId: number },
): Promise<Result<{ conversation: ConversationRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('leave a conversation');
  const result = await inTransaction<{ conversation: ConversationRow }>(ctx, async (tx) => {
    const [left] = await tx`/* messaging:leave */
      delete from conversation_members where conversation_id = ${input.conversationId} and user_id = ${viewer.id}
      returning user_id`;
    if (!left) return missingOrForbidden(tx, input.conversationId, 'conversationId');
    await publish(tx, { type: 'memberLeft', conversationId: input.conversationId, userId: viewer.id });
    const [conversation] = await tx<ConversationRow[]>`/* messaging:conversationAfterLeave */
      select c.*, null::integer as viewer_last_read_sequence_number from conversations c where c.id = ${input.conversationId}`;
    return ok({ conversation: conversation! });
  });
  if (result.ok) refreshConversation(ctx, result.value.conversation);
  return result;
}

export interface SendMessageInput {
  conversationId: number;
  body: string;
  idempotencyKey?: string | null;
}

/**
 * Sends a message. The sequence number comes from the tg_messages__sequence trigger under the
 * conversation row lock, so concurrent senders get 1, 2, 3 … with no gap. With an idempotency key,
 * the key is inserted by the same statement: of racing retries one wins, the others hit the key's
 * primary key, roll their whole statement back (giving the sequence number back) and return the
 * winner's message.
 */
export async function sendMessage(
  ctx: MessagingContext,
  input: SendMessageInput,
): Promise<Result<{ message: MessageRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('send messages');
  const body = input.body.trim();
  const key = input.idempotencyKey ?? null;
  const check = new Validator().text(body, 'body', 1, 4000);
  if (key !== null) check.text(key, 'idempotencyKey', 1, 200);
  if (!check.ok) return failWith(check.errors);

  const result = await timed(() => insertMessage(ctx.sql, viewer.id, input.conversationId, body, key));
  if (result.ok) {
    refreshMessage(ctx, result.value.message);
    ctx.loaders.conversationById.clear(input.conversationId);
    ctx.loaders.unreadCountByConversationId.clear(input.conversationId);
  }
  return result;
}

const IDEMPOTENCY_KEY_TAKEN = 'idempotency_keys_pkey';

/**
 * The send is one statement, so it is its own transaction and holds the conversation's row lock (taken
 * by the sequence trigger) for one round trip instead of several: that lock is what serialises
 * concurrent senders. Membership, the message, the idempotency key, the private MESSAGE_SENT event and
 * the NOTIFY (delivered at commit, with ids only) all succeed or fail together.
 */
async function insertMessage(
  sql: Sql,
  senderId: number,
  conversationId: number,
  body: string,
  key: string | null,
): Promise<Result<{ message: MessageRow }>> {
  if (key !== null) {
    const earlier = await messageOfKey(sql, senderId, key);
    if (earlier) return sameRequest(earlier, conversationId, body);
  }
  try {
    const [message] = await sql<MessageRow[]>`/* messaging:send */
      with message as (
        insert into messages (conversation_id, sender_id, body)
        select ${conversationId}, ${senderId}, ${body}
         where exists (select 1 from conversation_members
                        where conversation_id = ${conversationId} and user_id = ${senderId})
        returning ${messageColumns(sql, 'messages')}
      ), claimed as (
        insert into idempotency_keys (sender_id, key, message_id)
        select ${senderId}, ${key}::text, id from message where ${key}::text is not null
      ), activity as (
        insert into activity_events (user_id, type, message_id, created_at)
        select sender_id, 'MESSAGE_SENT', id, created_at from message
      ), notified as (
        select ${notifyCall(sql, {
          type: 'messageAdded',
          conversationId: sql`conversation_id`,
          messageId: sql`id`,
          sequenceNumber: sql`sequence_number`,
        })}
          from message
      )
      select m.*, (select count(*) from notified) as notified from message m`;
    if (!message) return missingOrForbidden(sql, conversationId, 'conversationId');
    const { notified: _notified, ...row } = message as MessageRow & { notified: number };
    return ok({ message: row });
  } catch (error) {
    // A racing retry with the same key committed first: its message is the answer, ours rolled back.
    if (violates(error, IDEMPOTENCY_KEY_TAKEN) && key !== null) {
      const winner = await messageOfKey(sql, senderId, key);
      if (winner) return sameRequest(winner, conversationId, body);
    }
    throw error;
  }
}

async function messageOfKey(sql: Sql | TransactionSql, senderId: number, key: string) {
  const [row] = await (sql as Sql)<MessageRow[]>`/* messaging:messageOfKey */
    select ${messageColumns(sql as Sql)}
      from idempotency_keys k join messages m on m.id = k.message_id
     where k.sender_id = ${senderId} and k.key = ${key}`;
  return row ?? null;
}

/** A retry returns the first message; the same key for anything else is a conflict. */
function sameRequest(earlier: MessageRow, conversationId: number, body: string): Result<{ message: MessageRow }> {
  if (earlier.conversationId === conversationId && earlier.body === body) return ok({ message: earlier });
  return fail('CONFLICT', 'This idempotency key was already used for a different message', 'idempotencyKey');
}

/** Only the sender edits; the search vector is a generated column, so it follows the new body. */
export async function editMessage(
  ctx: MessagingContext,
  input: { messageId: number; body: string },
): Promise<Result<{ message: MessageRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('edit messages');
  const body = input.body.trim();
  const check = new Validator().text(body, 'body', 1, 4000);
  if (!check.ok) return failWith(check.errors);

  const result = await inTransaction<{ message: MessageRow }>(ctx, async (tx) => {
    const target = await messageForMember(tx, input.messageId, viewer.id);
    if (!target.ok) return target;
    if (target.value.senderId !== viewer.id)
      return fail('FORBIDDEN', 'Only the sender can edit a message', 'messageId');
    const [message] = await tx<MessageRow[]>`/* messaging:editMessage */
      update messages set body = ${body}, edited_at = now() where id = ${input.messageId}
      returning ${messageColumns(tx as unknown as Sql, 'messages')}`;
    return ok({ message: message! });
  });
  if (result.ok) refreshMessage(ctx, result.value.message);
  return result;
}

/** The message, if it exists and the caller is a member of its conversation. */
async function messageForMember(tx: TransactionSql, messageId: number, viewerId: number): Promise<Result<MessageRow>> {
  const [row] = await tx<(MessageRow & { isMember: boolean })[]>`/* messaging:messageForMember */
    select ${messageColumns(tx as unknown as Sql)},
           exists (select 1 from conversation_members cm
                    where cm.conversation_id = m.conversation_id and cm.user_id = ${viewerId}) as is_member
      from messages m where m.id = ${messageId}`;
  if (!row) return fail('NOT_FOUND', 'No such message', 'messageId');
  if (!row.isMember) return fail('FORBIDDEN', 'Only members of this conversation can do that', 'messageId');
  const { isMember: _, ...message } = row;
  return ok(message);
}

/** Moves the caller's read mark forward, never back, and never past the last message. */
export async function markConversationRead(
  ctx: MessagingContext,
  input: { conversationId: number; upToSequenceNumber: number },
): Promise<Result<{ conversation: ConversationRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('mark conversations read');
  const check = new Validator().integer(input.upToSequenceNumber, 'upToSequenceNumber', 0, 2_147_483_647);
  if (!check.ok) return failWith(check.errors);

  const result = await inTransaction<{ conversation: ConversationRow }>(ctx, async (tx) => {
    const [marked] = await tx`/* messaging:markRead */
      update conversation_members cm
         set last_read_sequence_number = greatest(cm.last_read_sequence_number, least(${input.upToSequenceNumber}, c.last_sequence_number))
        from conversations c
       where c.id = cm.conversation_id and cm.conversation_id = ${input.conversationId} and cm.user_id = ${viewer.id}
      returning cm.user_id`;
    if (!marked) return missingOrForbidden(tx, input.conversationId, 'conversationId');
    return ok({ conversation: (await conversationAsMember(tx, input.conversationId, viewer.id))! });
  });
  if (result.ok) refreshConversation(ctx, result.value.conversation);
  return result;
}

export interface ReactionInput {
  messageId: number;
  emoji: string;
}

/** One reaction per user, emoji and message: adding it twice, or removing it when absent, is a no-op. */
export function addReaction(ctx: MessagingContext, input: ReactionInput) {
  return react(ctx, input, 'add');
}

export function removeReaction(ctx: MessagingContext, input: ReactionInput) {
  return react(ctx, input, 'remove');
}

async function react(
  ctx: MessagingContext,
  input: ReactionInput,
  change: 'add' | 'remove',
): Promise<Result<{ message: MessageRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('react to messages');
  const emoji = input.emoji.trim();
  const check = new Validator().check(isSingleEmoji(emoji), 'emoji', 'emoji must be a single emoji');
  if (!check.ok) return failWith(check.errors);

  const result = await inTransaction<{ message: MessageRow }>(ctx, async (tx) => {
    const target = await messageForMember(tx, input.messageId, viewer.id);
    if (!target.ok) return target;
    if (change === 'add') {
      await tx`/* messaging:addReaction */
        insert into reactions (message_id, user_id, emoji) values (${input.messageId}, ${viewer.id}, ${emoji})
        on conflict do nothing`;
    } else {
      await tx`/* messaging:removeReaction */
        delete from reactions where message_id = ${input.messageId} and user_id = ${viewer.id} and emoji = ${emoji}`;
    }
    return ok({ message: target.value });
  });
  if (result.ok) refreshMessage(ctx, result.value.message);
  return result;
}
