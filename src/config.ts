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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
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
    compiledExecution: !['off', '0', 'false'].includes((env.SPOTTER_GRAPHQL_JIT ?? '').toLowerCase()),
  });
}
