import { describe, expect, it } from 'vitest';
import { type CleanupRun, createIdempotencyKeyCleaner } from '../src/jobs/idempotency-keys';
import { send, startConversation } from './kit/messaging';
import { createUsers } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false } });

describe('idempotency key expiry', () => {
  it('keeps keys 24 hours, removes older ones in small batches, and a retry after that sends a new message', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    for (let i = 0; i < 5; i += 1) await send(db, alice!, chat.id, `old ${i}`, `old-${i}`);
    const fresh = await send(db, alice!, chat.id, 'fresh', 'fresh-key');
    await db.sql`update idempotency_keys set created_at = now() - interval '25 hours' where key like 'old-%'`;
    await db.sql`update idempotency_keys set created_at = now() - interval '23 hours' where key = 'fresh-key'`;

    const runs: CleanupRun[] = [];
    const cleaner = createIdempotencyKeyCleaner(db.sql, {
      schedule: false,
      batchSize: 2,
      onRun: (run) => runs.push(run),
    });
    const run = await cleaner.runNow();
    expect(run).toMatchObject({ status: 'cleaned', deleted: 5, batches: 3 });
    expect(runs).toEqual([run]);
    expect(cleaner.status()).toEqual({ runs: 1, lastRun: run });
    const left = await db.sql<{ key: string }[]>`select key from idempotency_keys where sender_id = ${alice!.id}`;
    expect(left.map((row) => row.key)).toEqual(['fresh-key']);

    expect((await send(db, alice!, chat.id, 'fresh', 'fresh-key')).message!.id).toBe(fresh.message!.id);
    const retried = await send(db, alice!, chat.id, 'old 0', 'old-0');
    expect(retried.errors).toEqual([]);
    expect(retried.message!.sequenceNumber).toBe(7);
  });

  it('runs in one process at a time: another holding the lock makes a run busy and delete nothing', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    await send(db, alice!, chat.id, 'stale', 'stale-key');
    await db.sql`update idempotency_keys set created_at = now() - interval '2 days' where key = 'stale-key'`;
    const first = createIdempotencyKeyCleaner(db.sql, { schedule: false, batchSize: 1 });
    const second = createIdempotencyKeyCleaner(db.sql, { schedule: false });
    // The first holds the lock while it sweeps; hold it from outside to make that moment last.
    const holder = await db.sql.reserve();
    try {
      await holder`select pg_advisory_lock(${0x5370_6f6b})`;
      expect(await second.runNow()).toMatchObject({ status: 'busy', deleted: 0 });
      expect(await first.runNow()).toMatchObject({ status: 'busy', deleted: 0 });
      await holder`select pg_advisory_unlock(${0x5370_6f6b})`;
    } finally {
      holder.release();
    }
    expect(await second.runNow()).toMatchObject({ status: 'cleaned', deleted: 1 });
    expect(await first.runNow()).toMatchObject({ status: 'cleaned', deleted: 0 });
  });
});
