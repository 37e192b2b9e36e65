export interface Config {
  readonly port: number;
  /** A PostgreSQL URL; when absent the server runs on embedded PostgreSQL. */
  readonly databaseUrl: string | null;
  readonly jwtSecret: string;
  /** True when JWT_SECRET was not set and the development secret is in use. */
  readonly jwtSecretIsDevelopment: boolean;
  /** JWT_JWKS_URL: an identity provider's key set; its RS256/ES256 tokens sign identities in. Null: HS256 only. */
  readonly jwtJwksUrl: string | null;
  /** JWT_ISSUER: the `iss` an identity provider's token must carry. */
  readonly jwtIssuer: string | null;
  /** JWT_AUDIENCE: a value an identity provider's token's `aud` must hold. */
  readonly jwtAudience: string | null;
  /** @default 10 */
  /** Where embedded PostgreSQL keeps its data. @default ".data/postgres" */
  readonly embeddedDataDir: string;
  /** @default 54329 */
  readonly embeddedPort: number;
  /** Connections in the request pool (DATABASE_POOL_MAX). @default 10 */
  readonly databasePoolMax: number;
  /** PostgreSQL statement_timeout for request statements (DATABASE_STATEMENT_TIMEOUT_MS). @default 5000 */
  readonly databaseStatementTimeoutMs: number;
  /** How long a request waits for a pooled connection before SERVICE_UNAVAILABLE (DATABASE_POOL_WAIT_MS). @default 2000 */
  readonly databasePoolWaitMs: number;
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
  /**
   * Reads that fold a nested first page into their own statement (a profile with its followers, a
   * conversation with its messages); `SPOTTER_FOLDED_READS=off` reads each field on its own, as a
   * fallback and for the benchmark's naive floor. @default true
   */
  readonly foldedReads: boolean;
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
  /** OpenTelemetry traces over OTLP/HTTP; null (the default) when no OTLP endpoint is set. */
  readonly tracing: TracingConfig | null;
}

export interface TracingConfig {
  /** Where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  readonly url: string;
  /** OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL. @default http/protobuf, as the specification says */
  readonly protocol: 'http/protobuf' | 'http/json';
  /** OTEL_TRACES_SAMPLER. @default parentbased_always_on: every trace, unless the caller's traceparent says unsampled */
  readonly sampler: (typeof SAMPLERS)[number];
  /** OTEL_TRACES_SAMPLER_ARG, the share of traces the ratio samplers keep. @default 1 */
  readonly samplerRatio: number;
}

const SAMPLERS = [
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
  'always_on',
  'always_off',
  'traceidratio',
] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const DEVELOPMENT_JWT_SECRET = 'spotter-development-secret-do-not-use-in-production';

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

/** A start-up setting that cannot work; main.ts prints its message as the one line it exits with. */
export class ConfigError extends Error {}

function checkDatabaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new ConfigError('DATABASE_URL names no host; expected postgres://user:password@host:5432/database');
  }
  return raw;
}

/** https, or http on this machine only (a provider run locally, the tests' key server). */
function checkJwksUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('JWT_JWKS_URL is not a URL; expected https://your-tenant.example/.well-known/jwks.json');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ConfigError('JWT_JWKS_URL must be an https:// URL (http:// only for localhost)');
  }
  return url.href;
}

function booleanFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function urlsFrom(env: NodeJS.ProcessEnv, name: string): string[] {
  const urls = (env[name] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`${name} must list postgres:// URLs, got "${url}"`);
  }
  return urls;
}

function switchFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'true' || raw === '1') return true;
  if (raw === 'off' || raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
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
        throw new ConfigError(`CORS_ORIGINS holds "${origin}", which is not an origin like https://app.example`);
      }
      if (parsed.origin !== origin.replace(/\/$/, '')) {
        throw new ConfigError(`CORS_ORIGINS holds "${origin}"; an origin has no path: ${parsed.origin}`);
      }
      return parsed.origin;
    }),
  );
}

