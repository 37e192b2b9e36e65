import { type DocumentNode, type ExecutionResult, getOperationAST, type OperationTypeNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Context, onRoute } from '../context';
import { formatLsn, type Lsn, maxLsn } from '../db/consistency';
import { isUnreachable, type ReadRouter } from '../db/replicas';

/** What this plugin adds to Yoga's initial context, for the context function to route by. */
export interface ParsedOperation {
  operation?: OperationTypeNode | null;
}

/** An error a dead server caused, where the same read elsewhere would have succeeded. */
function failedOnServer(result: ExecutionResult): boolean {
  return (result.errors ?? []).some((error) => isUnreachable(error.originalError));
}

/**
 * The operation's type for the context function, which routes by it, read off the parsed document; and
 * the consistency token on responses, when replicas are configured (without them one server has every
 * committed write, so a token would protect nothing and cost a statement per request). After the
 * operation, the response carries `extensions.consistency`, the WAL position read on the server that
 * answered (a replica's replayed position, or the primary's after a mutation), never below the token
 * the client sent. A read whose replica died under it is answered again, whole, on the primary.
 */
export function useConsistency(router: ReadRouter | null): Plugin<Context & ParsedOperation> {
  return {
    onParse({ context }) {
      return ({ result, extendContext }) => {
        const params = (context as { params?: { operationName?: string | null } }).params;
        const operation = result && !(result instanceof Error) ? operationOf(result as DocumentNode, params) : null;
        extendContext({ operation });
      };
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      if (!router || !args.contextValue.route) return;
      setExecuteFn(async (execArgs) => {
        let context = execArgs.contextValue as Context;
        let route = context.route!;
        let result = (await executeFn(execArgs)) as ExecutionResult;
        if (route.target !== 'primary' && failedOnServer(result)) {
          // Reads have no side effects, so the primary answers this one again, whole.
          route.failed();
          context = onRoute(context, router.forWrite());
          route = context.route!;
          result = (await executeFn({ ...execArgs, contextValue: context })) as ExecutionResult;
        }
        let position: Lsn;
        try {
          position = await route.position(context.sql);
        } catch (error) {
          if (!isUnreachable(error)) throw error;
          // The replica went away after answering: the primary's position is past anything it replayed.
          route.failed();
          position = await router.forWrite().position();
        }
        return {
          ...result,
          extensions: { ...result.extensions, consistency: formatLsn(maxLsn(position, context.consistency)) },
        };
      });
    },
  };
}

function operationOf(document: DocumentNode, params: { operationName?: string | null } | undefined) {
  return getOperationAST(document, params?.operationName)?.operation ?? null;
}
