import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import { tooManySubscriptions } from '../errors';

/** Live subscriptions one WebSocket connection, and one viewer in one process, may hold at once. */
export interface SubscriptionLimits {
  perConnection: number;
  perViewer: number;
}

export const SUBSCRIPTION_LIMITS: SubscriptionLimits = { perConnection: 50, perViewer: 100 };

/** The live subscriptions of one WebSocket connection. */
export interface ConnectionSubscriptions {
  live: number;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The same stream, calling `onEnd` once when it finishes, fails or is closed by the client. */
function endingWith<T>(stream: AsyncIterable<T>, onEnd: () => void): AsyncIterableIterator<T> {
  const iterator = stream[Symbol.asyncIterator]();
  const settle = async <R extends IteratorResult<T>>(step: Promise<R>): Promise<R> => {
    try {
      const result = await step;
      if (result.done) onEnd();
      return result;
    } catch (error) {
      onEnd();
      throw error;
    }
  };
  const wrapped: AsyncIterableIterator<T> = {
    next: () => settle(iterator.next()),
    return: (value?: unknown) => {
      onEnd();
      return iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value: undefined });
    },
    throw: (error?: unknown) => {
      onEnd();
      return iterator.throw ? iterator.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}

/**
 * Caps live subscriptions per WebSocket connection and per viewer (SSE and WebSocket together), so
 * one client cannot hold the process's memory; the next one is refused with TOO_MANY_SUBSCRIPTIONS.
 * Every stream still shares the process's one LISTEN connection, whatever the count.
 */
export function useSubscriptionLimits(limits: SubscriptionLimits): Plugin<Context> {
  const perViewer = new Map<number, number>();
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const { viewer, connection } = args.contextValue;
      setSubscribeFn(async (subscribeArgs) => {
        if (connection && connection.live >= limits.perConnection) {
          return {
            errors: [tooManySubscriptions(`A connection may hold at most ${limits.perConnection} live subscriptions`)],
          };
        }
        if (viewer && (perViewer.get(viewer.id) ?? 0) >= limits.perViewer) {
          return { errors: [tooManySubscriptions(`A user may hold at most ${limits.perViewer} live subscriptions`)] };
        }
        if (connection) connection.live += 1;
        if (viewer) perViewer.set(viewer.id, (perViewer.get(viewer.id) ?? 0) + 1);
        let ended = false;
        const release = () => {
          if (ended) return;
          ended = true;
          if (connection) connection.live -= 1;
          if (!viewer) return;
          const left = (perViewer.get(viewer.id) ?? 1) - 1;
          if (left > 0) perViewer.set(viewer.id, left);
          else perViewer.delete(viewer.id);
        };
        try {
          const result = await subscribeFn(subscribeArgs);
          if (isAsyncIterable(result)) return endingWith(result, release);
          release();
          return result;
        } catch (error) {
          release();
          throw error;
        }
      });
    },
  };
}
