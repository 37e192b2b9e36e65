import type { Sql } from '../db/client';
import { isoWeekStart, utcDay } from '../domain/rules';
import type { Logger } from '../observability/logger';
import type { JobRuns } from '../observability/metrics';
import type { Tracing } from '../observability/tracing';

export type Clock = () => Date;

/** One key for every server process on a database, so one of them folds and snapshots at a time. */
const BOARDS_LOCK = 0x5370_6f74; // "Spot"

/** The ref of the VOLUME_THIS_WEEK board for the week holding `at`: its Monday, in days since 1970-01-01. */
export function weekRef(at: Date): number {
  return utcDay(isoWeekStart(at));
}

/** The UTC date of `at`, as PostgreSQL's `date` text. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export type SnapshotOutcome =
  | { status: 'taken'; day: string; durationMs: number; entries: number }
  /** This day's snapshot exists already (possibly another process's). */
  | { status: 'fresh'; day: string }
  /** Another process holds the lock right now. */
  | { status: 'busy' };

/**
 * Takes the ranks of every board as they are now as the day's `previousRank`s, unless this day has
 * them already. The ranks go into a fresh table swapped in at the end, so readers keep the previous
 * day's until the commit and wait only for the swap; until then previousRank reads null, since the
 * stored day is not today.
 */
export async function takeDaySnapshot(sql: Sql, now: Date): Promise<SnapshotOutcome> {
  const day = utcDate(now);
  return sql.begin(async (tx) => {
    const [lock] = await tx`/* boards:tryLock */ select pg_try_advisory_xact_lock(${BOARDS_LOCK}) as locked`;
    if (!lock?.locked) return { status: 'busy' } as const;
    const [state] = await tx<{ snapshotDay: string | null }[]>`/* boards:snapshotDay */
      select snapshot_day::text from board_state where id = 1`;
    if (state?.snapshotDay === day) return { status: 'fresh', day } as const;

    const started = performance.now();
    await tx`/* boards:workMem */ set local work_mem = '64MB'`;
    await tx`/* boards:createSnapshot */
      create table board_day_ranks_next (like board_day_ranks including all excluding indexes)`;
    // One statement, so every board is ranked in one snapshot. Only this week's volume board: the
    // others are past weeks nobody reads.
    const inserted = await tx`/* boards:snapshot */
      insert into board_day_ranks_next (board, ref, user_id, rank, country_rank)
      select board, ref, user_id,
             rank() over (partition by board, ref order by score desc),
             case when country is not null
                  then rank() over (partition by board, ref, country order by score desc) end
        from board_entries
       where board <> 'VOLUME_THIS_WEEK' or ref = ${weekRef(now)}`;
    await tx`/* boards:indexSnapshot */
      alter table board_day_ranks_next add constraint board_day_ranks_next_pkey primary key (board, ref, user_id)`;
    // A fresh table has no statistics: without them the planner reads a whole board's snapshot
    // to find one page's ranks.
    await tx`/* boards:analyzeSnapshot */ analyze board_day_ranks_next`;
    // Readers wait only for these last statements: the drop takes the old table's exclusive lock.
    await tx`/* boards:swapSnapshot */ drop table board_day_ranks`;
    await tx`/* boards:swapSnapshot */ alter table board_day_ranks_next rename to board_day_ranks`;
    await tx`/* boards:swapSnapshot */
      alter table board_day_ranks rename constraint board_day_ranks_next_pkey to board_day_ranks_pkey`;
    const durationMs = Math.round(performance.now() - started);
    await tx`/* boards:recordSnapshot */
      update board_state
         set snapshot_day = ${day}::date, snapshot_taken_at = ${now.toISOString()}, snapshot_ms = ${durationMs}
       where id = 1`;
    return { status: 'taken', day, durationMs, entries: inserted.count } as const;
  }) as Promise<SnapshotOutcome>;
}

/**
 * Keeps the volume boards of this week and last week (per `now`): older weeks are dropped, and a clock
 * set back builds the weeks it now needs. Cheap when nothing changes.
 */
export async function keepVolumeWeeks(sql: Sql, now: Date): Promise<void> {
  await sql`/* boards:keepWeeks */
    select boards_keep_weeks_from(${weekRef(now) - 7})
     where (select volume_from_ref from board_state where id = 1) <> ${weekRef(now) - 7}`;
}

/**
 * Moves the pending board_deltas into board_buckets; returns how many it moved (0 when another
 * process holds the lock). One statement in its own transaction: a pass at rest is one round trip.
 */
export async function foldBoards(sql: Sql): Promise<number> {
  const [row] = await sql<[{ folded: number }]>`/* boards:fold */
    select case when pg_try_advisory_xact_lock(${BOARDS_LOCK}) then boards_fold() else 0 end as folded`;
  return row.folded;
}

