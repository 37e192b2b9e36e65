import type { RecordRow, UserRow, WorkoutRow } from '../db/rows';
import { deleteWorkout, logWorkout, setWorkoutVisibility } from '../domain/training';
import { checkRange } from '../errors';
import { loadEach, loadRequired } from '../loaders/factory';
import type { StatsRow, WeeklyProgressRow, WorkoutSetRow } from '../loaders/training';
import { builder } from './builder';
import { Exercise } from './catalogue';
import { bidirectionalArgs, pageComplexity, toConnection } from './connections';
import { encodeGlobalId, idOf } from './ids';
import { payloadType, toPayload } from './payload';
import { User, Visibility } from './users';

export const Workout = builder.objectRef<WorkoutRow>('Workout');
export const WorkoutSet = builder.objectRef<WorkoutSetRow>('WorkoutSet');

builder.node(Workout, {
  id: { resolve: (workout) => workout.id },
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.workoutById, ids.map(Number)),
  fields: (t) => ({
    user: t.field({
      type: User,
      resolve: (workout, _args, ctx) => loadRequired(ctx.loaders.userById, workout.userId),
    }),
    title: t.exposeString('title'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    durationSeconds: t.exposeInt('durationSeconds'),
    totalVolumeKg: t.exposeFloat('totalVolumeKg', { description: 'The sum of reps * weightKg over the sets.' }),
    setCount: t.exposeInt('setCount'),
    xpEarned: t.exposeInt('xpEarned', {
      description: '10 + 5 * setCount + floor(totalVolumeKg / 100) + floor(distanceMeters / 100)',
    }),
    distanceMeters: t.exposeFloat('distanceMeters', {
      description: '0 when none (a strength session); walks, runs and rides carry one.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the workout was logged.' }),
    sets: t.field({
      type: [WorkoutSet],
      description: 'In set order.',
      resolve: (workout, _args, ctx) => ctx.loaders.setsByWorkoutId.get(workout.id),
    }),
    visibility: t.expose('visibility', { type: Visibility }),
  }),
});

WorkoutSet.implement({
  fields: (t) => ({
    id: t.id({ resolve: (set) => encodeGlobalId('WorkoutSet', set.id) }),
    exercise: t.field({
      type: Exercise,
      resolve: (set) => ({ id: set.exerciseId, name: set.exerciseName }),
    }),
    position: t.exposeInt('position', { description: 'From 1, in the order the sets were logged.' }),
    reps: t.exposeInt('reps'),
    weightKg: t.exposeFloat('weightKg'),
    estimatedOneRepMaxKg: t.exposeFloat('estimatedOneRepMaxKg', {
      description: 'Epley: weightKg * (1 + reps / 30), exactly weightKg for a single.',
    }),
  }),
});

export const WorkoutConnection = builder.connectionObject(
  { type: Workout, name: 'WorkoutConnection' },
  { name: 'WorkoutEdge' },
);

const UserStats = builder.objectRef<StatsRow>('UserStats').implement({
  fields: (t) => ({
    workoutCount: t.exposeInt('workoutCount', { description: 'Workouts started in the window.' }),
    totalVolumeKg: t.exposeFloat('totalVolumeKg'),
    bestEstimatedOneRepMaxKg: t.exposeFloat('bestEstimatedOneRepMaxKg', {
      nullable: true,
      description: 'Among the sets of the window’s workouts; null when there are none.',
    }),
    currentStreakDays: t.exposeInt('currentStreakDays', {
      description:
        'Consecutive UTC days with a workout, counted back from today, or from yesterday when today has none yet.',
    }),
  }),
});

const WeeklyProgress = builder.objectRef<WeeklyProgressRow>('WeeklyProgress').implement({
  fields: (t) => ({
    weekStart: t.expose('weekStart', { type: 'DateTime', description: 'Monday 00:00 UTC of the ISO week.' }),
    bestEstimatedOneRepMaxKg: t.exposeFloat('bestEstimatedOneRepMaxKg'),
    changeKg: t.exposeFloat('changeKg', {
      nullable: true,
      description: 'The difference from the previous listed week; null for the first.',
    }),
  }),
});

