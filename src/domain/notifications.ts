import type { Fragment } from 'postgres';
import type { Sql, TransactionSql } from '../db/client';
import { notifyCall } from '../realtime/pubsub';

/**
 * The NOTIFY of each notification a statement inserted, as a CTE body over the rows it returned
 * (`id, recipient_id, sequence_number`). It goes out at commit with ids and the number only.
 */
export function announceNotifications(sql: Sql | TransactionSql, insertedCte: string): Fragment {
  const q = sql as Sql;
  const event = notifyCall(q, {
    type: 'notificationAdded',
    recipientId: q`recipient_id`,
    notificationId: q`id`,
    sequenceNumber: q`sequence_number`,
  });
  return q`select ${event} from ${q.unsafe(insertedCte)}`;
}
