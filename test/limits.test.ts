import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/ids';
import { graphql } from './gql';
import { errorCodes, expectData, run, runUntyped } from './kit/client';
import { startConversation } from './kit/messaging';
import { createUsers } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false } });

const ids = (count: number) => Array.from({ length: count }, (_, i) => encodeGlobalId('User', i + 1));

describe('Query.nodes', () => {
  it('refuses 20,000 ids with a nested selection as QUERY_TOO_COMPLEX before any statement runs', async () => {
    const result = await run(
      db,
      graphql(
        `query NodesWithWorkouts($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps } } } } } } }`,
      ),
      { ids: ids(20_000) },
    );
    expect(errorCodes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.statements).toEqual([]);
  });

  it('takes at most 100 ids, even with the smallest selection', async () => {
    const query = graphql(`query NodeIds($ids: [ID!]!) { nodes(ids: $ids) { id } }`);
    const over = await run(db, query, { ids: ids(101) });
    expect(errorCodes(over)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(over.statements).toEqual([]);
    const at = await run(db, query, { ids: ids(100) });
    expect(at.errors).toBeUndefined();
  });

  it('multiplies the cost of its selection by the number of ids', async () => {
    // 50 users × a page of 100 workouts × their sets: far over the budget, although nodes is under 100 ids.
    const query = graphql(
      `query NodesWithSetWeights($ids: [ID!]!) { nodes(ids: $ids) { ... on User { workouts(first: 100) { edges { node { sets { reps weightKg } } } } } } }`,
    );
    expect(errorCodes(await run(db, query, { ids: ids(50) }))).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await run(db, query, { ids: ids(1) })).errors).toBeUndefined();
  });
});

describe('list arguments', () => {
  it('multiply the cost of what is selected under them (feed types)', async () => {
    const [viewer] = await createUsers(db.sql, 1);
    const query = graphql(
      `query FeedOfTypes($types: [ActivityType!]) { feed(first: 100, types: $types) { edges { node { id createdAt user { id username } } } } }`,
    );
    const one = await run(db, query, { types: ['WORKOUT_LOGGED'] }, { as: viewer!.id });
    expect(one.errors).toBeUndefined();
    const many = await run(db, query, { types: Array(100).fill('WORKOUT_LOGGED') }, { as: viewer!.id });
    expect(errorCodes(many)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('mutation fields per operation', () => {
  it('refuses 500 aliased sendMessage fields, and 11, before writing any message; 10 run', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const chat = await startConversation(db, alice!, [bob!]);
    const operation = (count: number) =>
      `mutation($c: ID!) { ${Array.from(
        { length: count },
        (_, i) => `m${i}: sendMessage(input: { conversationId: $c, body: "spam ${i}" }) { message { id } }`,
      ).join(' ')} }`;
    for (const count of [500, 11]) {
      const result = await runUntyped(db, operation(count), { c: chat.id }, { as: alice!.id });
      expect(errorCodes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    }
    const [before] = await db.sql<[{ count: number }]>`
      select count(*)::int as count from messages where conversation_id = ${chat.dbId}`;
    expect(before.count).toBe(0);
    expectData(await runUntyped(db, operation(10), { c: chat.id }, { as: alice!.id }));
    const [after] = await db.sql<[{ count: number }]>`
      select count(*)::int as count from messages where conversation_id = ${chat.dbId}`;
    expect(after.count).toBe(10);
  });

  it('counts fields inside fragments too', async () => {
    const fields = Array.from({ length: 6 }, (_, i) => `f${i}: follow(input: { userId: $u }) { errors { code } }`);
    const result = await runUntyped(
      db,
      `mutation($u: ID!) { ...A ... on Mutation { ${fields.join(' ')} } } fragment A on Mutation { ${fields.join(' ')} }`,
      { u: encodeGlobalId('User', 1) },
    );
    expect(errorCodes(result)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

/** POSTs `body` over a real socket, in chunks without a Content-Length when `chunked`. */
function post(port: number, body: string, chunked: boolean): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    // A connection of its own: after a refusal mid-body the server does not read the rest of that body.
    const req = request({ port, path: '/graphql', method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    if (chunked) for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
    else req.write(body);
    req.end();
  });
}

describe('the body limit over HTTP', () => {
  let port: number;
  beforeAll(async () => {
    port = await db.app.listen(0);
  });

  const huge = JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)}}` });
  for (const chunked of [false, true]) {
    it(`refuses a 2 MB body ${chunked ? 'sent in chunks, without a length' : 'that states its length'}: HTTP 413`, async () => {
      const response = await post(port, huge, chunked);
      expect(response.status).toBe(413);
      expect(response.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    });
  }

  it('serves a small chunked body', async () => {
    const response = await post(port, JSON.stringify({ query: '{ __typename }' }), true);
    expect(response.status).toBe(200);
    expect(response.json.data).toEqual({ __typename: 'Query' });
  });
});

describe('huge documents', () => {
  it('a 2 MB document is refused by the body limit: QUERY_TOO_COMPLEX, HTTP 413', async () => {
    const fields = Array.from({ length: 100_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const result = await runUntyped(db, `{ ${fields} }`);
    expect(result.status).toBe(413);
    expect(errorCodes(result)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('a document under the body limit but over 5,000 tokens stops parsing: QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 30_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const result = await runUntyped(db, `{ ${fields} }`);
    expect(result.status).toBeLessThan(500);
    expect(errorCodes(result)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
