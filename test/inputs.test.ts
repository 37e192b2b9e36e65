import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens';
import { schema } from '../src/graphql';
import { encodeGlobalId } from '../src/graphql/ids';
import { graphql } from './gql';
import { expectData, present, type RunResult, run, runUntyped } from './kit/client';
import { send, startConversation } from './kit/messaging';
import { createUsers, type SeededUser } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { createGoal, createTeam } from './kit/teams';
import { exercises } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase({ leaderboards: { schedule: false } });

/** Strings no input may carry, with the UserError every mutation field must answer them with. */
const BAD_STRINGS: [string, string][] = [
  ['a NUL character', 'lift\u0000day'],
  ['a lone high surrogate', 'lift\uD83Dday'],
  ['a lone low surrogate', '\uDC4D'],
  ['surrogates in the wrong order', '\uDC4D\uD83D'],
  ['20,000 characters', 'x'.repeat(20_000)],
];

/** Values of the wrong kind or out of range for numbers and booleans; each a typed GraphQL error. */
const BAD_NUMBERS: [string, unknown][] = [
  ['a number past Int range', 2 ** 31],
  ['a negative number past Int range', -(2 ** 31) - 1],
  ['a fraction', 1.5],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['a string', '12'],
  ['an object', { value: 1 }],
  ['a list', [1, 2]],
];

/** Codes a refused input may carry; never INTERNAL_SERVER_ERROR. */
const TYPED = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'BAD_REQUEST'];

let alice: SeededUser;
let bob: SeededUser;
let baselines: Record<string, Record<string, unknown>>;

/** Every table's rows, as one fingerprint per table: a write anywhere changes it. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db.sql<{ name: string }[]>`
    select tablename as name from pg_tables
     where schemaname = 'public' and tablename not like 'leaderboard%' order by 1`;
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.sql.unsafe(
      `select count(*)::int as count, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as hash from "${name}" t`,
    );
    result[name] = `${row!.count}:${row!.hash}`;
  }
  return result;
}

/** A value of the right type for an input the schema added after this table was written. */
function derived(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return derived(type.ofType);
  if (isListType(type)) return [derived(type.ofType)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, derived(field.type)]));
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (getNamedType(type).name) {
    case 'ID':
      return encodeGlobalId('User', bob.id);
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date(Date.now() - 3_600_000).toISOString();
    default:
      return 'x';
  }
}

/** Paths (as in UserError.field) of every leaf of an input type, with the leaf's scalar name. */
function leaves(type: GraphQLInputType, path: string[] = []): { path: string[]; scalar: string }[] {
  if (isNonNullType(type)) return leaves(type.ofType, path);
  if (isListType(type)) return leaves(type.ofType, [...path, '0']);
  if (isInputObjectType(type)) {
    return Object.values(type.getFields()).flatMap((field) => leaves(field.type, [...path, field.name]));
  }
  return isScalarType(type) ? [{ path, scalar: type.name }] : [];
}

function setAt(value: Record<string, unknown>, path: string[], leaf: unknown): Record<string, unknown> {
  const copy = structuredClone(value);
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = leaf;
  return copy;
}

const mutationFields = Object.values(schema.getMutationType()!.getFields());

function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const inputType = field.args.find((arg) => arg.name === 'input')!.type.toString();
  return `mutation($input: ${inputType}) { ${field.name}(input: $input) { errors { code field message } } }`;
}

function expectTypedErrors(result: RunResult<unknown>) {
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    expect(TYPED, JSON.stringify(error)).toContain(error.extensions?.code);
  }
}

