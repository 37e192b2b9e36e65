import { GraphQLError, Kind, parse, type SelectionSetNode, type ValidationRule } from 'graphql';
import { maskError, type Plugin } from 'graphql-yoga';
import { databaseUnavailability } from '../db/errors';
import { serviceUnavailable, tooComplex } from '../errors';

/** What one request may ask for; each is refused with QUERY_TOO_COMPLEX before anything runs. */
export const REQUEST_LIMITS = {
  /** Bytes of request body (HTTP) or message (WebSocket). */
  bodyBytes: 1_000_000,
  /** Lexical tokens of a document; the parser stops at the first one over, so a huge document costs little. */
  tokens: 5_000,
  /** Root fields of a mutation operation, aliases and fragments counted. */
  mutationFields: 10,
} as const;

/** Counts the root fields a mutation would execute, through fragments, without looking at directives. */
function countRootFields(selectionSet: SelectionSetNode, fragments: Map<string, SelectionSetNode>, seen: Set<string>) {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, fragments, seen);
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      count += countRootFields(fragment, fragments, seen);
      seen.delete(name);
    }
  }
  return count;
}

const mutationFieldLimit: ValidationRule = (context) => ({
  Document(document) {
    const fragments = new Map<string, SelectionSetNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
    }
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') continue;
      const count = countRootFields(definition.selectionSet, fragments, new Set());
      if (count > REQUEST_LIMITS.mutationFields) {
        context.reportError(
          tooComplex(
            `An operation may hold at most ${REQUEST_LIMITS.mutationFields} mutation fields; this one has ${count}`,
          ),
        );
      }
    }
  },
});

function bodyTooLarge(): GraphQLError {
  return new GraphQLError(`A request body may be at most ${REQUEST_LIMITS.bodyBytes} bytes`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 413 } },
  });
}

const CONTENT_LENGTH = /^\d+$/;

/** A body that announced no length (chunked), counted as it is read and failed past the limit. */
function countedBody(request: Request, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }) {
  // A native stream needs the native TransformStream, whatwg-node's ponyfill stream its own.
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > REQUEST_LIMITS.bodyBytes) controller.error(bodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body,
    duplex: 'half',
  } as RequestInit);
}

/**
 * The body limit; parsing stops at the token limit; the complexity and depth limits are checked at
 * execution. Yoga's own body limit (`maxRequestBodySize`) pipes every body through a stream, which
 * costs every request a `new Request`, a stream pipeline and an AbortController with its DOMException;
 * a body that states its length is bounded by Node's HTTP parser already, so only chunked ones are
 * counted.
 */
export function useRequestLimits(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null && CONTENT_LENGTH.test(length)) {
        if (Number(length) > REQUEST_LIMITS.bodyBytes) throw bodyTooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser((parsed) => requestParser(countedBody(parsed, fetchAPI)));
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: REQUEST_LIMITS.tokens });
        } catch (error) {
          // graphql-js says "more that N tokens"; match both spellings.
          if (error instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(error.message)) {
            throw tooComplex(`A document may hold at most ${REQUEST_LIMITS.tokens} tokens`);
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(mutationFieldLimit);
    },
  };
}

/**
 * The one place errors are masked on their way out: a database that cannot serve the request is
 * SERVICE_UNAVAILABLE (HTTP 503), and any other unexpected error "Unexpected error." with no detail.
 */
export function maskErrors(error: unknown, message: string, isDev?: boolean): Error {
  const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const unavailable = databaseUnavailability(cause);
  if (unavailable) {
    const located = error instanceof GraphQLError ? error : undefined;
    return serviceUnavailable(unavailable, { nodes: located?.nodes, path: located?.path });
  }
  if (error instanceof GraphQLError && !error.extensions?.code && /^Variable "\$/.test(error.message)) {
    // graphql-js and graphql-jit coerce variables without a code (graphql-jit's errors have no
    // extensions object at all); a variable of the wrong type is the client's input.
    return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });
  }
  return maskError(error, message, isDev);
}
