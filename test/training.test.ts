import { beforeAll, describe, expect, it } from 'vitest';
import { currentStreakDays, estimatedOneRepMax, isoWeekStart, levelForXp } from '../src/domain/rules';
import { encodeGlobalId } from '../src/graphql/ids';
import { graphql } from './gql';
import type { LogWorkoutInput, WorkoutSetInput } from './gql/graphql';
import { errorCodes, expectData, present, run } from './kit/client';
import { createUser } from './kit/seed';
import { type Exercises, exercises, insertWorkout, LOG_WORKOUT, writtenRows } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
let catalogue: Exercises;
beforeAll(async () => {
  catalogue = await exercises(db.sql);
});

const DAY = 86_400_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** The three sets of the standard workout, as a tuple so a test can alter one of them. */
const standardSets = (): [WorkoutSetInput, WorkoutSetInput, WorkoutSetInput] => [
  { exerciseId: catalogue.globalId('Barbell Back Squat'), reps: 5, weightKg: 100 },
  { exerciseId: catalogue.globalId('Barbell Back Squat'), reps: 1, weightKg: 140 },
  { exerciseId: catalogue.globalId('Deadlift'), reps: 8, weightKg: 120.5 },
];

function workoutInput(overrides: Partial<LogWorkoutInput> = {}): LogWorkoutInput {
  return { title: 'Leg day', startedAt: hoursAgo(2), durationSeconds: 3600, sets: standardSets(), ...overrides };
}

