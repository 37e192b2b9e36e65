import type { Sql } from '../db/client';
import type { exercises, muscles } from '../db/schema';
import type { ConnectionArgs } from '../pagination';
import { byKey, groupByKey, inKeys, loader, primeRows } from './factory';
import { keysetPage, pageLoader } from './keyset-pages';

export type MuscleRow = typeof muscles.$inferSelect;
export type ExerciseRow = typeof exercises.$inferSelect;
/** An activation with its muscle's name, so `activations { muscle { name } }` is one round trip. */
export interface ActivationRow {
  exerciseId: number;
  muscleId: number;
  muscleName: string;
  activation: number;
}

export function catalogueLoaders(sql: Sql) {
  const muscleById = loader<number, MuscleRow | null>(async (ids) => {
    const rows = await sql<MuscleRow[]>`/* loader:muscleById */
      select * from muscles where id ${inKeys(sql, ids, 'integer')}`;
    return byKey(ids, rows, (row) => row.id);
  });

  const exerciseById = loader<number, ExerciseRow | null>(async (ids) => {
    const rows = await sql<ExerciseRow[]>`/* loader:exerciseById */
      select * from exercises where id ${inKeys(sql, ids, 'integer')}`;
    return byKey(ids, rows, (row) => row.id);
  });

  const activationsByExerciseId = loader<number, ActivationRow[]>(async (ids) => {
    const rows = await sql<ActivationRow[]>`/* loader:activationsByExerciseId */
      select a.exercise_id, a.muscle_id, m.name as muscle_name, a.activation
        from exercise_activations a join muscles m on m.id = a.muscle_id
       where a.exercise_id ${inKeys(sql, ids, 'integer')}
       order by a.exercise_id, a.activation desc, a.muscle_id`;
    return groupByKey(ids, rows, (row) => row.exerciseId);
  });

  /** Exercises that work a muscle, strongest activation first: one statement for every muscle asked. */
  const exercisesByMuscleId = pageLoader<ExerciseRow & { activation: number }>(sql, {
    name: 'loader:exercisesByMuscleId',
    parentType: 'integer',
    key: ['a.activation', 'a.exercise_id'],
    keyTypes: ['float', 'integer'],
    order: 'desc',
    select: sql`e.*, a.activation`,
    from: sql`exercise_activations a join exercises e on e.id = a.exercise_id`,
    where: (muscle) => sql`a.muscle_id = ${muscle}`,
  });

  // Not a DataLoader: there is nothing to batch, only one answer per request to keep. It primes
  // muscleById because every muscle is in it, so no later muscleById statement can depend on order.
  let everyMuscle: Promise<MuscleRow[]> | null = null;
  const allMuscles = () =>
    (everyMuscle ??= (async () => {
      const rows = await sql<MuscleRow[]>`/* loader:allMuscles */ select * from muscles order by name`;
      primeRows(muscleById, rows);
      return rows;
    })());

  return { muscleById, exerciseById, activationsByExerciseId, exercisesByMuscleId, allMuscles };
}

/** Every exercise, alphabetically. */
export function exercisesPage(sql: Sql, args: ConnectionArgs) {
  return keysetPage<ExerciseRow>(
    sql,
    {
      name: 'page:exercises',
      key: ['e.name', 'e.id'],
      keyTypes: ['text', 'integer'],
      order: 'asc',
      select: sql`e.*`,
      from: sql`exercises e`,
    },
    args,
  );
}
