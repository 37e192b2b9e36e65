import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import type { UsersQuery } from './gql/graphql';
import { errorCodes, expectData, run, runUntyped } from './kit/client';
import { createUser, globalId } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const USERS = graphql(`query Users($first: Int, $after: String, $last: Int, $before: String, $search: String) {
  users(first: $first, after: $after, last: $last, before: $before, search: $search) {
    edges { cursor node { username } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`);

const names = (page: UsersQuery) => page.users.edges.map((e) => e.node.username);

describe('Query.users', () => {
  const all = ['pg_a', 'pg_b', 'pg_c', 'pg_d', 'pg_e'];

  it('pages forward by username with exact pageInfo', async () => {
    for (const username of [...all].reverse()) await createUser(db.sql, { username });
    const first = expectData(await run(db, USERS, { first: 2, search: 'pg_' }));
    expect(names(first)).toEqual(['pg_a', 'pg_b']);
    expect(first.users.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = expectData(await run(db, USERS, { first: 2, after: first.users.pageInfo.endCursor, search: 'pg_' }));
    expect(names(second)).toEqual(['pg_c', 'pg_d']);
    expect(second.users.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const third = expectData(await run(db, USERS, { first: 2, after: second.users.pageInfo.endCursor, search: 'pg_' }));
    expect(names(third)).toEqual(['pg_e']);
    expect(third.users.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward with last/before, edges still in ascending order', async () => {
    const last = expectData(await run(db, USERS, { last: 2, search: 'pg_' }));
    expect(names(last)).toEqual(['pg_d', 'pg_e']);
    expect(last.users.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const before = expectData(
      await run(db, USERS, { last: 2, before: last.users.pageInfo.startCursor, search: 'pg_' }),
    );
    expect(names(before)).toEqual(['pg_b', 'pg_c']);
    expect(before.users.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('searches a username or display-name prefix, case-insensitively, with LIKE wildcards taken literally', async () => {
    await createUser(db.sql, { username: 'zed_x', displayName: 'Quentin Blake' });
    await createUser(db.sql, { username: 'zedxx', displayName: 'Other' });
    expect(names(expectData(await run(db, USERS, { search: 'QUENT' })))).toEqual(['zed_x']);
    expect(names(expectData(await run(db, USERS, { search: 'zed_' })))).toEqual(['zed_x']);
  });

  it('first: 0 returns no edges but says whether there are more', async () => {
    const result = expectData(await run(db, USERS, { first: 0, search: 'pg_' }));
    expect(result.users.edges).toEqual([]);
    expect(result.users.pageInfo.hasNextPage).toBe(true);
  });

  const badArgs: [string, Record<string, unknown>][] = [
    ['first above 100', { first: 101 }],
    ['first below 0', { first: -1 }],
    ['last above 100', { last: 101 }],
    ['both first and last', { first: 1, last: 1 }],
    ['a malformed cursor', { first: 1, after: 'not-a-cursor' }],
    ['a cursor of the wrong shape', { first: 1, after: Buffer.from('[1,2,3]').toString('base64url') }],
  ];
  for (const [name, variables] of badArgs) {
    it(`rejects ${name} with BAD_USER_INPUT`, async () => {
      const result = await run(db, USERS, variables);
      expect(result.status).toBe(200);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    });
  }

  it('costs the same statements for a page of 1 and of 100', async () => {
    const small = await run(db, USERS, { first: 1 });
    const large = await run(db, USERS, { first: 100 });
    expect(large.statements).toEqual(small.statements);
    expect(small.statements).toEqual(['page:users']);
  });
});

describe('Query.user and Query.userByUsername', () => {
  it('find a user by global ID or by username in any case', async () => {
    const user = await createUser(db.sql, { username: 'Finder', displayName: 'Fin' });
    const result = expectData(
      await run(
        db,
        graphql(
          `query UserAndByUsername($id: ID!) { user(id: $id) { username } userByUsername(username: "FINDER") { id } }`,
        ),
        {
          id: user.globalId,
        },
      ),
    );
    expect(result).toEqual({ user: { username: 'Finder' }, userByUsername: { id: user.globalId } });
  });

  it('is null for an id that does not exist', async () => {
    const result = await run(db, graphql(`query UserId($id: ID!) { user(id: $id) { id } }`), {
      id: globalId('User', 999999),
    });
    expect(expectData(result).user).toBeNull();
  });

  it('rejects a malformed ID or an ID of another type with BAD_USER_INPUT', async () => {
    for (const id of ['nope', globalId('Muscle', 1)]) {
      const result = await run(db, graphql(`query UserIdOf($id: ID!) { user(id: $id) { id } }`), { id });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('Query.node and Query.nodes', () => {
  it('load users, muscles and exercises by global ID in one batch per type', async () => {
    const a = await createUser(db.sql, { username: 'node_a' });
    const b = await createUser(db.sql, { username: 'node_b' });
    const result = await run(
      db,
      graphql(
        `query MixedNodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on User { username } ... on Muscle { name } } }`,
      ),
      { ids: [a.globalId, globalId('Muscle', 1), b.globalId, globalId('User', 999999)] },
    );
    const nodes = expectData(result).nodes;
    expect(nodes[0]).toMatchObject({ __typename: 'User', username: 'node_a' });
    expect(nodes[1]).toMatchObject({ __typename: 'Muscle' });
    expect(nodes[2]).toMatchObject({ __typename: 'User', username: 'node_b' });
    expect(nodes[3]).toBeNull();
    expect(result.statements.filter((s) => s === 'loader:userById')).toHaveLength(1);
  });

  it('node rejects a malformed ID with BAD_USER_INPUT', async () => {
    const result = await run(db, graphql(`query NodeOfLiteralId { node(id: "%%%") { id } }`));
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('per-request loaders', () => {
  it('never serve one request from another request’s cache', async () => {
    const user = await createUser(db.sql, { username: 'cache_me', displayName: 'Before' });
    const query = graphql(`query UserDisplayName($id: ID!) { user(id: $id) { displayName } }`);
    expect(expectData(await run(db, query, { id: user.globalId })).user?.displayName).toBe('Before');
    await db.sql`update users set display_name = 'After' where id = ${user.id}`;
    expect(expectData(await run(db, query, { id: user.globalId })).user?.displayName).toBe('After');
  });

  it('batch every user of one request into a single statement', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map((i) => createUser(db.sql, { username: `batch_${i}` })));
    const query = graphql(`query ThreeUsers($a: ID!, $b: ID!, $c: ID!) {
      a: user(id: $a) { username } b: user(id: $b) { username } c: user(id: $c) { username } }`);
    const result = await run(db, query, { a: a!.globalId, b: b!.globalId, c: c!.globalId });
    expect(expectData(result)).toEqual({
      a: { username: 'batch_1' },
      b: { username: 'batch_2' },
      c: { username: 'batch_3' },
    });
    expect(result.statements).toEqual(['loader:userById']);
  });
});

describe('query limits', () => {
  it('rejects a query over the depth limit with QUERY_TOO_COMPLEX', async () => {
    let selection = 'name';
    for (let i = 0; i < 10; i += 1)
      selection = `exercises(first: 1) { edges { node { activations { muscle { ${selection} } } } } }`;
    const result = await runUntyped(db, `{ muscles { ${selection} } }`);
    expect(errorCodes(result)).toContain('QUERY_TOO_COMPLEX');
    expect(result.status).toBeLessThan(500);
  });

  it('rejects a query over the cost limit with QUERY_TOO_COMPLEX', async () => {
    const result = await runUntyped(
      db,
      '{ users(first: 100) { edges { node { username } } } a: users(first: 100) { edges { node { username } } } ' +
        Array.from(
          { length: 150 },
          (_, i) => `u${i}: users(first: 100) { edges { node { id username displayName } } }`,
        ).join(' ') +
        ' }',
    );
    expect(errorCodes(result)).toContain('QUERY_TOO_COMPLEX');
  });

  it('prices the same document by its page-size variables each time (the cost is cached per document)', async () => {
    await createUser(db.sql, { username: 'limits_a' });
    // 150 pages of $n users with 3 fields: 150 * (1 + $n * 4) stays under 50,000 for 20 and exceeds it for 100
    // (and the document stays under the 5,000-token parser limit).
    const query = `query Many($n: Int, $search: String) { ${Array.from(
      { length: 150 },
      (_, i) => `u${i}: users(first: $n, search: $search) { edges { node { id username displayName } } }`,
    ).join(' ')} }`;
    const small = await runUntyped(db, query, { n: 20, search: 'limits_' });
    expect(errorCodes(small)).toEqual([]);
    const large = await runUntyped(db, query, { n: 100, search: 'limits_' });
    expect(errorCodes(large)).toEqual(['QUERY_TOO_COMPLEX']);
    // A variable that does not change the cost shares the cached figure, and still gets its own answer.
    const again = await runUntyped(db, query, { n: 20, search: 'nobody_' });
    expect(expectData(again)).toMatchObject({ u0: { edges: [] } });
    expect(errorCodes(await runUntyped(db, query, { n: 100, search: 'nobody_' }))).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('Query.node', () => {
  it('rejects a well-formed ID of a type that is not a Node with BAD_USER_INPUT', async () => {
    const result = await run(db, graphql(`query NodeId($id: ID!) { node(id: $id) { id } }`), {
      id: globalId('WorkoutSet', 1),
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
