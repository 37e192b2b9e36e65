import type { Sql } from '../db/client';
import type { JobRuns } from '../observability/metrics';

export type LeaderboardKind = 'XP_ALL_TIME' | 'VOLUME_THIS_WEEK';

export type Clock = () => Date;

/** One key for every server process on a database, so only one of them rewrites the rankings. */
const REFRESH_LOCK = 0x5370_6f74; // "Spot"

/** A timer never fires exactly on time; a refresh this early still counts as due. */
const DUE_TOLERANCE_MS = 50;

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week `now` falls in. */
export function weekStartOf(now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

export interface LastRefresh {
  refreshedAt: Date;
  durationMs: number;
  generation: number;
}

export type RefreshOutcome =
  | { status: 'refreshed'; last: LastRefresh; entries: Record<LeaderboardKind, number> }
  /** Someone refreshed recently enough (possibly another process while we waited for the lock). */
  | { status: 'fresh'; last: LastRefresh }
  /** Another process holds the lock right now. */
  | { status: 'busy' };

export interface RefreshOptions {
  /** The moment the rankings are computed for: refreshedAt, and the week VOLUME_THIS_WEEK sums. */
  now: Date;
  /**
   * `'always'`; `'never-refreshed'` (only when no refresh exists yet); or a number: only when the last
   * refresh is at least this old, counting the time the next one takes, so the rankings readers see
   * are never older than it.
   */
  when: 'always' | 'never-refreshed' | number;
  /** Wait for another process's refresh to finish instead of giving up. @default false */
  wait?: boolean;
}

/**
 * When the refresh after `last` is due: early enough that, with the time a refresh takes, the data
 * readers see stays within `maxAgeMs`; never sooner than half the bound, so a slow refresh cannot loop.
 */
export function dueAt(last: LastRefresh, maxAgeMs: number): number {
  return last.refreshedAt.getTime() + Math.max(maxAgeMs / 2, maxAgeMs - last.durationMs);
}

function isDue(last: LastRefresh | undefined, now: Date, when: RefreshOptions['when']): boolean {
  if (!last || when === 'always') return true;
  if (when === 'never-refreshed') return false;
  return now.getTime() + DUE_TOLERANCE_MS >= dueAt(last, when);
}

/**
 * Recomputes both leaderboards in one transaction under a transaction-level advisory lock: readers
 * keep seeing the previous rankings until the commit, and of several server processes only one
 * rewrites them per interval, because the others find a fresh refresh once they get the lock.
 */
export async function refreshLeaderboards(sql: Sql, options: RefreshOptions): Promise<RefreshOutcome> {
  return sql.begin(async (tx) => {
    const [lock] = options.wait
      ? await tx`/* leaderboards:lock */ select true as locked from pg_advisory_xact_lock(${REFRESH_LOCK})`
      : await tx`/* leaderboards:tryLock */ select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as locked`;
    if (!lock?.locked) return { status: 'busy' } as const;

    // A statement of its own, so its snapshot is taken after the lock: it sees a refresh that
    // another process committed while we waited.
    // Timestamps cross as epoch milliseconds and ISO text: drizzle makes this client's timestamp
    // parsers and serializers pass values through untouched.
    const [row] = await tx<{ refreshedAtMs: number; durationMs: number; generation: number }[]>`
      /* leaderboards:lastRefresh */
      select extract(epoch from refreshed_at)::float8 * 1000 as refreshed_at_ms, duration_ms, generation
        from leaderboard_refreshes where kind = 'XP_ALL_TIME'`;
    const last = row && {
      refreshedAt: new Date(row.refreshedAtMs),
      durationMs: row.durationMs,
      generation: row.generation,
    };
    if (!isDue(last, options.now, options.when)) return { status: 'fresh', last: last! } as const;

    const started = performance.now();
    const weekStart = weekStartOf(options.now);
    const weekEnd = new Date(weekStart.getTime() + 7 * DAY_MS);
    // The rankings go into a fresh table and its indexes are built after the load: a bulk index
    // build costs half of inserting row by row into live indexes, and the swapped-out table leaves
    // no dead rows for vacuum to chase. Unlogged, as drizzle/0004_leaderboards_unlogged.sql explains.
    await tx`/* leaderboards:workMem */ set local work_mem = '64MB'`;
    await tx`/* leaderboards:createNext */
      create unlogged table leaderboard_entries_next (like leaderboard_entries including all excluding indexes)`;
    const xp = await tx`/* leaderboards:rankXp */
      insert into leaderboard_entries_next (kind, user_id, country, score, rank, country_rank)
      select 'XP_ALL_TIME', id, country, xp,
             rank() over (order by xp desc),
             case when country is not null then rank() over (partition by country collate "C" order by xp desc) end
        from users
       where not ghost_mode and leaderboard_opt_in`;
    const volume = await tx`/* leaderboards:rankWeeklyVolume */
      insert into leaderboard_entries_next (kind, user_id, country, score, rank, country_rank)
      select 'VOLUME_THIS_WEEK', u.id, u.country, w.volume,
             rank() over (order by w.volume desc),
             case when u.country is not null then rank() over (partition by u.country collate "C" order by w.volume desc) end
        from (select user_id, sum(total_volume_kg) as volume
                from workouts
               where started_at >= ${weekStart.toISOString()} and started_at < ${weekEnd.toISOString()}
               group by user_id) w
        join users u on u.id = w.user_id
       where not u.ghost_mode and u.leaderboard_opt_in`;
    const indexes = await tx<{ name: string; definition: string }[]>`/* leaderboards:indexes */
      select indexname as name, indexdef as definition
        from pg_indexes where schemaname = current_schema() and tablename = 'leaderboard_entries'`;
    for (const index of indexes) {
      const onNext = index.definition.replace(
        / INDEX (\S+) ON (\S+)\.leaderboard_entries /,
        ' INDEX $1_next ON $2.leaderboard_entries_next ',
      );
      if (onNext === index.definition) throw new Error(`Cannot rebuild index: ${index.definition}`);
      await tx.unsafe(`/* leaderboards:buildIndex */ ${onNext}`);
    }
    // Readers wait only for these last statements: the drop takes the old table's exclusive lock.
    await tx`/* leaderboards:swap */ drop table leaderboard_entries`;
    await tx`/* leaderboards:swap */ alter table leaderboard_entries_next rename to leaderboard_entries`;
    for (const index of indexes) {
      await tx.unsafe(`/* leaderboards:swap */ alter index ${index.name}_next rename to ${index.name}`);
    }
    const durationMs = Math.round(performance.now() - started);
    const generation = (last?.generation ?? 0) + 1;
    await tx`/* leaderboards:recordRefresh */
      insert into leaderboard_refreshes (kind, refreshed_at, week_start, duration_ms, entry_count, generation)
      values ('XP_ALL_TIME', ${options.now.toISOString()}, ${weekStart.toISOString()}, ${durationMs}, ${xp.count}, ${generation}),
             ('VOLUME_THIS_WEEK', ${options.now.toISOString()}, ${weekStart.toISOString()}, ${durationMs}, ${volume.count}, ${generation})
      on conflict (kind) do update
        set refreshed_at = excluded.refreshed_at, week_start = excluded.week_start,
            duration_ms = excluded.duration_ms, entry_count = excluded.entry_count,
            generation = excluded.generation`;
    return {
      status: 'refreshed',
      last: { refreshedAt: options.now, durationMs, generation },
      entries: { XP_ALL_TIME: xp.count, VOLUME_THIS_WEEK: volume.count },
    } as const;
  }) as Promise<RefreshOutcome>;
}

export interface RefresherOptions {
  /** The most the rankings may lag behind (LEADERBOARD_REFRESH_SECONDS). */
  intervalMs: number;
  /** @default () => new Date() */
  clock?: Clock;
  /** Refresh on a timer, starting at once. Off, only refreshNow and ensureRefreshed refresh. @default true */
  schedule?: boolean;
  /** Where a failed refresh is reported. @default console.error */
  log?: (message: string, error: unknown) => void;
  /** Each scheduled pass, as job `leaderboards` with outcome refreshed, fresh, busy or failed. */
  jobs?: JobRuns;
  /** Told of every refresh this process learns of, its own or another process's. */
  onRefresh?: (last: LastRefresh) => void;
}

/** The job name the refresher's passes are counted under (`spotter_job_runs_total{job}`). */
export const LEADERBOARD_JOB = 'leaderboards';

export interface LeaderboardRefresher {
  readonly clock: Clock;
  /** Refreshes unconditionally (waiting for another process's refresh to finish first). */
  refreshNow(): Promise<RefreshOutcome>;
  /** Makes sure some refresh has happened, so a brand-new database never shows an empty board. */
  ensureRefreshed(): Promise<void>;
  /** Stops the timer and waits for a refresh in progress. */
  stop(): Promise<void>;
}

/**
 * The in-process refresh loop. Each pass sleeps until the last refresh (by any process) falls due,
 * then tries the advisory lock; a pass that fails is logged and retried, never thrown.
 */
export function createLeaderboardRefresher(sql: Sql, options: RefresherOptions): LeaderboardRefresher {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  const { intervalMs, jobs, onRefresh } = options;
  const retryMs = Math.min(intervalMs, 5_000);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(
      () => {
        timer = null;
        running = pass().finally(() => {
          running = null;
        });
      },
      Math.max(0, delayMs),
    );
    // A pending refresh never keeps a process (or a test run) alive.
    timer.unref();
  }

  const observed = async (options: RefreshOptions): Promise<RefreshOutcome> => {
    const outcome = await refreshLeaderboards(sql, options);
    if (outcome.status !== 'busy') onRefresh?.(outcome.last);
    return outcome;
  };

  async function pass(): Promise<void> {
    let nextMs = retryMs;
    const started = performance.now();
    let status: RefreshOutcome['status'] | 'failed' = 'failed';
    try {
      const outcome = await observed({ now: clock(), when: intervalMs });
      status = outcome.status;
      if (outcome.status === 'busy') nextMs = Math.min(intervalMs / 4, 1_000);
      else nextMs = dueAt(outcome.last, intervalMs) - clock().getTime();
    } catch (error) {
      log(`Leaderboard refresh failed; retrying in ${retryMs} ms`, error);
    }
    jobs?.record(LEADERBOARD_JOB, status, (performance.now() - started) / 1000);
    schedule(nextMs);
  }

  if (options.schedule !== false) schedule(0);

  return {
    clock,
    refreshNow: () => observed({ now: clock(), when: 'always', wait: true }),
    async ensureRefreshed() {
      await observed({ now: clock(), when: 'never-refreshed', wait: true });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
