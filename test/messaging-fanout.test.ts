import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { createSql } from '../src/db/client';
import { send, startConversation } from './kit/messaging';
import { createUsers } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { type TestDatabase, useTestDatabase } from './setup/db';

const db = useTestDatabase();

const MessageAdded = /* GraphQL */ `
  subscription FanoutMessageAdded($id: ID!) { messageAdded(conversationId: $id) { sequenceNumber body } }`;

/** A server process of its own whose pool reports every stream statement it sends. */
const streamStatements: string[] = [];
let listener: TestDatabase | null = null;
function listeningProcess(): TestDatabase {
  if (!listener) {
    const sql = createSql(db.url, {
      max: 5,
      onQuery: (query) => {
        const name = /\/\* (stream:\w+) \*\//.exec(query)?.[1];
        if (name) streamStatements.push(name);
      },
    });
    listener = { ...db, sql, app: createApp({ sql, config: db.config }) };
  }
  return listener;
}
afterAll(async () => {
  if (!listener) return;
  await listener.app.close();
  await listener.sql.end({ timeout: 5 });
});

/** Stream statements one sent message costs a process holding `subscribers` streams of its conversation. */
async function statementsPerMessage(subscribers: number): Promise<string[]> {
  const [sender, ...readers] = await createUsers(db.sql, subscribers + 1);
  const chat = await startConversation(db, sender!, readers);
  const streams = await Promise.all(
    readers.map((reader) => subscribeSse(listeningProcess(), MessageAdded, { id: chat.id }, { as: reader.id })),
  );
  streamStatements.length = 0;
  await send(db, sender!, chat.id, 'to everyone');
  const received = await Promise.all(streams.map((stream) => stream.take(1)));
  expect(received.map(([result]) => result!.data!.messageAdded)).toEqual(
    readers.map(() => ({ sequenceNumber: 1, body: 'to everyone' })),
  );
  const spent = [...streamStatements].sort();
  await Promise.all(streams.map((stream) => stream.cancel()));
  return spent;
}

describe('Subscription.messageAdded fan-out', () => {
  it('reads a message once per process, whatever the number of subscribers', async () => {
    const one = await statementsPerMessage(1);
    const twenty = await statementsPerMessage(20);
    expect(twenty).toEqual(one);
    expect(one).toEqual(['stream:members', 'stream:messages']);
  });
});
