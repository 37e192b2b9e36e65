import type { OperationTypeNode } from 'graphql';
import type { Identities } from './auth/identities';
import type { TokenVerifier, Viewer } from './auth/jwt';
import type { KnownUsers } from './auth/known-users';
import type { Config } from './config';
import type { Sql } from './db/client';
import { type Lsn, tokenFromHeader } from './db/consistency';
import type { ReadRouter, Route } from './db/replicas';
import { unauthenticated } from './errors';
import type { ConnectionSubscriptions } from './http/subscription-limits';
import type { BoardKeeper } from './jobs/boards';
import type { IdempotencyKeyCleaner } from './jobs/idempotency-keys';
import { createLoaders, type Loaders } from './loaders';
import type { Observability } from './observability';
import type { RequestRecord } from './observability/requests';
import type { RealtimePubSub } from './realtime/pubsub';

/** What lives as long as the server: shared by every request's context. */
export interface Services {
  /** The primary, for work outside requests (jobs, the live streams' shared reads, /ready); a request has its own `sql`. */
  sql: Sql;
  config: Config;
  /** HS256 tokens, and the identity provider's when JWT_JWKS_URL is set. */
  tokens: TokenVerifier;
  /** This process's one LISTEN connection, fanned out to its live streams. */
  pubsub: RealtimePubSub;
  /** The boards' upkeep, and the clock boards are read by (which week, which day). */
  leaderboards: BoardKeeper;
  /** Query operations' replicas (DATABASE_REPLICA_URLS); null: everything on the primary. */
  replicas: ReadRouter | null;
  idempotencyKeys: IdempotencyKeyCleaner;
  /** The ids known to be users, so a token's subject costs a statement only the first time. */
  knownUsers: KnownUsers;
  /** Which user each identity-provider account signs in as; `forget` it when an account is deleted. */
  identities: Identities;
  observability: Observability;
}

/** What one request brings: read off its HTTP headers, or off its WebSocket connection. */
export interface RequestInput {
  /** The `Authorization` header, or the WebSocket's connection parameter. */
  authorization: string | null | undefined;
  /** The `Spotter-Consistency` header: the token of a response the client has seen. */
  consistency: string | null;
  /** The parsed operation's type; null when unknown (then the primary serves it). */
  operation: OperationTypeNode | null;
  /** The WebSocket connection the operation came on (its subscription count); null over HTTP. */
  connection: ConnectionSubscriptions | null;
  /** This request's record: its log line, and what its statements cost. */
  record: RequestRecord;
}

/** An identity-provider account the token signed in, with or without a user yet. */
export interface Identity {
  issuer: string;
  subject: string;
  /** The token's `exp`, in seconds since the epoch. */
  expiresAt: number;
}

/** Who the token names: a user (`viewer`), and for an identity provider's token also the `identity`. */
export interface SignedIn {
  viewer: Viewer | null;
  /** Set for an identity provider's token; `viewer` is null until it has created its account. */
  identity: Identity | null;
}

export interface Context extends Services, SignedIn {
  /** The token the client sent: a position its reads must not be behind. */
  consistency: Lsn | null;
  /** Where this operation runs when replicas are configured (a replica, or the primary); null without them. */
  route: Route | null;
  /** The request's own view of its route's client: every statement it sends is recorded in `requestRecord`. */
  sql: Sql;
  /** Fresh per request, on `sql`: a cache never outlives the operation that filled it. */
  loaders: Loaders;
  connection: ConnectionSubscriptions | null;
  requestRecord: RequestRecord;
}

/**
 * A request's context, built once: who the viewer is, where the operation runs, and the client and
 * loaders it runs with. The route is chosen here, before anything reads: a query goes to a replica
 * that has the client's token (or to the primary), a mutation to the primary; a subscription stays
 * on the primary, whose replay must not miss what the client just wrote.
 */
export async function createContext(services: Services, request: RequestInput): Promise<Context> {
  const { viewer, identity } = await authenticate(services, request.authorization);
  request.record.viewerId = viewer?.id ?? null;
  // Validated with or without replicas: a malformed token is BAD_USER_INPUT either way. A subscription
  // ignores it: it runs on the primary, which has every write.
  const consistency = request.operation === 'subscription' ? null : tokenFromHeader(request.consistency);
  const router = services.replicas;
  let route: Route | null = null;
  if (router && request.operation === 'query') route = await router.forRead(consistency);
  else if (router && request.operation === 'mutation') route = router.forWrite();
  const base = {
    ...services,
    viewer,
    identity,
    consistency,
    connection: request.connection,
    requestRecord: request.record,
  };
  return onRoute(base, route);
}

/**
 * Who an `Authorization` value signs in, for HTTP and for a WebSocket connection alike: an HS256
 * token's user, which must exist; or an identity provider's account and the user it is linked to,
 * if any. Throws UNAUTHENTICATED (HTTP 401) for a token that does not verify, names no user, or was
 * issued to an identity before its account was deleted.
 */
export async function authenticate(
  services: Pick<Services, 'tokens' | 'knownUsers' | 'identities'>,
  authorization: string | null | undefined,
): Promise<SignedIn> {
  const credential = await services.tokens.verify(authorization);
  if (!credential) return { viewer: null, identity: null };
  if (credential.kind === 'user') {
    if (!(await services.knownUsers.exists(credential.userId))) throw unauthenticated('Token subject is not a user');
    return { viewer: { id: credential.userId, expiresAt: credential.expiresAt }, identity: null };
  }
  const { issuer, subject, expiresAt, issuedAt } = credential;
  const link = await services.identities.find(issuer, subject);
  if (link.userId === null && link.revokedAt !== null && !(issuedAt !== null && issuedAt > link.revokedAt)) {
    throw unauthenticated('This account was deleted; sign in again for a new token');
  }
  return {
    viewer: link.userId === null ? null : { id: link.userId, expiresAt },
    identity: { issuer, subject, expiresAt },
  };
}

/**
 * The rest of an operation acts as the user `createAccount` just made: the mutations after it in
 * the same document, and the fields of its payload that only the viewer sees.
 */
export function actAs(context: Context, userId: number): void {
  context.viewer = { id: userId, expiresAt: context.identity?.expiresAt ?? null };
  context.requestRecord.viewerId = userId;
  renewLoaders(context);
}

/** The request's client and loaders on `route`; a read whose replica failed is run again on the primary with these. */
export function onRoute(context: Omit<Context, 'route' | 'sql' | 'loaders'>, route: Route | null): Context {
  const sql = context.observability.requestSql(context.requestRecord, route);
  return { ...context, route, sql, loaders: createLoaders(sql, context.viewer?.id ?? null) };
}

/**
 * Empties the caches of a context that outlives one answer: a subscription's context serves every
 * event of a stream that lives for hours, and each event must read afresh.
 */
export function renewLoaders(context: Context): Loaders {
  context.loaders = createLoaders(context.sql, context.viewer?.id ?? null);
  return context.loaders;
}
