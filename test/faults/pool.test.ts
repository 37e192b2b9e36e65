import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { signToken } from '../../src/auth/tokens';
import { createSql } from '../../src/db/client';
import { createUser } from '../kit/seed';
import { useTestDatabase } from '../setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false }, silent: true });

const UPDATE =
  'mutation($n: String!) { updateProfile(input: { displayName: $n }) { user { displayName } errors { code } } }';

describe('pool exhaustion', () => {
  it('fails requests over the connection wait and the statement timeout with SERVICE_UNAVAILABLE, keeps /health up, then serves', async () => {
    const sql = createSql(db.url, { max: 2, connectionWaitMs: 300, statementTimeoutMs: 1_500 });
    const app = createApp({ sql, config: db.config, leaderboards: { schedule: false }, silent: true });
    const user = await createUser(db.sql, { displayName: 'Before' });
    const token = `Bearer ${await signToken(user.id, db.config.jwtSecret)}`;
    const request = async (query: string, variables: Record<string, unknown>) => {
      const response = await app.yoga.fetch('http://spotter.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    };
    const health = async () => (await app.yoga.fetch('http://spotter.test/health')).status;
    // Slow requests: updates that wait on a row lock this test holds, each holding one of the two connections.
    const holder = await db.sql.reserve();
    try {
      expect((await request('{ viewer { id } }', {})).status).toBe(200);
      await holder`begin`;
      await holder`select 1 from users where id = ${user.id} for update`;
      const pending = Array.from({ length: 6 }, (_, i) => request(UPDATE, { n: `Racer ${i}` }));
      const during: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        during.push(await health());
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const results = await Promise.all(pending);
      expect(during).toEqual([200, 200, 200, 200, 200]);
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(503));
      const messages = results.map((r) => r.body.errors?.[0]?.message);
      const codes = results.flatMap((r) =>
        r.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code),
      );
      expect(new Set(codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      // Two got a connection and hit the statement timeout; four never got one.
      expect(messages.filter((m) => /too busy/.test(m))).toHaveLength(6);
    } finally {
      await holder`rollback`;
      holder.release();
    }
    const after = await request(UPDATE, { n: 'After' });
    expect(after.body.data.updateProfile).toEqual({ user: { displayName: 'After' }, errors: [] });
    const [row] = await db.sql`select display_name from users where id = ${user.id}`;
    expect(row!.displayName).toBe('After');
    await app.close();
    await sql.end();
  });
  it('cancels a statement that gets no connection within the wait, counted from when it is sent, and never runs it', async () => {
    const sql = createSql(db.url, { max: 1, connectionWaitMs: 200 });
    const user = await createUser(db.sql, { displayName: 'Untouched' });
    const rename = (name: string) => sql`update users set display_name = ${name} where id = ${user.id}`;
    // Built long before it is awaited, as a statement put together ahead of its turn would be.
    const early = rename('Early');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const slow = sql`select pg_sleep(1.5)`.then(() => 'done');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const since = performance.now();
    await expect(rename('Queued')).rejects.toMatchObject({ code: 'CONNECTION_WAIT_TIMEOUT' });
    // Rejected at the wait's bound, not when the slow statement let go of the connection.
    expect(performance.now() - since).toBeLessThan(1_000);
    await expect(early).rejects.toMatchObject({ code: 'CONNECTION_WAIT_TIMEOUT' });
    expect(await slow).toBe('done');
    const [row] = await db.sql`select display_name from users where id = ${user.id}`;
    expect(row!.displayName).toBe('Untouched');
    await sql.end();
  });
});
