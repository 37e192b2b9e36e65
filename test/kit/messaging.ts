import { expect } from 'vitest';
import { graphql } from '../gql';
import type { TestDatabase } from '../setup/db';
import { expectData, present, run } from './client';
import type { SeededUser } from './seed';

export const CreateConversation = graphql(`
  mutation CreateConversation($input: CreateConversationInput!) {
    createConversation(input: $input) {
      conversation { id title memberCount unreadCount lastMessage { id } lastMessageAt }
      errors { code message field }
    }
  }`);

export const SendMessage = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message { id sequenceNumber body sender { id } conversation { id } }
      errors { code message field }
    }
  }`);

export const MarkRead = graphql(`
  mutation MarkRead($input: MarkConversationReadInput!) {
    markConversationRead(input: $input) {
      conversation { id unreadCount viewerLastReadSequenceNumber }
      errors { code field }
    }
  }`);

export const Leave = graphql(`
  mutation Leave($input: LeaveConversationInput!) {
    leaveConversation(input: $input) {
      conversation { id memberCount }
      errors { code field }
    }
  }`);

export interface StartedConversation {
  id: string;
  /** Database id. */
  dbId: number;
}

export async function startConversation(
  db: TestDatabase,
  owner: SeededUser,
  others: SeededUser[],
  title = 'Leg day crew',
): Promise<StartedConversation> {
  const data = expectData(
    await run(db, CreateConversation, { input: { title, memberIds: others.map((u) => u.globalId) } }, { as: owner.id }),
  );
  expect(data.createConversation.errors).toEqual([]);
  const { id } = present(data.createConversation.conversation, 'the new conversation');
  return { id, dbId: Number(Buffer.from(id, 'base64').toString().split(':')[1]) };
}

export async function send(
  db: TestDatabase,
  sender: SeededUser,
  conversationId: string,
  body: string,
  idempotencyKey?: string,
) {
  const data = expectData(
    await run(db, SendMessage, { input: { conversationId, body, idempotencyKey } }, { as: sender.id }),
  );
  return data.sendMessage as {
    message: { id: string; sequenceNumber: number; body: string } | null;
    errors: { code: string; field: string | null }[];
  };
}

/** Sends `count` messages one after another and returns their ids. */
export async function sendMany(db: TestDatabase, sender: SeededUser, conversationId: string, count: number) {
  const ids: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const sent = await send(db, sender, conversationId, `message ${i}`);
    ids.push(sent.message!.id);
  }
  return ids;
}
