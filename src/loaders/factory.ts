import DataLoader from 'dataloader';
import { timed } from '../db/statements';

type Key = string | number;

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
 * The one loader factory: a per-request DataLoader whose batch (one SQL statement) is timed into
 * the request's statement log.
 */
export function loader<K extends Key, V>(
  batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  options?: DataLoader.Options<K, V, K>,
) {
  return new DataLoader<K, V, K>((keys) => timed(() => batch(keys)), options);
}

/**
 * One loader per distinct set of field arguments, so `users { workouts(first: 5) }` batches every
 * user's page into one statement while `workouts(first: 5)` and `workouts(first: 10)` stay apart.
 */
export function loaderPerArgs<A, K extends Key, V>(
  create: (args: A) => DataLoader<K, V, K>,
): (args: A) => DataLoader<K, V, K> {
  const loaders = new Map<string, DataLoader<K, V, K>>();
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
