import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/ids';
import { graphql } from './gql';
import type { RecordsQueryVariables } from './gql/graphql';
import { errorCodes, expectData, nodeWith, present, run } from './kit/client';
import { bruteForceRecords, storedRecords } from './kit/records';
import { createUser, type SeededUser } from './kit/seed';
import { type Exercises, exercises, insertWorkout } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
let catalogue: Exercises;
beforeAll(async () => {
  catalogue = await exercises(db.sql);
});

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const LOG = graphql(`
  mutation Log($input: LogWorkoutInput!) {
    logWorkout(input: $input) {
      workout { id }
      personalRecords { id kind valueKg previousValueKg achievedAt exercise { name } set { position reps weightKg } workout { id } user { username } }
      errors { code field }
    }
  }`);

const DELETE = graphql(`
  mutation Delete($id: ID!) { deleteWorkout(input: { workoutId: $id }) { deletedWorkoutId errors { code } } }`);

type Lift = [exercise: string, reps: number, weightKg: number];

async function log(user: SeededUser, startedAt: string, lifts: Lift[]) {
  const sets = lifts.map(([name, reps, weightKg]) => ({ exerciseId: catalogue.globalId(name), reps, weightKg }));
  const result = await run(
    db,
    LOG,
    { input: { title: 'Session', startedAt, durationSeconds: 3600, sets } },
    { as: user.id },
  );
  const data = expectData(result).logWorkout;
  expect(data.errors).toEqual([]);
  return {
    workoutId: present(data.workout, 'the logged workout').id,
    records: data.personalRecords,
    statements: result.statements,
  };
}

async function recordsOf(variables: RecordsQueryVariables) {
  return nodeWith(expectData(await run(db, RECORDS, variables)).node, 'personalRecords').personalRecords;
}

async function remove(user: SeededUser, workoutId: string) {
  const data = expectData(await run(db, DELETE, { id: workoutId }, { as: user.id })).deleteWorkout;
  expect(data.errors).toEqual([]);
}

async function expectExact(userIds: number[]) {
  expect(await storedRecords(db.sql, userIds)).toEqual(await bruteForceRecords(db.sql, userIds));
}

const RECORDS = graphql(`
  query Records($id: ID!, $exerciseId: ID, $kind: RecordKind, $first: Int, $after: String) {
    node(id: $id) { ... on User {
      personalRecords(exerciseId: $exerciseId, kind: $kind, first: $first, after: $after) {
        edges { cursor node { id kind valueKg previousValueKg exercise { name } } }
        pageInfo { hasNextPage endCursor }
      }
    } }
  }`);

