import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { idOf } from '../src/graphql/ids';
import { graphql } from './gql';
import { expectData, run, runUntyped } from './kit/client';
import { block, follow, setVisibility } from './kit/privacy';
import { createUsers, globalId, type SeededUser } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { exercises, LOG_WORKOUT } from './kit/training';
import { useTestDatabase } from './setup/db';

/**
 * Every entry point to a workout, for every kind of viewer and every visibility, from one table: a
 * field that reaches a workout is one row in DOORS. A door leaks when it shows a workout (or what
 * names it) to a viewer the rule of "Who sees a workout" keeps it from, and hides when it keeps one
 * from a viewer who sees it; either fails the door's test with the cases that differ.
 */
const db = useTestDatabase();

const VISIBILITIES = ['EVERYONE', 'FOLLOWERS', 'ONLY_ME'] as const;
type Visibility = (typeof VISIBILITIES)[number];
const VIEWERS = ['owner', 'follower', 'stranger', 'anonymous', 'blocked', 'blocking'] as const;
type Viewer = (typeof VIEWERS)[number];

/** The rule, as the API states it. */
function sees(viewer: Viewer, visibility: Visibility): boolean {
  if (viewer === 'owner') return true;
  if (viewer === 'blocked' || viewer === 'blocking') return false;
  return visibility === 'EVERYONE' || (visibility === 'FOLLOWERS' && viewer === 'follower');
}

interface Target {
  workout: string;
  exercise: string;
  loggedEvent: string;
  recordEvent: string;
  record: string;
  comment: string;
}

interface World {
  users: Record<Exclude<Viewer, 'anonymous'>, SeededUser>;
  targets: Record<Visibility, Target>;
}

const world = {} as World;

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

