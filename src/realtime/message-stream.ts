import type { Viewer } from '../auth/jwt';
import type { Sql } from '../db/client';
import type { MessageRow } from '../db/rows';
import type { Logger } from '../observability/logger';
import type { DeliveryTrace } from './live-stream';
import { conversationTopic, type RealtimePubSub } from './pubsub';
import { openSequenceStream } from './sequence-stream';

export interface MessageStreamOptions {
  sql: Sql;
  pubsub: RealtimePubSub;
  viewer: Viewer;
  logger: Logger;
  /** Its deliveries' spans, when tracing is on. */
  trace?: DeliveryTrace;
  conversationId: number;
  /** Replay the messages after this sequence number first; null: only messages sent from now on. */
  afterSequenceNumber: number | null;
}

/**
 * The messages of one conversation, each once, in sequence order (the numbered stream of
 * sequence-stream.ts). Membership is read again with every delivery, and a `memberLeft` event for
 * the viewer ends the stream at once.
 */
export function openMessageStream(options: MessageStreamOptions): Promise<AsyncIterableIterator<MessageRow>> {
  const { sql, pubsub, viewer, conversationId } = options;
  return openSequenceStream<MessageRow>({
    pubsub,
    viewer,
    logger: options.logger,
    trace: options.trace ?? null,
    afterSequenceNumber: options.afterSequenceNumber,
    source: {
      label: 'messageAdded',
      topic: conversationTopic(conversationId),
      async start() {
        const [row] = await sql<{ isMember: boolean; lastSequenceNumber: number }[]>`/* stream:start */
          select c.last_sequence_number,
                 exists (select 1 from conversation_members
                          where conversation_id = c.id and user_id = ${viewer.id}) as is_member
            from conversations c where c.id = ${conversationId}`;
        return row?.isMember ? row.lastSequenceNumber : null;
      },
      async read(after, upTo) {
        const [allowed, rows] = await Promise.all([
          pubsub.reads.isMember(conversationId, viewer.id),
          pubsub.reads.messages(conversationId, after, upTo),
        ]);
        return { allowed, rows };
      },
      classify(event) {
        if (event.type === 'memberLeft') return event.userId === viewer.id ? 'end' : null;
        return event.type === 'messageAdded' ? event.sequenceNumber : null;
      },
    },
  });
}
