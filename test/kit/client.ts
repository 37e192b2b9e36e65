import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { signToken } from '../../src/auth/tokens';
import type { TestDatabase } from '../setup/db';

export interface RunOptions {
  /** Act as this user id (a fresh token is signed), or send this raw Authorization header. */
  as?: number | { authorization: string };
  /** More request headers, e.g. `Spotter-Consistency`. */
  headers?: Record<string, string>;
}

export interface RunResult<T> {
  status: number;
  data: T | null | undefined;
  errors: ExecutionResult['errors'] | undefined;
  /** Statement names the operation issued, from `extensions.sql`. */
  statements: string[];
  extensions: Record<string, unknown> | undefined;
}

/** Variables may be left out when the document has none that are required. */
type VariablesOf<V> =
  Record<string, never> extends V ? [variables?: V, options?: RunOptions] : [variables: V, options?: RunOptions];

/**
 * Executes a typed document from test/gql (`graphql(...)`, `npm run codegen`) through the real HTTP
 * handler (yoga.fetch), without opening a port. Its variables and result are typed as a client using
 * our codegen would have them.
 */
export function run<T, V extends Record<string, unknown>>(
  db: Pick<TestDatabase, 'app' | 'config'>,
  document: TypedDocumentNode<T, V>,
  ...[variables, options]: VariablesOf<V>
): Promise<RunResult<T>> {
  return send<T>(db, print(document), variables ?? {}, options);
}

/**
 * Sends a document codegen cannot type: one built at run time (limits, batching) or one the server
 * must reject. Its data is `unknown`, so a test that reads it narrows it first.
 */
export function runUntyped(
  db: Pick<TestDatabase, 'app' | 'config'>,
  query: string,
  variables: Record<string, unknown> = {},
  options?: RunOptions,
): Promise<RunResult<unknown>> {
  return send<unknown>(db, query, variables, options);
}

async function send<T>(
  db: Pick<TestDatabase, 'app' | 'config'>,
  query: string,
  variables: Record<string, unknown>,
  options: RunOptions = {},
): Promise<RunResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (typeof options.as === 'number') {
    headers.authorization = `Bearer ${await signToken(options.as, db.config.jwtSecret)}`;
  } else if (options.as) {
    headers.authorization = options.as.authorization;
  }
  Object.assign(headers, options.headers);
  const response = await db.app.yoga.fetch('http://spotter.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as ExecutionResult<T> & { extensions?: Record<string, any> };
  return {
    status: response.status,
    data: body.data,
    errors: body.errors,
    statements: body.extensions?.sql?.names ?? [],
    extensions: body.extensions,
  };
}

/** The data of a result that must have no errors; fails the test with the errors otherwise. */
export function expectData<R extends RunResult<unknown>>(result: R): NonNullable<R['data']> {
  if (result.errors?.length || result.data == null) {
    throw new Error(`Expected data, got errors: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data as NonNullable<R['data']>;
}

/** A value the test goes on to use: fails naming what is missing, where `!` would fail later and vaguely. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new Error(`Expected ${what}, got ${value}`);
  return value;
}

/** A `node(id:)` result that must be of the type whose fragment selected `field`. */
export function nodeWith<N extends object, K extends string>(
  node: N | null | undefined,
  field: K,
): Extract<N, Record<K, unknown>> {
  if (node == null || !(field in node)) throw new Error(`Expected a node with ${field}, got ${JSON.stringify(node)}`);
  return node as Extract<N, Record<K, unknown>>;
}

/** The `extensions.code` of every GraphQL error, in order. */
export function errorCodes(result: RunResult<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
