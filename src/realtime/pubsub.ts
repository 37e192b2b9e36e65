import type { Fragment } from 'postgres';
import type { Sql, TransactionSql } from '../db/client';
import { withoutStatementLog } from '../db/statements';
import { createStreamReads } from './stream-reads';

/**
 * Messaging events travel through PostgreSQL LISTEN/NOTIFY, so every server process on the
 * database hears a message sent through any of them. A notification carries ids only (NOTIFY
 * payloads are capped at 8000 bytes); subscribers read the rows themselves.
 */
export const MESSAGING_CHANNEL = 'spotter_messaging';

export type MessagingEvent =
  | { type: 'messageAdded'; conversationId: number; messageId: number; sequenceNumber: number }
  | { type: 'memberLeft'; conversationId: number; userId: number };

type EventFields<E> = { [K in keyof E]: E[K] | Fragment };

/**
 * The one encoding of an event: a `pg_notify` call whose fields are values or columns of the
 * statement it is part of (a send notifies from inside its insert, where only SQL knows the ids).
 */
export function notifyCall(sql: Sql, event: EventFields<MessagingEvent>): Fragment {
  const fields = Object.entries(event).map(([name, value]) => {
    const part =
      typeof value === 'number' ? sql`${value}::bigint` : typeof value === 'string' ? sql`${value}::text` : value;
    return sql`${name}::text, ${part}`;
  });
  const object = fields.reduce((acc, field) => sql`${acc}, ${field}`);
  return sql`pg_notify(${MESSAGING_CHANNEL}, json_build_object(${object})::text)`;
}

/** Queues the event on the writing transaction: PostgreSQL delivers it at commit, never on rollback. */
export async function publish(tx: TransactionSql, event: MessagingEvent): Promise<void> {
  const sql = tx as unknown as Sql;
  await sql`/* notify:messaging */ select ${notifyCall(sql, event)}`;
}

function parseEvent(payload: string): MessagingEvent | null {
  try {
    const event = JSON.parse(payload) as MessagingEvent;
    return typeof event.conversationId === 'number' ? event : null;
  } catch {
    return null;
  }
}

export interface Subscriber {
  onEvent: (event: MessagingEvent) => void;
  /** The process is shutting down: end the stream. */
  onClose: () => void;
}

/**
 * One LISTEN connection per process (postgres.js keeps a dedicated one per pool and re-listens after
 * a reconnect), fanned out in memory to the subscribers of each conversation.
 */
export function createMessagingPubSub(sql: Sql, listenSql: Sql = sql) {
  const subscribers = new Map<number, Set<Subscriber>>();
  let listening: Promise<{ unlisten: () => Promise<void> }> | null = null;
  let closed = false;

  const dispatch = (payload: string) => {
    const event = parseEvent(payload);
    if (!event) return;
    for (const subscriber of subscribers.get(event.conversationId) ?? []) subscriber.onEvent(event);
  };

  return {
    /** Batched reads for all of this process's streams. */
    reads: createStreamReads(sql),

    /** Resolves once this process's LISTEN is active: from then on no committed event is missed. */
    ready(): Promise<void> {
      if (closed) return Promise.reject(new Error('The messaging pubsub is closed'));
      listening ??= withoutStatementLog(() => listenSql.listen(MESSAGING_CHANNEL, dispatch)).catch((error) => {
        listening = null;
        throw error;
      });
      return listening.then(() => undefined);
    },

    subscribe(conversationId: number, subscriber: Subscriber): () => void {
      const set = subscribers.get(conversationId) ?? new Set<Subscriber>();
      subscribers.set(conversationId, set);
      set.add(subscriber);
      return () => {
        set.delete(subscriber);
        if (set.size === 0 && subscribers.get(conversationId) === set) subscribers.delete(conversationId);
      };
    },

    /** Ends every live stream and stops listening; the pool's `end()` closes the connection. */
    async close(): Promise<void> {
      closed = true;
      const all = [...subscribers.values()].flatMap((set) => [...set]);
      subscribers.clear();
      for (const subscriber of all) subscriber.onClose();
      const active = await listening?.catch(() => null);
      await active?.unlisten().catch(() => undefined);
    },
  };
}

export type MessagingPubSub = ReturnType<typeof createMessagingPubSub>;
