import type { GraphQLResolveInfo } from 'graphql';
import { type Context, renewLoaders } from '../context';
import type { ConversationRow, MessageRow } from '../db/rows';
import {
  addReaction,
  createConversation,
  editMessage,
  leaveConversation,
  markConversationRead,
  removeReaction,
  sendMessage,
} from '../domain/messaging';
import { badInput, checkRange, forbidden } from '../errors';
import { loadEach, loadRequired, primeRows } from '../loaders/factory';
import { type MessagesSelection, type ReactionGroupRow, searchMessagesPage, searchPageOf } from '../loaders/messaging';
import type { ConnectionArgs } from '../pagination';
import { deliveryTrace } from '../realtime/live-stream';
import { openMessageStream } from '../realtime/message-stream';
import { builder } from './builder';
import { bidirectionalArgs, EMPTY_CONNECTION, forwardArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';
import { payloadType, toPayload } from './payload';
import { maySelect, soleChildArguments } from './selection';
import { User, UserConnection } from './users';

export const Conversation = builder.objectRef<ConversationRow>('Conversation');
export const Message = builder.objectRef<MessageRow>('Message');
const ReactionGroup = builder.objectRef<ReactionGroupRow>('ReactionGroup');

export const ConversationConnection = builder.connectionObject(
  { type: Conversation, name: 'ConversationConnection' },
  { name: 'ConversationEdge' },
);
export const MessageConnection = builder.connectionObject(
  { type: Message, name: 'MessageConnection' },
  { name: 'MessageEdge' },
);

/** A row whose viewer is no longer a member (the leave payload) shows its header only. */
const isMemberView = (conversation: ConversationRow) => conversation.viewerLastReadSequenceNumber !== null;

builder.node(Conversation, {
  id: { resolve: (conversation) => conversation.id },
  description: 'A group conversation. Only its members can see it; for anyone else it does not exist.',
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.conversationById, ids.map(Number)),
  fields: (t) => ({
    title: t.exposeString('title'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    memberCount: t.exposeInt('memberCount', { description: 'Denormalized: kept by a trigger.' }),
    lastSequenceNumber: t.exposeInt('lastSequenceNumber', {
      description: 'The sequence number of the latest message; 0 before the first.',
    }),
    lastMessage: t.field({
      type: Message,
      nullable: true,
      resolve: (conversation, _args, ctx) =>
        conversation.lastMessageId !== null && isMemberView(conversation)
          ? ctx.loaders.messageById.get(conversation.lastMessageId)
          : null,
    }),
    lastMessageAt: t.expose('lastMessageAt', { type: 'DateTime', nullable: true }),
    viewerLastReadSequenceNumber: t.int({
      nullable: true,
      description: 'The viewer’s read mark: messages up to this sequence number count as read.',
      resolve: (conversation) => conversation.viewerLastReadSequenceNumber,
    }),
    unreadCount: t.int({
      description: 'Messages after the viewer’s read mark that others sent.',
      resolve: (conversation, _args, ctx) =>
        isMemberView(conversation) ? ctx.loaders.unreadCountByConversationId.get(conversation.id) : 0,
    }),
    members: t.field({
      type: UserConnection,
      description: 'In the order they joined.',
      args: forwardArgs,
      complexity: pageComplexity,
      resolve: async (conversation, args, ctx) => {
        const members = ctx.loaders.membersByConversationId(args);
        if (!isMemberView(conversation)) return EMPTY_CONNECTION;
        return toConnection(await members.load(conversation.id));
      },
    }),
    messages: t.field({
      type: MessageConnection,
      description: 'By sequence number, edges always ascending; `last: N` gives the newest N.',
      args: bidirectionalArgs,
      complexity: pageComplexity,
      resolve: async (conversation, args, ctx) => {
        const messages = ctx.loaders.messagesByConversationId(args);
        if (!isMemberView(conversation)) return EMPTY_CONNECTION;
        const result = await messages.load(conversation.id);
        primeRows(ctx.loaders.messageById, result.rows);
        return toConnection(result);
      },
    }),
  }),
});

builder.node(Message, {
  id: { resolve: (message) => message.id },
  description: 'A message; only members of its conversation can see it.',
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.messageById, ids.map(Number)),
  fields: (t) => ({
    conversation: t.field({
      type: Conversation,
      resolve: async (message, _args, ctx) => {
        const conversation = await ctx.loaders.conversationById.get(message.conversationId);
        if (!conversation) throw forbidden('Only members of this conversation can read it');
        return conversation;
      },
    }),
    sender: t.field({
      type: User,
      resolve: (message, _args, ctx) => loadRequired(ctx.loaders.userById, message.senderId),
    }),
    sequenceNumber: t.exposeInt('sequenceNumber', { description: '1, 2, 3 … per conversation, no gaps, no repeats.' }),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    editedAt: t.expose('editedAt', { type: 'DateTime', nullable: true }),
    reactions: t.field({
      type: [ReactionGroup],
      description: 'Most used first.',
      resolve: (message, _args, ctx) => ctx.loaders.reactionsByMessageId.get(message.id),
    }),
  }),
});

