import { type Viewer, viewerFromAuthorization } from './auth/jwt';
import type { KnownUsers } from './auth/known-users';
import type { Config } from './config';
import type { Sql } from './db/client';
import { newStatementLog, type StatementLog } from './db/statements';
import { unauthenticated } from './graphql/errors';
import type { ConnectionSubscriptions } from './http/subscription-limits';
import type { IdempotencyKeyCleaner } from './jobs/idempotency-keys';
import type { LeaderboardRefresher } from './jobs/leaderboards';
import { createLoaders, type Loaders } from './loaders';
import type { MessagingPubSub } from './realtime/pubsub';

/** What lives as long as the server: shared by every request's context. */
export interface Services {
  sql: Sql;
  config: Config;
  jwtKey: Uint8Array;
  /** This process's one LISTEN connection, fanned out to its live streams. */
  pubsub: MessagingPubSub;
  leaderboards: LeaderboardRefresher;
  idempotencyKeys: IdempotencyKeyCleaner;
  /** The ids known to be users, so a token's subject costs a statement only the first time. */
  knownUsers: KnownUsers;
}

export interface Context extends Services {
  viewer: Viewer | null;
  /** Fresh per request: a cache never outlives the operation that filled it. */
  loaders: Loaders;
  statements: StatementLog;
  /** The WebSocket connection the operation came on (its subscription count); null over HTTP. */
  connection: ConnectionSubscriptions | null;
}

/** Builds a request's context from its `Authorization` value (header or connection params). */
export async function createContext(
  services: Services,
  authorization: string | null | undefined,
  connection: ConnectionSubscriptions | null = null,
): Promise<Context> {
  const viewer = await viewerFromAuthorization(authorization, services.jwtKey);
  if (viewer && !(await services.knownUsers.exists(viewer.id))) throw unauthenticated('Token subject is not a user');
  return {
    ...services,
    viewer,
    loaders: createLoaders(services.sql, viewer?.id ?? null),
    statements: newStatementLog(),
    connection,
  };
}
