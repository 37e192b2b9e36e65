import type { Viewer } from '../auth/jwt';
import type { Sql } from '../db/client';
import type { NotificationRow } from '../db/rows';
import type { Logger } from '../observability/logger';
import type { DeliveryTrace } from './live-stream';
import { notificationTopic, type RealtimePubSub } from './pubsub';
import { openSequenceStream } from './sequence-stream';

/**
 * The viewer's own notifications, each once, in number order: the numbered stream of
 * sequence-stream.ts over the recipient's gap-free numbers. The topic is the viewer's own, so
 * nothing can take the right to read it away but the token's expiry.
 */
export function openNotificationStream(options: {
  sql: Sql;
  pubsub: RealtimePubSub;
  viewer: Viewer;
  logger: Logger;
  /** Its deliveries' spans, when tracing is on. */
  trace?: DeliveryTrace;
  afterSequenceNumber: number | null;
}): Promise<AsyncIterableIterator<NotificationRow>> {
  const { sql, pubsub, viewer } = options;
  return openSequenceStream<NotificationRow>({
    pubsub,
    viewer,
    logger: options.logger,
    trace: options.trace ?? null,
    afterSequenceNumber: options.afterSequenceNumber,
    source: {
      label: 'notificationAdded',
      topic: notificationTopic(viewer.id),
      async start() {
        const [row] = await sql<{ lastSequenceNumber: number }[]>`/* stream:notificationStart */
          select last_sequence_number from notification_states where user_id = ${viewer.id}`;
        return row?.lastSequenceNumber ?? 0;
      },
      async read(after, upTo) {
        return { allowed: true, rows: await pubsub.reads.notifications(viewer.id, after, upTo) };
      },
      classify: (event) => (event.type === 'notificationAdded' ? event.sequenceNumber : null),
    },
  });
}