/** The standard OpenTelemetry exporter variables; OTEL_SDK_DISABLED=true turns tracing off whatever they say. */
function tracingFrom(env: NodeJS.ProcessEnv): TracingConfig | null {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const own = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if ((!base && !own) || env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const name = own ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const url = own || `${base!.replace(/\/+$/, '')}/v1/traces`;
  if (!/^https?:\/\/[^/]/.test(url))
    throw new ConfigError(`${name} must be an http:// or https:// URL, got "${own || base}"`);
  const protocolName = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
    ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
    : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = env[protocolName]?.trim() || 'http/protobuf';
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new ConfigError(
      `${protocolName} must be http/protobuf or http/json (Spotter exports over HTTP), got "${protocol}"`,
    );
  }
  const sampler = env.OTEL_TRACES_SAMPLER?.trim() || 'parentbased_always_on';
  if (!(SAMPLERS as readonly string[]).includes(sampler)) {
    throw new ConfigError(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got "${sampler}"`);
  }
  const ratioRaw = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  const samplerRatio = ratioRaw ? Number(ratioRaw) : 1;
  if (!(samplerRatio >= 0 && samplerRatio <= 1)) {
    throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "${ratioRaw}"`);
  }
  return Object.freeze({ url, protocol, sampler: sampler as TracingConfig['sampler'], samplerRatio });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL ? checkDatabaseUrl(env.DATABASE_URL) : null;
  const replicaUrls = urlsFrom(env, 'DATABASE_REPLICA_URLS');
  if (replicaUrls.length > 0 && !databaseUrl) {
    throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL: the replicas replicate that server');
  }
  const jwtSecret = env.JWT_SECRET || null;
  if (databaseUrl && !jwtSecret) {
    throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
  }
  const jwtJwksUrl = env.JWT_JWKS_URL ? checkJwksUrl(env.JWT_JWKS_URL) : null;
  for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
    if (env[name] && !jwtJwksUrl)
      throw new ConfigError(`${name} needs JWT_JWKS_URL: it checks the identity provider's tokens`);
  }
  const production = env.NODE_ENV === 'production';
  const logLevel = env.LOG_LEVEL || (production ? 'info' : 'warn');
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  return Object.freeze({
    port: integerFrom(env, 'PORT', 4000, 0),
    databaseUrl,
    jwtSecret: jwtSecret ?? DEVELOPMENT_JWT_SECRET,
    jwtSecretIsDevelopment: !jwtSecret,
    jwtJwksUrl,
    jwtIssuer: env.JWT_ISSUER || null,
    jwtAudience: env.JWT_AUDIENCE || null,
    embeddedDataDir: env.SPOTTER_DATA_DIR || '.data/postgres',
    embeddedPort: integerFrom(env, 'SPOTTER_EMBEDDED_PORT', 54329, 1),
    databasePoolMax: integerFrom(env, 'DATABASE_POOL_MAX', 10, 1),
    databaseStatementTimeoutMs: integerFrom(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5_000, 1),
    databasePoolWaitMs: integerFrom(env, 'DATABASE_POOL_WAIT_MS', 2_000, 1),
    replicaUrls: Object.freeze(replicaUrls),
    replicaMaxLagMs: integerFrom(env, 'DATABASE_REPLICA_MAX_LAG_MS', 5000, 0),
    replicaWaitMs: integerFrom(env, 'DATABASE_REPLICA_WAIT_MS', 20, 0),
    listenUrl: env.DATABASE_LISTEN_URL || databaseUrl,
    prepare: booleanFrom(env, 'DATABASE_PREPARE', true),
    compiledExecution: switchFrom(env, 'SPOTTER_GRAPHQL_JIT', true),
    foldedReads: switchFrom(env, 'SPOTTER_FOLDED_READS', true),
    production,
    slowStatementMs: integerFrom(env, 'SPOTTER_SLOW_STATEMENT_MS', 200, 0),
    corsOrigins: originsFrom(env.CORS_ORIGINS),
    trustedDocumentsPath: env.SPOTTER_TRUSTED_DOCUMENTS || null,
    metrics: switchFrom(env, 'SPOTTER_METRICS', true),
    logLevel,
    tracing: tracingFrom(env),
  });
}
