import { renewLoaders } from '../context';
import { type ConversationEventRow, openConversationEventStream } from '../realtime/conversation-events';
import { deliveryTrace } from '../realtime/live-stream';
import { builder } from './builder';
import { Message, memberConversation } from './messaging';
import { User } from './users';

type EventOf<K extends ConversationEventRow['kind']> = Extract<ConversationEventRow, { kind: K }>;

const MessageAddedEvent = builder.objectRef<EventOf<'MessageAddedEvent'>>('MessageAddedEvent').implement({
  fields: (t) => ({ message: t.field({ type: Message, resolve: (event) => event.message }) }),
});
const MessageEditedEvent = builder.objectRef<EventOf<'MessageEditedEvent'>>('MessageEditedEvent').implement({
  fields: (t) => ({ message: t.field({ type: Message, resolve: (event) => event.message }) }),
});
const ReactionsChangedEvent = builder.objectRef<EventOf<'ReactionsChangedEvent'>>('ReactionsChangedEvent').implement({
  description: 'message.reactions as they are after the change.',
  fields: (t) => ({ message: t.field({ type: Message, resolve: (event) => event.message }) }),
});
const ReadMarkMovedEvent = builder.objectRef<EventOf<'ReadMarkMovedEvent'>>('ReadMarkMovedEvent').implement({
  fields: (t) => ({
    user: t.field({ type: User, resolve: (event) => event.user }),
    upToSequenceNumber: t.exposeInt('upToSequenceNumber'),
  }),
});
const MemberLeftEvent = builder.objectRef<EventOf<'MemberLeftEvent'>>('MemberLeftEvent').implement({
  fields: (t) => ({
    user: t.field({ type: User, resolve: (event) => event.user }),
    memberCount: t.exposeInt('memberCount', { description: 'The conversation’s member count after the departure.' }),
  }),
});

const EVENT_TYPES = {
  MessageAddedEvent,
  MessageEditedEvent,
  ReactionsChangedEvent,
  ReadMarkMovedEvent,
  MemberLeftEvent,
} as const;

const ConversationEvent = builder.unionType('ConversationEvent', {
  types: Object.values(EVENT_TYPES),
  resolveType: (event: ConversationEventRow) => EVENT_TYPES[event.kind],
});

builder.subscriptionField('conversationEvents', (t) =>
  t.field({
    type: ConversationEvent,
    description:
      'Members only, live: every new message, edit, reaction change, read-mark move and departure of the conversation, in commit order. Ends when the viewer leaves or the token expires.',
    args: { conversationId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const conversation = await memberConversation(ctx, args.conversationId, 'conversationId');
      return openConversationEventStream({
        pubsub: ctx.pubsub,
        viewer: ctx.viewer!,
        logger: ctx.observability.logger,
        trace: deliveryTrace(ctx),
        conversationId: conversation.id,
      });
    },
    resolve: (event: ConversationEventRow, _args, ctx) => {
      // Primed with what the process's shared reads already returned, so a subscriber adds no
      // statement of its own for the fields those rows answer.
      const loaders = renewLoaders(ctx);
      if ('message' in event) {
        loaders.messageById.prime(event.message.id, event.message);
        if (event.sender) loaders.userById.prime(event.sender.id, event.sender);
      }
      if (event.kind === 'ReactionsChangedEvent') loaders.reactionsByMessageId.prime(event.message.id, event.reactions);
      if ('user' in event) loaders.userById.prime(event.user.id, event.user);
      return event;
    },
  }),
);
