import type { Sql } from '../../src/db/client';

export interface RecordFacts {
  userId: number;
  exerciseId: number;
  kind: string;
  valueKg: number;
  previousValueKg: number | null;
  setId: number;
  workoutId: number;
  achievedAt: number;
  latestAt: number;
}

const KINDS = ['ESTIMATED_ONE_REP_MAX', 'HEAVIEST_WEIGHT', 'BEST_SET_VOLUME'] as const;
const order = (r: RecordFacts) => `${r.userId}:${r.exerciseId}:${r.kind}`;

/** personal_records as stored, times in microseconds. */
export async function storedRecords(sql: Sql, userIds: number[]): Promise<RecordFacts[]> {
  const rows = await sql<RecordFacts[]>`
    select user_id, exercise_id, kind::text as kind, value_kg, previous_value_kg, set_id, workout_id,
           (extract(epoch from achieved_at) * 1000000)::bigint as achieved_at,
           (extract(epoch from latest_at) * 1000000)::bigint as latest_at
      from personal_records where user_id = any(${userIds}::bigint[])`;
  return rows.sort((a, b) => order(a).localeCompare(order(b)));
}

/**
 * The records recomputed from scratch in plain code, straight from the rule in docs/api/training.md: the best value over
 * all sets, the earliest set (startedAt, then workout, then position) among equals, and the best value
 * in workouts that started strictly before it.
 */
export async function bruteForceRecords(sql: Sql, userIds: number[]): Promise<RecordFacts[]> {
  interface SetFacts {
    userId: number;
    exerciseId: number;
    setId: number;
    workoutId: number;
    position: number;
    startedAt: number;
    e1rm: number;
    weight: number;
    volume: number;
  }
  const sets = await sql<SetFacts[]>`
    select w.user_id, s.exercise_id, s.id as set_id, w.id as workout_id, s.position,
           (extract(epoch from w.started_at) * 1000000)::bigint as started_at,
           s.estimated_one_rep_max_kg as e1rm, s.weight_kg as weight, s.reps * s.weight_kg as volume
      from workouts w join workout_sets s on s.workout_id = w.id
     where w.user_id = any(${userIds}::bigint[])`;
  const groups = new Map<string, SetFacts[]>();
  for (const set of sets) {
    const key = `${set.userId}:${set.exerciseId}`;
    groups.set(key, [...(groups.get(key) ?? []), set]);
  }
  const records: RecordFacts[] = [];
  for (const group of groups.values()) {
    for (const kind of KINDS) {
      const value = (s: SetFacts) =>
        kind === 'ESTIMATED_ONE_REP_MAX' ? s.e1rm : kind === 'HEAVIEST_WEIGHT' ? s.weight : s.volume;
      const best = Math.max(...group.map(value));
      const holder = group
        .filter((s) => value(s) === best)
        .sort((a, b) => a.startedAt - b.startedAt || a.workoutId - b.workoutId || a.position - b.position)[0]!;
      const earlier = group.filter((s) => s.startedAt < holder.startedAt).map(value);
      records.push({
        userId: holder.userId,
        exerciseId: holder.exerciseId,
        kind,
        valueKg: best,
        previousValueKg: earlier.length > 0 ? Math.max(...earlier) : null,
        setId: holder.setId,
        workoutId: holder.workoutId,
        achievedAt: holder.startedAt,
        latestAt: Math.max(...group.map((s) => s.startedAt)),
      });
    }
  }
  return records.sort((a, b) => order(a).localeCompare(order(b)));
}
