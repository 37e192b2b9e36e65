import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/ids';
import { runUntyped } from './kit/client';
import { createUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

/** Inputs a client can send that are wrong in every way we could think of; none may reach a 500. */
const cases: [string, string, Record<string, unknown>][] = [
  ['an id of zero', 'query($id: ID!) { user(id: $id) { id } }', { id: encodeGlobalId('User', 0) }],
  [
    'an id beyond bigint',
    'query($id: ID!) { user(id: $id) { id } }',
    { id: encodeGlobalId('User', '99999999999999999999') },
  ],
  ['a node id of an unknown type', 'query($id: ID!) { node(id: $id) { id } }', { id: encodeGlobalId('Nope', 1) }],
  [
    'ten thousand node ids',
    'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    { ids: Array.from({ length: 10_000 }, (_, i) => encodeGlobalId('User', i + 1)) },
  ],
  [
    'a timestamp cursor that is not a time',
    'query($a: String) { feed(first: 1, after: $a) { edges { cursor } } }',
    { a: Buffer.from('["not a time","1"]').toString('base64url') },
  ],
  [
    'a cursor of the wrong connection',
    'query($id: ID!, $a: String) { user(id: $id) { workouts(first: 1, after: $a) { edges { cursor } } } }',
    { id: encodeGlobalId('User', 1), a: Buffer.from('["abc"]').toString('base64url') },
  ],
  ['an empty search', '{ searchMessages(query: "") { edges { cursor } } }', {}],
  ['a search of only punctuation and stop words', '{ searchMessages(query: "the & | ! (") { edges { cursor } } }', {}],
  [
    'a huge search',
    'query($q: String!) { searchMessages(query: $q) { edges { cursor } } }',
    { q: 'deadlift '.repeat(5000) },
  ],
  ['a users search with LIKE wildcards', '{ users(search: "%_\\\\") { edges { cursor } } }', {}],
  ['a lower-case unknown country', '{ leaderboard(kind: XP_ALL_TIME, country: "zz") { edges { cursor } } }', {}],
  [
    'a startedAt that is not a date',
    'mutation($i: LogWorkoutInput!) { logWorkout(input: $i) { errors { code } } }',
    { i: { title: 'x', startedAt: 'yesterday', durationSeconds: 1, sets: [] } },
  ],
  [
    'a read mark beyond Int',
    'mutation { markConversationRead(input: { conversationId: "Q29udmVyc2F0aW9uOjE=", upToSequenceNumber: 99999999999 }) { errors { code } } }',
    {},
  ],
  [
    'weeks as a string',
    'query($id: ID!) { user(id: $id) { exerciseProgress(exerciseId: "RXhlcmNpc2U6MQ==", weeks: "12") { weekStart } } }',
    { id: encodeGlobalId('User', 1) },
  ],
  [
    'a subscription over plain POST',
    'subscription { messageAdded(conversationId: "Q29udmVyc2F0aW9uOjE=") { id } }',
    {},
  ],
];

describe('malformed requests', () => {
  for (const [name, query, variables] of cases) {
    it(`${name}: a typed error or data, never a 500`, async () => {
      const user = await createUser(db.sql);
      const result = await runUntyped(db, query, variables, { as: user.id });
      expect(result.status).toBeLessThan(500);
      for (const error of result.errors ?? []) {
        expect(error.message).not.toMatch(/Unexpected error/);
      }
    });
  }
});
