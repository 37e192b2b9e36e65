import { type Viewer, viewerFromAuthorization } from './auth/jwt';
import type { KnownUsers } from './auth/known-users';
import type { Config } from './config';
import type { Sql } from './db/client';
import type { ReadRouter } from './db/replicas';
import { newStatementLog, type StatementLog } from './db/statements';
import { unauthenticated } from './errors';
import type { ConnectionSubscriptions } from './http/subscription-limits';
import type { BoardKeeper } from './jobs/boards';
import type { IdempotencyKeyCleaner } from './jobs/idempotency-keys';
import { createLoaders, type Loaders } from './loaders';
import type { Observability } from './observability';
import { newRequestRecord, type RequestRecord } from './observability/requests';
import type { RealtimePubSub } from './realtime/pubsub';

/** What lives as long as the server: shared by every request's context. */
export interface Services {
  sql: Sql;
  config: Config;
  jwtKey: Uint8Array;
  /** This process's one LISTEN connection, fanned out to its live streams. */
  pubsub: RealtimePubSub;
  /** The boards' upkeep, and the clock boards are read by (which week, which day). */
  leaderboards: BoardKeeper;
  /** Query operations' replicas (DATABASE_REPLICA_URLS); null: everything on `sql`. */
  replicas: ReadRouter | null;
  idempotencyKeys: IdempotencyKeyCleaner;
  /** The ids known to be users, so a token's subject costs a statement only the first time. */
  knownUsers: KnownUsers;
  observability: Observability;
}

export interface Context extends Services {
  /** Where this operation's statements go: the primary, or the replica its query was routed to. */
  sql: Sql;
  viewer: Viewer | null;
  /** Fresh per request: a cache never outlives the operation that filled it. */
  loaders: Loaders;
  statements: StatementLog;
  /** The WebSocket connection the operation came on (its subscription count); null over HTTP. */
  connection: ConnectionSubscriptions | null;
  /** This request's log record (`request` is Yoga's fetch Request); `sql` is the request's own view of the client, counting into it. */
  requestRecord: RequestRecord;
}

/**
 * Empties the caches of a context that outlives one answer: a subscription's context serves every
 * event of a stream that lives for hours, and each event must read afresh.
 */
export function renewLoaders(ctx: Context): Loaders {
  ctx.loaders = createLoaders(ctx.sql, ctx.viewer?.id ?? null);
  return ctx.loaders;
}

/** Builds a request's context from its `Authorization` value (header or connection params). */
export async function createContext(
  services: Services,
  authorization: string | null | undefined,
  connection: ConnectionSubscriptions | null = null,
  request: RequestRecord = newRequestRecord('websocket'),
): Promise<Context> {
  const viewer = await viewerFromAuthorization(authorization, services.jwtKey);
  if (viewer && !(await services.knownUsers.exists(viewer.id))) throw unauthenticated('Token subject is not a user');
  request.viewerId = viewer?.id ?? null;
  const sql = services.observability.requestSql(request);
  return {
    ...services,
    sql,
    viewer,
    loaders: createLoaders(sql, viewer?.id ?? null),
    statements: newStatementLog(),
    connection,
    requestRecord: request,
  };
}
