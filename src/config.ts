export interface Config {
  readonly port: number;
  /** A PostgreSQL URL; when absent the server runs on embedded PostgreSQL. */
  readonly databaseUrl: string | null;
  readonly jwtSecret: string;
  /** True when JWT_SECRET was not set and the development secret is in use. */
  readonly jwtSecretIsDevelopment: boolean;
  /** @default 10 */
  readonly leaderboardRefreshSeconds: number;
  /** Where embedded PostgreSQL keeps its data. @default ".data/postgres" */
  readonly embeddedDataDir: string;
  /** @default 54329 */
  readonly embeddedPort: number;
  readonly production: boolean;
  /** Streaming replicas of DATABASE_URL's server that serve query operations; empty: every read on DATABASE_URL. */
  readonly replicaUrls: readonly string[];
  /** A replica further behind the primary than this leaves rotation until it catches up. @default 5000 */
  readonly replicaMaxLagMs: number;
  /**
   * How long a read whose consistency token no replica has reached waits for one before the primary
   * serves it. @default 20
   */
  readonly replicaWaitMs: number;
  /** A direct connection to PostgreSQL, never a transaction pooler: LISTEN and the migrations' session lock. @default DATABASE_URL */
  readonly listenUrl: string | null;
  /**
   * Named prepared statements on DATABASE_URL's connections; false behind PgBouncer in transaction mode
   * (1.18 cannot keep them across server connections). Replicas and LISTEN always prepare. @default true
   */
  readonly prepare: boolean;
  /** Operations run compiled by graphql-jit; `SPOTTER_GRAPHQL_JIT=off` runs them on graphql-js. @default true */
  readonly compiledExecution: boolean;
}

const DEVELOPMENT_JWT_SECRET = 'spotter-development-secret-do-not-use-in-production';

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function booleanFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function urlsFrom(env: NodeJS.ProcessEnv, name: string): string[] {
  const urls = (env[name] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`${name} must list postgres:// URLs, got "${url}"`);
  }
  return urls;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const replicaUrls = urlsFrom(env, 'DATABASE_REPLICA_URLS');
  if (replicaUrls.length > 0 && !databaseUrl) {
    throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL: the replicas replicate that server');
  }
  const jwtSecret = env.JWT_SECRET || null;
  if (databaseUrl && !jwtSecret) {
    throw new Error('JWT_SECRET is required when DATABASE_URL is set');
  }
  return Object.freeze({
    port: integerFrom(env, 'PORT', 4000, 0),
    databaseUrl,
    jwtSecret: jwtSecret ?? DEVELOPMENT_JWT_SECRET,
    jwtSecretIsDevelopment: !jwtSecret,
    leaderboardRefreshSeconds: integerFrom(env, 'LEADERBOARD_REFRESH_SECONDS', 10, 1),
    embeddedDataDir: env.SPOTTER_DATA_DIR || '.data/postgres',
    embeddedPort: integerFrom(env, 'SPOTTER_EMBEDDED_PORT', 54329, 1),
    production: env.NODE_ENV === 'production',
    replicaUrls: Object.freeze(replicaUrls),
    replicaMaxLagMs: integerFrom(env, 'DATABASE_REPLICA_MAX_LAG_MS', 5000, 0),
    replicaWaitMs: integerFrom(env, 'DATABASE_REPLICA_WAIT_MS', 20, 0),
    listenUrl: env.DATABASE_LISTEN_URL || databaseUrl,
    prepare: booleanFrom(env, 'DATABASE_PREPARE', true),
    compiledExecution: !['off', '0', 'false'].includes((env.SPOTTER_GRAPHQL_JIT ?? '').toLowerCase()),
  });
}
