import type { Sql } from '../db/client';
import type { Logger } from '../observability/logger';

/** A retry with the same key returns the first message for this long; after that it sends a new one. */
export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;

/** One key for every server process on a database, so only one of them sweeps at a time. */
const CLEANUP_LOCK = 0x5370_6f6b; // "Spok"

export interface CleanupRun {
  at: Date;
  /** `busy`: another process holds the lock and is sweeping. */
  status: 'cleaned' | 'busy' | 'failed';
  deleted: number;
  batches: number;
  durationMs: number;
}

export interface CleanerOptions {
  /** @default 300000 (5 minutes) */
  intervalMs?: number;
  /** Keys deleted per statement, so no transaction holds many row locks or much WAL. @default 1000 */
  batchSize?: number;
  /** A run stops after this many batches and leaves the rest to the next. @default 100 */
  maxBatches?: number;
  /** Sweep on a timer (first after one interval). Off, only runNow sweeps. @default true */
  schedule?: boolean;
  /** Called after every run, for metrics. */
  onRun?: (run: CleanupRun) => void;
  /** Where a failed run is reported. */
  logger?: Pick<Logger, 'error'>;
}

/**
 * Removes idempotency keys older than {@link IDEMPOTENCY_KEY_RETENTION_HOURS}, in small batches,
 * under a session-level advisory lock held on a reserved connection: of several server processes on
 * one database one sweeps and the others find it busy. A run that fails is logged and retried at
 * the next interval; it never stops the server.
 */
export function createIdempotencyKeyCleaner(sql: Sql, options: CleanerOptions = {}) {
  const intervalMs = options.intervalMs ?? 300_000;
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 100;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<CleanupRun> | null = null;
  let stopped = false;
  let runs = 0;
  let lastRun: CleanupRun | null = null;

  async function sweep(): Promise<Omit<CleanupRun, 'at' | 'durationMs'>> {
    const connection = await sql.reserve();
    try {
      const [lock] = await connection<{ locked: boolean }[]>`/* idempotencyKeys:tryLock */
        select pg_try_advisory_lock(${CLEANUP_LOCK}) as locked`;
      if (!lock?.locked) return { status: 'busy', deleted: 0, batches: 0 };
      try {
        let deleted = 0;
        let batches = 0;
        while (batches < maxBatches) {
          const removed = await connection`/* idempotencyKeys:deleteBatch */
            delete from idempotency_keys
             where (sender_id, key) in (
               select sender_id, key from idempotency_keys
                where created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_RETENTION_HOURS})
                limit ${batchSize})`;
          batches += 1;
          deleted += removed.count;
          if (removed.count < batchSize) break;
        }
        return { status: 'cleaned', deleted, batches };
      } finally {
        await connection`/* idempotencyKeys:unlock */ select pg_advisory_unlock(${CLEANUP_LOCK})`;
      }
    } finally {
      connection.release();
    }
  }

  async function run(): Promise<CleanupRun> {
    const at = new Date();
    const started = performance.now();
    let outcome: Omit<CleanupRun, 'at' | 'durationMs'>;
    try {
      outcome = await sweep();
    } catch (error) {
      options.logger?.error({ err: error }, 'Removing expired idempotency keys failed; retrying at the next interval');
      outcome = { status: 'failed', deleted: 0, batches: 0 };
    }
    const result = { at, durationMs: Math.round(performance.now() - started), ...outcome };
    runs += 1;
    lastRun = result;
    options.onRun?.(result);
    return result;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = run().finally(() => {
        running = null;
        schedule();
      });
    }, intervalMs);
    timer.unref();
  }

  if (options.schedule !== false) schedule();

  return {
    /** Sweeps now (or joins the sweep in progress). */
    runNow(): Promise<CleanupRun> {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    /** How many runs this process made, and the last one: what /metrics reads. */
    status(): { runs: number; lastRun: CleanupRun | null } {
      return { runs, lastRun };
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

export type IdempotencyKeyCleaner = ReturnType<typeof createIdempotencyKeyCleaner>;
