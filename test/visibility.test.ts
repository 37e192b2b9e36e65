import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { follow, SetWorkoutVisibility, setVisibility } from './kit/privacy';
import { createUsers, type SeededUser } from './kit/seed';
import { exercises, LOG_WORKOUT } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

type Visibility = 'EVERYONE' | 'FOLLOWERS' | 'ONLY_ME';

const UpdateDefault = graphql(`
  mutation UpdateDefaultVisibility($input: UpdateProfileInput!) {
    updateProfile(input: $input) { user { defaultWorkoutVisibility } errors { code field } }
  }`);

const DefaultOf = graphql(`
  query DefaultWorkoutVisibility($id: ID!) { user(id: $id) { defaultWorkoutVisibility } }`);

const Workouts = graphql(`
  query VisibleWorkouts($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    user(id: $id) {
      workouts(first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { id visibility } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }`);

const Feed = graphql(`
  query VisibleFeed($first: Int, $after: String) {
    feed(first: $first, after: $after) {
      edges { node { id type workout { id } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`);

const Activity = graphql(`
  query VisibleActivity($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      activity(first: $first, after: $after, types: [WORKOUT_LOGGED]) {
        edges { node { workout { id } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`);

const Aggregates = graphql(`
  query VisibilityAggregates($id: ID!, $exercise: ID!) {
    user(id: $id) {
      xp level workoutCount
      stats(days: 30) { workoutCount totalVolumeKg bestEstimatedOneRepMaxKg currentStreakDays }
      exerciseProgress(exerciseId: $exercise) { weekStart bestEstimatedOneRepMaxKg }
      muscleLoad(days: 30) { loadKg setCount muscle { name } }
      rank(kind: XP_ALL_TIME) { score }
    }
  }`);

const LikesOf = graphql(`
  query VisibilityCounts($id: ID!) { workout(id: $id) { likeCount commentCount } }`);

const workoutsPage = async (owner: SeededUser, viewer: SeededUser, args: Record<string, unknown>) =>
  expectData(await run(db, Workouts, { id: owner.globalId, ...args }, { as: viewer.id })).user!.workouts;
const feedPage = async (viewer: SeededUser, after: string | null | undefined) =>
  expectData(await run(db, Feed, { first: 3, after }, { as: viewer.id })).feed;
const activityPage = async (owner: SeededUser, viewer: SeededUser, after: string | null | undefined) =>
  expectData(await run(db, Activity, { id: owner.globalId, first: 2, after }, { as: viewer.id })).user!.activity;

type WorkoutsPage = Awaited<ReturnType<typeof workoutsPage>>;
type FeedPage = Awaited<ReturnType<typeof feedPage>>;
type ActivityPage = Awaited<ReturnType<typeof activityPage>>;

let clock = 0;
async function log(owner: SeededUser, visibility?: Visibility | null, weightKg = 80) {
  const bench = (await exercises(db.sql)).globalId('Bench Press');
  clock += 1;
  const result = expectData(
    await run(
      db,
      LOG_WORKOUT,
      {
        input: {
          title: `Session ${clock}`,
          // Each later call starts later, so newest-first order is the order of the calls.
          startedAt: new Date(Date.now() - 10 * 86_400_000 + clock * 60_000).toISOString(),
          durationSeconds: 1800,
          sets: [{ exerciseId: bench, reps: 5, weightKg }],
          ...(visibility === undefined ? {} : { visibility }),
        },
      },
      { as: owner.id },
    ),
  ).logWorkout;
  expect(result.errors).toEqual([]);
  return result.workout!.id;
}

const visibilityOf = async (owner: SeededUser, id: string) =>
  expectData(await run(db, Workouts, { id: owner.globalId, first: 100 }, { as: owner.id })).user!.workouts.edges.find(
    (e) => e.node.id === id,
  )?.node.visibility ?? null;

describe('LogWorkoutInput.visibility / User.defaultWorkoutVisibility', () => {
  it('logs with the given visibility, else the owner’s default, initially EVERYONE; the default is the viewer’s alone', async () => {
    const [owner, other] = await createUsers(db.sql, 2);
    expect(await visibilityOf(owner!, await log(owner!))).toBe('EVERYONE');
    const changed = expectData(
      await run(db, UpdateDefault, { input: { defaultWorkoutVisibility: 'FOLLOWERS' } }, { as: owner!.id }),
    );
    expect(changed.updateProfile).toEqual({ user: { defaultWorkoutVisibility: 'FOLLOWERS' }, errors: [] });
    expect(await visibilityOf(owner!, await log(owner!))).toBe('FOLLOWERS');
    expect(await visibilityOf(owner!, await log(owner!, null))).toBe('FOLLOWERS');
    expect(await visibilityOf(owner!, await log(owner!, 'ONLY_ME'))).toBe('ONLY_ME');
    expect(await visibilityOf(owner!, await log(owner!, 'EVERYONE'))).toBe('EVERYONE');
    const refused = expectData(
      await run(db, UpdateDefault, { input: { defaultWorkoutVisibility: null } }, { as: owner!.id }),
    );
    expect(refused.updateProfile.errors).toMatchObject([{ code: 'VALIDATION', field: 'defaultWorkoutVisibility' }]);
    for (const as of [other!.id, undefined]) {
      const seen = expectData(await run(db, DefaultOf, { id: owner!.globalId }, as ? { as } : {})).user;
      expect(seen?.defaultWorkoutVisibility).toBeNull();
    }
    expect(
      expectData(await run(db, DefaultOf, { id: owner!.globalId }, { as: owner!.id })).user?.defaultWorkoutVisibility,
    ).toBe('FOLLOWERS');
  });
});

