import { GraphQLError } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useCompiledExecution } from '../src/http/compiled-execution';
import { graphql } from './gql';
import { errorCodes, expectData, run } from './kit/client';
import { createUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

describe('compiled execution', () => {
  it('runs every operation of the suite compiled unless SPOTTER_GRAPHQL_JIT=off, and compiles a document once', async () => {
    const user = await createUser(db.sql, { username: 'jit_once' });
    const query = graphql(
      `query Jit($id: ID!) { user(id: $id) { username followers(first: 1) { edges { cursor } } } }`,
    );
    const before = { ...db.app.execution };
    for (let i = 0; i < 3; i += 1) {
      expect(expectData(await run(db, query, { id: user.globalId })).user?.username).toBe('jit_once');
    }
    const compiledNow = db.app.execution.compiled - before.compiled;
    expect(compiledNow).toBe(db.config.compiledExecution ? 1 : 0);
    expect(db.app.execution.interpreted).toBe(0);
  });

  it('keeps typed errors on the compiled path: a bad ID is BAD_USER_INPUT with data for the other fields', async () => {
    const result = await run(db, graphql(`query CompiledExecutionUser { bad: user(id: "nope") { id } viewer { id } }`));
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.path).toEqual(['bad']);
    expect(result.data).toEqual({ bad: null, viewer: null });
  });
});

describe('useCompiledExecution', () => {
  it('runs a document graphql-jit cannot compile on graphql-js, and logs it once', async () => {
    const logged: string[] = [];
    let attempts = 0;
    const compiled = useCompiledExecution({
      log: (message) => logged.push(message),
      compile: (schema, document, operationName, options) => {
        attempts += 1;
        if (operationName === 'Refused') return { errors: [new GraphQLError('not today')] };
        return compileQuery(schema, document, operationName, options);
      },
    });
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { hello(name: String!): String! }',
        resolvers: {
          Query: { hello: (_root: unknown, args: { name: string }) => `hello ${args.name}` },
        },
      }),
      plugins: [compiled.plugin],
      logging: false,
    });
    const ask = async (operationName: string) => {
      const response = await yoga.fetch('http://jit.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query ${operationName}($n: String!) { hello(name: $n) }`,
          operationName,
          variables: { n: 'ada' },
        }),
      });
      return response.json();
    };
    for (let i = 0; i < 3; i += 1) expect(await ask('Refused')).toEqual({ data: { hello: 'hello ada' } });
    expect(await ask('Accepted')).toEqual({ data: { hello: 'hello ada' } });
    expect(attempts).toBe(2);
    expect(compiled.stats).toEqual({ compiled: 1, interpreted: 1 });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('Refused');
    expect(logged[0]).toContain('not today');
  });
});
