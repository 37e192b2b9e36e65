import { type App, createApp } from './app';
import { signToken } from './auth/tokens';
import { type Config, loadConfig } from './config';
import { createSql, isDriverWriteAfterClose, REQUEST_CONNECT_TIMEOUT_SECONDS, type Sql } from './db/client';
import { expectAnswer, type RunningDatabase, startDatabase } from './db/database';
import { prepareDatabase } from './db/prepare';
import { EXAMPLE_QUERY } from './http/graphiql';
import { loadTrustedDocuments } from './http/trusted-documents';
import { startTracing } from './observability/tracing';
import { DEMO_USERNAME, isEmpty, seedDemo } from './seed/demo';
import { describeStartupFailure } from './startup';

// Only the driver's known write-after-close is survived (see isDriverWriteAfterClose); anything else
// still ends the process, as Node would without this listener.
process.on('uncaughtException', (error) => {
  if (isDriverWriteAfterClose(error)) {
    console.error('A database connection closed during a write; its requests failed and the pool reconnects.');
    return;
  }
  console.error(error);
  process.exit(1);
});

/** Long enough for a server waking from suspension or a slow TLS handshake, short enough to say so. */
const FIRST_ANSWER_DEADLINE_MS = 10_000;

/** What has started so far, so a failed start stops it again. */
const started: { config?: Config; database?: RunningDatabase; sql?: Sql; app?: App } = {};

async function start() {
  const config = loadConfig();
  started.config = config;
  const database = await startDatabase(config);
  started.database = database;
  if (!database.embedded) await expectAnswer(database.url, FIRST_ANSWER_DEADLINE_MS);
  // Migrations and the demo seed run without the request bounds (statement timeout, pool wait).
  const setup = createSql(database.url, { max: 2, prepare: config.prepare });
  try {
    // Migrations hold a session advisory lock, which a transaction pooler would leak to the next client:
    // they take the direct connection, like LISTEN.
    await prepareDatabase(config.listenUrl ?? database.url, setup);
    if (database.embedded && (await isEmpty(setup))) {
      const demo = await seedDemo(setup);
      const demoToken = await signToken(demo.users.get(DEMO_USERNAME)!, config.jwtSecret);
      return { demoToken, graphiqlToken: demoToken };
    }
    // On the embedded demo database GraphiQL opens signed in as the demo user, so "run" shows data.
    let graphiqlToken: string | null = null;
    if (database.embedded && !config.production) {
      const [demo] = await setup<
        { id: number }[]
      >`/* graphiql:demoUser */ select id from users where username = ${DEMO_USERNAME}`;
      if (demo) graphiqlToken = await signToken(demo.id, config.jwtSecret);
    }
    return { demoToken: null, graphiqlToken };
  } finally {
    await setup.end({ timeout: 5 });
  }
}

try {
  const { demoToken, graphiqlToken } = await start();
  const settings = started.config!;
  const sql = createSql(started.database!.url, {
    max: settings.databasePoolMax,
    statementTimeoutMs: settings.databaseStatementTimeoutMs,
    connectionWaitMs: settings.databasePoolWaitMs,
    connectTimeout: REQUEST_CONNECT_TIMEOUT_SECONDS,
    prepare: settings.prepare,
  });
  started.sql = sql;
  const app = createApp({
    sql,
    config: settings,
    tracing: await startTracing(settings),
    graphiql: {
      defaultQuery: EXAMPLE_QUERY,
      ...(graphiqlToken ? { authorization: `Bearer ${graphiqlToken}` } : {}),
    },
    ...(settings.trustedDocumentsPath
      ? { trustedDocuments: await loadTrustedDocuments(settings.trustedDocumentsPath) }
      : {}),
  });
  started.app = app;
  await app.services.leaderboards.ready;
  const port = await app.listen(settings.port);
  console.log(`Spotter GraphQL API: http://localhost:${port}/graphql`);
  // Only once started, so that a failed start says nothing but its one line.
  if (settings.jwtSecretIsDevelopment) {
    console.warn('JWT_SECRET is not set: using the development secret. Never do this in production.');
  }
  if (process.env.LEADERBOARD_REFRESH_SECONDS !== undefined) {
    console.warn('LEADERBOARD_REFRESH_SECONDS is no longer used: leaderboards follow every commit.');
  }
  if (demoToken) {
    console.log('Demo data loaded. Send this header to act as the user "demo":');
    console.log(`  Authorization: Bearer ${demoToken}`);
  } else {
    console.log('Get a token with: npm run --silent token -- USERNAME');
  }
} catch (error) {
  console.error(describeStartupFailure(error, started.config ?? null));
  await started.app?.close().catch(() => undefined);
  await started.sql?.end({ timeout: 1 }).catch(() => undefined);
  await started.database?.stop().catch(() => undefined);
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests…`);
  await started.app!.close();
  await started.sql!.end({ timeout: 5 });
  await started.database!.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
