import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/ids';
import { graphql } from './gql';
import { errorCodes, expectData, present, run } from './kit/client';
import { createUser, createUsers, type SeededUser } from './kit/seed';
import { exercises, insertWorkout } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const FOLLOW = graphql(`mutation FollowUser($input: FollowInput!) {
  follow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }`);
const UNFOLLOW = graphql(`mutation UnfollowUser($input: FollowInput!) {
  unfollow(input: $input) { user { id followerCount viewerIsFollowing } viewer { id followingCount } errors { code field } } }`);

async function follows(): Promise<number> {
  const [row] = await db.sql`select count(*)::int as n from follows`;
  return row!.n;
}

describe('Mutation.follow', () => {
  it('follows, records one FOLLOWED event, and is a no-op the second time', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    const first = expectData(await run(db, FOLLOW, { input: { userId: bob!.globalId } }, { as: alice!.id }));
    expect(first.follow).toEqual({
      user: { id: bob!.globalId, followerCount: 1, viewerIsFollowing: true },
      viewer: { id: alice!.globalId, followingCount: 1 },
      errors: [],
    });
    const again = expectData(await run(db, FOLLOW, { input: { userId: bob!.globalId } }, { as: alice!.id }));
    expect(again.follow).toEqual(first.follow);
    const events = await db.sql`select type, subject_id from activity_events where user_id = ${alice!.id}`;
    expect(events).toEqual([{ type: 'FOLLOWED', subjectId: bob!.id }]);
  });

  it('is a VALIDATION error on oneself, UNAUTHENTICATED anonymously, NOT_FOUND for a missing user', async () => {
    const alice = await createUser(db.sql);
    const before = await follows();
    const self = expectData(await run(db, FOLLOW, { input: { userId: alice.globalId } }, { as: alice.id }));
    expect(self.follow).toEqual({ user: null, viewer: null, errors: [{ code: 'VALIDATION', field: 'userId' }] });
    const anonymous = expectData(await run(db, FOLLOW, { input: { userId: alice.globalId } }));
    expect(anonymous.follow.errors).toEqual([{ code: 'UNAUTHENTICATED', field: null }]);
    const missing = { userId: encodeGlobalId('User', 999_999) };
    const notFound = expectData(await run(db, FOLLOW, { input: missing }, { as: alice.id }));
    expect(notFound.follow.errors).toEqual([{ code: 'NOT_FOUND', field: 'userId' }]);
    expect(await follows()).toBe(before);
    const malformed = await run(db, FOLLOW, { input: { userId: 'bogus' } }, { as: alice.id });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('Mutation.unfollow', () => {
  it('unfollows and deletes the FOLLOWED event; unfollowing someone not followed changes nothing', async () => {
    const [alice, bob] = await createUsers(db.sql, 2);
    expectData(await run(db, FOLLOW, { input: { userId: bob!.globalId } }, { as: alice!.id }));
    const result = expectData(await run(db, UNFOLLOW, { input: { userId: bob!.globalId } }, { as: alice!.id }));
    expect(result.unfollow).toEqual({
      user: { id: bob!.globalId, followerCount: 0, viewerIsFollowing: false },
      viewer: { id: alice!.globalId, followingCount: 0 },
      errors: [],
    });
    const again = expectData(await run(db, UNFOLLOW, { input: { userId: bob!.globalId } }, { as: alice!.id }));
    expect(again.unfollow).toEqual(result.unfollow);
    const events = await db.sql`select 1 from activity_events where user_id = ${alice!.id}`;
    expect(events).toHaveLength(0);
    const anonymous = expectData(await run(db, UNFOLLOW, { input: { userId: bob!.globalId } }));
    expect(anonymous.unfollow.errors).toEqual([{ code: 'UNAUTHENTICATED', field: null }]);
  });
});

describe('User.followers', () => {
  it('lists the most recent follow first, both ways, and pages forward', async () => {
    const [star, a, b, c] = await createUsers(db.sql, 4);
    for (const fan of [a, b, c]) {
      expectData(await run(db, FOLLOW, { input: { userId: star!.globalId } }, { as: fan!.id }));
    }
    expectData(await run(db, FOLLOW, { input: { userId: b!.globalId } }, { as: star!.id }));
    expectData(await run(db, FOLLOW, { input: { userId: c!.globalId } }, { as: star!.id }));
    const query = graphql(`query FollowersAndFollowing($id: ID!, $after: String) { user(id: $id) {
      followers(first: 2, after: $after) { edges { node { username } } pageInfo { hasNextPage hasPreviousPage endCursor } }
      following { edges { node { username } } } } }`);
    const page1 = present(expectData(await run(db, query, { id: star!.globalId })).user, 'the user');
    expect(page1.followers.edges.map((e) => e.node.username)).toEqual([c!.username, b!.username]);
    expect(page1.followers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.following.edges.map((e) => e.node.username)).toEqual([c!.username, b!.username]);
    const page2 = present(
      expectData(await run(db, query, { id: star!.globalId, after: page1.followers.pageInfo.endCursor })).user,
      'the user',
    );
    expect(page2.followers.edges.map((e) => e.node.username)).toEqual([a!.username]);
    expect(page2.followers.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('Query.userByUsername with its first followers', () => {
  // One selection for both reads, so the folded and the unfolded results can be compared whole.
  graphql(`fragment ProfileWithFollowers on User { username followerCount followingCount workoutCount xp
    followers(first: $first) { edges { cursor node { username level } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
  const PROFILE = graphql(`query Profile($name: String!, $first: Int) {
    userByUsername(username: $name) { ...ProfileWithFollowers } }`);
  const BY_ID = graphql(`query ProfileById($id: ID!, $first: Int) { user(id: $id) { ...ProfileWithFollowers } }`);

  it('reads the user and the page in one statement, with the rows, order and pageInfo of the unfolded read', async () => {
    const [star, ...fans] = await createUsers(db.sql, 5);
    // Two fans followed at the same instant: the follower id breaks the tie, newest first.
    await db.sql`insert into follows (follower_id, followee_id, created_at) values
      (${fans[0]!.id}, ${star!.id}, '2026-01-01T10:00:00.000001Z'), (${fans[1]!.id}, ${star!.id}, '2026-01-01T10:00:00.000002Z'),
      (${fans[2]!.id}, ${star!.id}, '2026-01-01T10:00:00.000002Z'), (${fans[3]!.id}, ${star!.id}, '2026-01-01T09:00:00Z')`;
    for (const first of [3, 4, 0, null]) {
      const folded = await run(db, PROFILE, { name: star!.username.toUpperCase(), first });
      expect(folded.statements).toEqual(['loader:userByUsernameWithFollowers']);
      const unfolded = await run(db, BY_ID, { id: star!.globalId, first });
      expect(unfolded.statements).toEqual(['loader:userById', 'loader:followersByUserId']);
      expect(expectData(folded).userByUsername).toEqual(expectData(unfolded).user);
    }
    const page = present(
      expectData(await run(db, PROFILE, { name: star!.username, first: 3 })).userByUsername,
      'the star',
    );
    expect(page.followers.edges.map((e) => e.node.username)).toEqual(
      [fans[2], fans[1], fans[0]].map((u) => u!.username),
    );
    expect(page.followers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.followerCount).toBe(4);
  });

  it('leaves later pages, aliased pages and missing users to the usual loaders', async () => {
    const [star, fan] = await createUsers(db.sql, 2);
    await db.sql`insert into follows (follower_id, followee_id) values (${fan!.id}, ${star!.id})`;
    const first = present(
      expectData(await run(db, PROFILE, { name: star!.username, first: 1 })).userByUsername,
      'the star',
    );
    const later = await run(
      db,
      graphql(
        `query LaterFollowersPage($name: String!, $after: String) { userByUsername(username: $name) { followers(first: 1, after: $after) { edges { node { username } } pageInfo { hasPreviousPage } } } }`,
      ),
      { name: star!.username, after: first.followers.pageInfo.endCursor },
    );
    expect(later.statements).toEqual(['loader:userByUsername', 'loader:followersByUserId']);
    expect(expectData(later).userByUsername?.followers).toEqual({ edges: [], pageInfo: { hasPreviousPage: true } });
    const aliased = await run(
      db,
      graphql(
        `query AliasedFollowerPages($name: String!) { userByUsername(username: $name) { a: followers(first: 1) { edges { node { username } } } b: followers(first: 2) { edges { node { username } } } } }`,
      ),
      { name: star!.username },
    );
    expect(aliased.statements).toEqual([
      'loader:userByUsername',
      'loader:followersByUserId',
      'loader:followersByUserId',
    ]);
    expect(expectData(aliased).userByUsername?.b.edges).toEqual([{ node: { username: fan!.username } }]);
    const missing = await run(db, PROFILE, { name: 'nobody_here', first: 2 });
    expect(expectData(missing).userByUsername).toBeNull();
    const tooMany = await run(db, PROFILE, { name: star!.username, first: 101 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('User.viewerIsFollowing', () => {
  it('is batched into one statement per request and false when anonymous', async () => {
    const [viewer, ...others] = await createUsers(db.sql, 4);
    expectData(await run(db, FOLLOW, { input: { userId: others[1]!.globalId } }, { as: viewer!.id }));
    const query = graphql(
      `query SocialNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username viewerIsFollowing } } }`,
    );
    const ids = others.map((u) => u.globalId);
    const signedIn = await run(db, query, { ids }, { as: viewer!.id });
    expect(expectData(signedIn).nodes.map((n) => n?.viewerIsFollowing)).toEqual([false, true, false]);
    expect(signedIn.statements.filter((name) => name === 'loader:viewerFollows')).toHaveLength(1);
    const anonymous = await run(db, query, { ids });
    expect(expectData(anonymous).nodes.map((n) => n?.viewerIsFollowing)).toEqual([false, false, false]);
    expect(anonymous.statements).not.toContain('loader:viewerFollows');
  });
});

describe('N+1', () => {
  let users: SeededUser[];
  beforeAll(async () => {
    // 20 users, each with 3 workouts of 2 sets and 2 followers, so every nested list has rows.
    users = [];
    for (let i = 0; i < 20; i += 1)
      users.push(await createUser(db.sql, { username: `nested_${String(i).padStart(2, '0')}` }));
    const catalogue = await exercises(db.sql);
    const names = ['Bench Press', 'Deadlift', 'Barbell Back Squat', 'Pull-Up'];
    for (const [i, user] of users.entries()) {
      for (let w = 0; w < 3; w += 1) {
        await insertWorkout(db.sql, user.id, new Date(Date.now() - (w + 1) * 86_400_000), [
          { exerciseId: catalogue.byName.get(names[(i + w) % 4]!)!, reps: 5, weightKg: 60 + w },
          { exerciseId: catalogue.byName.get(names[(i + w + 1) % 4]!)!, reps: 8, weightKg: 40 },
        ]);
      }
      // Fans come from the user's own group of five, so every page of 5 or 20 holds the users it mentions.
      const group = i - (i % 5);
      for (const fan of [users[group + ((i + 1) % 5)]!, users[group + ((i + 2) % 5)]!]) {
        await db.sql`insert into follows (follower_id, followee_id) values (${fan.id}, ${user.id})`;
      }
    }
  });

  const NESTED = graphql(`query NestedPages($n: Int) { users(first: $n, search: "nested_") { edges { node {
    workouts(first: 10) { edges { node { sets { exercise { activations { muscle { name } } } } } } }
    followers(first: 5) { edges { node { username } } }
  } } } }`);

  it('issues the same statements for 5 and 20 users: one per loader per tick', async () => {
    const small = await run(db, NESTED, { n: 5 }, { as: users[0]!.id });
    const large = await run(db, NESTED, { n: 20 }, { as: users[0]!.id });
    expect(expectData(large).users.edges).toHaveLength(20);
    expect(
      expectData(large).users.edges[19]?.node.workouts.edges[0]?.node.sets[0]?.exercise.activations.length,
    ).toBeGreaterThan(0);
    // Batches of one tick go out on whichever pooled connection is ready first, so compare as multisets.
    const sorted = (names: string[]) => [...names].sort();
    expect(sorted(large.statements)).toEqual(sorted(small.statements));
    expect(sorted(large.statements)).toMatchInlineSnapshot(`
      [
        "loader:activationsByExerciseId",
        "loader:followersByUserId",
        "loader:setsByWorkoutId",
        "loader:workoutsByUserId",
        "page:users",
      ]
    `);
  });

  const EVERYTHING = graphql(`query NestedEverything($n: Int) { users(first: $n, search: "nested_") { edges { node {
    viewerIsFollowing stats { workoutCount currentStreakDays }
    workouts(first: 3) { edges { node { user { username } sets { exercise { name } } } } }
    following(first: 5) { edges { node { username } } }
    activity(first: 5) { edges { node { type workout { title user { username } } subject { username } } } }
  } } } }`);

  it('batches stats, viewerIsFollowing, following and activity with their events’ workouts and subjects too', async () => {
    await db.sql`
      insert into activity_events (user_id, type, subject_id)
      select f.follower_id, 'FOLLOWED', f.followee_id from follows f
        join users u on u.id = f.follower_id where u.username like 'nested\_%'`;
    await db.sql`
      insert into activity_events (user_id, type, workout_id)
      select w.user_id, 'WORKOUT_LOGGED', w.id from workouts w
        join users u on u.id = w.user_id where u.username like 'nested\_%'`;
    // A viewer off the page: their own activity would come from a second loader (loader:ownActivity).
    const outsider = await createUser(db.sql);
    await db.sql`insert into follows (follower_id, followee_id) values (${outsider.id}, ${users[3]!.id})`;
    const small = await run(db, EVERYTHING, { n: 5 }, { as: outsider.id });
    const large = await run(db, EVERYTHING, { n: 20 }, { as: outsider.id });
    const types = expectData(large).users.edges.flatMap((e) => e.node.activity.edges.map((a) => a.node.type));
    expect(new Set(types)).toEqual(new Set(['FOLLOWED', 'WORKOUT_LOGGED']));
    const sorted = (names: string[]) => [...names].sort();
    expect(sorted(large.statements)).toEqual(sorted(small.statements));
    expect(sorted(large.statements)).toMatchInlineSnapshot(`
      [
        "loader:activityByUserId",
        "loader:followingByUserId",
        "loader:setsByWorkoutId",
        "loader:statsByUserId",
        "loader:viewerFollows",
        "loader:workoutById",
        "loader:workoutsByUserId",
        "page:users",
      ]
    `);
  });
});
