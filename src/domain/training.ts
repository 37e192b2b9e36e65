import type { Context } from '../context';
import type { TransactionSql } from '../db/client';
import { type RecordRow, recordColumns, recordJoins, type UserRow, type WorkoutRow } from '../db/rows';
import type { WorkoutVisibility } from '../db/schema';
import { workoutVisible } from '../db/visibility';
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
  /** Null or absent: 0, a strength session. */
  distanceMeters?: number | null;
  /** Null or absent: the owner's defaultWorkoutVisibility. */
  visibility?: WorkoutVisibility | null;
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
  const distance = input.distanceMeters ?? 0;
  check.check(
    Number.isFinite(distance) && distance >= 0 && distance <= 1_000_000,
    'distanceMeters',
    'distanceMeters must be from 0 to 1000000',
  );
  // A walk, run or ride may carry no sets; a strength session needs at least one.
  const minSets = distance > 0 ? 0 : 1;
  check.check(
    input.sets.length >= minSets && input.sets.length <= 100,
    'sets',
    minSets === 0 ? 'A workout has at most 100 sets' : 'A workout has 1 to 100 sets',
  );
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
 * workout that raises the level records exactly one LEVEL_UP carrying the new level, and of two
 * concurrent logs only the later one can beat the record the earlier one set. Volume, set count, XP,
 * workout count and personal records are the triggers' work; a workout whose records beat an earlier
 * best also records one PERSONAL_RECORD event.
 */
export async function logWorkout(
  ctx: TrainingContext,
  input: LogWorkoutInput,
): Promise<Result<{ workout: WorkoutRow; user: UserRow; personalRecords: RecordRow[] }>> {
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
    const [before] = await tx<{ level: number; defaultWorkoutVisibility: WorkoutVisibility }[]>`/* training:lockUser */
      select level, default_workout_visibility from users where id = ${viewerId} for no key update`;
    if (!before) return fail('NOT_FOUND', 'Your account no longer exists');
    const visibility = input.visibility ?? before.defaultWorkoutVisibility;
    const [{ id }] = await tx<[{ id: number }]>`/* training:insertWorkout */
      insert into workouts (user_id, title, started_at, duration_seconds, distance_meters, visibility)
      values (${viewerId}, ${input.title.trim()}, ${input.startedAt.toISOString()}, ${input.durationSeconds},
              ${input.distanceMeters ?? 0}, ${visibility}::workout_visibility)
      returning id`;
    if (input.sets.length > 0)
      await tx`/* training:insertSets */
      insert into workout_sets (workout_id, position, exercise_id, reps, weight_kg)
      select ${id}, s.position, s.exercise_id, s.reps, s.weight_kg
        from unnest(${input.sets.map((set) => set.exerciseId)}::integer[],
                    ${input.sets.map((set) => set.reps)}::integer[],
                    ${input.sets.map((set) => set.weightKg)}::float8[])
             with ordinality as s(exercise_id, reps, weight_kg, position)`;
    const [workout] = await tx<[WorkoutRow]>`/* training:readWorkout */ select * from workouts where id = ${id}`;
    const [user] = await tx<[UserRow]>`/* training:readUser */ select * from users where id = ${viewerId}`;
    const personalRecords = await tx<RecordRow[]>`/* training:readRecords */
      select ${recordColumns(ctx.sql)} from personal_records r ${recordJoins(ctx.sql)}
       where r.workout_id = ${id} order by r.exercise_id, r.kind`;
    const events: { userId: number; type: string; workoutId: number | null; level: number | null }[] = [
      { userId: viewerId, type: 'WORKOUT_LOGGED', workoutId: id, level: null },
    ];
    if (user.level > before.level)
      events.push({ userId: viewerId, type: 'LEVEL_UP', workoutId: null, level: user.level });
    if (personalRecords.some((record) => record.previousValueKg !== null))
      events.push({ userId: viewerId, type: 'PERSONAL_RECORD', workoutId: id, level: null });
    await tx`/* training:events */ insert into activity_events ${tx(events)}`;
    return ok({ workout, user, personalRecords });
  });
  if (result.ok) {
    ctx.loaders.workoutById.clear(result.value.workout.id).prime(result.value.workout.id, result.value.workout);
    ctx.loaders.recordsByWorkoutId
      .clear(result.value.workout.id)
      .prime(result.value.workout.id, result.value.personalRecords);
    ctx.loaders.userById.clear(viewerId).prime(viewerId, result.value.user);
  }
  return result;
}

/**
 * Deletes one of the viewer's workouts; its sets and its WORKOUT_LOGGED and PERSONAL_RECORD events go
 * with it, and the triggers take its XP back and hand its records to the earlier bests.
 */
export async function deleteWorkout(
  ctx: TrainingContext,
  workoutId: number,
): Promise<Result<{ deletedWorkoutId: number; user: UserRow }>> {
  if (!ctx.viewer) return signInTo('delete a workout');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    // The same lock order as logWorkout (user, then workouts), so the two never deadlock.
    await tx`/* training:lockUser */ select 1 from users where id = ${viewerId} for no key update`;
    const owned = await ownedWorkout(tx, viewerId, workoutId);
    if (!owned.ok) return owned;
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

/**
 * Locks one of the viewer's workouts for a change only its owner may make. Someone else's workout is
 * FORBIDDEN when the viewer sees it and NOT_FOUND when they do not: an invisible workout does not
 * exist for them, here either.
 */
async function ownedWorkout(tx: TransactionSql, viewerId: number, workoutId: number): Promise<Result<null>> {
  const [workout] = await tx<{ userId: number; visible: boolean }[]>`/* training:workoutOwner */
    select w.user_id, ${workoutVisible(tx, viewerId)} as visible from workouts w where w.id = ${workoutId} for update`;
  if (!workout?.visible) return fail('NOT_FOUND', 'No such workout', 'workoutId');
  if (workout.userId !== viewerId) return fail('FORBIDDEN', 'This is not your workout', 'workoutId');
  return ok(null);
}

/** The owner changes who sees a workout; every read applies it from the next statement on. */
export async function setWorkoutVisibility(
  ctx: TrainingContext,
  input: { workoutId: number; visibility: WorkoutVisibility },
): Promise<Result<{ workout: WorkoutRow }>> {
  if (!ctx.viewer) return signInTo('change who sees a workout');
  const viewerId = ctx.viewer.id;
  const result = await inTransaction(ctx, async (tx) => {
    const owned = await ownedWorkout(tx, viewerId, input.workoutId);
    if (!owned.ok) return owned;
    // tg_workouts__visibility carries the change to the workout's activity events.
    const [workout] = await tx<[WorkoutRow]>`/* training:setVisibility */
      update workouts set visibility = ${input.visibility}::workout_visibility where id = ${input.workoutId} returning *`;
    return ok({ workout });
  });
  if (result.ok) {
    ctx.loaders.workoutById.clear(input.workoutId).prime(input.workoutId, result.value.workout);
  }
  return result;
}
