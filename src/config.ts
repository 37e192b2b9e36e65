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
  /** A statement at least this slow is logged with the operation it served. @default 200 */
  readonly slowStatementMs: number;
  /** Browser origins allowed by CORS; null reflects any origin. */
  readonly corsOrigins: readonly string[] | null;
  /** A persisted-documents manifest: when set, only its documents run. */
  readonly trustedDocumentsPath: string | null;
  /** `/metrics` and the per-statement counters. @default true */
  readonly metrics: boolean;
  /** pino level: `info` logs one line per request. @default info in production, warn elsewhere */
  readonly logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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

function switchFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'true' || raw === '1') return true;
  if (raw === 'off' || raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

/** `https://a.example, https://b.example` → the exact origins a browser sends (scheme, host, port). */
function originsFrom(raw: string | undefined): readonly string[] | null {
  if (raw === undefined || raw.trim() === '') return null;
  return Object.freeze(
    raw.split(',').map((part) => {
      const origin = part.trim();
      let parsed: URL;
      try {
        parsed = new URL(origin);
      } catch {
        throw new Error(`CORS_ORIGINS holds "${origin}", which is not an origin like https://app.example`);
      }
      if (parsed.origin !== origin.replace(/\/$/, '')) {
        throw new Error(`CORS_ORIGINS holds "${origin}"; an origin has no path: ${parsed.origin}`);
      }
      return parsed.origin;
    }),
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const jwtSecret = env.JWT_SECRET || null;
  if (databaseUrl && !jwtSecret) {
    throw new Error('JWT_SECRET is required when DATABASE_URL is set');
  }
  const production = env.NODE_ENV === 'production';
  const logLevel = env.LOG_LEVEL || (production ? 'info' : 'warn');
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  return Object.freeze({
    port: integerFrom(env, 'PORT', 4000, 0),
    databaseUrl,
    jwtSecret: jwtSecret ?? DEVELOPMENT_JWT_SECRET,
    jwtSecretIsDevelopment: !jwtSecret,
    leaderboardRefreshSeconds: integerFrom(env, 'LEADERBOARD_REFRESH_SECONDS', 10, 1),
    embeddedDataDir: env.SPOTTER_DATA_DIR || '.data/postgres',
    embeddedPort: integerFrom(env, 'SPOTTER_EMBEDDED_PORT', 54329, 1),
    production,
    slowStatementMs: integerFrom(env, 'SPOTTER_SLOW_STATEMENT_MS', 200, 0),
    corsOrigins: originsFrom(env.CORS_ORIGINS),
    trustedDocumentsPath: env.SPOTTER_TRUSTED_DOCUMENTS || null,
    metrics: switchFrom(env, 'SPOTTER_METRICS', true),
    logLevel,
  });
}
