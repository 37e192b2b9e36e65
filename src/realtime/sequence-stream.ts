import type { Viewer } from '../auth/jwt';
import type { Logger } from '../observability/logger';
import { createLiveStream, type DeliveryTrace } from './live-stream';
import type { RealtimeEvent, RealtimePubSub } from './pubsub';
import { STREAM_PAGE } from './stream-reads';

/** What a numbered stream reads: messageAdded (per conversation) and notificationAdded (per recipient). */
export interface SequenceSource<Row extends { sequenceNumber: number }> {
  label: string;
  topic: string;
  /** Where live delivery starts when there is nothing to replay; null when the viewer may not read it. */
  start(): Promise<number | null>;
  /** Whether the viewer may still read, and up to STREAM_PAGE rows with after < number <= upTo. */
  read(after: number, upTo: number): Promise<{ allowed: boolean; rows: Row[] }>;
  /** The number an event announces, 'end' to end the stream, or null for an event of no concern. */
  classify(event: RealtimeEvent): number | 'end' | null;
}

const LAST_NUMBER = 2_147_483_647;

/**
 * Rows numbered 1, 2, 3 …, each once, in order: a replay from the table, then live delivery with no
 * gap and no repeat.
 *
 * The order of operations is what makes the switch safe. The stream subscribes to the process's
 * pubsub first and waits until its LISTEN is active, and only then reads the table, so a row
 * committed during the replay is either in the replay or announced afterwards. Every piece of work
 * (the replay, each announcement) runs on the stream's serial queue, so announcements arriving
 * during the replay wait as a buffer; `delivered` (the last number handed out) skips what the
 * replay already covered, and an announcement that jumps ahead reads the whole range from the
 * table, so even a lost notification leaves no gap.
 *
 * Authorization holds for the life of the stream: `read` checks it with every delivery, the source
 * can end the stream on an event (a departure), and the token's expiry ends it too.
 */
export async function openSequenceStream<Row extends { sequenceNumber: number }>(options: {
  pubsub: RealtimePubSub;
  viewer: Viewer;
  /** Where a failed delivery, which ends the stream, is reported. */
  logger: Logger;
  /** Its deliveries' spans, when tracing is on. */
  trace?: DeliveryTrace;
  /** Replay the rows after this number first; null: only rows written from now on. */
  afterSequenceNumber: number | null;
  source: SequenceSource<Row>;
}): Promise<AsyncIterableIterator<Row>> {
  const { pubsub, source } = options;
  let delivered = options.afterSequenceNumber;
  const stream = createLiveStream<Row>({
    label: source.label,
    viewer: options.viewer,
    logger: options.logger,
    trace: options.trace ?? null,
    pubsub: options.pubsub,
    onFinish: () => unsubscribe(),
  });

  /** Reads and delivers (delivered, upTo], a page at a time; ends the stream once the viewer may not read. */
  const deliverUpTo = async (upTo: number) => {
    for (;;) {
      const { allowed, rows } = await source.read(delivered ?? 0, upTo);
      if (stream.finished) return;
      if (!allowed) return stream.finish();
      if (rows.length === 0) return;
      delivered = rows.at(-1)!.sequenceNumber;
      stream.push(rows);
      if (rows.length < STREAM_PAGE) return;
      await stream.drained();
      if (stream.finished) return;
    }
  };

  /** Waits for the LISTEN, then fixes where live delivery starts when there is nothing to replay. */
  const begin = async () => {
    await pubsub.ready();
    if (delivered !== null) return;
    const start = await source.start();
    if (start === null) return stream.finish();
    delivered = start;
  };

  const onEvent = (event: RealtimeEvent) => {
    const announced = source.classify(event);
    if (announced === null) return;
    if (announced === 'end') return stream.finish();
    stream.serially(async () => {
      if (delivered !== null && announced <= delivered) return;
      await deliverUpTo(announced);
    });
  };

  const unsubscribe = options.pubsub.subscribe(source.topic, { onEvent, onClose: stream.finish });
  stream.watchExpiry();
  const started = new Promise<void>((resolve, reject) => {
    stream.serially(async () => {
      try {
        await begin();
        resolve();
      } catch (error) {
        reject(error);
        throw error;
      }
    });
    if (delivered !== null) stream.serially(() => deliverUpTo(LAST_NUMBER));
  });
  // The subscription counts as established once its LISTEN is active and its starting point fixed.
  await started;
  return stream.iterator;
}
