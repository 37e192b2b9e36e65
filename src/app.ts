import { createServer, type IncomingMessage } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type GraphiQLOptions, useReadinessCheck } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { secretKey } from './auth/jwt';
import type { Config } from './config';
import { type Context, createContext, type Services } from './context';
import type { Sql } from './db/client';
import { schema } from './graphql';
import { requestRecords, useObservability } from './http/observability-plugin';
import { useStatementLog } from './http/statements-plugin';
import { type TrustedDocuments, trustedQueryOf, useTrustedDocuments } from './http/trusted-documents';
import { type Clock, createLeaderboardRefresher } from './jobs/leaderboards';
import { createObservability } from './observability';
import { createLogger, type Logger } from './observability/logger';
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
  /** Where log lines go. @default JSON lines on stdout at config.logLevel */
  logger?: Logger;
  /** GraphiQL's first tab: an example operation and, on the embedded demo database, its token. */
  graphiql?: { defaultQuery?: string; authorization?: string };
  /** The persisted-documents manifest to accept (loaded from config.trustedDocumentsPath by main). */
  trustedDocuments?: TrustedDocuments;
}

interface ServerContext {
  /** Set for WebSocket operations, where there is no fetch Request to read a header from. */
  authorization?: string | null;
}

export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const clock = deps.leaderboards?.clock ?? (() => new Date());
  const observability = createObservability(deps.sql, deps.config, logger, clock);
  const sql = observability.sql;
  const services: Services = {
    sql,
    config: deps.config,
    jwtKey: secretKey(deps.config.jwtSecret),
    pubsub: createMessagingPubSub(sql),
    leaderboards: createLeaderboardRefresher(sql, {
      intervalMs: deps.config.leaderboardRefreshSeconds * 1000,
      log: (message, error) => logger.error({ err: error }, message),
      jobs: observability.jobs,
      onRefresh: (last) => observability.metrics?.leaderboardRefreshed(last),
      ...deps.leaderboards,
    }),
    observability,
  };
  const trusted = deps.trustedDocuments ?? null;

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    // Trusted documents only: an editor for arbitrary operations has nothing to run.
    graphiql: trusted ? false : graphiqlOptions(deps.graphiql),
    // Served from node_modules: Yoga's default page loads its scripts from a CDN. The bundle is 9 MB of
    // JavaScript, so it is loaded on the first page view, not at start-up.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    logging: yogaLogger(logger),
    cors: deps.config.corsOrigins ? { origin: [...deps.config.corsOrigins] } : undefined,
    context: (init) =>
      init.authorization !== undefined
        ? createContext(services, init.authorization)
        : createContext(services, init.request.headers.get('authorization'), requestRecords.get(init.request)),
    plugins: [
      useObservability(observability, '/graphql'),
      ...(trusted ? [useTrustedDocuments(trusted)] : []),
      useStatementLog({ expose: !deps.config.production }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await sql`/* ready */ select 1`;
        },
      }),
    ],
  });

  const server = createServer(yoga);
  let closing: Promise<void> | undefined;
  const wsServer = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const wsHandle = useServer<Record<string, unknown>, { authorization?: string | null }>(
    {
      // The header on the upgrade request, or `connectionParams.authorization`; a bad token refuses the connection.
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.extra.request, ctx.connectionParams);
        try {
          await createContext(services, authorization);
          ctx.extra.authorization = authorization;
          return true;
        } catch {
          return false;
        }
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const query = trusted ? trustedQueryOf(trusted, params) : params.query;
        if (typeof query !== 'string') return [query];
        const enveloped = yoga.getEnveloped({ authorization: ctx.extra.authorization ?? null, params } as never);
        const document = enveloped.parse(query);
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

function graphiqlOptions(options: AppDeps['graphiql']): GraphiQLOptions {
  return {
    title: 'Spotter GraphiQL',
    subscriptionsProtocol: 'WS',
    ...(options?.defaultQuery ? { defaultQuery: options.defaultQuery } : {}),
    ...(options?.authorization ? { headers: JSON.stringify({ Authorization: options.authorization }, null, 2) } : {}),
  };
}

/** Yoga's own messages (masked errors above all) go to the same JSON lines as everything else. */
function yogaLogger(logger: Logger) {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      if (!logger.isLevelEnabled(level)) return;
      const [first, ...rest] = args;
      const details = rest.length > 0 ? { details: rest } : {};
      if (first instanceof Error) logger[level]({ err: first, ...details }, first.message);
      else logger[level](details, String(first));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
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
