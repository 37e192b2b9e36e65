import postgres from 'postgres';
import { type Config, ConfigError } from './config';
import { EmbeddedStartError, NoAnswerError } from './db/database';
import { databaseUnavailability } from './db/errors';

/** Where DATABASE_URL points, without its password. */
function target(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** What initdb, postgres or our mkdir say when the data folder is out of reach. */
const DATA_FOLDER_PROBLEM =
  /could not access directory|Permission denied|could not create directory|not owned|ENOTDIR|EROFS/i;

/**
 * The one line `npm start` ends with when it cannot start: what is wrong and what to do, for each
 * failure a user can cause. Anything else keeps its own message (never a stack trace).
 */
export function describeStartupFailure(error: unknown, config: Config | null, port?: number): string {
  if (error instanceof ConfigError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `Port ${port ?? config?.port} is already in use; stop what listens there or set PORT to a free port.`;
  }
  if (error instanceof EmbeddedStartError) {
    if (DATA_FOLDER_PROBLEM.test(error.detail)) {
      const runAs =
        process.getuid?.() === 0 ? ' (it runs as the user "postgres", since the server was started as root)' : '';
      return `Embedded PostgreSQL cannot use its data folder ${error.dataDir}${runAs}: ${error.detail.replace(/^.*?error:\s*/, '')}. Set SPOTTER_DATA_DIR to a folder it can reach, e.g. inside the project.`;
    }
    if (/could not bind|Address already in use/i.test(`${error.detail}\n${error.output}`)) {
      return `Embedded PostgreSQL cannot listen on port ${error.port}: it is already in use. Stop what listens there or set SPOTTER_EMBEDDED_PORT to a free port.`;
    }
    return `${error.message}. Its data folder is ${error.dataDir}; set SPOTTER_DEBUG_POSTGRES=1 to see its log.`;
  }
  const url = config?.databaseUrl;
  if (url && error instanceof NoAnswerError) {
    return `Nothing at ${target(url)} answered as PostgreSQL within ${error.deadlineMs / 1000} s; check the host and port in DATABASE_URL and that PostgreSQL is up there.`;
  }
  if (url && databaseUnavailability(error) === 'unreachable') {
    return `Cannot reach PostgreSQL at ${target(url)} (${String(code)}); is it running, and is DATABASE_URL right?`;
  }
  if (url && error instanceof postgres.PostgresError) {
    if (error.code === '28P01' || error.code === '28000') {
      return `PostgreSQL at ${target(url)} refused the login in DATABASE_URL: ${error.message}; fix the user or password in DATABASE_URL.`;
    }
    if (error.code === '3D000') return `${error.message} at ${target(url)}; create it or fix DATABASE_URL.`;
    return `PostgreSQL at ${target(url)} refused to start the server: ${error.message}.`;
  }
  if (url && error instanceof Error && /getaddrinfo|Invalid URL|ENOTFOUND/i.test(error.message)) {
    return `Cannot reach PostgreSQL at ${target(url)}: ${error.message}; is DATABASE_URL right?`;
  }
  return `Spotter could not start: ${error instanceof Error ? error.message : String(error)}`;
}