describe('personal records', () => {
  it('sets records on a first workout without a previous value, and no PERSONAL_RECORD event', async () => {
    const alice = await createUser(db.sql);
    const first = await log(alice, hoursAgo(10), [
      ['Bench Press', 5, 100],
      ['Bench Press', 1, 110],
    ]);
    const byKind = Object.fromEntries(first.records.map((r) => [r.kind, r]));
    expect(first.records).toHaveLength(3);
    expect(byKind.ESTIMATED_ONE_REP_MAX).toMatchObject({
      valueKg: 100 * (1 + 5 / 30),
      previousValueKg: null,
      set: { position: 1, reps: 5, weightKg: 100 },
      exercise: { name: 'Bench Press' },
      workout: { id: first.workoutId },
      user: { username: alice.username },
    });
    expect(byKind.HEAVIEST_WEIGHT).toMatchObject({ valueKg: 110, set: { position: 2 } });
    expect(byKind.BEST_SET_VOLUME).toMatchObject({ valueKg: 500, set: { position: 1 } });
    const events = await db.sql`select type from activity_events where user_id = ${alice.id} order by id`;
    expect(events.map((e) => e.type)).toEqual(['WORKOUT_LOGGED']);
    await expectExact([alice.id]);
  });

  it('beats a record with the old value as previousValueKg, records one public PERSONAL_RECORD event, and ties keep the earliest set', async () => {
    const bob = await createUser(db.sql);
    const fan = await createUser(db.sql);
    await db.sql`insert into follows (follower_id, followee_id) values (${fan.id}, ${bob.id})`;
    await log(bob, hoursAgo(30), [['Deadlift', 5, 150]]);
    const tie = await log(bob, hoursAgo(20), [['Deadlift', 5, 150]]);
    expect(tie.records).toEqual([]);
    const beat = await log(bob, hoursAgo(10), [
      ['Deadlift', 3, 160],
      ['Barbell Back Squat', 5, 100],
    ]);
    const deadliftWeight = beat.records.find((r) => r.exercise.name === 'Deadlift' && r.kind === 'HEAVIEST_WEIGHT');
    expect(deadliftWeight).toMatchObject({ valueKg: 160, previousValueKg: 150 });
    // Volume 3 * 160 = 480 does not beat 5 * 150 = 750: the first workout keeps that record.
    expect(beat.records.find((r) => r.exercise.name === 'Deadlift' && r.kind === 'BEST_SET_VOLUME')).toBeUndefined();

    const feed = expectData(
      await run(
        db,
        graphql(
          `query RecordsFeed { feed(types: [PERSONAL_RECORD]) { edges { node { type workout { id } records { kind valueKg previousValueKg exercise { name } } } } } }`,
        ),
        {},
        { as: fan.id },
      ),
    );
    expect(feed.feed.edges).toHaveLength(1);
    expect(feed.feed.edges[0]?.node.workout?.id).toBe(beat.workoutId);
    expect(
      feed.feed.edges[0]?.node.records.map((r) => [r.exercise.name, r.kind, r.valueKg, r.previousValueKg]),
    ).toEqual([
      ['Deadlift', 'ESTIMATED_ONE_REP_MAX', 160 * 1.1, 175],
      ['Deadlift', 'HEAVIEST_WEIGHT', 160, 150],
    ]);
    await expectExact([bob.id]);

    // Deleting the record's workout hands every record back and takes its event with it.
    await remove(bob, beat.workoutId);
    const [{ count }] = await db.sql<
      [{ count: number }]
    >`select count(*)::int from activity_events where user_id = ${bob.id} and type = 'PERSONAL_RECORD'`;
    expect(count).toBe(0);
    await expectExact([bob.id]);
    const records = await storedRecords(db.sql, [bob.id]);
    // In kind order: BEST_SET_VOLUME, ESTIMATED_ONE_REP_MAX, HEAVIEST_WEIGHT.
    expect(records.map((r) => r.valueKg)).toEqual([750, 175, 150]);
  });

  it('stays exact for a back-dated log and for deleting a workout that is not the newest', async () => {
    const carol = await createUser(db.sql);
    const a = await log(carol, hoursAgo(50), [['Bench Press', 5, 80]]);
    await log(carol, hoursAgo(30), [['Bench Press', 5, 90]]);
    await log(carol, hoursAgo(10), [['Bench Press', 5, 85]]);
    // Back-dated below everything: becomes every later record's previous value.
    const early = await log(carol, hoursAgo(60), [['Bench Press', 5, 88]]);
    expect(early.records.map((r) => r.kind).sort()).toEqual([]);
    let records = await storedRecords(db.sql, [carol.id]);
    expect(records.find((r) => r.kind === 'HEAVIEST_WEIGHT')).toMatchObject({ valueKg: 90, previousValueKg: 88 });
    await expectExact([carol.id]);
    // Back-dated and heavier: takes the records, with no previous value.
    const earliest = await log(carol, hoursAgo(70), [['Bench Press', 5, 95]]);
    expect(earliest.records.map((r) => [r.kind, r.valueKg, r.previousValueKg])).toContainEqual([
      'HEAVIEST_WEIGHT',
      95,
      null,
    ]);
    await expectExact([carol.id]);
    await remove(carol, earliest.workoutId);
    await remove(carol, a.workoutId);
    await remove(carol, early.workoutId);
    records = await storedRecords(db.sql, [carol.id]);
    expect(records.find((r) => r.kind === 'HEAVIEST_WEIGHT')).toMatchObject({ valueKg: 90, previousValueKg: null });
    await expectExact([carol.id]);
  });

  it('matches a from-scratch recomputation after random histories of logs, back-dated logs, bulk inserts and deletes', async () => {
    const people = [await createUser(db.sql), await createUser(db.sql)];
    const lifts = ['Bench Press', 'Deadlift', 'Overhead Press'];
    const weights = [40, 50, 60, 60, 70];
    let seed = 14;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const workouts = new Map<number, string[]>(people.map((p) => [p.id, []]));
    for (let step = 0; step < 90; step += 1) {
      const user = pick(people);
      const mine = workouts.get(user.id)!;
      const roll = random();
      // A few whole hours apart, so equal startedAt values happen too.
      const startedAt = hoursAgo(1 + Math.floor(random() * 40));
      const sets: Lift[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => [
        pick(lifts),
        pick([1, 3, 5]),
        pick(weights),
      ]);
      if (roll < 0.25 && mine.length > 0) {
        const victim = mine.splice(Math.floor(random() * mine.length), 1)[0]!;
        await remove(user, victim);
      } else if (roll < 0.35) {
        // Straight into the tables, two workouts in one statement of sets: the recomputing path.
        const [x, y] = [
          await db.sql<[{ id: number }]>`insert into workouts (user_id, title, started_at, duration_seconds)
            values (${user.id}, 'Bulk', ${startedAt}, 60) returning id`,
          await db.sql<[{ id: number }]>`insert into workouts (user_id, title, started_at, duration_seconds)
            values (${user.id}, 'Bulk', ${hoursAgo(1 + Math.floor(random() * 40))}, 60) returning id`,
        ];
        const rows = [x[0].id, y[0].id].flatMap((workoutId) =>
          sets.map(([name, reps, weightKg], i) => ({
            workoutId,
            position: i + 1,
            exerciseId: catalogue.byName.get(name)!,
            reps,
            weightKg,
          })),
        );
        await db.sql`insert into workout_sets ${db.sql(rows)}`;
        mine.push(encodeGlobalId('Workout', x[0].id), encodeGlobalId('Workout', y[0].id));
      } else {
        mine.push((await log(user, startedAt, sets)).workoutId);
      }
      await expectExact(people.map((p) => p.id));
    }
  });

  it('lets only one of many concurrent logs of one user claim a record', async () => {
    const dana = await createUser(db.sql);
    await log(dana, hoursAgo(5), [['Bench Press', 5, 90]]);
    const startedAt = hoursAgo(1);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        run(
          db,
          LOG,
          {
            input: {
              title: 'Race',
              startedAt,
              durationSeconds: 60,
              sets: [{ exerciseId: catalogue.globalId('Bench Press'), reps: 5, weightKg: 100 }],
            },
          },
          { as: dana.id },
        ),
      ),
    );
    const claims = results.flatMap((r) => expectData(r).logWorkout.personalRecords);
    expect(claims.filter((r) => r.kind === 'HEAVIEST_WEIGHT')).toHaveLength(1);
    const [{ events }] = await db.sql<[{ events: number }]>`select count(*)::int as events from activity_events
                                       where user_id = ${dana.id} and type = 'PERSONAL_RECORD'`;
    expect(events).toBe(1);
    await expectExact([dana.id]);
  });

  it('lists current records newest first with filters and pages, by node id too, and Workout.personalRecords', async () => {
    const erin = await createUser(db.sql);
    const old = await log(erin, hoursAgo(20), [['Deadlift', 5, 100]]);
    await log(erin, hoursAgo(10), [['Bench Press', 5, 60]]);
    const all = await recordsOf({ id: erin.globalId });
    expect(all.edges.map((e) => e.node.exercise.name)).toEqual([
      'Bench Press',
      'Bench Press',
      'Bench Press',
      'Deadlift',
      'Deadlift',
      'Deadlift',
    ]);
    const page1 = await recordsOf({ id: erin.globalId, first: 4 });
    const page2 = await recordsOf({ id: erin.globalId, first: 4, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const filtered = await recordsOf({
      id: erin.globalId,
      exerciseId: catalogue.globalId('Deadlift'),
      kind: 'HEAVIEST_WEIGHT',
    });
    expect(filtered.edges.map((e) => [e.node.exercise.name, e.node.kind, e.node.valueKg])).toEqual([
      ['Deadlift', 'HEAVIEST_WEIGHT', 100],
    ]);
    const id = present(filtered.edges[0], 'the Deadlift record').node.id;
    const byNode = expectData(
      await run(db, graphql(`query RecordNode($id: ID!) { node(id: $id) { ... on PersonalRecord { id valueKg } } }`), {
        id,
      }),
    );
    expect(byNode.node).toEqual({ id, valueKg: 100 });
    // The id names (user, exercise, kind): it survives the record moving to another workout.
    await log(erin, hoursAgo(5), [['Deadlift', 1, 120]]);
    const moved = expectData(
      await run(db, graphql(`query RecordValue($id: ID!) { node(id: $id) { ... on PersonalRecord { valueKg } } }`), {
        id,
      }),
    );
    expect(moved.node).toEqual({ valueKg: 120 });
    const workout = expectData(
      await run(
        db,
        graphql(`query RecordsWorkout($id: ID!) { workout(id: $id) { personalRecords { kind valueKg } } }`),
        { id: old.workoutId },
      ),
    );
    // 1 x 120 (e1RM 120) beat 5 x 100 (e1RM 116.7) too; the volume record stays with the old workout.
    expect(workout.workout?.personalRecords.map((r) => [r.kind, r.valueKg])).toEqual([['BEST_SET_VOLUME', 500]]);
  });

  it('answers the records of every user on a page in one statement', async () => {
    const users = [await createUser(db.sql), await createUser(db.sql), await createUser(db.sql)];
    for (const user of users) await log(user, hoursAgo(3), [['Deadlift', 5, 100]]);
    const result = await run(
      db,
      graphql(`query RecordsOfUsers($ids: [ID!]!) { nodes(ids: $ids) { ... on User { personalRecords(first: 5) { edges { node { kind set { reps } workout { title } } } }
         workouts(first: 5) { edges { node { personalRecords { kind } } } } } } }`),
      { ids: users.map((u) => u.globalId) },
    );
    expectData(result);
    expect(result.statements.filter((s) => s === 'loader:recordsByUserId')).toHaveLength(1);
    expect(result.statements.filter((s) => s === 'loader:recordsByWorkoutId')).toHaveLength(1);
  });

  it('costs logWorkout one statement to read the records it set', async () => {
    const fay = await createUser(db.sql);
    const { statements } = await log(fay, hoursAgo(2), [['Deadlift', 5, 100]]);
    expect(statements.filter((s) => s.startsWith('training:'))).toEqual([
      'training:lockUser',
      'training:insertWorkout',
      'training:insertSets',
      'training:readWorkout',
      'training:readUser',
      'training:readRecords',
      'training:events',
    ]);
  });
});

