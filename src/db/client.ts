import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { databaseUnavailability } from './errors';
import * as tables from './schema';

export interface ClientOptions {
  /** @default 10 */
  max?: number;
  /**
   * Named prepared statements; false for a pooler in transaction mode, where the next transaction may
   * land on a server connection that never saw the PREPARE. @default true
   */
  prepare?: boolean;
  /** Seconds to wait for a connection before the query fails. @default 30 (postgres.js) */
  connectTimeout?: number;
  /** PostgreSQL's `statement_timeout` for every statement of this pool; none when absent (seeds, migrations). */
  statementTimeoutMs?: number;
  /**
   * How long a statement or transaction may wait for a pooled connection before it fails with
   * {@link ConnectionWaitTimeout}; unbounded when absent.
   */
  connectionWaitMs?: number;
  /**
   * Sees every statement as sent, with its parameters and their type oids (the benchmark replays
   * them). Tests and the benchmark only: with a `debug` callback postgres.js builds a `new Error()`
   * per query for its stack.
   */
  onQuery?: (query: string, parameters: unknown[], types: number[]) => void;
}

function openPool(url: string, options: ClientOptions) {
  const { onQuery } = options;
  return postgres(url, {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    ...(options.connectTimeout !== undefined ? { connect_timeout: options.connectTimeout } : {}),
    transform: postgres.camel,
    // int8 ids and counts fit a JS number for any realistic table size; strings would leak into the API.
    types: {
      bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: Number },
    },
    connection: {
      TimeZone: 'UTC',
      application_name: 'spotter',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
    onnotice: () => {},
    debug: onQuery ? (_connection, query, parameters, types) => onQuery(query, parameters, types) : false,
  });
}

/**
 * How long the request pool gives one connection attempt. postgres.js waits 30 s by default, and a
 * connection the kernel accepted for a PostgreSQL that is going down (or still coming up) never
 * answers: every request queued on it hung that long after a restart, far past the pool wait bound.
 */
export const REQUEST_CONNECT_TIMEOUT_SECONDS = 5;

export type Sql = ReturnType<typeof openPool>;
export type TransactionSql = postgres.TransactionSql<Record<string, unknown>>;

export function createSql(url: string, options: ClientOptions = {}): Sql {
  const sql = openPool(url, options);
  return options.connectionWaitMs ? boundConnectionWaits(sql, options.connectionWaitMs) : sql;
}

/**
 * A statement or transaction found no free pooled connection in time; nothing of it ran.
 * `databaseUnreachable` is set when the pool's latest outcome was a refused connection: then the
 * connections it waited for are reconnect attempts, and the cause is an outage, not load.
 */
export class ConnectionWaitTimeout extends Error {
  readonly code = 'CONNECTION_WAIT_TIMEOUT';
  constructor(
    readonly waitMs: number,
    readonly databaseUnreachable = false,
  ) {
    super(
      databaseUnreachable
        ? `No database connection within ${waitMs} ms: the database refuses connections`
        : `No database connection became free within ${waitMs} ms`,
    );
  }
}

/**
 * The parts of a postgres.js Query this bound reads; `state` is set once a connection takes it, and
 * `handle` sends it to the pool the first time it is awaited (a fragment never is).
 */
interface PendingQuery {
  executed: boolean;
  active: boolean;
  handle: () => Promise<void>;
  state: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  cancel: () => unknown;
}

const isQuery = (value: unknown): value is PendingQuery =>
  value instanceof Promise && typeof (value as Partial<PendingQuery>).cancel === 'function';

const ABANDONED = Symbol('abandoned transaction');

/**
 * postgres.js queues a statement without limit when every connection is taken (by transactions, or
 * while connecting), and has no acquire timeout. This bounds that wait: a queued statement that has
 * no connection after `waitMs` is cancelled (postgres.js drops it from its queue, so it never runs),
 * and a transaction that has not begun by then is abandoned (when it does get a connection later, it
 * rolls back before its first statement). Statements already on a connection are bounded by
 * `statement_timeout` instead.
 */
function boundConnectionWaits(sql: Sql, waitMs: number): Sql {
  const waiting = new Map<PendingQuery, number>();
  let unreachable = false;
  const sweep = setInterval(
    () => {
      const now = performance.now();
      for (const [query, since] of waiting) {
        if (query.state !== null || query.active) waiting.delete(query);
        else if (now - since < waitMs) continue;
        else {
          waiting.delete(query);
          query.reject(new ConnectionWaitTimeout(waitMs, unreachable));
          query.cancel();
        }
      }
    },
    Math.max(20, Math.floor(waitMs / 4)),
  );
  sweep.unref();

  const track = <T>(result: T): T => {
    if (!isQuery(result)) return result;
    // The wait starts when the statement goes to the pool: fragments, interpolated into another
    // statement, never do, and are never held here.
    const { handle, resolve, reject } = result;
    result.handle = () => {
      if (!result.executed) waiting.set(result, performance.now());
      return handle.call(result);
    };
    // Settled queries leave at once, so the map never holds on to results.
    result.resolve = (value: unknown) => {
      waiting.delete(result);
      unreachable = false;
      resolve(value);
    };
    result.reject = (error: unknown) => {
      waiting.delete(result);
      // Only a success clears it: an error of the work itself (a UserError, a constraint) says
      // nothing about the connection.
      if (isConnectionRefusal(error)) unreachable = true;
      reject(error);
    };
    return result;
  };

  const begin = (...args: unknown[]) => {
    const work = args.pop() as (tx: TransactionSql) => unknown;
    let state: 'waiting' | 'running' | 'abandoned' = 'waiting';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (state !== 'waiting') return;
        state = 'abandoned';
        reject(new ConnectionWaitTimeout(waitMs, unreachable));
      }, waitMs);
      const guarded = (tx: TransactionSql) => {
        if (state === 'abandoned') throw ABANDONED;
        state = 'running';
        clearTimeout(timer);
        return work(tx);
      };
      (sql.begin as (...a: unknown[]) => Promise<unknown>)(...args, guarded).then(
        (value) => {
          unreachable = false;
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          if (error === ABANDONED) return;
          if (isConnectionRefusal(error)) unreachable = true;
          reject(error);
        },
      );
    });
  };

  return new Proxy(sql, {
    apply: (target, thisArg, args) => track(Reflect.apply(target, thisArg, args)),
    get: (target, property, receiver) => {
      if (property === 'begin') return begin;
      if (property === 'unsafe')
        return (...args: unknown[]) => track((target.unsafe as (...a: unknown[]) => unknown)(...args));
      if (property === 'end') {
        return (...args: Parameters<Sql['end']>) => {
          clearInterval(sweep);
          return target.end(...args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function isConnectionRefusal(error: unknown): boolean {
  return databaseUnavailability(error) === 'unreachable';
}

export function createDb(sql: Sql) {
  return drizzle(sql, { schema: tables, casing: 'snake_case' });
}

export type Db = ReturnType<typeof createDb>;

/**
 * postgres.js 3.4.9 can throw from a setImmediate after a connection closed under it (a small write
 * scheduled just before the close: porsager/postgres#1154, #1208, fix not released). The queries of
 * that connection were already rejected with CONNECTION_CLOSED, so the write is moot; but thrown
 * from a timer it is an uncaught exception that would end the process on every database restart.
 */
export function isDriverWriteAfterClose(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /nextWrite[\s\S]*postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '')
  );
}