describe('Mutation.logWorkout', () => {
  it('records the workout, its sets in order, the Epley estimates and the denormalized totals', async () => {
    const alice = await createUser(db.sql);
    const result = await run(db, LOG_WORKOUT, { input: workoutInput() }, { as: alice.id });
    const { logWorkout } = expectData(result);
    expect(logWorkout.errors).toEqual([]);
    const volume = 5 * 100 + 1 * 140 + 8 * 120.5;
    expect(logWorkout.workout).toMatchObject({
      title: 'Leg day',
      durationSeconds: 3600,
      totalVolumeKg: volume,
      setCount: 3,
      xpEarned: 10 + 15 + Math.floor(volume / 100),
      user: { id: alice.globalId },
    });
    const { sets } = present(logWorkout.workout, 'the logged workout');
    expect(sets.map((s) => [s.position, s.exercise.name, s.reps, s.weightKg])).toEqual([
      [1, 'Barbell Back Squat', 5, 100],
      [2, 'Barbell Back Squat', 1, 140],
      [3, 'Deadlift', 8, 120.5],
    ]);
    expect(sets.map((s) => s.estimatedOneRepMaxKg)).toEqual([
      estimatedOneRepMax(100, 5),
      140,
      estimatedOneRepMax(120.5, 8),
    ]);
    expect(logWorkout.user).toEqual({ id: alice.globalId, xp: 41, level: 1, workoutCount: 1 });
    const events = await db.sql`select type, workout_id from activity_events where user_id = ${alice.id}`;
    expect(events).toEqual([{ type: 'WORKOUT_LOGGED', workoutId: expect.any(Number) }]);
  });

  it('is UNAUTHENTICATED for an anonymous caller and writes nothing', async () => {
    const before = await writtenRows(db.sql);
    const { logWorkout } = expectData(await run(db, LOG_WORKOUT, { input: workoutInput() }));
    expect(logWorkout.errors.map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    expect(logWorkout.workout).toBeNull();
    expect(await writtenRows(db.sql)).toEqual(before);
  });

  const tooManySets = Array.from({ length: 101 }, () => ({
    exerciseId: encodeGlobalId('Exercise', 1),
    reps: 1,
    weightKg: 1,
  }));
  const broken: [string, () => LogWorkoutInput, string][] = [
    ['an empty title', () => workoutInput({ title: '   ' }), 'title'],
    ['a title over 200 characters', () => workoutInput({ title: 'x'.repeat(201) }), 'title'],
    ['no sets', () => workoutInput({ sets: [] }), 'sets'],
    ['more than 100 sets', () => workoutInput({ sets: tooManySets }), 'sets'],
    ['0 reps', () => workoutInput({ sets: [{ ...standardSets()[0], reps: 0 }] }), 'sets.0.reps'],
    [
      '1001 reps',
      () => workoutInput({ sets: [standardSets()[0], { ...standardSets()[1], reps: 1001 }] }),
      'sets.1.reps',
    ],
    ['a negative weight', () => workoutInput({ sets: [{ ...standardSets()[0], weightKg: -0.5 }] }), 'sets.0.weightKg'],
    [
      'a weight over 1000 kg',
      () => workoutInput({ sets: [{ ...standardSets()[0], weightKg: 1000.5 }] }),
      'sets.0.weightKg',
    ],
    ['a negative duration', () => workoutInput({ durationSeconds: -1 }), 'durationSeconds'],
    ['a duration over a day', () => workoutInput({ durationSeconds: 86_401 }), 'durationSeconds'],
    [
      'a start 6 minutes ahead',
      () => workoutInput({ startedAt: new Date(Date.now() + 6 * 60_000).toISOString() }),
      'startedAt',
    ],
    [
      'an unknown exercise',
      () =>
        workoutInput({
          sets: [standardSets()[0], { exerciseId: encodeGlobalId('Exercise', 999_999), reps: 5, weightKg: 50 }],
        }),
      'sets.1.exerciseId',
    ],
  ];

  it.each(broken)('rejects %s with a VALIDATION error on its field and writes nothing', async (_name, input, field) => {
    const alice = await createUser(db.sql);
    const before = await writtenRows(db.sql);
    const { logWorkout } = expectData(await run(db, LOG_WORKOUT, { input: input() }, { as: alice.id }));
    expect(logWorkout.errors).toEqual([{ code: 'VALIDATION', message: expect.any(String), field }]);
    expect(logWorkout.workout).toBeNull();
    expect(await writtenRows(db.sql)).toEqual(before);
  });

  it('accepts the bounds: 200 characters, 100 sets, 1000 reps, 0 and 1000 kg, 86400 s, 4 minutes ahead', async () => {
    const alice = await createUser(db.sql);
    const sets = Array.from({ length: 100 }, (_, i) => ({
      exerciseId: catalogue.globalId('Deadlift'),
      reps: i === 0 ? 1000 : 1,
      weightKg: i === 1 ? 1000 : 0,
    }));
    const input = workoutInput({
      title: 'x'.repeat(200),
      durationSeconds: 86_400,
      startedAt: new Date(Date.now() + 4 * 60_000).toISOString(),
      sets,
    });
    const { logWorkout } = expectData(await run(db, LOG_WORKOUT, { input }, { as: alice.id }));
    expect(logWorkout.errors).toEqual([]);
    expect(present(logWorkout.workout, 'the logged workout').setCount).toBe(100);
  });

  it('reports every broken rule at once', async () => {
    const alice = await createUser(db.sql);
    const input = workoutInput({
      title: '',
      durationSeconds: 90_000,
      sets: [{ ...standardSets()[0], reps: 0, weightKg: 2000 }],
    });
    const { logWorkout } = expectData(await run(db, LOG_WORKOUT, { input }, { as: alice.id }));
    expect(logWorkout.errors.map((e) => e.field)).toEqual([
      'title',
      'durationSeconds',
      'sets.0.reps',
      'sets.0.weightKg',
    ]);
  });

  it('answers a malformed exercise ID with a BAD_USER_INPUT GraphQL error', async () => {
    const alice = await createUser(db.sql);
    const input = workoutInput({ sets: [{ exerciseId: 'nonsense', reps: 1, weightKg: 1 }] });
    const result = await run(db, LOG_WORKOUT, { input }, { as: alice.id });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.status).toBe(200);
  });

  it('records one LEVEL_UP carrying the new level when a workout raises the level, even by several', async () => {
    const alice = await createUser(db.sql);
    // 10 x 1000 kg: 10000 kg of volume, 10 + 5 + 100 = 115 XP: level 2.
    const heavy = { exerciseId: catalogue.globalId('Deadlift'), reps: 10, weightKg: 1000 };
    let result = expectData(await run(db, LOG_WORKOUT, { input: workoutInput({ sets: [heavy] }) }, { as: alice.id }));
    expect(result.logWorkout.user).toMatchObject({ xp: 115, level: 2 });
    // 20 sets of 100 x 1000 kg: 2,000,000 kg, 20,110 XP in all: level 15.
    const huge = Array.from({ length: 20 }, () => ({ ...heavy, reps: 100 }));
    result = expectData(await run(db, LOG_WORKOUT, { input: workoutInput({ sets: huge }) }, { as: alice.id }));
    expect(result.logWorkout.user).toMatchObject({ xp: 115 + 10 + 100 + 20_000, level: levelForXp(20_225) });
    // A small workout that stays on the level records none.
    expectData(await run(db, LOG_WORKOUT, { input: workoutInput() }, { as: alice.id }));
    const levelUps = await db.sql`
      select level from activity_events where user_id = ${alice.id} and type = 'LEVEL_UP' order by id`;
    expect(levelUps.map((e) => e.level)).toEqual([2, 15]);
  });
});

