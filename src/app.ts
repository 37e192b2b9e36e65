import { createServer } from 'node:http';
import { createYoga, type GraphiQLOptions, useReadinessCheck } from 'graphql-yoga';
import { forgetAccount } from './auth/account-cache';
import { createIdentities } from './auth/identities';
import { createTokenVerifier, secretKey } from './auth/jwt';
import { createKnownUsers } from './auth/known-users';
import type { Config } from './config';
import { authenticate, type Context, createContext, type Services } from './context';
import { createSql, type Sql } from './db/client';
import { CONSISTENCY_HEADER } from './db/consistency';
import { createReadRouter, type ReplicaOptions } from './db/replicas';
import { schema } from './graphql';
import { useCompiledExecution } from './http/compiled-execution';
import { type ParsedOperation, useConsistency } from './http/consistency-plugin';
import { maskErrors, REQUEST_LIMITS, useRequestLimits } from './http/limits';
import { requestRecords, useObservability } from './http/observability-plugin';
import { useQueryLimits } from './http/query-limits';
import { useStatementLog } from './http/statements-plugin';
import { SUBSCRIPTION_LIMITS, type SubscriptionLimits, useSubscriptionLimits } from './http/subscription-limits';
import { type TrustedDocuments, useTrustedDocuments } from './http/trusted-documents';
import { attachGraphqlWs, type WsServerContext } from './http/ws';
import { type BoardKeeperOptions, createBoardKeeper } from './jobs/boards';
import { type CleanerOptions, createIdempotencyKeyCleaner } from './jobs/idempotency-keys';
import { createObservability } from './observability';
import { createLogger, type Logger } from './observability/logger';
import { newRequestRecord } from './observability/requests';
import type { Tracing } from './observability/tracing';
import { createRealtimePubSub } from './realtime/pubsub';

export interface AppDeps {
  sql: Sql;
  config: Config;
  /** For tests: the boards' clock and upkeep interval, or `schedule: false` to fold and roll over only on demand. */
  leaderboards?: Pick<BoardKeeperOptions, 'clock' | 'intervalMs' | 'schedule'>;
  /** For tests: how often replicas are checked, or `schedule: false` to check only on demand. */
  replicas?: Pick<ReplicaOptions, 'checkIntervalMs' | 'schedule' | 'poolSize'>;
  /** The expiry job of idempotency keys; `onRun` is where metrics count its runs. */
  idempotencyKeys?: CleanerOptions;
  /** @default SUBSCRIPTION_LIMITS */
  subscriptionLimits?: SubscriptionLimits;
  /** For fault tests, whose every request fails on purpose: no log line per masked error. */
  silent?: boolean;
  /** Where log lines go. @default JSON lines on stdout at config.logLevel */
  logger?: Logger;
  /** GraphiQL's first tab: an example operation and, on the embedded demo database, its token. */
  graphiql?: { defaultQuery?: string; authorization?: string };
  /** The persisted-documents manifest to accept (loaded from config.trustedDocumentsPath by main). */
  trustedDocuments?: TrustedDocuments;
  /** Spans to export (startTracing, when config.tracing is set); closed with the app. @default null */
  tracing?: Tracing | null;
}

/** /ready answers within this long even when the database hangs instead of refusing. */
const READY_TIMEOUT_MS = 2_000;