export interface BoardKeeperOptions {
  /** @default () => new Date() */
  clock?: Clock;
  /** How often pending deltas are folded and the day checked. @default 250 */
  intervalMs?: number;
  /** Run on a timer. Off, only the explicit calls act. @default true */
  schedule?: boolean;
  logger?: Pick<Logger, 'error' | 'info'>;
  /** Each pass, as job `boards` with outcome folded, idle, busy or failed. */
  jobs?: JobRuns;
  /** Told of each daily snapshot this process takes. */
  onSnapshot?: (outcome: Extract<SnapshotOutcome, { status: 'taken' }>) => void;
  /** Told of the deltas each fold moved. */
  onFold?: (folded: number, durationMs: number) => void;
  /** A span for each roll-over (with its statements) and each fold that moved deltas; a pass at rest has none. */
  tracing?: Tracing | null;
}

/** The job name the keeper's passes are counted under (`spotter_job_runs_total{job}`). */
export const BOARDS_JOB = 'boards';

export interface BoardKeeper {
  readonly clock: Clock;
  /**
   * Settles when the first pass has taken (or found) today's snapshot. The server listens only after
   * it, so that no write of today precedes the snapshot of today's start.
   */
  readonly ready: Promise<void>;
  /** Folds now (reads are exact without it; this only keeps the pending deltas few). */
  foldNow(): Promise<number>;
  /** Takes today's snapshot now unless it exists, and moves the kept volume weeks to the clock's. */
  rollOver(): Promise<SnapshotOutcome>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * The boards' upkeep in each server process: a pass every `intervalMs` folds the deltas (work
 * proportional to the changes since the last pass, a single empty read at rest) and, on the first
 * pass of a new UTC day by the clock, takes the day's snapshot and drops the volume week that ended.
 * Passes that fail are logged and retried, never thrown. Every process runs one; the advisory lock
 * lets one of them act at a time.
 */
export function createBoardKeeper(sql: Sql, options: BoardKeeperOptions = {}): BoardKeeper {
  const clock = options.clock ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 250;
  const { jobs, logger, tracing } = options;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let snapshotDay: string | null = null;

  function rollOver(): Promise<SnapshotOutcome> {
    if (!tracing) return rollOverNow();
    return tracing.inSpan('boards.rollover', {}, async (annotate) => {
      const outcome = await rollOverNow();
      annotate({
        'spotter.boards.snapshot': outcome.status,
        ...(outcome.status === 'taken' ? { 'spotter.boards.snapshot_entries': outcome.entries } : {}),
      });
      return outcome;
    });
  }

  async function rollOverNow(): Promise<SnapshotOutcome> {
    const now = clock();
    await keepVolumeWeeks(sql, now);
    const outcome = await takeDaySnapshot(sql, now);
    if (outcome.status !== 'busy') snapshotDay = outcome.day;
    if (outcome.status === 'taken') {
      logger?.info(
        { day: outcome.day, durationMs: outcome.durationMs, entries: outcome.entries },
        'Board day snapshot taken',
      );
      options.onSnapshot?.(outcome);
    }
    return outcome;
  }

  async function foldNow(): Promise<number> {
    const started = performance.now();
    const folded = await foldBoards(sql);
    const ms = performance.now() - started;
    options.onFold?.(folded, ms);
    if (folded > 0) tracing?.completed('boards.fold', ms, { 'spotter.boards.folded': folded });
    return folded;
  }

  async function pass(): Promise<void> {
    const started = performance.now();
    let status = 'failed';
    try {
      if (snapshotDay !== utcDate(clock())) {
        const outcome = await rollOver();
        if (outcome.status === 'busy') status = 'busy';
      }
      const folded = await foldNow();
      if (status !== 'busy') status = folded > 0 ? 'folded' : 'idle';
    } catch (error) {
      logger?.error({ err: error }, `Board upkeep failed; retrying in ${intervalMs} ms`);
    }
    jobs?.record(BOARDS_JOB, status, (performance.now() - started) / 1000);
    schedule();
  }

  function schedule() {
    if (stopped || options.schedule === false) return;
    timer = setTimeout(() => {
      timer = null;
      running = pass().finally(() => {
        running = null;
      });
    }, intervalMs);
    // A pending pass never keeps a process (or a test run) alive.
    timer.unref();
  }

  let ready: Promise<void> = Promise.resolve();
  if (options.schedule !== false) {
    running = pass().finally(() => {
      running = null;
    });
    ready = running;
  }

  return {
    clock,
    ready,
    foldNow,
    rollOver,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
