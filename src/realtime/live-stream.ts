import type { Viewer } from '../auth/jwt';
import type { Observability } from '../observability';
import type { Logger } from '../observability/logger';
import type { RequestRecord } from '../observability/requests';
import type { Tracing } from '../observability/tracing';
import { accountTopic, type RealtimePubSub } from './pubsub';

/** Where a stream's deliveries are traced: under its subscription's span. */
export type DeliveryTrace = { tracing: Tracing; record: RequestRecord } | null;

export function deliveryTrace(ctx: { observability: Observability; requestRecord: RequestRecord }): DeliveryTrace {
  const { tracing } = ctx.observability;
  return tracing ? { tracing, record: ctx.requestRecord } : null;
}

/** setTimeout holds at most 2^31 - 1 ms (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The part every live stream shares: a buffer the client drains at its own pace, one serial queue
 * for all of the stream's work (so deliveries keep the order their events arrived in), and an end
 * that comes from the client, from the stream itself, from the token's expiry, or from the deletion of
 * the viewer's account (on any process).
 */
export function createLiveStream<T>(options: {
  label: string;
  viewer: Viewer;
  logger: Logger;
  trace?: DeliveryTrace;
  pubsub: Pick<RealtimePubSub, 'subscribe'>;
  onFinish: () => void;
}) {
  const ready: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let onDrained: (() => void) | null = null;
  let finished = false;
  let queue: Promise<void> = Promise.resolve();
  let expiry: NodeJS.Timeout | null = null;
  /** Items handed to the client so far: a delivery's span counts its own. */
  let pushed = 0;
  let unwatchAccount: (() => void) | null = null;

  const finish = () => {
    if (finished) return;
    finished = true;
    options.onFinish();
    unwatchAccount?.();
    if (expiry) clearTimeout(expiry);
    ready.length = 0;
    waiting?.({ done: true, value: undefined });
    waiting = null;
    onDrained?.();
  };

  const push = (items: T[]) => {
    if (finished) return;
    pushed += items.length;
    for (const item of items) {
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ done: false, value: item });
      } else {
        ready.push(item);
      }
    }
  };

  /** Resolves once the client took everything handed out (or the stream ended). */
  const drained = () =>
    ready.length === 0 || finished ? Promise.resolve() : new Promise<void>((resolve) => (onDrained = resolve));

  const trace = options.trace;
  const traced = (work: () => Promise<void>) => () =>
    trace!.tracing.inSpan(
      'subscription.deliver',
      { 'spotter.subscription': options.label },
      async (annotate) => {
        const before = pushed;
        await work();
        annotate({ 'spotter.subscription.delivered': pushed - before });
      },
      trace!.record,
    );

  const serially = (work: () => Promise<void>) => {
    const run = trace ? traced(work) : work;
    queue = queue
      .then(() => (finished ? undefined : run()))
      .catch((error) => {
        options.logger.error({ err: error, stream: options.label }, 'live stream failed');
        finish();
      });
  };

  const expireAt = (options.viewer.expiresAt ?? Number.POSITIVE_INFINITY) * 1000;
  const scheduleExpiry = () => {
    const wait = expireAt - Date.now();
    if (wait <= 0) return finish();
    if (Number.isFinite(wait)) expiry = setTimeout(scheduleExpiry, Math.min(wait, MAX_TIMER_MS));
  };
  const watchEnd = () => {
    if (finished) return;
    unwatchAccount ??= options.pubsub.subscribe(accountTopic(options.viewer.id), { onEvent: finish, onClose: finish });
    scheduleExpiry();
  };

  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (ready.length > 0) {
        const item = ready.shift()!;
        if (ready.length === 0) {
          onDrained?.();
          onDrained = null;
        }
        return Promise.resolve({ done: false, value: item });
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

  return {
    iterator,
    push,
    drained,
    serially,
    finish,
    /** Ends the stream when the token expires or the account is deleted; called once the stream has subscribed. */
    watchExpiry: watchEnd,
    get finished() {
      return finished;
    },
  };
}
