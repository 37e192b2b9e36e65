import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../src/db/migrate';
import { syncCatalogue } from '../src/db/reference-data';
import { useTestDatabase } from './setup/db';

// The refresher swaps leaderboard_entries for a rebuilt copy; here the schema must hold still.
const db = useTestDatabase({ leaderboards: { schedule: false } });

async function schemaFingerprint() {
  return db.sql`
    select table_name, column_name, data_type, is_nullable, column_default, generation_expression
      from information_schema.columns where table_schema = 'public'
     union all
    select tablename, indexname, indexdef, null, null, null from pg_indexes where schemaname = 'public'
     union all
    select event_object_table, trigger_name, action_timing || ' ' || event_manipulation, action_statement, null, null
      from information_schema.triggers where trigger_schema = 'public'
     order by 1, 2, 3`;
}

describe('drizzle/ migrations', () => {
  it('running them again on a migrated database changes nothing', async () => {
    const before = await schemaFingerprint();
    const [{ applied }] = await db.sql<
      [{ applied: number }]
    >`select count(*)::int as applied from drizzle.__drizzle_migrations`;
    await migrateDatabase(db.url);
    await migrateDatabase(db.url);
    expect(await schemaFingerprint()).toEqual(before);
    const [{ after }] = await db.sql<
      [{ after: number }]
    >`select count(*)::int as after from drizzle.__drizzle_migrations`;
    expect(after).toBe(applied);
  });

  it('installs the counter and sequence triggers', async () => {
    const triggers = await db.sql<{ name: string }[]>`
      select distinct event_object_table || '.' || trigger_name as name
        from information_schema.triggers where trigger_schema = 'public' order by 1`;
    expect(triggers.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'conversation_members._500_count_insert',
        'conversation_members._500_count_delete',
        'follows._500_counters',
        'messages._100_sequence',
        'workout_sets._500_totals_insert',
        'workouts._500_user_totals_insert',
      ]),
    );
  });

  it('ships a catalogue of at least 20 muscles and 60 exercises, and syncing it twice changes nothing', async () => {
    const count = async () =>
      (
        await db.sql<[{ muscles: number; exercises: number; activations: number }]>`
        select (select count(*)::int from muscles) as muscles, (select count(*)::int from exercises) as exercises,
               (select count(*)::int from exercise_activations) as activations`
      )[0];
    const before = await count();
    expect(before.muscles).toBeGreaterThanOrEqual(20);
    expect(before.exercises).toBeGreaterThanOrEqual(60);
    await syncCatalogue(db.sql);
    expect(await count()).toEqual(before);
  });
});

describe('triggers', () => {
  it('number messages 1, 2, 3 per conversation and keep the last-message pointer', async () => {
    const [user] = await db.sql<[{ id: number }]>`
      insert into users (username, display_name) values ('trigger_user', 'T') returning id`;
    const [conversation] = await db.sql<[{ id: number }]>`
      insert into conversations (title, created_by_id) values ('t', ${user.id}) returning id`;
    await db.sql`insert into conversation_members (conversation_id, user_id) values (${conversation.id}, ${user.id})`;
    for (const body of ['a', 'b', 'c']) {
      await db.sql`insert into messages (conversation_id, sender_id, body) values (${conversation.id}, ${user.id}, ${body})`;
    }
    const rows = await db.sql<{ sequenceNumber: number }[]>`
      select sequence_number from messages where conversation_id = ${conversation.id} order by id`;
    expect(rows.map((r) => r.sequenceNumber)).toEqual([1, 2, 3]);
    const [state] = await db.sql<[{ memberCount: number; lastSequenceNumber: number; lastBody: string }]>`
      select c.member_count, c.last_sequence_number, m.body as last_body
        from conversations c join messages m on m.id = c.last_message_id where c.id = ${conversation.id}`;
    expect(state).toEqual({ memberCount: 1, lastSequenceNumber: 3, lastBody: 'c' });
  });
});
