import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import { withStatementLog } from '../db/statements';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Runs each operation inside its own statement log, and outside production reports what it cost
 * in `extensions.sql`, so anyone in GraphiQL sees the statements a query issued.
 */
export function useStatementLog(options: { expose: boolean }): Plugin<Context> {
  // The log rides on AsyncLocalStorage, whose promise hooks cost ~10% of a large query's CPU; with
  // nothing to show it to (production), operations run without it.
  if (!options.expose) return {};
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const log = args.contextValue.statements;
      setExecuteFn((execArgs) => withStatementLog(log, () => executeFn(execArgs)));
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({
            ...result,
            extensions: {
              ...result.extensions,
              sql: {
                statements: log.names.length,
                databaseMs: Math.round(log.databaseMs * 100) / 100,
                names: log.names,
              },
            },
          });
        },
      };
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const log = args.contextValue.statements;
      setSubscribeFn((subscribeArgs) => withStatementLog(log, () => subscribeFn(subscribeArgs)));
    },
  };
}
