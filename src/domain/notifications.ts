import type { Fragment } from 'postgres';
import type { Sql, TransactionSql } from '../db/client';
import { EVENTS_CHANNEL } from '../realtime/pubsub';

/**
 * The NOTIFY of each notification a statement inserted, as a CTE body over the rows it returned
 * (`id, recipient_id, sequence_number`). It goes out at commit with ids and the number only.
 */
export function announceNotifications(sql: Sql | TransactionSql, insertedCte: string): Fragment {
  return (sql as Sql)`select pg_notify(${EVENTS_CHANNEL}, json_build_object(
             'type', 'notificationAdded', 'recipientId', recipient_id,
             'notificationId', id, 'sequenceNumber', sequence_number)::text)
      from ${(sql as Sql).unsafe(insertedCte)}`;
}