ReactionGroup.implement({
  fields: (t) => ({
    emoji: t.exposeString('emoji'),
    count: t.exposeInt('count'),
    viewerHasReacted: t.exposeBoolean('viewerHasReacted'),
  }),
});

builder.objectFields(User, (t) => ({
  conversations: t.field({
    type: ConversationConnection,
    description: 'The viewer’s own conversations, latest activity first; empty for anyone else.',
    args: forwardArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => {
      const inbox = ctx.loaders.conversationsByUserId(args);
      if (ctx.viewer?.id !== user.id) return EMPTY_CONNECTION;
      return toConnection(await inbox.load(user.id));
    },
  }),
}));

/** The one messages page selected under this conversation, and whether its senders and reactions are. */
function messagesSelection(info: GraphQLResolveInfo): MessagesSelection | null {
  const args = soleChildArguments(info, 'messages') as ConnectionArgs | null;
  if (!args) return null;
  const under = (field: string) => maySelect(info, ['messages', 'edges', 'node', field]);
  return { args, senders: under('sender'), reactions: under('reactions') };
}

/** Decodes a conversation ID the caller must be a member of; a non-member gets FORBIDDEN. */
export async function memberConversation(
  ctx: Context,
  globalId: string | number,
  argument: string,
): Promise<ConversationRow> {
  const conversation = await ctx.loaders.conversationById.get(idOf('Conversation', globalId, argument));
  if (!conversation) throw forbidden('Only members of this conversation can read it');
  return conversation;
}

builder.queryFields((t) => ({
  conversation: t.field({
    type: Conversation,
    nullable: true,
    description: 'Members only; anyone else gets null.',
    args: { id: t.arg.id({ required: true }) },
    // The conversation with its messages page, senders and reactions in one round trip, when selected.
    resolve: (_root, args, ctx, info) =>
      ctx.loaders.conversationWithMessages(
        idOf('Conversation', args.id),
        ctx.config.foldedReads ? messagesSelection(info) : null,
      ),
  }),
  searchMessages: t.field({
    type: MessageConnection,
    description:
      'Messages of the viewer’s conversations (or of the one named) containing every word of `query`, with English stemming, newest first.',
    args: { query: t.arg.string({ required: true }), conversationId: t.arg.id(), ...forwardArgs },
    complexity: pageComplexity,
    resolve: async (_root, args, ctx) => {
      const page = searchPageOf(args);
      const query = args.query.trim();
      if (query.length === 0 || query.length > 500) throw badInput('query must be 1 to 500 characters', 'query');
      const conversationId =
        args.conversationId != null ? (await memberConversation(ctx, args.conversationId, 'conversationId')).id : null;
      if (!ctx.viewer) return EMPTY_CONNECTION;
      const result = await searchMessagesPage(ctx.sql, { viewerId: ctx.viewer.id, query, conversationId }, page);
      primeRows(ctx.loaders.messageById, result.rows);
      return toConnection(result);
    },
  }),
}));

builder.subscriptionField('messageAdded', (t) =>
  t.field({
    type: Message,
    description:
      'Members only. Each new message of the conversation once, in sequence order; with afterSequenceNumber, first the messages after it. Ends when the viewer leaves or the token expires.',
    args: { conversationId: t.arg.id({ required: true }), afterSequenceNumber: t.arg.int() },
    subscribe: async (_root, args, ctx) => {
      const afterSequenceNumber =
        args.afterSequenceNumber == null
          ? null
          : checkRange(args.afterSequenceNumber, 0, 2_147_483_647, 'afterSequenceNumber');
      const conversation = await memberConversation(ctx, args.conversationId, 'conversationId');
      return openMessageStream({
        sql: ctx.sql,
        pubsub: ctx.pubsub,
        viewer: ctx.viewer!,
        logger: ctx.observability.logger,
        trace: deliveryTrace(ctx),
        conversationId: conversation.id,
        afterSequenceNumber,
      });
    },
    resolve: (message, _args, ctx) => {
      renewLoaders(ctx).messageById.prime(message.id, message);
      return message;
    },
  }),
);

