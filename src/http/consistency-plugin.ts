import { type ExecutionResult, type GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import { CONSISTENCY_HEADER, formatLsn, type Lsn, maxLsn, tokenFromHeader } from '../db/consistency';
import { isUnreachable, type ReadRouter, type Route } from '../db/replicas';
import { createLoaders } from '../loaders';

function headerOf(context: Context): string | null {
  const request = (context as { request?: Request }).request;
  return request?.headers?.get(CONSISTENCY_HEADER) ?? null;
}

/** An error a dead server caused, where the same read elsewhere would have succeeded. */
function failedOnServer(result: ExecutionResult): boolean {
  return (result.errors ?? []).some((error) => isUnreachable(error.originalError));
}

/**
 * Read routing and the consistency token. The `Spotter-Consistency` header is validated on every
 * configuration (a malformed token is BAD_USER_INPUT either way). Without replicas nothing else happens:
 * one server has every committed write, so the token would protect nothing and cost a statement per
 * request. With replicas, a query operation runs on the replica the router picks and the response
 * carries `extensions.consistency`, the WAL position read after the operation (a replica's replayed
 * position, or the primary's after a mutation), never below the token the client sent.
 * Subscriptions stay on the primary: their replay must not miss what the client just wrote.
 */
export function useConsistency(router: ReadRouter | null): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      let token: Lsn | null;
      try {
        token = tokenFromHeader(headerOf(args.contextValue));
      } catch (error) {
        setResultAndStopExecution({ errors: [error as GraphQLError] });
        return;
      }
      if (!router) return;
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation !== 'query' && operation !== 'mutation') return;

      setExecuteFn(async (execArgs) => {
        const context = execArgs.contextValue as Context;
        const runOn = async (route: Route) => {
          if (route.sql !== context.sql) {
            context.sql = route.sql;
            context.loaders = createLoaders(route.sql, context.viewer?.id ?? null);
          }
          return (await executeFn(execArgs)) as ExecutionResult;
        };
        let route = operation === 'query' ? await router.forRead(token) : router.forWrite();
        let result = await runOn(route);
        if (route.target !== 'primary' && failedOnServer(result)) {
          // A replica died under this read: reads have no side effects, so the primary answers it whole.
          route.failed();
          route = router.forWrite();
          result = await runOn(route);
        }
        let position: Lsn;
        try {
          position = await route.position();
        } catch (error) {
          if (!isUnreachable(error)) throw error;
          // The replica went away after answering: the primary's position is past anything it replayed.
          route.failed();
          position = await router.forWrite().position();
        }
        return {
          ...result,
          extensions: {
            ...result.extensions,
            consistency: formatLsn(maxLsn(position, token)),
          },
        };
      });
    },
  };
}
