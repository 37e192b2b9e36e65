import { createServer } from 'node:http';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { secretKey } from './auth/jwt';
import type { Config } from './config';
import { type Context, createContext, type Services } from './context';
import { createSql, type Sql } from './db/client';
import { createReadRouter, type ReplicaOptions } from './db/replicas';
import { schema } from './graphql';
import { useCompiledExecution } from './http/compiled-execution';
import { useConsistency } from './http/consistency-plugin';
import { useQueryLimits } from './http/query-limits';
import { useStatementLog } from './http/statements-plugin';
import { attachGraphqlWs, type WsServerContext } from './http/ws';
import { type Clock, createLeaderboardRefresher } from './jobs/leaderboards';
import { createRealtimePubSub } from './realtime/pubsub';

export interface AppDeps {
  sql: Sql;
  config: Config;
  /** For tests: the refresher's clock and interval, or `schedule: false` to refresh only on demand. */
  leaderboards?: {
    clock?: Clock;
    intervalMs?: number;
    schedule?: boolean;
    log?: (message: string, error: unknown) => void;
  };
  /** For tests: how often replicas are checked, or `schedule: false` to check only on demand. */
  replicas?: Pick<ReplicaOptions, 'checkIntervalMs' | 'schedule' | 'poolSize'>;
}

export function createApp(deps: AppDeps) {
  const { config } = deps;
  // LISTEN holds session state, which a transaction pooler cannot keep: it gets a direct connection
  // of its own when DATABASE_LISTEN_URL names another address than DATABASE_URL.
  const listenSql =
    config.listenUrl && config.listenUrl !== config.databaseUrl ? createSql(config.listenUrl, { max: 1 }) : null;
  const services: Services = {
    sql: deps.sql,
    config,
    jwtKey: secretKey(config.jwtSecret),
    pubsub: createRealtimePubSub(deps.sql, listenSql ?? deps.sql),
    replicas:
      config.replicaUrls.length > 0
        ? createReadRouter(deps.sql, config.replicaUrls, {
            maxLagMs: config.replicaMaxLagMs,
            waitMs: config.replicaWaitMs,
            ...deps.replicas,
          })
        : null,
    leaderboards: createLeaderboardRefresher(deps.sql, {
      intervalMs: deps.config.leaderboardRefreshSeconds * 1000,
      ...deps.leaderboards,
    }),
  };

  // Before the statement log, so that the log wraps whichever executor runs.
  const compiled = useCompiledExecution({ log: (message) => console.warn(message) });
  const yoga = createYoga<WsServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    graphiql: { subscriptionsProtocol: 'WS' },
    landingPage: false,
    logging: deps.config.production ? 'info' : 'warn',
    context: (init) =>
      createContext(
        services,
        init.authorization !== undefined ? init.authorization : init.request.headers.get('authorization'),
      ),
    plugins: [
      useQueryLimits(),
      ...(deps.config.compiledExecution ? [compiled.plugin] : []),
      // After the compiled execution, which replaces the execute function, so the routing wraps it; before
      // the statement log, so the routing statements count in the operation's `extensions.sql`.
      useConsistency(services.replicas),
      useStatementLog({ expose: !deps.config.production }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async ({ fetchAPI }) => {
          await deps.sql`/* ready */ select 1`;
          // Replicas never make the server unready: the primary serves their reads while they are out.
          if (!services.replicas) return;
          const { replicas } = services.replicas.status();
          return fetchAPI.Response.json({ primary: 'up', replicas });
        },
      }),
    ],
  });

  const server = createServer(yoga);
  let closing: Promise<void> | undefined;
  const wsHandle = attachGraphqlWs(server, yoga, services.jwtKey);

  return {
    yoga,
    server,
    services,
    /** Documents compiled by graphql-jit and documents run on graphql-js, since start. */
    execution: compiled.stats,
    listen(port: number): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    /** Stops taking requests, lets in-flight ones finish, and closes live streams. Safe to call twice. */
    close(): Promise<void> {
      closing ??= (async () => {
        await services.leaderboards.stop();
        await wsHandle.dispose();
        // Ends the live SSE streams too; otherwise their open responses would hold the server open.
        await services.pubsub.close();
        await services.replicas?.close();
        await listenSql?.end({ timeout: 5 });
        if (!server.listening) return;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
      })();
      return closing;
    },
  };
}

export type App = ReturnType<typeof createApp>;
