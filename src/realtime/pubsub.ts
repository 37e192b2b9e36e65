import type { Fragment } from 'postgres';
import type { Sql, TransactionSql } from '../db/client';
import { createStreamReads } from './stream-reads';

/**
 * Live events travel through PostgreSQL LISTEN/NOTIFY on one channel, so every server process on the
 * database hears a write made through any of them. A notification carries ids only, plus the small
 * integers that say what the change was at its commit (a sequence number, a read mark, a member
 * count): NOTIFY payloads are capped at 8000 bytes and a channel is no place for bodies, so
 * subscribers read the rows themselves.
 */
export const EVENTS_CHANNEL = 'spotter_events';

export type ConversationEvent =
  | { type: 'messageAdded'; conversationId: number; messageId: number; sequenceNumber: number }
  | { type: 'messageEdited'; conversationId: number; messageId: number }
  | { type: 'reactionsChanged'; conversationId: number; messageId: number }
  | { type: 'readMarkMoved'; conversationId: number; userId: number; upToSequenceNumber: number }
  | { type: 'memberLeft'; conversationId: number; userId: number; memberCount: number };

export type NotificationEvent = {
  type: 'notificationAdded';
  recipientId: number;
  notificationId: number;
  sequenceNumber: number;
};

/**
 * A goal's progress moved (sent by goal_add in drizzle/0027, in the writing transaction), or a member
 * left a team (which ends their teamGoalProgress streams of its goals).
 */
export type TeamEvent =
  | { type: 'goalChanged'; goalId: number }
  | { type: 'teamMemberLeft'; teamId: number; userId: number };

/**
 * An account was deleted (sent by deleteAccount in its transaction, so it is heard only if the deletion
 * committed): every process forgets the user (the known-user cache, and whatever else is registered
 * with watchAccounts), and the user's live streams end.
 */
export type AccountEvent = { type: 'accountDeleted'; userId: number };

export type RealtimeEvent = ConversationEvent | NotificationEvent | TeamEvent | AccountEvent;

/** The topic a stream subscribes to: one conversation, or one user's notifications. */
export const conversationTopic = (conversationId: number) => `conversation:${conversationId}`;
export const notificationTopic = (userId: number) => `notifications:${userId}`;
export const goalTopic = (goalId: number) => `goal:${goalId}`;
export const teamTopic = (teamId: number) => `team:${teamId}`;
/** A viewer's own account: every live stream of theirs listens to it, to end when the account goes. */
export const accountTopic = (userId: number) => `account:${userId}`;

function topicOf(event: RealtimeEvent): string {
  switch (event.type) {
    case 'notificationAdded':
      return notificationTopic(event.recipientId);
    case 'goalChanged':
      return goalTopic(event.goalId);
    case 'teamMemberLeft':
      return teamTopic(event.teamId);
    case 'accountDeleted':
      return accountTopic(event.userId);
    default:
      return conversationTopic(event.conversationId);
  }
}

type EventFields<E> = { [K in keyof E]: E[K] | Fragment };

/**
 * The one encoding of an event: a `pg_notify` call whose fields are values or columns of the
 * statement it is part of (a send notifies from inside its insert, where only SQL knows the ids).
 */
export function notifyCall(sql: Sql | TransactionSql, event: EventFields<RealtimeEvent>): Fragment {
  const q = sql as Sql;
  const fields = Object.entries(event).map(([name, value]) => {
    const part =
      typeof value === 'number' ? q`${value}::bigint` : typeof value === 'string' ? q`${value}::text` : value;
    return q`${name}::text, ${part}`;
  });
  const object = fields.reduce((acc, field) => q`${acc}, ${field}`);
  return q`pg_notify(${EVENTS_CHANNEL}, json_build_object(${object})::text)`;
}

/** Queues the event on the writing transaction: PostgreSQL delivers it at commit, never on rollback. */
export async function publish(tx: TransactionSql, event: RealtimeEvent): Promise<void> {
  const sql = tx as unknown as Sql;
  await sql`/* notify:event */ select ${notifyCall(sql, event)}`;
}

function parseEvent(payload: string): RealtimeEvent | null {
  try {
    const event = JSON.parse(payload) as RealtimeEvent;
    if (event.type === 'notificationAdded') return typeof event.recipientId === 'number' ? event : null;
    if (event.type === 'goalChanged') return typeof event.goalId === 'number' ? event : null;
    if (event.type === 'teamMemberLeft') return typeof event.teamId === 'number' ? event : null;
    if (event.type === 'accountDeleted') return typeof event.userId === 'number' ? event : null;
    return typeof event.conversationId === 'number' ? event : null;
  } catch {
    return null;
  }
}

export interface AccountWatcher {
  deleted: (userId: number) => void;
  resync: () => void;
}

export interface Subscriber {
  onEvent: (event: RealtimeEvent) => void;
  /** The process is shutting down: end the stream. */
  onClose: () => void;
}

/**
 * One LISTEN connection per process (postgres.js keeps a dedicated one per pool and re-listens after
 * a reconnect), fanned out in memory to the subscribers of each topic.
 */
export function createRealtimePubSub(sql: Sql, listenSql: Sql = sql) {
  const subscribers = new Map<string, Set<Subscriber>>();
  const accountWatchers = new Set<AccountWatcher>();
  let listening: Promise<{ unlisten: () => Promise<void> }> | null = null;
  let closed = false;

  const dispatch = (payload: string) => {
    const event = parseEvent(payload);
    if (!event) return;
    if (event.type === 'accountDeleted') for (const watcher of accountWatchers) watcher.deleted(event.userId);
    for (const subscriber of subscribers.get(topicOf(event)) ?? []) subscriber.onEvent(event);
  };

  // postgres.js listens again after its connection drops; what was sent meanwhile is lost, so a
  // deletion may have gone unheard: the watchers forget everything they cached.
  let listens = 0;
  const onListen = () => {
    listens += 1;
    if (listens > 1) for (const watcher of accountWatchers) watcher.resync();
  };

  return {
    /** Batched reads for all of this process's streams. */
    reads: createStreamReads(sql),

    /** Resolves once this process's LISTEN is active: from then on no committed event is missed. */
    ready(): Promise<void> {
      if (closed) return Promise.reject(new Error('The realtime pubsub is closed'));
      listening ??= listenSql.listen(EVENTS_CHANNEL, dispatch, onListen).catch((error) => {
        listening = null;
        throw error;
      });
      return listening.then(() => undefined);
    },

    /**
     * Hears every committed account deletion on this process, whichever process made it; `resync` is
     * called when deletions may have been missed (the LISTEN connection was re-established).
     */
    watchAccounts(watcher: AccountWatcher): () => void {
      accountWatchers.add(watcher);
      return () => accountWatchers.delete(watcher);
    },

    subscribe(topic: string, subscriber: Subscriber): () => void {
      const set = subscribers.get(topic) ?? new Set<Subscriber>();
      subscribers.set(topic, set);
      set.add(subscriber);
      return () => {
        set.delete(subscriber);
        if (set.size === 0 && subscribers.get(topic) === set) subscribers.delete(topic);
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

export type RealtimePubSub = ReturnType<typeof createRealtimePubSub>;
