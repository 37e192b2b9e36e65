import DataLoader from 'dataloader';
import { isPromise } from 'graphql-yoga';
import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';

type Key = string | number;
type KeyType = 'bigint' | 'integer' | 'text';

/**
 * A batch's key predicate: `= $1` for one key, `= any($1)` for several. A generic plan assumes an
 * array parameter holds ten elements, so for a batch of one key (a `workout(id)`, a profile) it always
 * looked costlier than the custom plan and PostgreSQL planned the statement again on every call; with
 * one key as a scalar it keeps the generic plan. Each shape is a prepared statement of its own.
 */
export function inKeys(sql: Sql, keys: readonly Key[], type: KeyType): Fragment {
  const cast = sql.unsafe(type);
  return keys.length === 1
    ? sql`= ${keys[0] as never}::${cast}`
    : sql`= any(${keys as never}::${sql.unsafe(`${type}[]`)})`;
}

/**
 * A batch's keys as rows `(key, idx)`, idx counting from 1 in batch order, for `from … as k(key, idx)`:
 * one key as a scalar row, for the generic plan's sake (see inKeys), several from `unnest`.
 */
export function keyRows(sql: Sql, keys: readonly Key[], type: KeyType): Fragment {
  const cast = sql.unsafe(type);
  return keys.length === 1
    ? sql`(select ${keys[0] as never}::${cast}, 1::bigint)`
    : sql`unnest(${keys as never}::${sql.unsafe(`${type}[]`)}) with ordinality`;
}

/** Puts rows back in the order of the keys they were loaded for; a missing key gives null. */
export function byKey<K extends Key, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const index = new Map<Key, R>(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups rows under the keys they belong to, in key order; a key without rows gets []. */
export function groupByKey<K extends Key, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<Key, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A request's DataLoader that can also answer at once for a key whose value it already holds (primed,
 * or loaded by an earlier batch). A resolver that returns `get(key)` then costs no promise, and none
 * of the executor's bookkeeping for an awaited field, for each row of a page whose rows were primed.
 */
export class RequestLoader<K extends Key, V> extends DataLoader<K, V, K> {
  readonly #known: Map<K, V>;
  readonly #cached: Map<K, Promise<V>>;
  readonly #caches: boolean;

  constructor(batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>, options?: DataLoader.Options<K, V, K>) {
    const known = new Map<K, V>();
    const cached = new Map<K, Promise<V>>();
    const caches = options?.cache !== false;
    super(
      async (keys) => {
        const values = await batch(keys);
        if (caches) {
          // A key cleared while its batch ran is loaded afresh next time: only still-cached keys count.
          values.forEach((value, i) => {
            if (!(value instanceof Error) && cached.has(keys[i]!)) known.set(keys[i]!, value);
          });
        }
        return values;
      },
      { ...options, cacheMap: cached },
    );
    this.#known = known;
    this.#cached = cached;
    this.#caches = caches;
  }

  /** The value at once when this request already holds it, or the load's promise. */
  get(key: K): V | Promise<V> {
    return this.#known.has(key) ? (this.#known.get(key) as V) : this.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // DataLoader keeps what it already holds (or is loading) for the key, and so does `get`.
    if (this.#caches && !this.#cached.has(key) && !(value instanceof Error) && !isPromise(value)) {
      this.#known.set(key, value);
    }
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.#known.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.#known.clear();
    return super.clearAll();
  }
}

/**
 * A to-one relation the schema declares non-null (a foreign key to a row that exists): the row, at
 * once when the request already holds it. A missing row still fails the field as non-null.
 */
export function loadRequired<K extends Key, V>(
  dataLoader: RequestLoader<K, V | null>,
  key: K,
): NonNullable<V> | Promise<NonNullable<V>> {
  return dataLoader.get(key) as NonNullable<V> | Promise<NonNullable<V>>;
}

/** The one loader factory: a per-request DataLoader whose batch is one SQL statement. */
export function loader<K extends Key, V>(
  batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  options?: DataLoader.Options<K, V, K>,
): RequestLoader<K, V> {
  return new RequestLoader<K, V>(batch, options);
}

/**
 * One loader per distinct set of field arguments, so `users { workouts(first: 5) }` batches every
 * user's page into one statement while `workouts(first: 5)` and `workouts(first: 10)` stay apart.
 */
export function loaderPerArgs<A, K extends Key, V>(
  create: (args: A) => RequestLoader<K, V>,
): (args: A) => RequestLoader<K, V> {
  const loaders = new Map<string, RequestLoader<K, V>>();
  return (args) => {
    const id = JSON.stringify(args);
    let existing = loaders.get(id);
    if (!existing) {
      existing = create(args);
      loaders.set(id, existing);
    }
    return existing;
  };
}

/**
 * Primes a by-id loader with complete rows a read already holds, so fields that load them again cost
 * no statement. Only where those rows come from one statement per selection (a root field's page, a
 * page loader's single batch, a by-key loader): they then land at the same point of every run, and
 * which later loads find them depends on the document alone (see README.md).
 */
export function primeRows<R extends { id: number }>(
  byId: { prime(id: number, row: NoInfer<R>): unknown },
  rows: readonly R[],
) {
  for (const row of rows) byId.prime(row.id, row);
}

/** Loads every key through the loader's batch; unlike loadMany, a failed key rejects the whole. */
export function loadEach<K extends Key, V>(dataLoader: DataLoader<K, V, K>, keys: readonly K[]): Promise<V[]> {
  return Promise.all(keys.map((key) => dataLoader.load(key)));
}
