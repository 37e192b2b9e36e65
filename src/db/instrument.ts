import type { Sql } from './client';
import { statementName } from './statements';

/** Told about every statement sent through an instrumented client, once it has finished. */
export interface StatementSink {
  /** A statement was handed to the pool (it may wait there for a connection). */
  started(name: string, inTransaction: boolean): void;
  /** `result` is what the driver answered, or the error the statement failed with (absent for BEGIN/COMMIT). */
  finished(name: string, ms: number, inTransaction: boolean, result?: unknown): void;
  /** A transaction took a connection for itself, or gave it back. */
  transaction(delta: 1 | -1): void;
}

type Query = PromiseLike<unknown> & { then: (...args: never[]) => unknown };

/** Template strings are one frozen array per call site, so each tag's name is read once. */
const names = new WeakMap<TemplateStringsArray, string | null>();

const NAMED = /^\s*\/\*/;

/**
 * The name a statement will be sent with: its leading `/* name *\/`, either in the template's first
 * string or in a fragment interpolated first (`${sql.unsafe('/* loader:x *\/')}`, as keyset pages do).
 */
function nameOfTemplate(strings: TemplateStringsArray, first: unknown): string {
  let name = names.get(strings);
  if (name === undefined) {
    const head = strings[0] ?? '';
    name = NAMED.test(head) || head.trim() !== '' ? statementName(head) : null;
    names.set(strings, name);
  }
  if (name !== null) return name;
  const fragment = first as { strings?: readonly string[] } | undefined;
  return statementName(fragment?.strings?.[0] ?? '');
}

function isTemplate(value: unknown): value is TemplateStringsArray {
  return Array.isArray(value) && Array.isArray((value as unknown as TemplateStringsArray).raw);
}

/**
 * Times a postgres.js query from the moment it is awaited (it runs lazily, on `then`) until it settles.
 * Only `then` is wrapped: no stack capture, no async context, one closure per statement.
 */
function track(query: Query, nameOf: () => string, sink: StatementSink, inTransaction: boolean): void {
  const then = query.then;
  let name = '';
  let started = 0;
  let done = false;
  const finish = (result: unknown) => {
    if (done) return;
    done = true;
    sink.finished(name, performance.now() - started, inTransaction, result);
  };
  // biome-ignore lint/suspicious/noThenProperty: a postgres.js query runs when awaited, so `then` is where it starts
  query.then = function (
    this: Query,
    onFulfilled?: (value: unknown) => unknown,
    onRejected?: (error: unknown) => unknown,
  ) {
    if (started === 0) {
      name = nameOf();
      started = performance.now();
      sink.started(name, inTransaction);
    }
    return (then as (...args: unknown[]) => unknown).call(
      this,
      (value: unknown) => {
        finish(value);
        return onFulfilled ? onFulfilled(value) : value;
      },
      (error: unknown) => {
        finish(error);
        if (onRejected) return onRejected(error);
        throw error;
      },
    );
  } as Query['then'];
}

/**
 * A view of a postgres.js client that reports each statement's name (its leading `/* name *\/` tag)
 * and duration to `sink`. Transactions and savepoints hand their callbacks an instrumented client
 * too. A view costs one Proxy, so a request can have its own and know which operation a statement
 * served without AsyncLocalStorage.
 */
export function instrumentSql<S extends Sql>(sql: S, sink: StatementSink, inTransaction = false): S {
  const wrapCallback =
    (fn: (tx: Sql) => unknown) =>
    (tx: Sql): unknown =>
      fn(instrumentSql(tx, sink, true));
  // Made on first use and kept: a request's fragments read `unsafe` a dozen times.
  let unsafe: ((text: string, ...rest: unknown[]) => Query) | undefined;
  return new Proxy(sql, {
    apply(target, thisArg, args: unknown[]) {
      const result = Reflect.apply(target as never, thisArg, args);
      const strings = args[0];
      if (isTemplate(strings)) track(result as Query, () => nameOfTemplate(strings, args[1]), sink, inTransaction);
      return result;
    },
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      switch (property) {
        case 'unsafe':
          unsafe ??= (text: string, ...rest: unknown[]) => {
            const query = (value as (...args: unknown[]) => Query).call(target, text, ...rest);
            track(query, () => statementName(text), sink, inTransaction);
            return query;
          };
          return unsafe;
        case 'begin':
          return (...args: unknown[]) => {
            const fn = args.pop() as (tx: Sql) => unknown;
            // The driver sends BEGIN and COMMIT (or ROLLBACK) itself, so they are timed from the edges of
            // the callback: BEGIN (with the wait for a connection) until it runs, COMMIT after it returns.
            let mark = performance.now();
            let ending: 'commit' | 'rollback' | null = null;
            sink.transaction(1);
            const work = async (tx: Sql) => {
              sink.started('begin', true);
              sink.finished('begin', performance.now() - mark, true);
              try {
                const result = await fn(instrumentSql(tx, sink, true));
                ending = 'commit';
                return result;
              } catch (error) {
                ending = 'rollback';
                throw error;
              } finally {
                mark = performance.now();
                sink.started(ending!, true);
              }
            };
            const finished = () => {
              if (ending) sink.finished(ending, performance.now() - mark, true);
              sink.transaction(-1);
            };
            const result = (value as (...a: unknown[]) => Promise<unknown>).call(target, ...args, work);
            result.then(finished, finished);
            return result;
          };
        case 'savepoint':
          return (...args: unknown[]) => {
            const fn = args.pop() as (tx: Sql) => unknown;
            return (value as (...a: unknown[]) => unknown).call(target, ...args, wrapCallback(fn));
          };
        default:
          return value;
      }
    },
  });
}
