import { createApp } from './app';
import { signToken } from './auth/tokens';
import { loadConfig } from './config';
import { createSql } from './db/client';
import { startDatabase } from './db/database';
import { prepareDatabase } from './db/prepare';
import { isEmpty, seedDemo } from './seed/demo';

const config = loadConfig();
if (config.jwtSecretIsDevelopment) {
  console.warn('JWT_SECRET is not set: using the development secret. Never do this in production.');
}

const database = await startDatabase(config);
const sql = createSql(database.url, { recordStatements: !config.production, prepare: config.prepare });
// Migrations hold a session advisory lock, which a transaction pooler would leak to the next client:
// they take the direct connection, like LISTEN.
await prepareDatabase(config.listenUrl ?? database.url, sql);

let demoToken: string | null = null;
if (database.embedded && (await isEmpty(sql))) {
  const demo = await seedDemo(sql);
  demoToken = await signToken(demo.users.get('demo')!, config.jwtSecret);
}

const app = createApp({ sql, config });
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