function asker(viewer: Viewer): Ask {
  return async (query, variables = {}) => {
    const options = viewer === 'anonymous' ? {} : { as: world.users[viewer].id };
    const result = await runUntyped(db, query, variables, options);
    if (result.errors?.length) throw new Error(`${viewer}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
}

const ids = (connection: { edges: { node: { id: string } | null }[] } | null | undefined) =>
  (connection?.edges ?? []).map((edge) => edge.node?.id);

interface Door {
  name: string;
  /** Whether the door shows the target to the viewer. */
  shows(ask: Ask, target: Target, viewer: Viewer): Promise<boolean>;
  /** Who it should show the target to. @default sees */
  expected?: (viewer: Viewer, visibility: Visibility) => boolean;
}

const onlyFollowersFeed = (viewer: Viewer, visibility: Visibility) => viewer === 'follower' && sees(viewer, visibility);
const onlyTheOwner = (viewer: Viewer) => viewer === 'owner';

const feedHas = (eventOf: (t: Target) => string) => async (ask: Ask, target: Target) =>
  ids((await ask(`{ feed(first: 100) { edges { node { id } } } }`)).feed).includes(eventOf(target));

const activityHas = (eventOf: (t: Target) => string) => async (ask: Ask, target: Target) =>
  ids(
    (
      await ask(`query($u: ID!) { user(id: $u) { activity(first: 100) { edges { node { id } } } } }`, {
        u: world.users.owner.globalId,
      })
    ).user.activity,
  ).includes(eventOf(target));

const workoutPage = (args: string) => async (ask: Ask, target: Target) =>
  ids(
    (
      await ask(`query($u: ID!) { user(id: $u) { workouts(${args}) { edges { node { id } } } } }`, {
        u: world.users.owner.globalId,
      })
    ).user.workouts,
  ).includes(target.workout);

const nodeShown = (idOf: (t: Target) => string) => async (ask: Ask, target: Target) =>
  (await ask(`query($id: ID!) { node(id: $id) { id } }`, { id: idOf(target) })).node !== null;

const DOORS: Door[] = [
  {
    name: 'Query.workout',
    shows: async (ask, t) =>
      (await ask(`query($id: ID!) { workout(id: $id) { id } }`, { id: t.workout })).workout !== null,
  },
  { name: 'Query.node (Workout)', shows: nodeShown((t) => t.workout) },
  {
    name: 'Query.nodes (Workout)',
    shows: async (ask, t) =>
      (await ask(`query($id: ID!) { nodes(ids: [$id]) { id } }`, { id: t.workout })).nodes[0] !== null,
  },
  { name: 'User.workouts (first)', shows: workoutPage('first: 100') },
  { name: 'User.workouts (last)', shows: workoutPage('last: 100') },
  { name: 'Query.feed (WORKOUT_LOGGED)', shows: feedHas((t) => t.loggedEvent), expected: onlyFollowersFeed },
  { name: 'Query.feed (PERSONAL_RECORD)', shows: feedHas((t) => t.recordEvent), expected: onlyFollowersFeed },
  { name: 'User.activity (WORKOUT_LOGGED)', shows: activityHas((t) => t.loggedEvent) },
  { name: 'User.activity (PERSONAL_RECORD)', shows: activityHas((t) => t.recordEvent) },
  { name: 'Query.node (ActivityEvent WORKOUT_LOGGED)', shows: nodeShown((t) => t.loggedEvent) },
  { name: 'Query.node (ActivityEvent PERSONAL_RECORD)', shows: nodeShown((t) => t.recordEvent) },
  {
    name: 'User.personalRecords',
    shows: async (ask, t) =>
      ids(
        (
          await ask(
            `query($u: ID!, $e: ID) { user(id: $u) { personalRecords(exerciseId: $e, first: 10) { edges { node { id } } } } }`,
            { u: world.users.owner.globalId, e: t.exercise },
          )
        ).user.personalRecords,
      ).includes(t.record),
  },
  { name: 'Query.node (PersonalRecord)', shows: nodeShown((t) => t.record) },
  {
    name: 'Workout.personalRecords',
    shows: async (ask, t) =>
      ((await ask(`query($id: ID!) { workout(id: $id) { personalRecords { id } } }`, { id: t.workout })).workout
        ?.personalRecords.length ?? 0) > 0,
  },
  {
    name: 'Workout.likes',
    shows: async (ask, t) =>
      ids(
        (
          await ask(`query($id: ID!) { workout(id: $id) { likes(first: 10) { edges { node { id } } } } }`, {
            id: t.workout,
          })
        ).workout?.likes,
      ).length > 0,
  },
  {
    name: 'Workout.comments (first)',
    shows: async (ask, t) =>
      ids(
        (
          await ask(`query($id: ID!) { workout(id: $id) { comments(first: 10) { edges { node { id } } } } }`, {
            id: t.workout,
          })
        ).workout?.comments,
      ).includes(t.comment),
  },
  {
    name: 'Workout.comments (last)',
    shows: async (ask, t) =>
      ids(
        (
          await ask(`query($id: ID!) { workout(id: $id) { comments(last: 10) { edges { node { id } } } } }`, {
            id: t.workout,
          })
        ).workout?.comments,
      ).includes(t.comment),
  },
  { name: 'Query.node (Comment)', shows: nodeShown((t) => t.comment) },
  {
    name: 'Notification.workout',
    shows: async (ask, t) =>
      (
        (await ask(`{ viewer { notifications(first: 100) { edges { node { workout { id } } } } } }`)).viewer
          ?.notifications.edges ?? []
      ).some((edge: any) => edge.node.workout?.id === t.workout),
    expected: onlyTheOwner,
  },
  {
    name: 'Notification.comment',
    shows: async (ask, t) =>
      (
        (await ask(`{ viewer { notifications(first: 100) { edges { node { comment { id } } } } } }`)).viewer
          ?.notifications.edges ?? []
      ).some((edge: any) => edge.node.comment?.id === t.comment),
    expected: onlyTheOwner,
  },
  {
    name: 'Subscription.notificationAdded',
    shows: async (_ask, t, viewer) => {
      if (viewer === 'anonymous') return false;
      const user = world.users[viewer];
      const [{ count }] = await db.sql<[{ count: number }]>`
        select count(*)::int from notifications where recipient_id = ${user.id}`;
      if (count === 0) return false;
      const stream = await subscribeSse(db, NotificationReplay, { after: 0 }, { as: user.id });
      const events = await stream.take(count);
      await stream.cancel();
      return events.some(
        (e) =>
          e.data?.notificationAdded.workout?.id === t.workout || e.data?.notificationAdded.comment?.id === t.comment,
      );
    },
    expected: onlyTheOwner,
  },
];

const NotificationReplay = graphql(`
  subscription PrivacyNotificationReplay($after: Int) {
    notificationAdded(afterSequenceNumber: $after) { sequenceNumber workout { id } comment { id } }
  }`);

const MatrixLike = graphql(`
  mutation MatrixLike($input: WorkoutLikeInput!) { likeWorkout(input: $input) { errors { code } } }`);
const MatrixComment = graphql(`
  mutation MatrixComment($input: CommentOnWorkoutInput!) { commentOnWorkout(input: $input) { errors { code } } }`);

const EXERCISE_OF: Record<Visibility, string> = {
  EVERYONE: 'Bench Press',
  FOLLOWERS: 'Deadlift',
  ONLY_ME: 'Barbell Back Squat',
};

async function logAs(owner: SeededUser, exerciseId: string, weightKg: number, daysAgo: number) {
  const result = expectData(
    await run(
      db,
      LOG_WORKOUT,
      {
        input: {
          title: 'Matrix',
          startedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
          durationSeconds: 3600,
          sets: [{ exerciseId, reps: 5, weightKg }],
          visibility: 'EVERYONE',
        },
      },
      { as: owner.id },
    ),
  ).logWorkout;
  expect(result.errors).toEqual([]);
  return result.workout!.id;
}

beforeAll(async () => {
  const [owner, follower, stranger, blocked, blocking] = await createUsers(db.sql, 5);
  world.users = { owner: owner!, follower: follower!, stranger: stranger!, blocked: blocked!, blocking: blocking! };
  const catalogue = await exercises(db.sql);
  await follow(db, follower!, owner!);
  // Follows the blocks below must remove.
  await follow(db, blocked!, owner!);
  await follow(db, owner!, blocking!);

  world.targets = {} as World['targets'];
  for (const visibility of VISIBILITIES) {
    const exercise = catalogue.globalId(EXERCISE_OF[visibility]);
    await logAs(owner!, exercise, 60, 3); // the earlier best, so the target sets records over it
    const workout = await logAs(owner!, exercise, 100, 2);
    expect(
      expectData(await run(db, MatrixLike, { input: { workoutId: workout } }, { as: follower!.id })).likeWorkout.errors,
    ).toEqual([]);
    const commented = expectData(
      await run(db, MatrixComment, { input: { workoutId: workout, body: 'Strong' } }, { as: follower!.id }),
    );
    expect(commented.commentOnWorkout.errors).toEqual([]);
    expect(await setVisibility(db, owner!, workout, visibility)).toMatchObject({ errors: [], workout: { visibility } });

    const owned = expectData(
      await runUntyped(
        db,
        `query($id: ID!) { workout(id: $id) { personalRecords { id } comments(first: 1) { edges { node { id } } } } }`,
        { id: workout },
        { as: owner!.id },
      ),
    ) as any;
    const events = await db.sql<{ id: number; type: string }[]>`
      select id, type from activity_events where workout_id = ${idOf('Workout', workout)}`;
    const eventOf = (type: string) => {
      const event = events.find((e) => e.type === type);
      if (!event) throw new Error(`No ${type} event for the ${visibility} workout`);
      return globalId('ActivityEvent', event.id);
    };
    world.targets[visibility] = {
      workout,
      exercise,
      loggedEvent: eventOf('WORKOUT_LOGGED'),
      recordEvent: eventOf('PERSONAL_RECORD'),
      record: owned.workout.personalRecords[0].id,
      comment: owned.workout.comments.edges[0].node.id,
    };
  }
  expect((await block(db, owner!, blocked!)).errors).toEqual([]);
  expect((await block(db, blocking!, owner!)).errors).toEqual([]);
});

describe('Who sees a workout: every entry point × viewer × visibility', () => {
  it('the table covers every viewer and visibility', () => {
    expect(Object.keys(world.targets).sort()).toEqual([...VISIBILITIES].sort());
  });

  it.each(DOORS.map((door) => [door.name, door] as const))('%s', async (_name, door) => {
    const differ: string[] = [];
    for (const viewer of VIEWERS) {
      const ask = asker(viewer);
      for (const visibility of VISIBILITIES) {
        const expected = (door.expected ?? sees)(viewer, visibility);
        const shown = await door.shows(ask, world.targets[visibility], viewer);
        if (shown !== expected) differ.push(`${viewer} × ${visibility}: ${shown ? 'LEAKS' : 'hides'}`);
      }
    }
    expect(differ).toEqual([]);
  });
});

describe('Who sees a workout: acting on it', () => {
  // Reading doors first: these add likes and comments.
  function expectedCode(viewer: Viewer, visibility: Visibility, own: 'VALIDATION' | null): string | null {
    if (viewer === 'anonymous') return 'UNAUTHENTICATED';
    if (viewer === 'owner') return own;
    if (viewer === 'blocked' || viewer === 'blocking') return 'FORBIDDEN';
    return sees(viewer, visibility) ? null : 'NOT_FOUND';
  }

  it.each([
    ['Mutation.likeWorkout', MatrixLike, 'likeWorkout', 'VALIDATION'],
    ['Mutation.commentOnWorkout', MatrixComment, 'commentOnWorkout', null],
  ] as const)('%s: NOT_FOUND when unseen, FORBIDDEN across a block', async (_name, document, field, own) => {
    const differ: string[] = [];
    for (const viewer of VIEWERS) {
      for (const visibility of VISIBILITIES) {
        const workoutId = world.targets[visibility].workout;
        const input = field === 'likeWorkout' ? { workoutId } : { workoutId, body: 'Again' };
        const options = viewer === 'anonymous' ? {} : { as: world.users[viewer].id };
        const result = expectData(await runUntyped(db, print(document), { input }, options)) as any;
        const code = result[field].errors[0]?.code ?? null;
        const expected = expectedCode(viewer, visibility, own);
        if (code !== expected) differ.push(`${viewer} × ${visibility}: ${code} (expected ${expected})`);
      }
    }
    expect(differ).toEqual([]);
  });
});
