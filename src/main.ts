import { createApp } from './app';
import { signToken } from './auth/tokens';
import { loadConfig } from './config';
import { createSql } from './db/client';
import { startDatabase } from './db/database';
import { prepareDatabase } from './db/prepare';
import { EXAMPLE_QUERY } from './http/graphiql';
import { loadTrustedDocuments } from './http/trusted-documents';
import { DEMO_USERNAME, isEmpty, seedDemo } from './seed/demo';

const config = loadConfig();
if (config.jwtSecretIsDevelopment) {
  console.warn('JWT_SECRET is not set: using the development secret. Never do this in production.');
}

const database = await startDatabase(config);
const sql = createSql(database.url);
await prepareDatabase(database.url, sql);

let demoToken: string | null = null;
if (database.embedded && (await isEmpty(sql))) {
  const demo = await seedDemo(sql);
  demoToken = await signToken(demo.users.get(DEMO_USERNAME)!, config.jwtSecret);
}
// On the embedded demo database GraphiQL opens signed in as the demo user, so "run" shows data.
let graphiqlToken = demoToken;
if (database.embedded && !config.production && !graphiqlToken) {
  const [demo] = await sql<
    { id: number }[]
  >`/* graphiql:demoUser */ select id from users where username = ${DEMO_USERNAME}`;
  if (demo) graphiqlToken = await signToken(demo.id, config.jwtSecret);
}

const app = createApp({
  sql,
  config,
  graphiql: {
    defaultQuery: EXAMPLE_QUERY,
    ...(graphiqlToken ? { authorization: `Bearer ${graphiqlToken}` } : {}),
  },
  ...(config.trustedDocumentsPath ? { trustedDocuments: await loadTrustedDocuments(config.trustedDocumentsPath) } : {}),
});
const port = await app.listen(config.port);
console.log(`Spotter GraphQL API: http://localhost:${port}/graphql`);
if (demoToken) {
  console.log('Demo data loaded. Send this header to act as the user "demo":');
  console.log(`  Authorization: Bearer ${demoToken}`);
} else {
  console.log('Get a token with: npm run --silent token -- USERNAME');
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests…`);
  await app.close();
  await sql.end({ timeout: 5 });
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
