import type { Sql } from '../../src/db/client';
import { encodeGlobalId } from '../../src/graphql/ids';
import { graphql } from '../gql';

export interface Exercises {
  /** Database ids by exercise name. */
  byName: Map<string, number>;
  globalId: (name: string) => string;
}

export async function exercises(sql: Sql): Promise<Exercises> {
  const rows = await sql<{ id: number; name: string }[]>`select id, name from exercises`;
  const byName = new Map(rows.map((row) => [row.name, row.id]));
  return {
    byName,
    globalId: (name) => {
      const id = byName.get(name);
      if (id === undefined) throw new Error(`No exercise named ${name}`);
      return encodeGlobalId('Exercise', id);
    },
  };
}

/** Inserts a workout straight into the tables (the triggers still keep every total), for figures at given times. */
export async function insertWorkout(
  sql: Sql,
  userId: number,
  startedAt: Date,
  sets: { exerciseId: number; reps: number; weightKg: number }[],
): Promise<number> {
  const [{ id }] = await sql<[{ id: number }]>`
    insert into workouts (user_id, title, started_at, duration_seconds)
    values (${userId}, 'Inserted', ${startedAt.toISOString()}, 3600) returning id`;
  if (sets.length > 0) {
    await sql`insert into workout_sets ${sql(sets.map((set, i) => ({ workoutId: id, position: i + 1, ...set })))}`;
  }
  return id;
}

export const LOG_WORKOUT = graphql(`
  mutation LogWorkout($input: LogWorkoutInput!) {
    logWorkout(input: $input) {
      workout { id title startedAt durationSeconds totalVolumeKg setCount xpEarned
        sets { id position reps weightKg estimatedOneRepMaxKg exercise { name } } user { id } }
      user { id xp level workoutCount }
      errors { code message field }
    }
  }`);

/** Rows in the tables a logWorkout writes: compare before and after a rejected call. */
export async function writtenRows(sql: Sql) {
  const [row] = await sql`
    select (select count(*) from workouts) as workouts, (select count(*) from workout_sets) as sets,
           (select count(*) from activity_events) as events, (select sum(xp) from users) as xp`;
  return row;
}
