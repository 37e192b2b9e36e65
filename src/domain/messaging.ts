import type { Context } from '../context';
import type { Sql, TransactionSql } from '../db/client';
import { violates } from '../db/errors';
import type { ConversationRow, MessageRow } from '../db/rows';
import { fail, failWith, ok, type Result, signInTo } from '../errors';
import { publish } from '../realtime/pubsub';
import { isSingleEmoji } from './emoji';
import { refreshAfterSend, refreshConversation, refreshMessage } from './messaging-cache';
import {
  conversationAfterLeave,
  conversationAsMember,
  conversationExists,
  deleteMembership,
  deleteReaction,
  existingUserIds,
  IDEMPOTENCY_KEY_TAKEN,
  insertConversation,
  insertMessage,
  insertReaction,
  messageOfKey,
  messageWithMembership,
  moveReadMark,
  type NewMessage,
  updateMessageBody,
} from './messaging-sql';
import { inTransaction } from './transaction';
import { Validator } from './validate';

/** What a messaging operation needs: the demo seed calls these with a context of its own. */
export type MessagingContext = Pick<Context, 'sql' | 'viewer' | 'loaders'>;

export const MAX_OTHER_MEMBERS = 100;

/** Why a member-only write was refused: the object does not exist, or the caller is not a member. */
async function missingOrForbidden<T>(
  sql: Sql | TransactionSql,
  conversationId: number,
  field: string,
): Promise<Result<T>> {
  return (await conversationExists(sql, conversationId))
    ? fail('FORBIDDEN', 'Only members of this conversation can do that', field)
    : fail('NOT_FOUND', 'No such conversation', field);
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
    const existing = await existingUserIds(tx, others);
    const missing = input.memberIds.findIndex((id) => id !== viewer.id && !existing.has(id));
    if (missing >= 0) return fail('NOT_FOUND', 'No such user', `memberIds.${missing}`);
    const id = await insertConversation(tx, title, viewer.id, [viewer.id, ...others]);
    return ok({ conversation: (await conversationAsMember(tx, id, viewer.id))! });
  });
  if (result.ok) refreshConversation(ctx.loaders, result.value.conversation);
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
    if (!(await deleteMembership(tx, input.conversationId, viewer.id))) {
      return missingOrForbidden(tx, input.conversationId, 'conversationId');
    }
    const conversation = await conversationAfterLeave(tx, input.conversationId);
    await publish(tx, {
      type: 'memberLeft',
      conversationId: input.conversationId,
      userId: viewer.id,
      memberCount: conversation.memberCount,
    });
    return ok({ conversation });
  });
  if (result.ok) refreshConversation(ctx.loaders, result.value.conversation);
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

  const message = { senderId: viewer.id, conversationId: input.conversationId, body, idempotencyKey: key };
  const result = await send(ctx.sql, message);
  if (result.ok) refreshAfterSend(ctx.loaders, result.value.message);
  return result;
}

async function send(sql: Sql, input: NewMessage): Promise<Result<{ message: MessageRow }>> {
  const key = input.idempotencyKey;
  if (key !== null) {
    const earlier = await messageOfKey(sql, input.senderId, key);
    if (earlier) return sameRequest(earlier, input);
  }
  try {
    const message = await insertMessage(sql, input);
    return message ? ok({ message }) : missingOrForbidden(sql, input.conversationId, 'conversationId');
  } catch (error) {
    // A racing retry with the same key committed first: its message is the answer, ours rolled back.
    if (key !== null && violates(error, IDEMPOTENCY_KEY_TAKEN)) {
      const winner = await messageOfKey(sql, input.senderId, key);
      if (winner) return sameRequest(winner, input);
    }
    throw error;
  }
}

/** A retry returns the first message; the same key for anything else is a conflict. */
function sameRequest(earlier: MessageRow, retry: NewMessage): Result<{ message: MessageRow }> {
  if (earlier.conversationId === retry.conversationId && earlier.body === retry.body) return ok({ message: earlier });
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
    if (target.value.senderId !== viewer.id) {
      return fail('FORBIDDEN', 'Only the sender can edit a message', 'messageId');
    }
    const message = await updateMessageBody(tx, input.messageId, body);
    await publish(tx, { type: 'messageEdited', conversationId: message.conversationId, messageId: message.id });
    return ok({ message });
  });
  if (result.ok) refreshMessage(ctx.loaders, result.value.message);
  return result;
}

/** The message, if it exists and the caller is a member of its conversation. */
async function messageForMember(tx: TransactionSql, messageId: number, viewerId: number): Promise<Result<MessageRow>> {
  const found = await messageWithMembership(tx, messageId, viewerId);
  if (!found) return fail('NOT_FOUND', 'No such message', 'messageId');
  if (!found.isMember) return fail('FORBIDDEN', 'Only members of this conversation can do that', 'messageId');
  return ok(found.message);
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
    const mark = await moveReadMark(tx, input.conversationId, viewer.id, input.upToSequenceNumber);
    const conversation = await conversationAsMember(tx, input.conversationId, viewer.id);
    if (!conversation) return missingOrForbidden(tx, input.conversationId, 'conversationId');
    // Only a mark that moved is announced.
    if (mark !== null) {
      await publish(tx, {
        type: 'readMarkMoved',
        conversationId: input.conversationId,
        userId: viewer.id,
        upToSequenceNumber: mark,
      });
    }
    return ok({ conversation });
  });
  if (result.ok) refreshConversation(ctx.loaders, result.value.conversation);
  return result;
}

export interface ReactionInput {
  messageId: number;
  emoji: string;
}

/** One reaction per user, emoji and message: adding it twice, or removing it when absent, is a no-op. */
export function addReaction(ctx: MessagingContext, input: ReactionInput) {
  return react(ctx, input, insertReaction);
}

export function removeReaction(ctx: MessagingContext, input: ReactionInput) {
  return react(ctx, input, deleteReaction);
}

async function react(
  ctx: MessagingContext,
  input: ReactionInput,
  change: typeof insertReaction | typeof deleteReaction,
): Promise<Result<{ message: MessageRow }>> {
  const viewer = ctx.viewer;
  if (!viewer) return signInTo('react to messages');
  const emoji = input.emoji.trim();
  const check = new Validator().check(isSingleEmoji(emoji), 'emoji', 'emoji must be a single emoji');
  if (!check.ok) return failWith(check.errors);

  const result = await inTransaction<{ message: MessageRow }>(ctx, async (tx) => {
    const target = await messageForMember(tx, input.messageId, viewer.id);
    if (!target.ok) return target;
    await change(tx, target.value, viewer.id, emoji);
    return ok({ message: target.value });
  });
  if (result.ok) refreshMessage(ctx.loaders, result.value.message);
  return result;
}