builder.objectFields(User, (t) => ({
  workouts: t.field({
    type: WorkoutConnection,
    description: 'Newest first: the workouts the viewer sees (see Visibility); hidden ones leave no gap in a page.',
    args: bidirectionalArgs,
    complexity: pageComplexity,
    resolve: async (user, args, ctx) => toConnection(await ctx.loaders.workoutsByUserId(args).load(user.id)),
  }),
  stats: t.field({
    type: UserStats,
    description: 'Figures over the last `days` days (1..365), in one statement.',
    args: { days: t.arg.int({ defaultValue: 30 }) },
    resolve: (user, args, ctx) => ctx.loaders.statsByUserId(checkRange(args.days ?? 30, 1, 365, 'days')).load(user.id),
  }),
  exerciseProgress: t.field({
    type: [WeeklyProgress],
    description: 'ISO weeks within the last `weeks` weeks (1..104) holding a set of the exercise, oldest first.',
    args: {
      exerciseId: t.arg.id({ required: true }),
      weeks: t.arg.int({ defaultValue: 12 }),
    },
    resolve: (user, args, ctx) => {
      const exerciseId = idOf('Exercise', args.exerciseId, 'exerciseId');
      const weeks = checkRange(args.weeks ?? 12, 1, 104, 'weeks');
      return ctx.loaders.progressByUserId({ exerciseId, weeks }).load(user.id);
    },
  }),
}));

builder.queryField('workout', (t) =>
  t.field({
    type: Workout,
    nullable: true,
    description: 'Null when there is no such workout or the viewer does not see it (see Visibility).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.workoutById.get(idOf('Workout', args.id)),
  }),
);

const WorkoutSetInput = builder.inputType('WorkoutSetInput', {
  fields: (t) => ({
    exerciseId: t.id({ required: true }),
    reps: t.int({ required: true, description: '1 to 1000.' }),
    weightKg: t.float({ required: true, description: '0 to 1000.' }),
  }),
});

const LogWorkoutInput = builder.inputType('LogWorkoutInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1 to 200 characters.' }),
    startedAt: t.field({ type: 'DateTime', required: true, description: 'At most 5 minutes in the future.' }),
    durationSeconds: t.int({ required: true, description: '0 to 86400.' }),
    sets: t.field({
      type: [WorkoutSetInput],
      required: true,
      description: '1 to 100 sets, in order; 0 to 100 when distanceMeters is above 0.',
    }),
    distanceMeters: t.float({ description: '0 to 1,000,000; absent means 0.' }),
    visibility: t.field({ type: Visibility, description: 'When absent, the owner’s defaultWorkoutVisibility.' }),
  }),
});

const SetWorkoutVisibilityInput = builder.inputType('SetWorkoutVisibilityInput', {
  fields: (t) => ({
    workoutId: t.id({ required: true }),
    visibility: t.field({ type: Visibility, required: true }),
  }),
});

const SetWorkoutVisibilityPayload = payloadType<{ workout: WorkoutRow }>('SetWorkoutVisibilityPayload', (t) => ({
  workout: t.field({ type: Workout, nullable: true, resolve: (p) => p.workout ?? null }),
}));

const DeleteWorkoutInput = builder.inputType('DeleteWorkoutInput', {
  fields: (t) => ({ workoutId: t.id({ required: true }) }),
});

export const LogWorkoutPayload = payloadType<{ workout: WorkoutRow; user: UserRow; personalRecords: RecordRow[] }>(
  'LogWorkoutPayload',
  (t) => ({
    workout: t.field({ type: Workout, nullable: true, resolve: (p) => p.workout ?? null }),
    user: t.field({ type: User, nullable: true, resolve: (p) => p.user ?? null }),
  }),
);

const DeleteWorkoutPayload = payloadType<{ deletedWorkoutId: number; user: UserRow }>('DeleteWorkoutPayload', (t) => ({
  deletedWorkoutId: t.id({
    nullable: true,
    resolve: (p) => (p.deletedWorkoutId ? encodeGlobalId('Workout', p.deletedWorkoutId) : null),
  }),
  user: t.field({ type: User, nullable: true, resolve: (p) => p.user ?? null }),
}));

builder.mutationFields((t) => ({
  logWorkout: t.field({
    type: LogWorkoutPayload,
    args: { input: t.arg({ type: LogWorkoutInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        logWorkout(ctx, {
          ...input,
          sets: input.sets.map((set, i) => ({
            ...set,
            exerciseId: idOf('Exercise', set.exerciseId, `input.sets.${i}.exerciseId`),
          })),
        }),
      ),
  }),
  setWorkoutVisibility: t.field({
    type: SetWorkoutVisibilityPayload,
    description: 'The owner only (FORBIDDEN for others); applies from the next read on.',
    args: { input: t.arg({ type: SetWorkoutVisibilityInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(
        setWorkoutVisibility(ctx, {
          workoutId: idOf('Workout', input.workoutId, 'input.workoutId'),
          visibility: input.visibility,
        }),
      ),
  }),
  deleteWorkout: t.field({
    type: DeleteWorkoutPayload,
    args: { input: t.arg({ type: DeleteWorkoutInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      toPayload(deleteWorkout(ctx, idOf('Workout', input.workoutId, 'input.workoutId'))),
  }),
}));
