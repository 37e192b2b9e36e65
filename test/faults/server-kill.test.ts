import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens';
import { inconsistencies } from '../kit/consistency';
import { startConversation } from '../kit/messaging';
import { createUsers } from '../kit/seed';
import { useTestDatabase } from '../setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false } });

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id sequenceNumber } errors { code } } }`;

/** A whole server process on the test file's database; resolves with its port once it listens. */
async function startProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/server-process.ts'], {
    env: { ...process.env, DATABASE_URL: db.url, JWT_SECRET: db.config.jwtSecret, BOARD_KEEPER_INTERVAL_MS: '600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = await once(child.stdout!, 'data');
  const port = Number(/ready (\d+)/.exec(String(chunk))?.[1]);
  return { child, port };
}

describe('server process killed with SIGKILL during racing idempotent sends', () => {
  it('after retries on a new process: one message per key, numbers 1..N without a gap, counters = COUNT(*)', async () => {
    const users = await createUsers(db.sql, 16);
    const chat = await startConversation(db, users[0]!, users.slice(1));
    const tokens = await Promise.all(users.map((u) => signToken(u.id, db.config.jwtSecret)));
    const answered = new Map<string, number>();
    const unanswered: { sender: number; key: string }[] = [];

    const sendTo = async (port: number, sender: number, key: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[sender]}` },
        body: JSON.stringify({
          query: SEND,
          variables: { input: { conversationId: chat.id, body: key, idempotencyKey: key } },
        }),
      });
      const body = await response.json();
      const message = body.data?.sendMessage?.message;
      if (!message) throw new Error(`not sent: ${JSON.stringify(body)}`);
      return Number(Buffer.from(message.id, 'base64').toString().split(':')[1]);
    };

    const first = await startProcess();
    let killed = false;
    const senders = users.map(async (_, sender) => {
      for (let i = 0; ; i += 1) {
        const key = `sender-${sender}-${i}`;
        try {
          answered.set(key, await sendTo(first.port, sender, key));
        } catch {
          // The process died with this send in flight: it may or may not have committed.
          if (!killed) throw new Error(`send failed before the kill: ${key}`);
          unanswered.push({ sender, key });
          return;
        }
      }
    });
    while (answered.size < 80) await new Promise((resolve) => setTimeout(resolve, 10));
    killed = true;
    const exited = once(first.child, 'exit');
    first.child.kill('SIGKILL');
    await Promise.all(senders);
    await exited;
    expect(unanswered.length).toBe(16);

    const second = await startProcess();
    try {
      // Every sender retries the key it never saw answered, twice, racing the others.
      await Promise.all(
        unanswered.flatMap(({ sender, key }) => [sendTo(second.port, sender, key), sendTo(second.port, sender, key)]),
      );
      // Answered keys retried give back the message they got the first time.
      for (const [key, id] of [...answered].slice(0, 5)) {
        const sender = Number(key.split('-')[1]);
        expect(await sendTo(second.port, sender, key)).toBe(id);
      }
    } finally {
      const stopped = once(second.child, 'exit');
      second.child.kill('SIGTERM');
      await stopped;
    }

    const keys = [...answered.keys(), ...unanswered.map((u) => u.key)];
    const rows = await db.sql<{ body: string; count: number }[]>`
      select body, count(*)::int as count from messages where conversation_id = ${chat.dbId} group by body`;
    expect(rows.filter((row) => row.count !== 1)).toEqual([]);
    expect(rows.map((row) => row.body).sort()).toEqual([...keys].sort());
    const [numbers] = await db.sql<[{ count: number; min: number; max: number; distinct: number }]>`
      select count(*)::int as count, min(sequence_number) as min, max(sequence_number) as max,
             count(distinct sequence_number)::int as distinct
        from messages where conversation_id = ${chat.dbId}`;
    expect(numbers).toEqual({ count: keys.length, min: 1, max: keys.length, distinct: keys.length });
    const [events] = await db.sql<[{ events: number; keys: number }]>`
      select (select count(*)::int from activity_events where type = 'MESSAGE_SENT') as events,
             (select count(*)::int from idempotency_keys) as keys`;
    expect(events).toEqual({ events: keys.length, keys: keys.length });
    expect(await inconsistencies(db.sql)).toEqual([]);
  }, 90_000);
});
