import type { Sql } from '../db/client';
import type { WorkoutRow } from '../db/rows';
import type { workoutSets } from '../db/schema';
import { workoutVisible } from '../db/visibility';
import { TIME_AND_ID } from '../pagination';
import { byKey, groupByKey, inKeys, loader, loaderPerArgs } from './factory';
import { pageLoader } from './keyset-pages';

/** A set with its exercise's name, so `set { exercise { name } }` needs no second round trip. */
export type WorkoutSetRow = typeof workoutSets.$inferSelect & { exerciseName: string };

export interface StatsRow {
  userId: number;
  workoutCount: number;
  totalVolumeKg: number;
  bestEstimatedOneRepMaxKg: number | null;
  currentStreakDays: number;
}

export interface WeeklyProgressRow {
  userId: number;
  weekStart: Date;
  bestEstimatedOneRepMaxKg: number;
  changeKg: number | null;
}

/** Workouts and what hangs off them, as `viewerId` (null: anonymous) may see them. */
export function trainingLoaders(sql: Sql, viewerId: number | null) {
  const workoutById = loader<number, WorkoutRow | null>(async (ids) => {
    const rows = await sql<WorkoutRow[]>`/* loader:workoutById */
      select w.* from workouts w
       where w.id ${inKeys(sql, ids, 'bigint')} and ${workoutVisible(sql, viewerId)}`;
    return byKey(ids, rows, (row) => row.id);
  });

  const setsByWorkoutId = loader<number, WorkoutSetRow[]>(async (ids) => {
    const rows = await sql<WorkoutSetRow[]>`/* loader:setsByWorkoutId */
      select s.*, e.name as exercise_name
        from workout_sets s join exercises e on e.id = s.exercise_id
       where s.workout_id ${inKeys(sql, ids, 'bigint')}
       order by s.workout_id, s.position`;
    return groupByKey(ids, rows, (row) => row.workoutId);
  });

  /** Each user's workouts, newest first: one statement for every user on the page. */
  const workoutsByUserId = pageLoader<WorkoutRow>(sql, {
    name: 'loader:workoutsByUserId',
    key: ['w.started_at', 'w.id'],
    keyTypes: TIME_AND_ID,
    order: 'desc',
    select: sql`w.*`,
    from: sql`workouts w`,
    where: (user) => sql`w.user_id = ${user} and ${workoutVisible(sql, viewerId, { owner: user })}`,
  });

  /**
   * Every figure of UserStats for every user asked, in one statement. The streak is a gaps-and-islands
   * count: walking a user's distinct workout days newest first, day + rank stays equal to
   * anchor + 1 exactly while the days are consecutive, where the anchor is today or, when today has
   * no workout yet, yesterday.
   */
  const statsByUserId = loaderPerArgs((days: number) =>
    loader<number, StatsRow>(async (userIds) => {
      const rows = await sql<StatsRow[]>`/* loader:statsByUserId */
        with asked as (select unnest(${userIds as number[]}::bigint[]) as user_id),
        recent as (
          select w.user_id, count(*)::integer as workout_count, sum(w.total_volume_kg) as total_volume_kg,
                 max(best.e1rm) as best_e1rm
            from workouts w
            left join lateral (select max(s.estimated_one_rep_max_kg) as e1rm
                                 from workout_sets s where s.workout_id = w.id) best on true
           where w.user_id in (select user_id from asked)
             and w.started_at >= now() - make_interval(days => ${days})
           group by w.user_id),
        workout_days as (
          select distinct w.user_id, (w.started_at at time zone 'UTC')::date as day
            from workouts w
           where w.user_id in (select user_id from asked)
             and w.started_at < (current_date + 1)::timestamp at time zone 'UTC'),
        ranked as (
          select user_id, day, row_number() over (partition by user_id order by day desc)::integer as rank,
                 max(day) over (partition by user_id) as latest
            from workout_days),
        streaks as (
          select user_id,
                 count(*) filter (
                   where day + rank = (case when latest = current_date then current_date
                                            else current_date - 1 end) + 1)::integer as streak
            from ranked group by user_id)
        select a.user_id,
               coalesce(r.workout_count, 0) as workout_count,
               coalesce(r.total_volume_kg, 0) as total_volume_kg,
               r.best_e1rm as best_estimated_one_rep_max_kg,
               coalesce(s.streak, 0) as current_streak_days
          from asked a
          left join recent r on r.user_id = a.user_id
          left join streaks s on s.user_id = a.user_id`;
      return byKey(userIds, rows, (row) => row.userId).map(
        (row, i) =>
          row ?? {
            userId: userIds[i]!,
            workoutCount: 0,
            totalVolumeKg: 0,
            bestEstimatedOneRepMaxKg: null,
            currentStreakDays: 0,
          },
      );
    }),
  );

  /**
   * Best estimated one-rep max per ISO week (Monday 00:00 UTC) of one exercise, oldest first, and
   * the change from the previous listed week, computed by a window function in the same statement.
   */
  const progressByUserId = loaderPerArgs((args: { exerciseId: number; weeks: number }) =>
    loader<number, WeeklyProgressRow[]>(async (userIds) => {
      const rows = await sql<WeeklyProgressRow[]>`/* loader:progressByUserId */
        select user_id, week_start, best as best_estimated_one_rep_max_kg,
               best - lag(best) over (partition by user_id order by week_start) as change_kg
          from (
            select w.user_id, date_trunc('week', w.started_at, 'UTC') as week_start,
                   max(s.estimated_one_rep_max_kg) as best
              from workouts w
              join workout_sets s on s.workout_id = w.id
             where w.user_id ${inKeys(sql, userIds, 'bigint')}
               and s.exercise_id = ${args.exerciseId}
               and w.started_at >= date_trunc('week', now(), 'UTC') - make_interval(weeks => ${args.weeks - 1})
             group by w.user_id, week_start
          ) weekly
         order by user_id, week_start`;
      return groupByKey(userIds, rows, (row) => row.userId);
    }),
  );

  return { workoutById, setsByWorkoutId, workoutsByUserId, statsByUserId, progressByUserId };
}
