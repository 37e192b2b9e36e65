import { createServer, type IncomingMessage } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { secretKey } from './auth/jwt';
import { createKnownUsers } from './auth/known-users';
import type { Config } from './config';
import { type Context, createContext, type Services } from './context';
import type { Sql } from './db/client';
import { schema } from './graphql';
import { maskErrors, REQUEST_LIMITS, useRequestLimits } from './http/limits';
import { useStatementLog } from './http/statements-plugin';
import {
  type ConnectionSubscriptions,
  SUBSCRIPTION_LIMITS,
  type SubscriptionLimits,
  useSubscriptionLimits,
} from './http/subscription-limits';
import { type CleanerOptions, createIdempotencyKeyCleaner } from './jobs/idempotency-keys';
import { type Clock, createLeaderboardRefresher } from './jobs/leaderboards';
import { createMessagingPubSub } from './realtime/pubsub';

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
  /** The expiry job of idempotency keys; `onRun` is where metrics count its runs. */
  idempotencyKeys?: CleanerOptions;
  /** @default SUBSCRIPTION_LIMITS */
  subscriptionLimits?: SubscriptionLimits;
  /** For fault tests, whose every request fails on purpose: no log line per masked error. */
  silent?: boolean;
}

interface ServerContext {
  /** Set for WebSocket operations, where there is no fetch Request to read a header from. */
  authorization?: string | null;
  /** Set for WebSocket operations: the connection's live subscriptions, which its cap counts. */
  connection?: ConnectionSubscriptions;
}

/** /ready answers within this long even when the database hangs instead of refusing. */
const READY_TIMEOUT_MS = 2_000;

export function createApp(deps: AppDeps) {
  const services: Services = {
    sql: deps.sql,
    config: deps.config,
    jwtKey: secretKey(deps.config.jwtSecret),
    pubsub: createMessagingPubSub(deps.sql),
    leaderboards: createLeaderboardRefresher(deps.sql, {
      intervalMs: deps.config.leaderboardRefreshSeconds * 1000,
      ...deps.leaderboards,
    }),
    idempotencyKeys: createIdempotencyKeyCleaner(deps.sql, deps.idempotencyKeys),
    knownUsers: createKnownUsers(deps.sql),
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    graphiql: { subscriptionsProtocol: 'WS' },
    landingPage: false,
    logging: deps.silent ? false : deps.config.production ? 'info' : 'warn',
    maskedErrors: { maskError: maskErrors },
    maxRequestBodySize: REQUEST_LIMITS.bodyBytes,
    context: (init) =>
      createContext(
        services,
        init.authorization !== undefined ? init.authorization : init.request.headers.get('authorization'),
        init.connection ?? null,
      ),
    plugins: [
      useRequestLimits(),
      useSubscriptionLimits(deps.subscriptionLimits ?? SUBSCRIPTION_LIMITS),
      useStatementLog({ expose: !deps.config.production }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('The database did not answer')), READY_TIMEOUT_MS);
          });
          try {
            await Promise.race([deps.sql`/* ready */ select 1`, timeout]);
          } finally {
            clearTimeout(timer);
          }
        },
      }),
    ],
  });

  const server = createServer(yoga);
  let closing: Promise<void> | undefined;
  const wsServer = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: REQUEST_LIMITS.bodyBytes });
  const wsHandle = useServer<
    Record<string, unknown>,
    { authorization?: string | null; subscriptions?: ConnectionSubscriptions }
  >(
    {
      // The header on the upgrade request, or `connectionParams.authorization`; a bad token refuses the connection.
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.extra.request, ctx.connectionParams);
        try {
          await createContext(services, authorization, null);
          ctx.extra.authorization = authorization;
          ctx.extra.subscriptions = { live: 0 };
          return true;
        } catch {
          return false;
        }
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const enveloped = yoga.getEnveloped({
          authorization: ctx.extra.authorization ?? null,
          connection: ctx.extra.subscriptions,
          params,
        } as never);
        const document = enveloped.parse(params.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        return {
          schema: enveloped.schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
  );

  return {
    yoga,
    server,
    services,
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
        await services.idempotencyKeys.stop();
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

type Enveloped = ReturnType<ReturnType<typeof createYoga>['getEnveloped']>;

function authorizationOf(
  request: IncomingMessage,
  connectionParams: Record<string, unknown> | undefined,
): string | null {
  const fromParams = connectionParams?.authorization ?? connectionParams?.Authorization;
  if (typeof fromParams === 'string') return fromParams;
  return request.headers.authorization ?? null;
}

export type App = ReturnType<typeof createApp>;