export function createApp(deps: AppDeps) {
  const { config } = deps;
  const logger = deps.logger ?? createLogger(deps.silent ? 'silent' : config.logLevel);
  const clock = deps.leaderboards?.clock ?? (() => new Date());
  const tracing = deps.tracing ?? null;
  const observability = createObservability(deps.sql, config, logger, clock, tracing);
  const sql = observability.sql;
  // LISTEN holds session state, which a transaction pooler cannot keep: it gets a direct connection
  // of its own when DATABASE_LISTEN_URL names another address than DATABASE_URL.
  const listenSql =
    config.listenUrl && config.listenUrl !== config.databaseUrl ? createSql(config.listenUrl, { max: 1 }) : null;
  const pubsub = createRealtimePubSub(sql, listenSql ?? sql);
  const services: Services = {
    sql,
    config,
    tokens: createTokenVerifier({
      secret: secretKey(config.jwtSecret),
      provider: config.jwtJwksUrl
        ? { jwksUrl: config.jwtJwksUrl, issuer: config.jwtIssuer, audience: config.jwtAudience }
        : null,
      onJwksFetch: (err) => {
        observability.metrics?.jwksFetched(err ? 'failed' : 'ok');
        if (err) logger.warn({ err }, "The identity provider's JWKS could not be fetched");
      },
    }),
    pubsub,
    replicas:
      config.replicaUrls.length > 0
        ? createReadRouter(deps.sql, config.replicaUrls, {
            maxLagMs: config.replicaMaxLagMs,
            waitMs: config.replicaWaitMs,
            ...deps.replicas,
          })
        : null,
    leaderboards: createBoardKeeper(sql, {
      logger,
      jobs: observability.jobs,
      onFold: (folded) => observability.metrics?.boardsFolded(folded),
      onSnapshot: (snapshot) => observability.metrics?.boardSnapshotTaken(snapshot.durationMs),
      tracing,
      ...deps.leaderboards,
    }),
    idempotencyKeys: createIdempotencyKeyCleaner(sql, {
      logger,
      ...deps.idempotencyKeys,
      onRun: (run) => {
        observability.jobs.record('idempotency-keys', run.status, run.durationMs / 1000);
        deps.idempotencyKeys?.onRun?.(run);
      },
    }),
    knownUsers: createKnownUsers(sql, { hearingDeletions: () => pubsub.ready() }),
    identities: createIdentities(sql, { hearingDeletions: () => pubsub.ready() }),
    observability,
  };
  // An account deleted through any process is forgotten here when its transaction commits. The
  // known-user and identity caches keep entries only while this process's LISTEN is up (they wait for
  // it), so they never hold an account whose deletion they could not hear.
  pubsub.watchAccounts({
    deleted: (userId) => forgetAccount(services, userId),
    resync: () => {
      services.knownUsers.clear();
      services.identities.clear();
    },
  });
  const router = services.replicas;
  if (router) observability.metrics?.watchReadRouting(() => router.status());
  const trusted = deps.trustedDocuments ?? null;

  const compiled = useCompiledExecution({ log: (message) => logger.warn(message) });
  const yoga = createYoga<WsServerContext & ParsedOperation, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    // Trusted documents only: an editor for arbitrary operations has nothing to run.
    graphiql: trusted ? false : graphiqlOptions(deps.graphiql),
    // Served from node_modules: Yoga's default page loads its scripts from a CDN. The bundle is 9 MB of
    // JavaScript, so it is loaded on the first page view, not at start-up.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    logging: deps.silent ? false : yogaLogger(logger),
    cors: config.corsOrigins ? { origin: [...config.corsOrigins] } : undefined,
    maskedErrors: { maskError: maskErrors },
    // useRequestLimits bounds bodies, without a stream per request.
    maxRequestBodySize: false,
    // One request state, built once: who asks, where the operation runs (from its parsed type, which
    // useConsistency puts on `init`), and the client and loaders it runs with.
    context: (init) => {
      const overWebSocket = init.authorization !== undefined;
      return createContext(services, {
        authorization: overWebSocket ? init.authorization : init.request.headers.get('authorization'),
        consistency: overWebSocket ? null : init.request.headers.get(CONSISTENCY_HEADER),
        operation: init.operation ?? null,
        connection: init.connection ?? null,
        record: (overWebSocket ? undefined : requestRecords.get(init.request)) ?? newRequestRecord('websocket'),
      });
    },
    plugins: [
      useObservability(observability, '/graphql'),
      ...(trusted ? [useTrustedDocuments(trusted)] : []),
      useRequestLimits(),
      useQueryLimits(),
      ...(deps.config.compiledExecution ? [compiled.plugin] : []),
      // After the compiled execution, whose subscribe function it wraps to count the live streams.
      useSubscriptionLimits(deps.subscriptionLimits ?? SUBSCRIPTION_LIMITS),
      // After the compiled execution, which replaces the execute function, so a read that failed on its
      // replica runs again compiled.
      useConsistency(services.replicas),
      useStatementLog({ expose: !deps.config.production }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async ({ fetchAPI }) => {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('The database did not answer')), READY_TIMEOUT_MS);
          });
          try {
            await Promise.race([sql`/* ready */ select 1`, timeout]);
          } finally {
            clearTimeout(timer);
          }
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
  const wsHandle = attachGraphqlWs(server, yoga, {
    verify: (authorization) => authenticate(services, authorization),
    maxPayloadBytes: REQUEST_LIMITS.bodyBytes,
    trusted,
  });

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
        await services.idempotencyKeys.stop();
        await wsHandle.dispose();
        // Ends the live SSE streams too; otherwise their open responses would hold the server open.
        await services.pubsub.close();
        await services.replicas?.close();
        await listenSql?.end({ timeout: 5 });
        if (server.listening) {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          });
        }
        // Last, so the spans of the requests that just finished are sent too.
        await tracing?.shutdown().catch((error) => logger.warn({ err: error }, 'Exporting the last spans failed'));
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

export type App = ReturnType<typeof createApp>;
