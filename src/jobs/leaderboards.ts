import type { Sql } from '../db/client';
import type { LeaderboardKind } from '../db/schema';
import { isoWeekStart } from '../domain/rules';
import type { JobRuns } from '../observability/metrics';

export type Clock = () => Date;

/** One key for every server process on a database, so only one of them rewrites the rankings. */
const REFRESH_LOCK = 0x5370_6f74; // "Spot"

/** A timer never fires exactly on time; a refresh this early still counts as due. */
const DUE_TOLERANCE_MS = 50;

const DAY_MS = 86_400_000;

export interface LastRefresh {
  refreshedAt: Date;
  durationMs: number;
  generation: number;
}

export type RefreshOutcome =
  | { status: 'refreshed'; last: LastRefresh; entries: Record<LeaderboardKind | 'exercises', number> }
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
    const weekStart = isoWeekStart(options.now);
    const weekEnd = new Date(weekStart.getTime() + 7 * DAY_MS);
    // The rankings go into a fresh table and its indexes are built after the load: a bulk index
    // build costs half of inserting row by row into live indexes, and the swapped-out table leaves
    // no dead rows for vacuum to chase. Unlogged, as drizzle/0004_leaderboards_unlogged.sql explains.
    await tx`/* leaderboards:workMem */ set local work_mem = '64MB'`;
    await tx`/* leaderboards:createNext */
      create unlogged table leaderboard_entries_next (like leaderboard_entries including all excluding indexes)`;
    await tx`/* leaderboards:createNext */
      create unlogged table exercise_leaderboard_entries_next
        (like exercise_leaderboard_entries including all excluding indexes)`;
    // One statement, so every board and the departures cleanup share one snapshot: a departure this
    // snapshot sees belongs to a user it no longer lists (then it is dropped) or one it ranks (kept);
    // one committed later stays for the reads to subtract until the next refresh.
    const [counts] = await tx<[{ xp: number; volume: number; exercise: number }]>`/* leaderboards:rank */
      with listed as materialized (
        select id, country, xp from users where not ghost_mode and leaderboard_opt_in),
      xp as (
        insert into leaderboard_entries_next (kind, user_id, country, score, rank, country_rank)
        select 'XP_ALL_TIME', id, country, xp,
               rank() over (order by xp desc),
               case when country is not null then rank() over (partition by country collate "C" order by xp desc) end
          from listed
        returning 1),
      volume as (
        insert into leaderboard_entries_next (kind, user_id, country, score, rank, country_rank)
        select 'VOLUME_THIS_WEEK', u.id, u.country, w.volume,
               rank() over (order by w.volume desc),
               case when u.country is not null then rank() over (partition by u.country collate "C" order by w.volume desc) end
          from (select user_id, sum(total_volume_kg) as volume
                  from workouts
                 where started_at >= ${weekStart.toISOString()} and started_at < ${weekEnd.toISOString()}
                 group by user_id) w
          join listed u on u.id = w.user_id
        returning 1),
      exercise as (
        insert into exercise_leaderboard_entries_next (exercise_id, user_id, country, score, rank, country_rank)
        select r.exercise_id, u.id, u.country, r.value_kg,
               rank() over (partition by r.exercise_id order by r.value_kg desc),
               case when u.country is not null
                    then rank() over (partition by r.exercise_id, u.country collate "C" order by r.value_kg desc) end
          from personal_records r
          join listed u on u.id = r.user_id
         where r.kind = 'ESTIMATED_ONE_REP_MAX'
        returning 1),
      settled as (
        delete from leaderboard_departures d where d.user_id not in (select id from listed))
      select (select count(*) from xp)::integer as xp, (select count(*) from volume)::integer as volume,
             (select count(*) from exercise)::integer as exercise`;
    const swaps: { name: string; definition: string; table: string }[] = [];
    for (const table of ['leaderboard_entries', 'exercise_leaderboard_entries']) {
      const indexes = await tx<{ name: string; definition: string }[]>`/* leaderboards:indexes */
        select indexname as name, indexdef as definition
          from pg_indexes where schemaname = current_schema() and tablename = ${table}`;
      for (const index of indexes) {
        const onNext = index.definition.replace(
          new RegExp(` INDEX (\\S+) ON (\\S+)\\.${table} `),
          ` INDEX $1_next ON $2.${table}_next `,
        );
        if (onNext === index.definition) throw new Error(`Cannot rebuild index: ${index.definition}`);
        await tx.unsafe(`/* leaderboards:buildIndex */ ${onNext}`);
        swaps.push({ ...index, table });
      }
    }
    // Readers wait only for these last statements: the drop takes the old table's exclusive lock.
    for (const table of ['leaderboard_entries', 'exercise_leaderboard_entries']) {
      await tx.unsafe(`/* leaderboards:swap */ drop table ${table}`);
      await tx.unsafe(`/* leaderboards:swap */ alter table ${table}_next rename to ${table}`);
    }
    for (const index of swaps) {
      await tx.unsafe(`/* leaderboards:swap */ alter index ${index.name}_next rename to ${index.name}`);
    }
    const durationMs = Math.round(performance.now() - started);
    const generation = (last?.generation ?? 0) + 1;
    await tx`/* leaderboards:recordRefresh */
      insert into leaderboard_refreshes (kind, refreshed_at, week_start, duration_ms, entry_count, generation)
      values ('XP_ALL_TIME', ${options.now.toISOString()}, ${weekStart.toISOString()}, ${durationMs}, ${counts.xp}, ${generation}),
             ('VOLUME_THIS_WEEK', ${options.now.toISOString()}, ${weekStart.toISOString()}, ${durationMs}, ${counts.volume}, ${generation})
      on conflict (kind) do update
        set refreshed_at = excluded.refreshed_at, week_start = excluded.week_start,
            duration_ms = excluded.duration_ms, entry_count = excluded.entry_count,
            generation = excluded.generation`;
    return {
      status: 'refreshed',
      last: { refreshedAt: options.now, durationMs, generation },
      entries: { XP_ALL_TIME: counts.xp, VOLUME_THIS_WEEK: counts.volume, exercises: counts.exercise },
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
  /**
   * Told when this process's refreshes start taking more than half the interval, and when they stop:
   * past that, no schedule keeps the rankings within the bound. @default console.warn
   */
  warn?: (message: string) => void;
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
  const warn = options.warn ?? ((message) => console.warn(message));
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

  let overBound = false;
  const observed = async (options: RefreshOptions): Promise<RefreshOutcome> => {
    const outcome = await refreshLeaderboards(sql, options);
    if (outcome.status !== 'busy') onRefresh?.(outcome.last);
    if (outcome.status === 'refreshed') warnOnBound(outcome.last.durationMs);
    return outcome;
  };

  // Readers see a refresh's rankings until the next one commits. Past half the interval the next is
  // due (dueAt) before this one ends, so they run back to back and readers see rankings twice a
  // refresh's duration old.
  function warnOnBound(durationMs: number) {
    const over = durationMs > intervalMs / 2;
    if (over === overBound) return;
    overBound = over;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    warn(
      over
        ? `Leaderboard refresh took ${seconds(durationMs)}, more than half of the ${seconds(intervalMs)} bound ` +
            `(LEADERBOARD_REFRESH_SECONDS): refreshes run back to back and boards may be up to ` +
            `${seconds(2 * durationMs)} stale; raise LEADERBOARD_REFRESH_SECONDS`
        : `Leaderboard refresh took ${seconds(durationMs)}, within half of the ${seconds(intervalMs)} bound again`,
    );
  }

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
