import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';

type Compile = typeof compileQuery;

export interface CompiledExecutionOptions {
  /** Told once per document that graphql-jit could not compile (it then runs on graphql-js). */
  log: (message: string) => void;
  /** @default compileQuery from graphql-jit (tests inject one that fails) */
  compile?: Compile;
}

/** How many documents ran compiled and how many fell back, since the server started. */
export interface CompiledExecutionStats {
  compiled: number;
  interpreted: number;
}

/**
 * Runs operations through graphql-jit: each document (and operation name) is compiled once into a
 * function and cached with the parsed document, which Yoga already caches by query text. A document
 * the compiler rejects runs on the default executor, and is logged once.
 *
 * Subscriptions open their source stream with graphql-js, and only the per-event execution is
 * compiled: graphql-jit 0.8 hands a subscription field the operation's variables as its arguments,
 * which breaks `messageAdded(conversationId: "…")` written inline.
 */
export function useCompiledExecution(options: CompiledExecutionOptions): {
  plugin: Plugin;
  stats: CompiledExecutionStats;
} {
  const compile = options.compile ?? compileQuery;
  const stats: CompiledExecutionStats = { compiled: 0, interpreted: 0 };
  const byDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (args: ExecutionArgs): CompiledQuery | null => {
    let operations = byDocument.get(args.document);
    if (!operations) {
      operations = new Map();
      byDocument.set(args.document, operations);
    }
    const name = args.operationName ?? '';
    let compiled = operations.get(name);
    if (compiled === undefined) {
      const result = compile(args.schema, args.document, args.operationName ?? undefined, {
        // Their stacks are never shown: unexpected errors are masked, expected ones carry no stack.
        disablingCapturingStackErrors: true,
      });
      if (isCompiledQuery(result)) {
        compiled = result;
        stats.compiled += 1;
      } else {
        compiled = null;
        stats.interpreted += 1;
        const reason = result.errors?.map((error) => error.message).join('; ') ?? 'unknown reason';
        options.log(
          `graphql-jit cannot compile operation "${name || '(anonymous)'}", running it on graphql-js: ${reason}`,
        );
      }
      operations.set(name, compiled);
    }
    return compiled;
  };

  const executeCompiled =
    (compiled: CompiledQuery) =>
    (args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult> =>
      compiled.query(args.rootValue, args.contextValue, args.variableValues) as
        | ExecutionResult
        | Promise<ExecutionResult>;

  const subscribeCompiled = (compiled: CompiledQuery) => async (args: ExecutionArgs) => {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    return mapAsyncIterator(
      stream as AsyncIterable<unknown> as AsyncIterableIterator<unknown>,
      (payload) =>
        compiled.query(payload, args.contextValue, args.variableValues) as ExecutionResult | Promise<ExecutionResult>,
    );
  };

  return {
    stats,
    plugin: {
      onExecute({ args, setExecuteFn }) {
        const compiled = compiledFor(args);
        if (compiled) setExecuteFn(executeCompiled(compiled));
      },
      onSubscribe({ args, setSubscribeFn }) {
        const compiled = compiledFor(args);
        if (compiled) setSubscribeFn(subscribeCompiled(compiled) as never);
      },
    },
  };
}
