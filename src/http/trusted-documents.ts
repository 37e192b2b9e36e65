import { readFile } from 'node:fs/promises';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ConfigError } from '../config';

/** The documents a server started with SPOTTER_TRUSTED_DOCUMENTS runs: sha256 hash → document text. */
export interface TrustedDocuments {
  readonly path: string;
  readonly documents: ReadonlyMap<string, string>;
}

/** Reads the manifest `npm run codegen` writes (client preset `persistedDocuments`): `{ "<hash>": "<document>" }`. */
export async function loadTrustedDocuments(path: string): Promise<TrustedDocuments> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `SPOTTER_TRUSTED_DOCUMENTS=${path} is not a readable JSON manifest: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`SPOTTER_TRUSTED_DOCUMENTS=${path} must hold an object of hash → document`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string')
      throw new ConfigError(`SPOTTER_TRUSTED_DOCUMENTS=${path}: "${hash}" is not a document`);
    // The client preset writes `sha256:<hex>`; clients send the hex alone or with the prefix.
    documents.set(hash.replace(/^sha256:/, ''), document);
  }
  return { path, documents };
}

interface Params {
  documentId?: unknown;
  extensions?: unknown;
}

/**
 * The document's id as clients send it: `documentId` (GraphQL over HTTP's trusted documents, with
 * or without a `sha256:` prefix) or Apollo's `extensions.persistedQuery.sha256Hash`.
 */
export function documentIdOf(params: Params): string | null {
  if (typeof params.documentId === 'string') return params.documentId.replace(/^sha256:/, '');
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | null)
    ?.persistedQuery;
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') return persisted.sha256Hash;
  return null;
}

const errors: {
  [key in 'persistedQueryOnly' | 'keyNotFound' | 'notFound']: {
    message: string;
    extensions: { code: 'PERSISTED_QUERY_ONLY' | 'PERSISTED_QUERY_NOT_FOUND'; http: { status: number } };
  };
} = {
  persistedQueryOnly: {
    message: 'This server runs only trusted documents: send the document id, not the document',
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  },
  keyNotFound: {
    message: 'This server runs only trusted documents: send documentId or extensions.persistedQuery.sha256Hash',
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  },
  notFound: {
    message: 'No trusted document has this id',
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
  },
};

/** HTTP: only manifest documents run; anything else is a typed error before parsing. */
export function useTrustedDocuments(trusted: TrustedDocuments): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => trusted.documents.get(id) ?? null,
    extractPersistedOperationId: (params) => documentIdOf(params as Params),
    customErrors: errors,
  }) as Plugin;
}

/** WebSocket: the same rule for a `subscribe` message, which never passes through Yoga's HTTP hooks. */
export function trustedQueryOf(trusted: TrustedDocuments, params: Params & { query?: unknown }): string | GraphQLError {
  const id = documentIdOf(params);
  if (typeof params.query === 'string' && params.query !== '' && id === null) {
    return createGraphQLError(errors.persistedQueryOnly.message, { extensions: { code: 'PERSISTED_QUERY_ONLY' } });
  }
  if (id === null)
    return createGraphQLError(errors.keyNotFound.message, { extensions: { code: 'PERSISTED_QUERY_ONLY' } });
  return (
    trusted.documents.get(id) ??
    createGraphQLError(errors.notFound.message, { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })
  );
}
