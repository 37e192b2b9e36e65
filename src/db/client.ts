import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as tables from './schema';
import { recordStatement } from './statements';

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
  /** Sees every statement as sent, with its parameters and their type oids (the benchmark replays them). */
  onQuery?: (query: string, parameters: unknown[], types: number[]) => void;
  /**
   * Name every statement into the current operation's log (`extensions.sql`). Production turns it off:
   * with a `debug` callback postgres.js builds a `new Error()` per query for its stack.
   * @default true
   */
  recordStatements?: boolean;
}

export function createSql(url: string, options: ClientOptions = {}) {
  const record = options.recordStatements ?? true;
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
    connection: { TimeZone: 'UTC', application_name: 'spotter' },
    onnotice: () => {},
    debug:
      record || onQuery
        ? (_connection, query, parameters, types) => {
            if (record) recordStatement(query);
            onQuery?.(query, parameters, types);
          }
        : false,
  });
}

export type Sql = ReturnType<typeof createSql>;
export type TransactionSql = postgres.TransactionSql<Record<string, unknown>>;

export function createDb(sql: Sql) {
  return drizzle(sql, { schema: tables, casing: 'snake_case' });
}

export type Db = ReturnType<typeof createDb>;
