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

/**
 * Executes an operation through the real HTTP handler (yoga.fetch), without opening a port. A typed
 * document from test/gql (`graphql(...)`, `npm run codegen`) types the variables and the result, as
 * a client using our codegen would have them; a plain string leaves both untyped.
 */
export async function run<T, V extends Record<string, unknown>>(
  db: Pick<TestDatabase, 'app' | 'config'>,
  query: TypedDocumentNode<T, V>,
  variables: V,
  options?: RunOptions,
): Promise<RunResult<T>>;
export async function run<T = Record<string, any>>(
  db: Pick<TestDatabase, 'app' | 'config'>,
  query: string,
  variables?: Record<string, unknown>,
  options?: RunOptions,
): Promise<RunResult<T>>;
export async function run<T>(
  db: Pick<TestDatabase, 'app' | 'config'>,
  document: string | TypedDocumentNode<T, Record<string, unknown>>,
  variables: Record<string, unknown> = {},
  options: RunOptions = {},
): Promise<RunResult<T>> {
  const query = typeof document === 'string' ? document : print(document);
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
export function expectData<T>(result: RunResult<T>): T {
  if (result.errors?.length || result.data == null) {
    throw new Error(`Expected data, got errors: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data;
}

/** The `extensions.code` of every GraphQL error, in order. */
export function errorCodes(result: RunResult<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
