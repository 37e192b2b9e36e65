export interface GraphQLResponse {
  status: number;
  data: Record<string, any> | null;
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
  /** From `extensions.sql`, which the server adds outside production. */
  sql: { statements: number; names: string[]; databaseMs: number } | null;
}

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
  /** A bearer token, or null for an anonymous request. */
  token: string | null;
}

export function requestInit(operation: Operation): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (operation.token) headers.authorization = `Bearer ${operation.token}`;
  return { headers, body: JSON.stringify({ query: operation.query, variables: operation.variables }) };
}

/** Sends one operation to `/graphql` of `origin` (or through any fetch, such as `yoga.fetch`). */
export async function execute(
  origin: string,
  operation: Operation,
  fetcher: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<GraphQLResponse> {
  const response = await fetcher(`${origin}/graphql`, { method: 'POST', ...requestInit(operation) });
  const body = (await response.json()) as {
    data?: Record<string, any> | null;
    errors?: GraphQLResponse['errors'];
    extensions?: { sql?: GraphQLResponse['sql'] };
  };
  return { status: response.status, data: body.data ?? null, errors: body.errors, sql: body.extensions?.sql ?? null };
}

/** Like `execute`, but a GraphQL error is a thrown error: the harness only sends operations that must work. */
export async function mustExecute(origin: string, operation: Operation): Promise<GraphQLResponse> {
  const result = await execute(origin, operation);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors ?? result).slice(0, 600)}`);
  }
  return result;
}

/** Every "Type.field" the schema has, from an introspection query, so missing features are skipped by name. */
export async function schemaCoordinates(origin: string): Promise<Set<string>> {
  const result = await mustExecute(origin, {
    query: '{ __schema { types { name fields { name } } } }',
    variables: {},
    token: null,
  });
  const coordinates = new Set<string>();
  for (const type of result.data!.__schema.types as { name: string; fields: { name: string }[] | null }[]) {
    for (const field of type.fields ?? []) coordinates.add(`${type.name}.${field.name}`);
  }
  return coordinates;
}

/**
 * The events of a GraphQL-over-SSE response body as they arrive (`next` with its payload, `complete`),
 * each with the time its block was read.
 */
export async function* sseEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string | null; data: any; at: number }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const at = performance.now();
      const data = /^data: (.*)$/m.exec(block)?.[1];
      yield { event: /^event: (.*)$/m.exec(block)?.[1] ?? null, data: data ? JSON.parse(data) : null, at };
    }
  }
}
