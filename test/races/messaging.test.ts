import { describe, expect, it } from 'vitest';
import { send, startConversation } from '../kit/messaging';
import { createUsers } from '../kit/seed';
import { useTestDatabase } from '../setup/db';

const db = useTestDatabase();

describe('Mutation.sendMessage', () => {
  it('gives 50 concurrent senders the sequence numbers 1..50, no gap, no repeat', async () => {
    const users = await createUsers(db.sql, 5);
    const chat = await startConversation(db, users[0]!, users.slice(1));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(db, users[i % users.length]!, chat.id, `rep ${i}`)),
    );
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const numbers = results.map((r) => r.message!.sequenceNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const [row] = await db.sql<[{ count: number; lastSequenceNumber: number; lastMessageSequence: number }]>`
      select (select count(*)::int from messages where conversation_id = c.id) as count, c.last_sequence_number,
             (select sequence_number from messages where id = c.last_message_id) as last_message_sequence
        from conversations c where c.id = ${chat.dbId}`;
    expect(row).toEqual({ count: 50, lastSequenceNumber: 50, lastMessageSequence: 50 });
  });

  it('turns 10 racing retries with one idempotency key into one message', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    // Other senders race along, so the retries really contend for the conversation lock.
    const [retries] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => send(db, alice!, chat.id, 'Gym at 6?', 'retry-key'))),
      Promise.all(Array.from({ length: 5 }, (_, i) => send(db, bob!, chat.id, `noise ${i}`))),
    ]);
    expect(retries.flatMap((r) => r.errors)).toEqual([]);
    expect(new Set(retries.map((r) => r.message!.id)).size).toBe(1);
    const [counts] = await db.sql<[{ mine: number; all: number; last: number; events: number }]>`
      select count(*) filter (where sender_id = ${alice!.id})::int as mine, count(*)::int as all,
             max(sequence_number) as last,
             (select count(*)::int from activity_events where user_id = ${alice!.id} and type = 'MESSAGE_SENT') as events
        from messages where conversation_id = ${chat.dbId}`;
    expect(counts).toEqual({ mine: 1, all: 6, last: 6, events: 1 });

    const racingConflicts = await Promise.all([
      send(db, alice!, chat.id, 'body one', 'conflict-key'),
      send(db, alice!, chat.id, 'body two', 'conflict-key'),
    ]);
    expect(racingConflicts.map((r) => (r.message ? 'sent' : r.errors[0]!.code)).sort()).toEqual(['CONFLICT', 'sent']);
  });
});
