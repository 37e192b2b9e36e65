import type { Viewer } from '../auth/jwt';
import type { Sql } from '../db/client';
import type { MessageRow } from '../db/rows';
import { withoutStatementLog } from '../db/statements';
import type { MessagingEvent, MessagingPubSub } from './pubsub';
import { STREAM_PAGE } from './stream-reads';

export interface MessageStreamOptions {
  sql: Sql;
  pubsub: MessagingPubSub;
  viewer: Viewer;
  conversationId: number;
  /** Replay the messages after this sequence number first; null: only messages sent from now on. */
  afterSequenceNumber: number | null;
}

/** setTimeout holds at most 2^31 - 1 ms (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The messages of one conversation, each once, in sequence order: a replay from the table, then
 * live delivery with no gap and no repeat.
 *
 * The order of operations is what makes the switch safe. The stream subscribes to the process's
 * pubsub first and waits until its LISTEN is active, and only then reads the table, so a message
 * committed during the replay is either in the replay or announced afterwards. Every piece of work
 * (the replay, each announcement) runs on one serial queue, so announcements arriving during the
 * replay wait as a buffer; `delivered` (the last sequence number handed out) skips what the replay
 * already covered, and an announcement that jumps ahead reads the whole range from the table, so
 * even a lost notification leaves no gap.
 *
 * Authorization holds for the life of the stream: membership is read again with every delivery, a
 * `memberLeft` event for the viewer ends the stream at once, and so does the token's expiry.
 */
export async function openMessageStream(options: MessageStreamOptions): Promise<AsyncIterableIterator<MessageRow>> {
  const { sql, pubsub, viewer, conversationId } = options;
  const ready: MessageRow[] = [];
  let waiting: ((result: IteratorResult<MessageRow>) => void) | null = null;
  let onDrained: (() => void) | null = null;
  let finished = false;
  let delivered = options.afterSequenceNumber;
  let queue: Promise<void> = Promise.resolve();
  let expiry: NodeJS.Timeout | null = null;

  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe();
    if (expiry) clearTimeout(expiry);
    ready.length = 0;
    waiting?.({ done: true, value: undefined });
    waiting = null;
    onDrained?.();
  };

  const push = (rows: MessageRow[]) => {
    for (const row of rows) {
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ done: false, value: row });
      } else {
        ready.push(row);
      }
    }
  };

  const drained = () =>
    ready.length === 0 || finished ? Promise.resolve() : new Promise<void>((resolve) => (onDrained = resolve));

  const serially = (work: () => Promise<void>) => {
    queue = queue
      .then(() => (finished ? undefined : work()))
      .catch((error) => {
        console.error('messageAdded stream failed', error);
        finish();
      });
  };

  /** Reads and delivers (delivered, upTo], a page at a time; ends the stream once the viewer is no member. */
  const deliverUpTo = async (upTo: number | null) => {
    for (;;) {
      const [isMember, messages] = await Promise.all([
        pubsub.reads.isMember(conversationId, viewer.id),
        pubsub.reads.messages(conversationId, delivered ?? 0, upTo ?? 2_147_483_647),
      ]);
      if (finished) return;
      if (!isMember) return finish();
      if (messages.length === 0) return;
      delivered = messages.at(-1)!.sequenceNumber;
      push(messages);
      if (messages.length < STREAM_PAGE) return;
      await drained();
      if (finished) return;
    }
  };

  /** Waits for the LISTEN, then fixes where live delivery starts when there is nothing to replay. */
  const begin = async () => {
    await pubsub.ready();
    if (delivered !== null) return;
    const [row] = await sql<{ isMember: boolean; lastSequenceNumber: number }[]>`/* stream:start */
      select c.last_sequence_number,
             exists (select 1 from conversation_members
                      where conversation_id = c.id and user_id = ${viewer.id}) as is_member
        from conversations c where c.id = ${conversationId}`;
    if (!row?.isMember) return finish();
    delivered = row.lastSequenceNumber;
  };

  const onEvent = (event: MessagingEvent) => {
    if (event.type === 'memberLeft') {
      if (event.userId === viewer.id) finish();
      return;
    }
    serially(async () => {
      if (delivered !== null && event.sequenceNumber <= delivered) return;
      await deliverUpTo(event.sequenceNumber);
    });
  };

  const unsubscribe = pubsub.subscribe(conversationId, { onEvent, onClose: finish });
  const started = new Promise<void>((resolve, reject) =>
    withoutStatementLog(() => {
      serially(async () => {
        try {
          await begin();
          resolve();
        } catch (error) {
          reject(error);
          throw error;
        }
      });
      if (delivered !== null) serially(() => deliverUpTo(null));
    }),
  );

  const expireAt = (viewer.expiresAt ?? Number.POSITIVE_INFINITY) * 1000;
  const scheduleExpiry = () => {
    const wait = expireAt - Date.now();
    if (wait <= 0) return finish();
    if (Number.isFinite(wait)) expiry = setTimeout(scheduleExpiry, Math.min(wait, MAX_TIMER_MS));
  };
  scheduleExpiry();

  const iterator: AsyncIterableIterator<MessageRow> = {
    next() {
      const row = ready.shift();
      if (row) {
        if (ready.length === 0) {
          onDrained?.();
          onDrained = null;
        }
        return Promise.resolve({ done: false, value: row });
      }
      if (finished) return Promise.resolve({ done: true, value: undefined });
      onDrained?.();
      onDrained = null;
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      finish();
      return Promise.resolve({ done: true, value: undefined });
    },
    throw(error?: unknown) {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  // The subscription counts as established once its LISTEN is active and its starting point fixed.
  await started;
  return iterator;
}