describe('User.muscleLoad', () => {
  it('sums reps * weightKg * activation per muscle over the window, highest first, in one statement', async () => {
    const gus = await createUser(db.sql);
    await log(gus, hoursAgo(2), [
      ['Bench Press', 5, 100],
      ['Deadlift', 5, 100],
    ]);
    await insertWorkout(db.sql, gus.id, new Date(Date.now() - 40 * 24 * HOUR), [
      { exerciseId: catalogue.byName.get('Deadlift')!, reps: 10, weightKg: 200 },
    ]);
    const expected = await db.sql<{ name: string; load: number; sets: number }[]>`
      select m.name, sum(s.reps * s.weight_kg * a.activation) as load, count(*)::int as sets
        from workouts w join workout_sets s on s.workout_id = w.id
        join exercise_activations a on a.exercise_id = s.exercise_id join muscles m on m.id = a.muscle_id
       where w.user_id = ${gus.id} and w.started_at > now() - interval '7 days'
       group by m.name order by load desc, m.name`;
    const result = await run(
      db,
      graphql(
        `query MuscleLoad($id: ID!) { node(id: $id) { ... on User { muscleLoad { muscle { name } loadKg setCount } } } }`,
      ),
      { id: gus.globalId },
    );
    const loads = nodeWith(expectData(result).node, 'muscleLoad').muscleLoad;
    expect(loads.map((l) => [l.muscle.name, l.loadKg, l.setCount])).toEqual(
      expected.map((e) => [e.name, e.load, e.sets]),
    );
    expect(loads.length).toBeGreaterThan(2);
    expect(result.statements.filter((s) => s === 'loader:muscleLoadByUserId')).toHaveLength(1);
    const wide = expectData(
      await run(
        db,
        graphql(
          `query MuscleLoadOf60Days($id: ID!) { node(id: $id) { ... on User { muscleLoad(days: 60) { loadKg } } } }`,
        ),
        {
          id: gus.globalId,
        },
      ),
    ).node;
    expect(nodeWith(wide, 'muscleLoad').muscleLoad[0]?.loadKg).toBeGreaterThan(present(loads[0], 'a muscle').loadKg);
  });

  it('rejects days outside 1..365 as BAD_USER_INPUT', async () => {
    const hal = await createUser(db.sql);
    for (const days of [0, 366]) {
      const result = await run(
        db,
        graphql(
          `query MuscleLoadOfDays($id: ID!, $d: Int) { node(id: $id) { ... on User { muscleLoad(days: $d) { loadKg } } } }`,
        ),
        {
          id: hal.globalId,
          d: days,
        },
      );
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