describe('Mutation.setWorkoutVisibility', () => {
  it('is the owner’s alone: FORBIDDEN for others who see it, NOT_FOUND for those who do not, applied from the next read', async () => {
    const [owner, fan, stranger] = await createUsers(db.sql, 3);
    await follow(db, fan!, owner!);
    const workout = await log(owner!, 'FOLLOWERS');
    const attempt = async (by: SeededUser | null, visibility: Visibility) =>
      expectData(
        await run(db, SetWorkoutVisibility, { input: { workoutId: workout, visibility } }, by ? { as: by.id } : {}),
      ).setWorkoutVisibility;
    expect((await attempt(fan!, 'EVERYONE')).errors).toMatchObject([{ code: 'FORBIDDEN', field: 'workoutId' }]);
    expect((await attempt(stranger!, 'EVERYONE')).errors).toMatchObject([{ code: 'NOT_FOUND', field: 'workoutId' }]);
    expect((await attempt(null, 'EVERYONE')).errors).toMatchObject([{ code: 'UNAUTHENTICATED' }]);
    expect(await visibilityOf(owner!, workout)).toBe('FOLLOWERS');

    const seenBy = async (viewer: SeededUser) =>
      expectData(await run(db, Workouts, { id: owner!.globalId, first: 10 }, { as: viewer.id })).user!.workouts.edges
        .length;
    expect(await seenBy(stranger!)).toBe(0);
    expect(await attempt(owner!, 'EVERYONE')).toEqual({ workout: { id: workout, visibility: 'EVERYONE' }, errors: [] });
    expect(await seenBy(stranger!)).toBe(1);
    await setVisibility(db, owner!, workout, 'ONLY_ME');
    expect(await seenBy(fan!)).toBe(0);
    expect(await seenBy(owner!)).toBe(1);
  });

  it('keeps likes and comments already made counted', async () => {
    const [owner, fan] = await createUsers(db.sql, 2);
    const workout = await log(owner!, 'EVERYONE');
    await run(
      db,
      graphql(`mutation VisLike($id: ID!) { likeWorkout(input: { workoutId: $id }) { errors { code } } }`),
      { id: workout },
      { as: fan!.id },
    );
    await run(
      db,
      graphql(
        `mutation VisComment($id: ID!) { commentOnWorkout(input: { workoutId: $id, body: "Nice" }) { errors { code } } }`,
      ),
      { id: workout },
      { as: fan!.id },
    );
    await setVisibility(db, owner!, workout, 'ONLY_ME');
    expect(expectData(await run(db, LikesOf, { id: workout }, { as: owner!.id })).workout).toEqual({
      likeCount: 1,
      commentCount: 1,
    });
    expect(expectData(await run(db, LikesOf, { id: workout }, { as: fan!.id })).workout).toBeNull();
  });
});

describe('aggregates count every workout, hidden or not', () => {
  it('shows a stranger the same xp, workoutCount, stats, progress, muscle load and leaderboard score as the owner', async () => {
    const [owner, stranger] = await createUsers(db.sql, 2);
    await log(owner!, 'EVERYONE', 60);
    await log(owner!, 'FOLLOWERS', 80);
    await log(owner!, 'ONLY_ME', 100);
    const bench = (await exercises(db.sql)).globalId('Bench Press');
    const asOwner = expectData(await run(db, Aggregates, { id: owner!.globalId, exercise: bench }, { as: owner!.id }));
    const asStranger = expectData(
      await run(db, Aggregates, { id: owner!.globalId, exercise: bench }, { as: stranger!.id }),
    );
    expect(asStranger).toEqual(asOwner);
    expect(asOwner.user).toMatchObject({
      workoutCount: 3,
      stats: { workoutCount: 3, bestEstimatedOneRepMaxKg: expect.closeTo(116.67, 1) },
    });
    // The XP board scores every workout too.
    expect(asOwner.user!.rank?.score).toBe(asOwner.user!.xp);
  });
});

