import { createServer } from 'node:http';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { secretKey } from './auth/jwt';
import type { Config } from './config';
import { type Context, createContext, type Services } from './context';
import type { Sql } from './db/client';
import { schema } from './graphql';
import { useCompiledExecution } from './http/compiled-execution';
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
}

export function createApp(deps: AppDeps) {
  const services: Services = {
    sql: deps.sql,
    config: deps.config,
    jwtKey: secretKey(deps.config.jwtSecret),
    pubsub: createRealtimePubSub(deps.sql),
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
      useStatementLog({ expose: !deps.config.production }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await deps.sql`/* ready */ select 1`;
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
