import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as tables from './schema';
import { recordStatement } from './statements';

export interface ClientOptions {
  /** @default 10 */
  max?: number;
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