// Mutations: thin wrappers over src/domain/messaging.ts.

const conversationPayload = (name: string) =>
  payloadType<{ conversation: ConversationRow }>(name, (t) => ({
    conversation: t.field({ type: Conversation, nullable: true, resolve: (p) => p.conversation ?? null }),
  }));

const messagePayload = (name: string) =>
  payloadType<{ message: MessageRow }>(name, (t) => ({
    message: t.field({ type: Message, nullable: true, resolve: (p) => p.message ?? null }),
  }));

const CreateConversationPayload = conversationPayload('CreateConversationPayload');
const LeaveConversationPayload = conversationPayload('LeaveConversationPayload');
const MarkConversationReadPayload = conversationPayload('MarkConversationReadPayload');
const SendMessagePayload = messagePayload('SendMessagePayload');
const EditMessagePayload = messagePayload('EditMessagePayload');
const ReactionPayload = messagePayload('ReactionPayload');

const CreateConversationInput = builder.inputType('CreateConversationInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1 to 200 characters.' }),
    memberIds: t.idList({ required: true, description: '1 to 100 other users; the caller is always a member.' }),
  }),
});
const LeaveConversationInput = builder.inputType('LeaveConversationInput', {
  fields: (t) => ({ conversationId: t.id({ required: true }) }),
});
const SendMessageInput = builder.inputType('SendMessageInput', {
  fields: (t) => ({
    conversationId: t.id({ required: true }),
    body: t.string({ required: true, description: '1 to 4000 characters after trimming.' }),
    idempotencyKey: t.string({
      description: 'A retry with the same key returns the first message; the same key with another body is a CONFLICT.',
    }),
  }),
});
const EditMessageInput = builder.inputType('EditMessageInput', {
  fields: (t) => ({ messageId: t.id({ required: true }), body: t.string({ required: true }) }),
});
const MarkConversationReadInput = builder.inputType('MarkConversationReadInput', {
  fields: (t) => ({
    conversationId: t.id({ required: true }),
    upToSequenceNumber: t.int({
      required: true,
      description: 'Never moves the mark backwards; clamped to the last message.',
    }),
  }),
});
const ReactionInput = builder.inputType('ReactionInput', {
  fields: (t) => ({
    messageId: t.id({ required: true }),
    emoji: t.string({ required: true, description: 'One emoji grapheme.' }),
  }),
});

builder.mutationFields((t) => ({
  createConversation: t.field({
    type: CreateConversationPayload,
    args: { input: t.arg({ type: CreateConversationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        createConversation(ctx, {
          title: input.title,
          memberIds: input.memberIds.map((id, i) => idOf('User', id, `memberIds.${i}`)),
        }),
      ),
  }),
  leaveConversation: t.field({
    type: LeaveConversationPayload,
    args: { input: t.arg({ type: LeaveConversationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        leaveConversation(ctx, {
          conversationId: idOf('Conversation', input.conversationId, 'conversationId'),
        }),
      ),
  }),
  sendMessage: t.field({
    type: SendMessagePayload,
    args: { input: t.arg({ type: SendMessageInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        sendMessage(ctx, {
          conversationId: idOf('Conversation', input.conversationId, 'conversationId'),
          body: input.body,
          idempotencyKey: input.idempotencyKey,
        }),
      ),
  }),
  editMessage: t.field({
    type: EditMessagePayload,
    args: { input: t.arg({ type: EditMessageInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(editMessage(ctx, { messageId: idOf('Message', input.messageId, 'messageId'), body: input.body })),
  }),
  markConversationRead: t.field({
    type: MarkConversationReadPayload,
    args: { input: t.arg({ type: MarkConversationReadInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        markConversationRead(ctx, {
          conversationId: idOf('Conversation', input.conversationId, 'conversationId'),
          upToSequenceNumber: input.upToSequenceNumber,
        }),
      ),
  }),
  addReaction: t.field({
    type: ReactionPayload,
    args: { input: t.arg({ type: ReactionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(addReaction(ctx, { messageId: idOf('Message', input.messageId, 'messageId'), emoji: input.emoji })),
  }),
  removeReaction: t.field({
    type: ReactionPayload,
    args: { input: t.arg({ type: ReactionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(removeReaction(ctx, { messageId: idOf('Message', input.messageId, 'messageId'), emoji: input.emoji })),
  }),
}));
