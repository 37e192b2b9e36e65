import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Outside production, reports what each query or mutation cost in `extensions.sql`, so anyone in
 * GraphiQL sees the statements it issued: the names and durations its context's client recorded.
 * Subscriptions collect no names: a stream lives for hours.
 */
export function useStatementLog(options: { expose: boolean }): Plugin<Context> {
  if (!options.expose) return {};
  return {
    onExecute({ args }) {
      const record = args.contextValue.requestRecord;
      record.names = [];
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !record.names) return;
          setResult({
            ...result,
            extensions: {
              ...result.extensions,
              sql: {
                statements: record.names.length,
                databaseMs: Math.round(record.databaseMs * 100) / 100,
                names: record.names,
              },
            },
          });
        },
      };
    },
  };
}
