import type { Viewer } from '../auth/jwt';
import type { MessageRow, UserRow } from '../db/rows';
import type { ReactionGroupRow } from '../loaders/messaging';
import type { Logger } from '../observability/logger';
import { createLiveStream, type DeliveryTrace } from './live-stream';
import { type ConversationEvent, conversationTopic, type RealtimeEvent, type RealtimePubSub } from './pubsub';

/** One delivered event, with the rows it shows already read. */
export type ConversationEventRow =
  | { kind: 'MessageAddedEvent'; message: MessageRow; sender: UserRow | null }
  | { kind: 'MessageEditedEvent'; message: MessageRow; sender: UserRow | null }
  | { kind: 'ReactionsChangedEvent'; message: MessageRow; sender: UserRow | null; reactions: ReactionGroupRow[] }
  | { kind: 'ReadMarkMovedEvent'; user: UserRow; upToSequenceNumber: number }
  | { kind: 'MemberLeftEvent'; user: UserRow; memberCount: number };

const isConversationEvent = (event: RealtimeEvent): event is ConversationEvent => 'conversationId' in event;

/**
 * Every change of one conversation, live only, in the order the changes committed: PostgreSQL
 * delivers notifications in commit order, and each stream handles them one at a time on its serial
 * queue. The rows an event shows are read through the process's shared stream reads, so one event
 * costs one membership statement and one statement per kind of row, whatever the number of
 * subscribers. Membership is read with every delivery; the viewer's own departure, or the token's
 * expiry, ends the stream.
 */
export async function openConversationEventStream(options: {
  pubsub: RealtimePubSub;
  viewer: Viewer;
  logger: Logger;
  /** Its deliveries' spans, when tracing is on. */
  trace?: DeliveryTrace;
  conversationId: number;
}): Promise<AsyncIterableIterator<ConversationEventRow>> {
  const { pubsub, viewer, conversationId } = options;
  const reads = pubsub.reads;
  const stream = createLiveStream<ConversationEventRow>({
    label: 'conversationEvents',
    viewer,
    logger: options.logger,
    trace: options.trace ?? null,
    pubsub,
    onFinish: () => unsubscribe(),
  });

  const messageOf = async (messageId: number) => {
    const message = await reads.messageById(messageId);
    // The sender is read here, shared, so `message { sender }` costs no statement per subscriber.
    return message && { message, sender: await reads.userById(message.senderId) };
  };

  const rowOf = async (event: ConversationEvent): Promise<ConversationEventRow | null> => {
    switch (event.type) {
      case 'messageAdded':
      case 'messageEdited': {
        const read = await messageOf(event.messageId);
        if (!read) return null;
        return { kind: event.type === 'messageAdded' ? 'MessageAddedEvent' : 'MessageEditedEvent', ...read };
      }
      case 'reactionsChanged': {
        const [read, groups] = await Promise.all([messageOf(event.messageId), reads.reactions(event.messageId)]);
        if (!read) return null;
        const reactions = groups.map(({ userIds, ...group }) => ({
          ...group,
          viewerHasReacted: userIds.includes(viewer.id),
        }));
        return { kind: 'ReactionsChangedEvent', ...read, reactions };
      }
      case 'readMarkMoved': {
        const user = await reads.userById(event.userId);
        return user && { kind: 'ReadMarkMovedEvent', user, upToSequenceNumber: event.upToSequenceNumber };
      }
      case 'memberLeft': {
        const user = await reads.userById(event.userId);
        return user && { kind: 'MemberLeftEvent', user, memberCount: event.memberCount };
      }
    }
  };

  const onEvent = (event: RealtimeEvent) => {
    if (!isConversationEvent(event)) return;
    if (event.type === 'memberLeft' && event.userId === viewer.id) return stream.finish();
    stream.serially(async () => {
      const [isMember, row] = await Promise.all([reads.isMember(conversationId, viewer.id), rowOf(event)]);
      if (stream.finished) return;
      if (!isMember) return stream.finish();
      if (row) stream.push([row]);
    });
  };

  const unsubscribe = pubsub.subscribe(conversationTopic(conversationId), { onEvent, onClose: stream.finish });
  stream.watchExpiry();
  // Established once the LISTEN is active: every change committed from then on is delivered.
  await pubsub.ready();
  return stream.iterator;
}
