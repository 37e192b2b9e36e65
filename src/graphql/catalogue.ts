import { type ActivationRow, type ExerciseRow, exercisesPage, type MuscleRow } from '../loaders/catalogue';
import { loadEach, loadRequired, primeRows } from '../loaders/factory';
import { builder } from './builder';
import { forwardArgs, pageComplexity, toConnection } from './connections';
import { idOf } from './ids';

export const Muscle = builder.objectRef<MuscleRow>('Muscle');
export const Exercise = builder.objectRef<ExerciseRow>('Exercise');
export const MuscleActivation = builder.objectRef<ActivationRow>('MuscleActivation');

export const ExerciseConnection = builder.connectionObject(
  { type: Exercise, name: 'ExerciseConnection' },
  { name: 'ExerciseEdge' },
);

function exercisesOfMuscle(
  ctx: import('../context').Context,
  muscleId: number,
  args: { first?: number | null; after?: string | null },
) {
  return ctx.loaders
    .exercisesByMuscleId(args)
    .load(muscleId)
    .then((result) => toConnection(result));
}

builder.node(Muscle, {
  id: { resolve: (muscle) => muscle.id },
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.muscleById, ids.map(Number)),
  fields: (t) => ({
    name: t.exposeString('name'),
    exercises: t.field({
      type: ExerciseConnection,
      description: 'Exercises that work this muscle, strongest activation first.',
      args: forwardArgs,
      complexity: pageComplexity,
      resolve: (muscle, args, ctx) => exercisesOfMuscle(ctx, muscle.id, args),
    }),
  }),
});

builder.node(Exercise, {
  id: { resolve: (exercise) => exercise.id },
  loadManyWithoutCache: (ids, ctx) => loadEach(ctx.loaders.exerciseById, ids.map(Number)),
  fields: (t) => ({
    name: t.exposeString('name'),
    activations: t.field({
      type: [MuscleActivation],
      description: 'The muscles this exercise works, strongest first.',
      resolve: (exercise, _args, ctx) => ctx.loaders.activationsByExerciseId.get(exercise.id),
    }),
  }),
});

MuscleActivation.implement({
  fields: (t) => ({
    muscle: t.field({
      type: Muscle,
      resolve: (row) => ({ id: row.muscleId, name: row.muscleName }),
    }),
    exercise: t.field({
      type: Exercise,
      resolve: (row, _args, ctx) => loadRequired(ctx.loaders.exerciseById, row.exerciseId),
    }),
    activation: t.exposeFloat('activation', { description: 'From 0 to 1.' }),
  }),
});

builder.queryFields((t) => ({
  muscles: t.field({
    type: [Muscle],
    description: 'Every muscle, by name.',
    resolve: (_root, _args, ctx) => ctx.loaders.allMuscles(),
  }),
  exercises: t.field({
    type: ExerciseConnection,
    description: 'With muscleId: the exercises that work it, strongest activation first; otherwise all, by name.',
    args: { muscleId: t.arg.id(), ...forwardArgs },
    complexity: pageComplexity,
    resolve: async (_root, args, ctx) => {
      if (args.muscleId != null) return exercisesOfMuscle(ctx, idOf('Muscle', args.muscleId, 'muscleId'), args);
      const page = await exercisesPage(ctx.sql, args);
      primeRows(ctx.loaders.exerciseById, page.rows);
      return toConnection(page);
    },
  }),
}));