beforeAll(async () => {
  [alice, bob] = (await createUsers(db.sql, 2)) as [SeededUser, SeededUser];
  const chat = await startConversation(db, alice, [bob]);
  const sent = await send(db, alice, chat.id, 'Squats at 7?');
  const exerciseId = (await exercises(db.sql)).globalId('Deadlift');
  const logged = expectData(
    await run(
      db,
      graphql(
        `mutation BaselineWorkout($input: LogWorkoutInput!) { logWorkout(input: $input) { workout { id } errors { code } } }`,
      ),
      {
        input: {
          title: 'Legs',
          startedAt: new Date(Date.now() - 7_200_000).toISOString(),
          durationSeconds: 3600,
          sets: [{ exerciseId, reps: 5, weightKg: 100 }],
        },
      },
      { as: alice.id },
    ),
  );
  const workoutId = present(logged.logWorkout.workout, 'the logged workout').id;
  const ownTeam = await createTeam(db, alice, { name: 'Inputs Own Team' });
  const otherTeam = await createTeam(db, bob, { name: 'Inputs Other Team' });
  const goal = await createGoal(db, alice, ownTeam, {
    metric: 'WORKOUTS',
    target: 5,
    startsAt: new Date(Date.now() - 86_400_000),
    endsAt: new Date(Date.now() + 86_400_000),
  });
  // Each would write if its input were accepted, so "nothing written" is a real check.
  baselines = {
    logWorkout: {
      title: 'Push',
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationSeconds: 3600,
      sets: [{ exerciseId, reps: 5, weightKg: 80 }],
    },
    deleteWorkout: { workoutId },
    createConversation: { title: 'Crew', memberIds: [bob.globalId] },
    leaveConversation: { conversationId: chat.id },
    sendMessage: { conversationId: chat.id, body: 'See you there', idempotencyKey: 'inputs-1' },
    editMessage: { messageId: sent.message!.id, body: 'Squats at 8?' },
    markConversationRead: { conversationId: chat.id, upToSequenceNumber: 1 },
    addReaction: { messageId: sent.message!.id, emoji: '👍' },
    removeReaction: { messageId: sent.message!.id, emoji: '👍' },
    follow: { userId: bob.globalId },
    unfollow: { userId: bob.globalId },
    updateProfile: { displayName: 'Alice', country: 'SE', ghostMode: true, leaderboardOptIn: false },
    createTeam: { name: 'Inputs New Team', description: 'Walkers', joinPolicy: 'OPEN' },
    joinTeam: { teamId: otherTeam.globalId },
    leaveTeam: { teamId: ownTeam.globalId },
    inviteToTeam: { teamId: ownTeam.globalId, userId: bob.globalId },
    createTeamGoal: {
      teamId: ownTeam.globalId,
      title: 'Walk more',
      metric: 'DISTANCE_METERS',
      target: 10_000,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
    deleteTeamGoal: { goalId: goal.globalId },
  };
});

function baselineOf(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  return baselines[field.name] ?? (derived(field.args.find((arg) => arg.name === 'input')!.type) as never);
}

describe('mutation inputs', () => {
  it('refuse every bad string in every String and ID field with a VALIDATION UserError naming it; nothing written', async () => {
    const before = await fingerprint();
    let checked = 0;
    for (const field of mutationFields) {
      const input = field.args.find((arg) => arg.name === 'input');
      if (!input) continue;
      for (const leaf of leaves(input.type)) {
        if (leaf.scalar !== 'String' && leaf.scalar !== 'ID') continue;
        for (const [name, bad] of BAD_STRINGS) {
          const variables = { input: setAt(baselineOf(field), leaf.path, bad) };
          const result = await runUntyped(db, mutationDocument(field), variables, { as: alice.id });
          const label = `${field.name} ${leaf.path.join('.')} with ${name}`;
          expect(result.errors, label).toBeUndefined();
          expect(result.data, label).toEqual({
            [field.name]: { errors: [{ code: 'VALIDATION', field: leaf.path.join('.'), message: expect.any(String) }] },
          });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(BAD_STRINGS.length * 20);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuse numbers out of range and values of the wrong type with a typed error; nothing written', async () => {
    const before = await fingerprint();
    for (const field of mutationFields) {
      const input = field.args.find((arg) => arg.name === 'input');
      if (!input) continue;
      for (const leaf of leaves(input.type)) {
        const values: [string, unknown][] =
          leaf.scalar === 'Int' || leaf.scalar === 'Float'
            ? BAD_NUMBERS
            : leaf.scalar === 'Boolean'
              ? [
                  ['a string', 'true'],
                  ['a number', 1],
                  ['an object', {}],
                ]
              : [
                  ['an object', { value: 'x' }],
                  ['a list', ['a', 'b']],
                  ['a boolean', true],
                ];
        for (const [name, bad] of values) {
          if (leaf.scalar === 'Float' && name === 'a fraction') continue;
          const variables = { input: setAt(baselineOf(field), leaf.path, bad) };
          const result = await runUntyped(db, mutationDocument(field), variables, { as: alice.id });
          const label = `${field.name} ${leaf.path.join('.')} with ${name}`;
          const validation = expect.arrayContaining([expect.objectContaining({ code: 'VALIDATION' })]);
          if (result.errors) expectTypedErrors(result);
          else expect(result.data, label).toEqual({ [field.name]: { errors: validation } });
        }
      }
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('refuse a float past the double range (1e400 in the JSON) with a typed error', async () => {
    const body = `{"query": "mutation($input: LogWorkoutInput!) { logWorkout(input: $input) { errors { code } } }",
      "variables": {"input": {"title": "x", "startedAt": "2026-01-01T00:00:00Z", "durationSeconds": 1,
      "sets": [{"exerciseId": "RXhlcmNpc2U6MQ==", "reps": 1, "weightKg": 1e400}]}}}`;
    const response = await db.app.yoga.fetch('http://spotter.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await signToken(alice.id, db.config.jwtSecret)}`,
      },
      body,
    });
    expect(response.status).toBeLessThan(500);
    const result = await response.json();
    expect(TYPED).toContain(result.errors?.[0]?.extensions?.code);
  });

  it('refuse a 10 MB string in any input before reading it all: QUERY_TOO_COMPLEX, HTTP 413, nothing written', async () => {
    const before = await fingerprint();
    const huge = 'x'.repeat(10_000_000);
    for (const field of mutationFields) {
      const input = field.args.find((arg) => arg.name === 'input');
      const leaf = input && leaves(input.type).find((l) => l.scalar === 'String' || l.scalar === 'ID');
      if (!leaf) continue;
      const variables = { input: setAt(baselineOf(field), leaf.path, huge) };
      const result = await runUntyped(db, mutationDocument(field), variables, { as: alice.id });
      expect(result.status, field.name).toBe(413);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    }
    expect(await fingerprint()).toEqual(before);
  });
});

/** Values for the required arguments next to the one under test. */
function argumentValue(arg: GraphQLArgument): unknown {
  const named = getNamedType(arg.type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (named.name === 'ID') return encodeGlobalId('User', alice.id);
  if (named.name === 'String') return 'x';
  if (named.name === 'Int') return 1;
  return derived(arg.type);
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isObjectType(getNamedType(field.type)) || !isScalarType(getNamedType(field.type)) ? '{ __typename }' : '';
}

/** `{ viewer { workouts(after: $v) { __typename } } }`-style documents for each String or ID argument. */
function argumentCases(fields: GraphQLField<unknown, unknown>[], wrap: (inner: string) => string) {
  const cases: { label: string; document: string; variables: Record<string, unknown>; bad: string }[] = [];
  for (const field of fields) {
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (named.name !== 'String' && named.name !== 'ID') continue;
      const others = field.args.filter((a) => a !== arg && isNonNullType(a.type));
      const declared = [arg, ...others].map((a, i) => `$a${i}: ${a.type.toString()}`).join(', ');
      const passed = [arg, ...others].map((a, i) => `${a.name}: $a${i}`).join(', ');
      const document = `query(${declared}) { ${wrap(`${field.name}(${passed}) ${selectionOf(field)}`)} }`;
      for (const [name, bad] of BAD_STRINGS) {
        const value = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? [bad] : bad;
        const variables = Object.fromEntries(
          [arg, ...others].map((a, i) => [`a${i}`, i === 0 ? value : argumentValue(a)]),
        );
        cases.push({ label: `${field.name}(${arg.name}) with ${name}`, document, variables, bad: arg.name });
      }
    }
  }
  return cases;
}

describe('query arguments', () => {
  it('refuse every bad string in every String and ID argument of Query and User with BAD_USER_INPUT', async () => {
    const queryFields = Object.values(schema.getQueryType()!.getFields());
    const userType = schema.getType('User');
    const userFields = isObjectType(userType) ? Object.values(userType.getFields()) : [];
    const cases = [
      ...argumentCases(queryFields, (inner) => inner),
      ...argumentCases(userFields, (inner) => `viewer { ${inner} }`),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(BAD_STRINGS.length * 20);
    for (const { label, document, variables, bad } of cases) {
      const result = await runUntyped(db, document, variables, { as: alice.id });
      expect(result.status, label).toBeLessThan(500);
      expect(
        result.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]),
        label,
      ).toEqual([['BAD_USER_INPUT', bad]]);
    }
  });

  it('refuse a bad string in a subscription argument with BAD_USER_INPUT', async () => {
    const stream = await subscribeSse(
      db,
      graphql(`subscription MessageAddedOfBadId($id: ID!) { messageAdded(conversationId: $id) { id } }`),
      { id: 'Q29udmVyc2F0aW9u\u0000' },
      { as: alice.id },
    );
    const [first] = await stream.take(1);
    expect(first?.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    await stream.cancel();
  });
});
