import type { Context } from '../context';
import type { UserRow, WorkoutRow } from '../db/rows';
import { fail, failWith, ok, type Result, signInTo } from '../errors';
import { loadEach } from '../loaders/factory';
import { inTransaction } from './transaction';
import { Validator } from './validate';

/** What the training rules need of a request; the demo seed builds one for each demo user. */
export type TrainingContext = Pick<Context, 'sql' | 'viewer' | 'loaders'>;

export interface LogWorkoutInput {
  title: string;
  startedAt: Date;
  durationSeconds: number;
  sets: { exerciseId: number; reps: number; weightKg: number }[];
}

/** A clock a few minutes fast on the client must not reject a workout just started. */
export const STARTED_AT_TOLERANCE_MS = 5 * 60_000;

function checkWorkout(input: LogWorkoutInput, now: number): Validator {
  const check = new Validator();
  check.text(input.title.trim(), 'title', 1, 200);
  check.check(
    input.startedAt.getTime() <= now + STARTED_AT_TOLERANCE_MS,
    'startedAt',
    'startedAt cannot be more than 5 minutes in the future',
  );
  check.integer(input.durationSeconds, 'durationSeconds', 0, 86_400);
  check.check(input.sets.length >= 1 && input.sets.length <= 100, 'sets', 'A workout has 1 to 100 sets');
  input.sets.forEach((set, i) => {
    check.integer(set.reps, `sets.${i}.reps`, 1, 1000, 'reps');
    check.check(
      Number.isFinite(set.weightKg) && set.weightKg >= 0 && set.weightKg <= 1000,
      `sets.${i}.weightKg`,
      'weightKg must be from 0 to 1000',
    );
  });
  return check;
}

/**
 * Records a workout, its sets and its activity in one transaction. The user row is locked first,
 * so concurrent logs by one user serialize and each sees the level the previous one reached: a
 * workout that raises the level records exactly one LEVEL_UP carrying the new level. Volume, set
 * count, XP and workout count are the triggers' work.
 */
export async function logWorkout(
  ctx: TrainingContext,
  input: LogWorkoutInput,
): Promise<Result<{ workout: WorkoutRow; user: UserRow }>> {
  if (!ctx.viewer) return signInTo('log a workout');
  const check = checkWorkout(input, Date.now());
  const exercises = await loadEach(
    ctx.loaders.exerciseById,
    input.sets.map((set) => set.exerciseId),
  );
  exercises.forEach((exercise, i) => {
    check.check(exercise !== null, `sets.${i}.exerciseId`, 'Unknown exercise');
  });
  if (!check.ok) return failWith(check.errors);

  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const [before] = await tx<{ level: number }[]>`/* training:lockUser */
      select level from users where id = ${viewerId} for no key update`;
    if (!before) return fail('NOT_FOUND', 'Your account no longer exists');
    const [{ id }] = await tx<[{ id: number }]>`/* training:insertWorkout */
      insert into workouts (user_id, title, started_at, duration_seconds)
      values (${viewerId}, ${input.title.trim()}, ${input.startedAt.toISOString()}, ${input.durationSeconds})
      returning id`;
    await tx`/* training:insertSets */
      insert into workout_sets (workout_id, position, exercise_id, reps, weight_kg)
      select ${id}, s.position, s.exercise_id, s.reps, s.weight_kg
        from unnest(${input.sets.map((set) => set.exerciseId)}::integer[],
                    ${input.sets.map((set) => set.reps)}::integer[],
                    ${input.sets.map((set) => set.weightKg)}::float8[])
             with ordinality as s(exercise_id, reps, weight_kg, position)`;
    const [workout] = await tx<[WorkoutRow]>`/* training:readWorkout */ select * from workouts where id = ${id}`;
    const [user] = await tx<[UserRow]>`/* training:readUser */ select * from users where id = ${viewerId}`;
    const events: { userId: number; type: string; workoutId: number | null; level: number | null }[] = [
      { userId: viewerId, type: 'WORKOUT_LOGGED', workoutId: id, level: null },
    ];
    if (user.level > before.level)
      events.push({ userId: viewerId, type: 'LEVEL_UP', workoutId: null, level: user.level });
    await tx`/* training:events */ insert into activity_events ${tx(events)}`;
    return ok({ workout, user });
  });
  if (result.ok) {
    ctx.loaders.workoutById.clear(result.value.workout.id).prime(result.value.workout.id, result.value.workout);
    ctx.loaders.userById.clear(viewerId).prime(viewerId, result.value.user);
  }
  return result;
}

/** Deletes one of the viewer's workouts; its sets and WORKOUT_LOGGED event go with it, and the triggers take its XP back. */
export async function deleteWorkout(
  ctx: TrainingContext,
  workoutId: number,
): Promise<Result<{ deletedWorkoutId: number; user: UserRow }>> {
  if (!ctx.viewer) return signInTo('delete a workout');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    // The same lock order as logWorkout (user, then workouts), so the two never deadlock.
    await tx`/* training:lockUser */ select 1 from users where id = ${viewerId} for no key update`;
    const [owner] = await tx<{ userId: number }[]>`/* training:workoutOwner */
      select user_id from workouts where id = ${workoutId} for update`;
    if (!owner) return fail('NOT_FOUND', 'No such workout', 'workoutId');
    if (owner.userId !== viewerId) return fail('FORBIDDEN', 'This is not your workout', 'workoutId');
    await tx`/* training:deleteWorkout */ delete from workouts where id = ${workoutId}`;
    const [user] = await tx<[UserRow]>`/* training:readUser */ select * from users where id = ${viewerId}`;
    return ok({ deletedWorkoutId: workoutId, user });
  });
  if (result.ok) {
    ctx.loaders.workoutById.clear(workoutId);
    ctx.loaders.userById.clear(viewerId).prime(viewerId, result.value.user);
  }
  return result;
}
