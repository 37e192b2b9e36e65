import type { Sql } from './client';
import { exercises, muscles } from './muscles-and-exercises';

/**
 * Brings the muscle and exercise catalogue in line with src/db/muscles-and-exercises.ts. It only inserts and
 * updates, so ids that workouts already point at never change; running it again changes nothing.
 */
export async function syncCatalogue(sql: Sql): Promise<void> {
  const activations = exercises.flatMap((exercise) =>
    Object.entries(exercise.activations).map(([muscle, activation]) => ({
      exercise: exercise.name,
      muscle,
      activation,
    })),
  );
  await sql.begin(async (tx) => {
    await tx`/* catalogue:muscles */
      insert into muscles (name) select unnest(${muscles as string[]}::text[]) on conflict (name) do nothing`;
    await tx`/* catalogue:exercises */
      insert into exercises (name) select unnest(${exercises.map((e) => e.name)}::text[]) on conflict (name) do nothing`;
    await tx`/* catalogue:activations */
      insert into exercise_activations (exercise_id, muscle_id, activation)
      select e.id, m.id, a.activation
        from unnest(${activations.map((a) => a.exercise)}::text[], ${activations.map((a) => a.muscle)}::text[],
                    ${activations.map((a) => a.activation)}::float8[]) as a(exercise, muscle, activation)
        join exercises e on e.name = a.exercise
        join muscles m on m.name = a.muscle
      on conflict (exercise_id, muscle_id) do update set activation = excluded.activation
       where exercise_activations.activation is distinct from excluded.activation`;
  });
}