describe('keyset cursors skip hidden workouts exactly', () => {
  it('pages User.workouts forward and backward with full pages while hidden workouts sit between visible ones', async () => {
    const [owner, stranger] = await createUsers(db.sql, 2);
    const logged: { id: string; visibility: Visibility }[] = [];
    const pattern: Visibility[] = ['EVERYONE', 'FOLLOWERS', 'ONLY_ME', 'EVERYONE', 'ONLY_ME'];
    for (let i = 0; i < 25; i += 1) {
      const visibility = pattern[i % pattern.length]!;
      logged.push({ id: await log(owner!, visibility), visibility });
    }
    const visible = logged
      .filter((w) => w.visibility === 'EVERYONE')
      .map((w) => w.id)
      .reverse();
    expect(visible).toHaveLength(10);

    const forward: string[] = [];
    let after: string | null | undefined = null;
    for (let page = 0; page < 10; page += 1) {
      const result: WorkoutsPage = await workoutsPage(owner!, stranger!, { first: 3, after });
      forward.push(...result.edges.map((e) => e.node.id));
      expect(result.edges.length).toBe(Math.min(3, visible.length - page * 3));
      expect(result.pageInfo.hasPreviousPage).toBe(page > 0);
      expect(result.pageInfo.hasNextPage).toBe(forward.length < visible.length);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(forward).toEqual(visible);

    const backward: string[] = [];
    let before: string | null | undefined = null;
    for (let page = 0; page < 10; page += 1) {
      const result: WorkoutsPage = await workoutsPage(owner!, stranger!, { last: 3, before });
      backward.unshift(...result.edges.map((e) => e.node.id));
      expect(result.edges.length).toBe(Math.min(3, visible.length - page * 3));
      expect(result.pageInfo.hasNextPage).toBe(page > 0);
      expect(result.pageInfo.hasPreviousPage).toBe(backward.length < visible.length);
      if (!result.pageInfo.hasPreviousPage) break;
      before = result.pageInfo.startCursor;
    }
    expect(backward).toEqual(visible);
  });

  it('pages the feed and activity with full pages past ONLY_ME workouts', async () => {
    const [owner, fan, stranger] = await createUsers(db.sql, 3);
    await follow(db, fan!, owner!);
    const logged: { id: string; visibility: Visibility }[] = [];
    const pattern: Visibility[] = ['ONLY_ME', 'FOLLOWERS', 'ONLY_ME', 'EVERYONE'];
    for (let i = 0; i < 16; i += 1) {
      const visibility = pattern[i % pattern.length]!;
      logged.push({ id: await log(owner!, visibility), visibility });
    }
    const toFollowers = logged
      .filter((w) => w.visibility !== 'ONLY_ME')
      .map((w) => w.id)
      .reverse();
    const toStrangers = logged
      .filter((w) => w.visibility === 'EVERYONE')
      .map((w) => w.id)
      .reverse();

    const feed: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const page: FeedPage = await feedPage(fan!, after);
      const workouts = page.edges.filter((e) => e.node.type === 'WORKOUT_LOGGED').map((e) => e.node.workout!.id);
      feed.push(...workouts);
      if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(3);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(feed).toEqual(toFollowers);

    const activity: string[] = [];
    after = null;
    for (;;) {
      const page: ActivityPage = await activityPage(owner!, stranger!, after);
      activity.push(...page.edges.map((e) => e.node.workout!.id));
      if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(2);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(activity).toEqual(toStrangers);
  });

  it('bounds the feed’s first page by the newest event a follower sees, not by an ONLY_ME one', async () => {
    // Two followees whose newest workouts are made ONLY_ME after logging; a third has an older visible
    // one. If hidden events set last_public_activity_at, the first page of one would skip the third.
    const [viewer, hiddenA, hiddenB, visible] = await createUsers(db.sql, 4);
    for (const user of [hiddenA!, hiddenB!, visible!]) await follow(db, viewer!, user);
    await log(hiddenA!, 'EVERYONE');
    await log(hiddenB!, 'EVERYONE');
    const expected = await log(visible!, 'EVERYONE');
    const newestA = await log(hiddenA!, 'EVERYONE');
    const newestB = await log(hiddenB!, 'EVERYONE');
    await setVisibility(db, hiddenA!, newestA, 'ONLY_ME');
    await setVisibility(db, hiddenB!, newestB, 'ONLY_ME');
    // The FOLLOWED events are newer than every workout; only workout events count here.
    await db.sql`delete from activity_events where type = 'FOLLOWED' and user_id = ${viewer!.id}`;
    const page = expectData(await run(db, Feed, { first: 1 }, { as: viewer!.id })).feed;
    expect(page.edges.map((e) => e.node.workout?.id)).toEqual([expected]);
  });
});
