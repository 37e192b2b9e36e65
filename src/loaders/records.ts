import type { Sql } from '../db/client';
import { type RecordRow, recordColumns, recordJoins } from '../db/rows';
import type { personalRecords } from '../db/schema';
import { workoutVisible } from '../db/visibility';
import { TIME_AND_ID } from '../pagination';
import { byKey, groupByKey, inKeys, loader, loaderPerArgs } from './factory';
import { pageLoader } from './keyset-pages';

export type RecordKind = (typeof personalRecords.$inferSelect)['kind'];

export interface MuscleLoadRow {
  userId: number;
  muscleId: number;
  muscleName: string;
  loadKg: number;
  setCount: number;
}

export interface RecordFilter {
  exerciseId: number | null;
  kind: RecordKind | null;
}

/**
 * A record is visible where the workout holding it is: each statement joins that workout (`rw`) and
 * applies the visibility predicate to it.
 */
export function recordLoaders(sql: Sql, viewerId: number | null) {
  const holder = () =>
    sql`join workouts rw on rw.id = r.workout_id and ${workoutVisible(sql, viewerId, { alias: 'rw' })}`;

  const recordPages = new Map<string, ReturnType<typeof pageLoader<RecordRow>>>();
  /** A user's current records, newest first, filtered by exercise and kind: one statement per page of users. */
  function recordsByUserId(filter: RecordFilter) {
    const id = JSON.stringify(filter);
    let pages = recordPages.get(id);
    if (!pages) {
      const made = pageLoader<RecordRow>(sql, {
        name: 'loader:recordsByUserId',
        key: ['r.achieved_at', 'r.id'],
        keyTypes: TIME_AND_ID,
        order: 'desc',
        select: recordColumns(sql),
        from: sql`personal_records r ${recordJoins(sql)} join workouts rw on rw.id = r.workout_id`,
        where: (user) =>
          sql`r.user_id = ${user} and ${workoutVisible(sql, viewerId, { alias: 'rw', owner: user })}
            ${filter.exerciseId === null ? sql`` : sql`and r.exercise_id = ${filter.exerciseId}`}
            ${filter.kind === null ? sql`` : sql`and r.kind = ${filter.kind}::record_kind`}`,
      });
      recordPages.set(id, made);
      pages = made;
    }
    return pages;
  }

  /** The records each workout's sets hold now, by exercise and kind. */
  const recordsByWorkoutId = loader<number, RecordRow[]>(async (ids) => {
    const rows = await sql<RecordRow[]>`/* loader:recordsByWorkoutId */
      select ${recordColumns(sql)} from personal_records r ${recordJoins(sql)} ${holder()}
       where r.workout_id ${inKeys(sql, ids, 'bigint')}
       order by r.workout_id, r.exercise_id, r.kind`;
    return groupByKey(ids, rows, (row) => row.workoutId);
  });

  /** By (user, exercise, kind), the key a PersonalRecord's id names. */
  const recordByKey = loader<string, RecordRow | null>(async (keys) => {
    const parts = keys.map((key) => key.split(':'));
    const rows = await sql<RecordRow[]>`/* loader:recordByKey */
      select ${recordColumns(sql)}
        from unnest(${parts.map((p) => Number(p[0]))}::bigint[], ${parts.map((p) => Number(p[1]))}::integer[],
                    ${parts.map((p) => p[2]!)}::record_kind[]) as k(user_id, exercise_id, kind)
        join personal_records r on (r.user_id, r.exercise_id, r.kind) = (k.user_id, k.exercise_id, k.kind)
        ${recordJoins(sql)} ${holder()}`;
    return byKey(keys, rows, (row) => `${row.userId}:${row.exerciseId}:${row.kind}`);
  });

  /**
   * Σ reps * weightKg * activation and the set count per muscle over the last `days` days, highest
   * load first: one statement for every user asked.
   */
  const muscleLoadByUserId = loaderPerArgs((days: number) =>
    loader<number, MuscleLoadRow[]>(async (userIds) => {
      const rows = await sql<MuscleLoadRow[]>`/* loader:muscleLoadByUserId */
        select w.user_id, a.muscle_id, m.name as muscle_name,
               sum(s.reps * s.weight_kg * a.activation) as load_kg, count(*)::integer as set_count
          from workouts w
          join workout_sets s on s.workout_id = w.id
          join exercise_activations a on a.exercise_id = s.exercise_id
          join muscles m on m.id = a.muscle_id
         where w.user_id ${inKeys(sql, userIds, 'bigint')}
           and w.started_at >= now() - make_interval(days => ${days})
         group by w.user_id, a.muscle_id, m.name
        having sum(s.reps * s.weight_kg * a.activation) > 0
         order by w.user_id, load_kg desc, a.muscle_id`;
      return groupByKey(userIds, rows, (row) => row.userId);
    }),
  );

  return { recordsByUserId, recordsByWorkoutId, recordByKey, muscleLoadByUserId };
}
