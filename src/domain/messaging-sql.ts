// The statements messaging's rules run (src/domain/messaging.ts): each answers rows, never a user error.
import type { Sql, TransactionSql } from '../db/client';
import { type ConversationRow, type MessageRow, messageColumns } from '../db/rows';
import { notifyCall } from '../realtime/pubsub';
import { announceNotifications } from './notifications';

export const IDEMPOTENCY_KEY_TAKEN = 'idempotency_keys_pkey';

export async function conversationExists(sql: Sql | TransactionSql, conversationId: number): Promise<boolean> {
  const [row] =
    await (sql as Sql)`/* messaging:conversationExists */ select 1 from conversations where id = ${conversationId}`;
  return row !== undefined;
}

export async function conversationAsMember(
  tx: TransactionSql,
  conversationId: number,
  viewerId: number,
): Promise<ConversationRow | null> {
  const [row] = await tx<ConversationRow[]>`/* messaging:conversationAsMember */
    select c.*, cm.last_read_sequence_number as viewer_last_read_sequence_number
      from conversations c
      join conversation_members cm on cm.conversation_id = c.id and cm.user_id = ${viewerId}
     where c.id = ${conversationId}`;
  return row ?? null;
}

export async function existingUserIds(tx: TransactionSql, ids: number[]): Promise<Set<number>> {
  const found = await tx<{ id: number }[]>`/* messaging:membersExist */
    select id from users where id = any(${ids}::bigint[])`;
  return new Set(found.map((row) => row.id));
}

/** The new conversation's id; `memberIds` includes its creator. */
export async function insertConversation(
  tx: TransactionSql,
  title: string,
  creatorId: number,
  memberIds: number[],
): Promise<number> {
  const [conversation] = await tx<{ id: number }[]>`/* messaging:createConversation */
    insert into conversations (title, created_by_id) values (${title}, ${creatorId}) returning id`;
  await tx`/* messaging:addMembers */
    insert into conversation_members (conversation_id, user_id)
    select ${conversation!.id}, unnest(${memberIds}::bigint[])`;
  return conversation!.id;
}

/** Whether the user was a member (and now is not). */
export async function deleteMembership(tx: TransactionSql, conversationId: number, userId: number): Promise<boolean> {
  const [left] = await tx`/* messaging:leave */
    delete from conversation_members where conversation_id = ${conversationId} and user_id = ${userId}
    returning user_id`;
  return left !== undefined;
}

/** The conversation as a non-member sees it: no read mark. */
export async function conversationAfterLeave(tx: TransactionSql, conversationId: number): Promise<ConversationRow> {
  const [conversation] = await tx<ConversationRow[]>`/* messaging:conversationAfterLeave */
    select c.*, null::integer as viewer_last_read_sequence_number from conversations c where c.id = ${conversationId}`;
  return conversation!;
}

export interface NewMessage {
  senderId: number;
  conversationId: number;
  body: string;
  idempotencyKey: string | null;
}

/**
 * One statement, so it is its own transaction and holds the conversation's row lock (taken by the
 * sequence trigger) for one round trip instead of several: that lock is what serialises concurrent
 * senders. Membership, the message, the idempotency key, the private MESSAGE_SENT event and the NOTIFY
 * (delivered at commit, with ids only) all succeed or fail together. Null: the sender is not a member.
 */
export async function insertMessage(sql: Sql, input: NewMessage): Promise<MessageRow | null> {
  const { senderId, conversationId, body, idempotencyKey: key } = input;
  const [message] = await sql<(MessageRow & { notified: number })[]>`/* messaging:send */
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
  if (!message) return null;
  const { notified: _notified, ...row } = message;
  return row;
}

export async function messageOfKey(sql: Sql, senderId: number, key: string): Promise<MessageRow | null> {
  const [row] = await sql<MessageRow[]>`/* messaging:messageOfKey */
    select ${messageColumns(sql)}
      from idempotency_keys k join messages m on m.id = k.message_id
     where k.sender_id = ${senderId} and k.key = ${key}`;
  return row ?? null;
}

export async function updateMessageBody(tx: TransactionSql, messageId: number, body: string): Promise<MessageRow> {
  const [message] = await tx<MessageRow[]>`/* messaging:editMessage */
    update messages set body = ${body}, edited_at = now() where id = ${messageId}
    returning ${messageColumns(tx as unknown as Sql, 'messages')}`;
  return message!;
}

/** The message and whether the viewer is a member of its conversation; null if there is none. */
export async function messageWithMembership(
  tx: TransactionSql,
  messageId: number,
  viewerId: number,
): Promise<{ message: MessageRow; isMember: boolean } | null> {
  const [row] = await tx<(MessageRow & { isMember: boolean })[]>`/* messaging:messageForMember */
    select ${messageColumns(tx as unknown as Sql)},
           exists (select 1 from conversation_members cm
                    where cm.conversation_id = m.conversation_id and cm.user_id = ${viewerId}) as is_member
      from messages m where m.id = ${messageId}`;
  if (!row) return null;
  const { isMember, ...message } = row;
  return { message, isMember };
}

/**
 * Moves the member's read mark to `upTo`, clamped to the last message, only if that moves it forward.
 * The new mark, or null when nothing moved (or the user is not a member).
 */
export async function moveReadMark(
  tx: TransactionSql,
  conversationId: number,
  userId: number,
  upTo: number,
): Promise<number | null> {
  const [moved] = await tx<{ mark: number }[]>`/* messaging:markRead */
    update conversation_members cm
       set last_read_sequence_number = least(${upTo}, c.last_sequence_number)
      from conversations c
     where c.id = cm.conversation_id and cm.conversation_id = ${conversationId} and cm.user_id = ${userId}
       and cm.last_read_sequence_number < least(${upTo}, c.last_sequence_number)
    returning cm.last_read_sequence_number as mark`;
  return moved?.mark ?? null;
}

/**
 * Adds the reaction unless it is there, notifies the sender (not oneself) and announces the change.
 * The last statement of its transaction, so the sender's notification counter is locked for it alone;
 * the act key makes removing and adding the same reaction notify once.
 */
export async function insertReaction(
  tx: TransactionSql,
  message: MessageRow,
  userId: number,
  emoji: string,
): Promise<void> {
  await tx`/* messaging:addReaction */
    with added as (
      insert into reactions (message_id, user_id, emoji) values (${message.id}, ${userId}, ${emoji})
      on conflict do nothing
      returning message_id
    ), notified as (
      insert into notifications (recipient_id, kind, actor_id, message_id, emoji, act_key)
      select ${message.senderId}, 'MESSAGE_REACTION', ${userId}, message_id, ${emoji},
             ${`reaction:${message.id}:${emoji}:${userId}`}
        from added where ${message.senderId}::bigint <> ${userId}::bigint
      returning id, recipient_id, sequence_number
    ), announced as (${announceNotifications(tx, 'notified')}),
    changed as (select ${notifyCall(tx, reactionsChanged(message))} from added)
    select (select count(*) from announced) + (select count(*) from changed) as notified`;
}

export async function deleteReaction(
  tx: TransactionSql,
  message: MessageRow,
  userId: number,
  emoji: string,
): Promise<void> {
  await tx`/* messaging:removeReaction */
    with removed as (
      delete from reactions where message_id = ${message.id} and user_id = ${userId} and emoji = ${emoji}
      returning 1
    )
    select ${notifyCall(tx, reactionsChanged(message))} from removed`;
}

const reactionsChanged = (message: MessageRow) =>
  ({ type: 'reactionsChanged', conversationId: message.conversationId, messageId: message.id }) as const;
