import { type Viewer, viewerFromAuthorization } from './auth/jwt';
import type { Config } from './config';
import type { Sql } from './db/client';
import { newStatementLog, type StatementLog } from './db/statements';
import type { LeaderboardRefresher } from './jobs/leaderboards';
import { createLoaders, type Loaders } from './loaders';
import type { Observability } from './observability';
import { newRequestRecord, type RequestRecord } from './observability/requests';
import type { MessagingPubSub } from './realtime/pubsub';

/** What lives as long as the server: shared by every request's context. */
export interface Services {
  sql: Sql;
  config: Config;
  jwtKey: Uint8Array;
  /** This process's one LISTEN connection, fanned out to its live streams. */
  pubsub: MessagingPubSub;
  leaderboards: LeaderboardRefresher;
  observability: Observability;
}

export interface Context extends Services {
  viewer: Viewer | null;
  /** Fresh per request: a cache never outlives the operation that filled it. */
  loaders: Loaders;
  statements: StatementLog;
  /** This request's log record; `sql` is the request's own view of the client, counting into it. */
  request: RequestRecord;
}

/** Builds a request's context from its `Authorization` value (header or connection params). */
export async function createContext(
  services: Services,
  authorization: string | null | undefined,
  request: RequestRecord = newRequestRecord('websocket'),
): Promise<Context> {
  const viewer = await viewerFromAuthorization(authorization, services.jwtKey);
  request.viewerId = viewer?.id ?? null;
  const sql = services.observability.requestSql(request);
  return {
    ...services,
    sql,
    viewer,
    loaders: createLoaders(sql, viewer?.id ?? null),
    statements: newStatementLog(),
    request,
  };
}