const DELETE_WORKOUT = graphql(`
  mutation DeleteWorkout($input: DeleteWorkoutInput!) {
    deleteWorkout(input: $input) { deletedWorkoutId user { xp workoutCount } errors { code field } }
  }`);

describe('Mutation.deleteWorkout', () => {
  it('deletes the workout, its sets and its event, and takes its XP back', async () => {
    const alice = await createUser(db.sql);
    const first = expectData(await run(db, LOG_WORKOUT, { input: workoutInput() }, { as: alice.id }));
    const second = expectData(await run(db, LOG_WORKOUT, { input: workoutInput() }, { as: alice.id }));
    const workoutId = present(second.logWorkout.workout, 'the second workout').id;
    const { deleteWorkout } = expectData(await run(db, DELETE_WORKOUT, { input: { workoutId } }, { as: alice.id }));
    expect(deleteWorkout).toEqual({
      deletedWorkoutId: workoutId,
      user: { xp: present(first.logWorkout.user, 'the user after the first workout').xp, workoutCount: 1 },
      errors: [],
    });
    const [left] = await db.sql`
      select (select count(*) from workout_sets s join workouts w on w.id = s.workout_id where w.user_id = ${alice.id}) as sets,
             (select count(*) from activity_events where user_id = ${alice.id}) as events`;
    expect(left).toEqual({ sets: 3, events: 1 });
    const gone = expectData(
      await run(db, graphql(`query WorkoutId($id: ID!) { workout(id: $id) { id } }`), { id: workoutId }),
    );
    expect(gone.workout).toBeNull();
  });

  it('is FORBIDDEN on someone else’s workout, NOT_FOUND on a missing one, UNAUTHENTICATED anonymously', async () => {
    const [alice, mallory] = [await createUser(db.sql), await createUser(db.sql)];
    const { logWorkout } = expectData(await run(db, LOG_WORKOUT, { input: workoutInput() }, { as: alice.id }));
    const workoutId = present(logWorkout.workout, 'the logged workout').id;
    const before = await writtenRows(db.sql);
    const forbidden = expectData(await run(db, DELETE_WORKOUT, { input: { workoutId } }, { as: mallory.id }));
    expect(forbidden.deleteWorkout).toEqual({
      deletedWorkoutId: null,
      user: null,
      errors: [{ code: 'FORBIDDEN', field: 'workoutId' }],
    });
    const anonymous = expectData(await run(db, DELETE_WORKOUT, { input: { workoutId } }));
    expect(anonymous.deleteWorkout.errors).toEqual([{ code: 'UNAUTHENTICATED', field: null }]);
    const missing = { workoutId: encodeGlobalId('Workout', 999_999) };
    const notFound = expectData(await run(db, DELETE_WORKOUT, { input: missing }, { as: alice.id }));
    expect(notFound.deleteWorkout.errors).toEqual([{ code: 'NOT_FOUND', field: 'workoutId' }]);
    expect(await writtenRows(db.sql)).toEqual(before);
  });
});

describe('Query.workout', () => {
  it('resolves a workout by global ID and through node', async () => {
    const alice = await createUser(db.sql);
    const { logWorkout } = expectData(await run(db, LOG_WORKOUT, { input: workoutInput() }, { as: alice.id }));
    const query = graphql(`query WorkoutAndNode($id: ID!) { workout(id: $id) { id setCount user { id } }
      node(id: $id) { ... on Workout { title } } }`);
    const { id } = present(logWorkout.workout, 'the logged workout');
    const data = expectData(await run(db, query, { id }));
    expect(data).toEqual({
      workout: { id, setCount: 3, user: { id: alice.globalId } },
      node: { title: 'Leg day' },
    });
    const malformed = await run(db, query, { id: alice.globalId });
    expect(errorCodes(malformed)).toContain('BAD_USER_INPUT');
  });
});

