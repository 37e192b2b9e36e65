import { AsyncLocalStorage } from 'node:async_hooks';

/** What one GraphQL operation cost the database: statement names in order and time spent. */
export interface StatementLog {
  names: string[];
  databaseMs: number;
}

const scope = new AsyncLocalStorage<StatementLog>();

export function newStatementLog(): StatementLog {
  return { names: [], databaseMs: 0 };
}

export function withStatementLog<T>(log: StatementLog, run: () => T): T {
  return scope.run(log, run);
}

/** Runs work that outlives any one operation (a LISTEN connection, a live stream) outside every log. */
export function withoutStatementLog<T>(run: () => T): T {
  return scope.exit(run);
}

export function currentStatementLog(): StatementLog | undefined {
  return scope.getStore();
}

/** Statements begin with a comment naming them: `/* loader:userById *\/ select …`. */
export function statementName(query: string): string {
  const named = /^\s*\/\*\s*([\w:.-]+)\s*\*\//.exec(query);
  return named?.[1] ?? query.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** postgres.js reads array types once per connection pool; that is not the operation's cost. */
const DRIVER_INTERNAL = /pg_catalog\.pg_type/;

export function recordStatement(query: string): void {
  if (DRIVER_INTERNAL.test(query)) return;
  currentStatementLog()?.names.push(statementName(query));
}

/** Adds the wall time of a batch of database work to the current operation's log. */
export async function timed<T>(work: () => Promise<T>): Promise<T> {
  const log = currentStatementLog();
  if (!log) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    log.databaseMs += performance.now() - started;
  }
}
