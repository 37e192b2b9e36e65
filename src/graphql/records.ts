import type { Context } from '../context';
import type { RecordRow } from '../db/rows';
import { recordKind } from '../db/schema';
import { checkRange } from '../errors';
import { loadRequired } from '../loaders/factory';
import type { RecordKind as Kind, MuscleLoadRow } from '../loaders/records';
import type { WorkoutSetRow } from '../loaders/training';
import { ActivityEvent } from './activity';
import { builder } from './builder';
import { Exercise, Muscle } from './catalogue';
import { forwardArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';
import { LogWorkoutPayload, Workout, WorkoutSet } from './training';
import { User } from './users';

export const RecordKind = builder.enumType('RecordKind', {
  values: {
    ESTIMATED_ONE_REP_MAX: { description: 'The Epley estimated one-rep max of the set.' },
    HEAVIEST_WEIGHT: { description: 'The weightKg of the set.' },
    BEST_SET_VOLUME: { description: 'reps * weightKg of the set.' },
  } satisfies Record<Kind, unknown>,
});

/**
 * A PersonalRecord's id names (user, exercise, kind), so it stays the same while the record moves
 * from set to set. Packed into one number, as every global id here is "Type:digits":
 * user * 1,000,000 + exercise * 10 + kind, which is exact below 9 billion users and 100,000 exercises.
 */
const EXERCISE_SPAN = 100_000;

function recordNodeId(row: Pick<RecordRow, 'userId' | 'exerciseId' | 'kind'>): number {
  return (row.userId * EXERCISE_SPAN + row.exerciseId) * 10 + recordKind.enumValues.indexOf(row.kind);
}

/** The loader key of a packed id, or null for a number that names no (user, exercise, kind). */
function recordKeyOf(id: number): string | null {
  const kind = recordKind.enumValues[id % 10];
  const exerciseId = Math.floor(id / 10) % EXERCISE_SPAN;
  const userId = Math.floor(id / 10 / EXERCISE_SPAN);
  return kind && exerciseId > 0 && userId > 0 ? `${userId}:${exerciseId}:${kind}` : null;
}

export const PersonalRecord = builder.objectRef<RecordRow>('PersonalRecord');

builder.node(PersonalRecord, {
  id: { resolve: (record) => recordNodeId(record) },
  loadManyWithoutCache: (ids, ctx) =>
    Promise.all(
      ids.map((id) => {
        const key = recordKeyOf(Number(id));
        return key ? ctx.loaders.recordByKey.get(key) : null;
      }),
    ) as Promise<RecordRow[]>,
  description:
    'The user’s best value of one kind over all their sets of one exercise; among equal values the earliest set holds it.',
  fields: (t) => ({
    user: t.field({
      type: User,
      resolve: (record, _args, ctx) => loadRequired(ctx.loaders.userById, record.userId),
    }),
    exercise: t.field({ type: Exercise, resolve: (record) => ({ id: record.exerciseId, name: record.exerciseName }) }),
    kind: t.expose('kind', { type: RecordKind }),
    valueKg: t.exposeFloat('valueKg', { description: 'Epley e1RM, weightKg, or reps * weightKg of the set.' }),
    previousValueKg: t.exposeFloat('previousValueKg', {
      nullable: true,
      description: 'The best value in the user’s workouts that started before this one; null when none.',
    }),
    set: t.field({
      type: WorkoutSet,
      resolve: (record): WorkoutSetRow => ({
        id: record.setId,
        workoutId: record.workoutId,
        exerciseId: record.exerciseId,
        exerciseName: record.exerciseName,
        position: record.setPosition,
        reps: record.setReps,
        weightKg: record.setWeightKg,
        estimatedOneRepMaxKg: record.setEstimatedOneRepMaxKg,
      }),
    }),
    workout: t.field({
      type: Workout,
      resolve: (record, _args, ctx) => loadRequired(ctx.loaders.workoutById, record.workoutId),
    }),
    achievedAt: t.expose('achievedAt', { type: 'DateTime', description: 'The workout’s startedAt.' }),
  }),
});

export const PersonalRecordConnection = builder.connectionObject(
  { type: PersonalRecord, name: 'PersonalRecordConnection' },
  { name: 'PersonalRecordEdge' },
);

export const MuscleLoad = builder.objectRef<MuscleLoadRow>('MuscleLoad').implement({
  fields: (t) => ({
    muscle: t.field({ type: Muscle, resolve: (row) => ({ id: row.muscleId, name: row.muscleName }) }),
    loadKg: t.exposeFloat('loadKg', { description: 'Σ reps * weightKg * activation over the sets.' }),
    setCount: t.exposeInt('setCount', { description: 'Sets whose exercise activates the muscle.' }),
  }),
});

function workoutRecords(ctx: Context, workoutId: number) {
  return ctx.loaders.recordsByWorkoutId.get(workoutId);
}

builder.objectFields(User, (t) => ({
  personalRecords: t.field({
    type: PersonalRecordConnection,
    description: 'Current records, newest achievedAt first; optionally of one exercise and/or kind.',
    args: { exerciseId: t.arg.id(), kind: t.arg({ type: RecordKind }), ...forwardArgs },
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => {
      const exerciseId = args.exerciseId == null ? null : idOf('Exercise', args.exerciseId, 'exerciseId');
      return toConnection(
        await ctx.loaders
          .recordsByUserId({ exerciseId, kind: args.kind ?? null })(args)
          .load(user.id),
      );
    },
  }),
  muscleLoad: t.field({
    type: [MuscleLoad],
    description: 'Muscles worked in workouts started in the last `days` days (1..365), highest load first.',
    args: { days: t.arg.int({ defaultValue: 7 }) },
    resolve: (user, args, ctx) =>
      ctx.loaders.muscleLoadByUserId(checkRange(args.days ?? 7, 1, 365, 'days')).load(user.id),
  }),
}));

builder.objectFields(Workout, (t) => ({
  personalRecords: t.field({
    type: [PersonalRecord],
    description: 'The records this workout’s sets hold now.',
    resolve: (workout, _args, ctx) => workoutRecords(ctx, workout.id),
  }),
}));

builder.objectFields(ActivityEvent, (t) => ({
  records: t.field({
    type: [PersonalRecord],
    description:
      'PERSONAL_RECORD: the workout’s current records that beat an earlier best (previousValueKg not null); [] for other types.',
    resolve: async (event, _args, ctx) =>
      event.type === 'PERSONAL_RECORD' && event.workoutId
        ? (await workoutRecords(ctx, event.workoutId)).filter((record) => record.previousValueKg !== null)
        : [],
  }),
}));

builder.objectFields(LogWorkoutPayload, (t) => ({
  personalRecords: t.field({
    type: [PersonalRecord],
    description: 'The records the new workout holds.',
    resolve: (payload) => (payload as { personalRecords?: RecordRow[] }).personalRecords ?? [],
  }),
}));