describe('User.workouts', () => {
  it('lists newest first and pages both ways', async () => {
    const alice = await createUser(db.sql);
    const squat = catalogue.byName.get('Barbell Back Squat')!;
    const ids: number[] = [];
    for (let day = 5; day >= 1; day -= 1) {
      ids.push(
        await insertWorkout(db.sql, alice.id, new Date(Date.now() - day * DAY), [
          { exerciseId: squat, reps: 5, weightKg: 60 },
        ]),
      );
    }
    const newestFirst = ids.reverse().map((id) => encodeGlobalId('Workout', id));
    const query = graphql(`query UserWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }`);
    const page1 = present(expectData(await run(db, query, { id: alice.globalId, first: 2 })).user, 'the user').workouts;
    expect(page1.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = present(
      expectData(await run(db, query, { id: alice.globalId, first: 2, after: page1.pageInfo.endCursor })).user,
      'the user',
    ).workouts;
    expect(page2.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(2, 4));
    expect(page2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = present(
      expectData(await run(db, query, { id: alice.globalId, last: 2, before: page2.pageInfo.startCursor })).user,
      'the user',
    ).workouts;
    expect(back.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const oldest = present(expectData(await run(db, query, { id: alice.globalId, last: 1 })).user, 'the user').workouts;
    expect(oldest.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(4));
  });
});

const STATS = graphql(`query UserStatsOf($id: ID!, $days: Int) {
  user(id: $id) { stats(days: $days) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays } } }`);

describe('User.stats', () => {
  it('sums the window’s workouts, volume and best estimate', async () => {
    const alice = await createUser(db.sql);
    const squat = catalogue.byName.get('Barbell Back Squat')!;
    await insertWorkout(db.sql, alice.id, new Date(Date.now() - 2 * DAY), [
      { exerciseId: squat, reps: 5, weightKg: 100 },
      { exerciseId: squat, reps: 1, weightKg: 130 },
    ]);
    await insertWorkout(db.sql, alice.id, new Date(Date.now() - 10 * DAY), [
      { exerciseId: squat, reps: 10, weightKg: 120 },
    ]);
    const week = present(expectData(await run(db, STATS, { id: alice.globalId, days: 7 })).user, 'the user').stats;
    expect(week).toMatchObject({ workoutCount: 1, totalVolumeKg: 630, bestEstimatedOneRepMaxKg: 130 });
    const month = present(expectData(await run(db, STATS, { id: alice.globalId })).user, 'the user').stats;
    expect(month).toMatchObject({ workoutCount: 2, totalVolumeKg: 1830, bestEstimatedOneRepMaxKg: 160 });
    const nobody = await createUser(db.sql);
    expect(present(expectData(await run(db, STATS, { id: nobody.globalId })).user, 'the user').stats).toEqual({
      workoutCount: 0,
      totalVolumeKg: 0,
      bestEstimatedOneRepMaxKg: null,
      currentStreakDays: 0,
    });
  });

  it('counts the streak in UTC days across midnight, from yesterday while today has none', async () => {
    const alice = await createUser(db.sql);
    const squat = catalogue.byName.get('Barbell Back Squat')!;
    const now = new Date();
    const todayMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    // Yesterday one second before midnight, the day before at midnight sharp, a gap, then older days.
    const times = [todayMidnight - 1000, todayMidnight - 2 * DAY, todayMidnight - 4 * DAY + 5000].map(
      (t) => new Date(t),
    );
    for (const at of times) await insertWorkout(db.sql, alice.id, at, [{ exerciseId: squat, reps: 1, weightKg: 1 }]);
    const stats = async () =>
      present(expectData(await run(db, STATS, { id: alice.globalId, days: 365 })).user, 'the user').stats;
    expect((await stats()).currentStreakDays).toBe(currentStreakDays(times, now));
    expect((await stats()).currentStreakDays).toBe(2);
    // Today's first workout, at 00:00:00.000 UTC, extends it.
    times.push(new Date(todayMidnight));
    await insertWorkout(db.sql, alice.id, new Date(todayMidnight), [{ exerciseId: squat, reps: 1, weightKg: 1 }]);
    expect((await stats()).currentStreakDays).toBe(3);
    // A second workout on a day counts the day once.
    await insertWorkout(db.sql, alice.id, new Date(todayMidnight + 1), [{ exerciseId: squat, reps: 1, weightKg: 1 }]);
    expect((await stats()).currentStreakDays).toBe(3);
  });

  it('runs in one statement for any number of users', async () => {
    const query = graphql(
      `query UsersStats { users(first: 20) { edges { node { stats(days: 30) { workoutCount currentStreakDays } } } } }`,
    );
    const result = await run(db, query);
    expectData(result);
    expect(result.statements).toEqual(['page:users', 'loader:statsByUserId']);
  });

  it.each([0, 366, -1])('rejects days = %i with BAD_USER_INPUT', async (days) => {
    const alice = await createUser(db.sql);
    const result = await run(db, STATS, { id: alice.globalId, days });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

const PROGRESS = graphql(`query ExerciseProgressOf($id: ID!, $exerciseId: ID!, $weeks: Int) {
  user(id: $id) { exerciseProgress(exerciseId: $exerciseId, weeks: $weeks) { weekStart bestEstimatedOneRepMaxKg changeKg } } }`);

describe('User.exerciseProgress', () => {
  it('gives the best estimate per ISO week, oldest first, with the change from the previous listed week', async () => {
    const alice = await createUser(db.sql);
    const squat = catalogue.byName.get('Barbell Back Squat')!;
    const bench = catalogue.byName.get('Bench Press')!;
    const thisMonday = isoWeekStart(new Date()).getTime();
    const WEEK = 7 * DAY;
    // Sunday 23:59 of the week before last and Monday 00:00 of last week fall in different ISO weeks.
    await insertWorkout(db.sql, alice.id, new Date(thisMonday - WEEK - 60_000), [
      { exerciseId: squat, reps: 1, weightKg: 100 },
    ]);
    await insertWorkout(db.sql, alice.id, new Date(thisMonday - WEEK), [
      { exerciseId: squat, reps: 5, weightKg: 90 },
      { exerciseId: squat, reps: 1, weightKg: 104 },
    ]);
    await insertWorkout(db.sql, alice.id, new Date(thisMonday - 5 * WEEK), [
      { exerciseId: squat, reps: 1, weightKg: 80 },
    ]);
    await insertWorkout(db.sql, alice.id, new Date(thisMonday + 60_000), [
      { exerciseId: bench, reps: 1, weightKg: 70 },
    ]);
    await insertWorkout(db.sql, alice.id, new Date(thisMonday - 20 * WEEK), [
      { exerciseId: squat, reps: 1, weightKg: 50 },
    ]);
    const vars = { id: alice.globalId, exerciseId: encodeGlobalId('Exercise', squat) };
    const progress = present(expectData(await run(db, PROGRESS, vars)).user, 'the user').exerciseProgress;
    const iso = (t: number) => new Date(t).toISOString();
    expect(progress).toEqual([
      { weekStart: iso(thisMonday - 5 * WEEK), bestEstimatedOneRepMaxKg: 80, changeKg: null },
      { weekStart: iso(thisMonday - 2 * WEEK), bestEstimatedOneRepMaxKg: 100, changeKg: 20 },
      { weekStart: iso(thisMonday - WEEK), bestEstimatedOneRepMaxKg: 105, changeKg: 5 },
    ]);
    const twoWeeks = present(
      expectData(await run(db, PROGRESS, { ...vars, weeks: 2 })).user,
      'the user',
    ).exerciseProgress;
    expect(twoWeeks).toEqual([{ weekStart: iso(thisMonday - WEEK), bestEstimatedOneRepMaxKg: 105, changeKg: null }]);
    const longer = present(
      expectData(await run(db, PROGRESS, { ...vars, weeks: 104 })).user,
      'the user',
    ).exerciseProgress;
    expect(longer).toHaveLength(4);
  });

  it.each([0, 105])('rejects weeks = %i with BAD_USER_INPUT', async (weeks) => {
    const alice = await createUser(db.sql);
    const result = await run(db, PROGRESS, { id: alice.globalId, exerciseId: encodeGlobalId('Exercise', 1), weeks });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
