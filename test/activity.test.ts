import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/ids';
import { graphql } from './gql';
import type { ActivityType } from './gql/graphql';
import { errorCodes, expectData, present, run } from './kit/client';
import { createUsers, type SeededUser } from './kit/seed';
import { exercises, LOG_WORKOUT } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const FEED = graphql(`query Feed($first: Int, $after: String, $types: [ActivityType!]) {
  feed(first: $first, after: $after, types: $types) {
    edges { cursor node { id type user { username } level subject { username } workout { title } } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } }`);

const ACTIVITY = graphql(`query UserActivity($id: ID!, $first: Int, $after: String, $types: [ActivityType!]) {
  user(id: $id) { activity(first: $first, after: $after, types: $types) {
    edges { node { type createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`);

/** Events at fixed times, newest at `minutesAgo` smallest; MESSAGE_SENT rows are written as messaging would. */
async function insertEvent(user: SeededUser, type: string, minutesAgo: number, extra: Record<string, unknown> = {}) {
  const createdAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const [row] = await db.sql<[{ id: number }]>`
    insert into activity_events ${db.sql({ userId: user.id, type, createdAt, ...extra })} returning id`;
  return row.id;
}

describe('Query.feed', () => {
  let viewer: SeededUser;
  let ann: SeededUser;
  let ben: SeededUser;
  let stranger: SeededUser;
  beforeAll(async () => {
    [viewer, ann, ben, stranger] = (await createUsers(db.sql, 4)) as [SeededUser, SeededUser, SeededUser, SeededUser];
    for (const followee of [ann, ben]) {
      await db.sql`insert into follows (follower_id, followee_id) values (${viewer.id}, ${followee.id})`;
    }
    await insertEvent(ann, 'LEVEL_UP', 50, { level: 2 });
    await insertEvent(ben, 'FOLLOWED', 40, { subjectId: stranger.id });
    await insertEvent(ann, 'MESSAGE_SENT', 30);
    await insertEvent(stranger, 'LEVEL_UP', 25, { level: 3 });
    await insertEvent(ben, 'LEVEL_UP', 20, { level: 5 });
    await insertEvent(ben, 'MESSAGE_SENT', 10);
    await insertEvent(viewer, 'LEVEL_UP', 5, { level: 2 });
    const deadlift = (await exercises(db.sql)).globalId('Deadlift');
    const input = {
      title: 'Pulls',
      startedAt: new Date().toISOString(),
      durationSeconds: 60,
      sets: [{ exerciseId: deadlift, reps: 5, weightKg: 100 }],
    };
    expectData(await run(db, LOG_WORKOUT, { input }, { as: ann.id }));
  });

  it('shows the public events of the users the viewer follows, newest first, never MESSAGE_SENT', async () => {
    const feed = expectData(await run(db, FEED, {}, { as: viewer.id })).feed;
    expect(feed.edges.map((e) => [e.node.user.username, e.node.type])).toEqual([
      [ann.username, 'WORKOUT_LOGGED'],
      [ben.username, 'LEVEL_UP'],
      [ben.username, 'FOLLOWED'],
      [ann.username, 'LEVEL_UP'],
    ]);
    expect(feed.edges[0]?.node.workout).toEqual({ title: 'Pulls' });
    expect(feed.edges[1]?.node.level).toBe(5);
    expect(feed.edges[2]?.node.subject).toEqual({ username: stranger.username });
    expect(feed.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages by keyset and filters by type', async () => {
    const page1 = expectData(await run(db, FEED, { first: 3 }, { as: viewer.id })).feed;
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = expectData(
      await run(db, FEED, { first: 3, after: page1.pageInfo.endCursor }, { as: viewer.id }),
    ).feed;
    expect(page2.edges.map((e) => e.node.type)).toEqual(['LEVEL_UP']);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const past = expectData(await run(db, FEED, { first: 3, after: page2.pageInfo.endCursor }, { as: viewer.id })).feed;
    expect(past).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null } });
    const levels = expectData(await run(db, FEED, { types: ['LEVEL_UP'] }, { as: viewer.id })).feed;
    expect(levels.edges.map((e) => e.node.level)).toEqual([5, 2]);
    const messages = expectData(await run(db, FEED, { types: ['MESSAGE_SENT'] }, { as: viewer.id })).feed;
    expect(messages.edges).toEqual([]);
  });

  it('costs the same statements at any page size', async () => {
    const small = await run(db, FEED, { first: 1 }, { as: viewer.id });
    const large = await run(db, FEED, { first: 100 }, { as: viewer.id });
    expect(new Set(large.statements)).toEqual(new Set(['page:feed', 'loader:userById', 'loader:workoutById']));
    expect(large.statements.length).toBeLessThanOrEqual(3);
    expect(small.statements[0]).toBe('page:feed');
  });

  it('is empty for an anonymous caller and rejects a malformed cursor', async () => {
    const anonymous = expectData(await run(db, FEED, {})).feed;
    expect(anonymous.edges).toEqual([]);
    expect(errorCodes(await run(db, FEED, { after: 'nope' }, { as: viewer.id }))).toEqual(['BAD_USER_INPUT']);
  });

  it('drops a FOLLOWED event when its follow is undone', async () => {
    const follow = graphql(
      `mutation ActivityFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }`,
    );
    const unfollow = graphql(
      `mutation ActivityUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }`,
    );
    expectData(await run(db, follow, { input: { userId: stranger.globalId } }, { as: ann.id }));
    let feed = expectData(await run(db, FEED, { first: 1 }, { as: viewer.id })).feed;
    expect(feed.edges[0]?.node).toMatchObject({ type: 'FOLLOWED', user: { username: ann.username } });
    expectData(await run(db, unfollow, { input: { userId: stranger.globalId } }, { as: ann.id }));
    feed = expectData(await run(db, FEED, { first: 1 }, { as: viewer.id })).feed;
    expect(feed.edges[0]?.node).toMatchObject({ type: 'WORKOUT_LOGGED' });
  });
});

describe('User.activity', () => {
  it('lists a user’s events newest first, with MESSAGE_SENT only for that user', async () => {
    const [carl, other] = (await createUsers(db.sql, 2)) as [SeededUser, SeededUser];
    await insertEvent(carl, 'LEVEL_UP', 30, { level: 2 });
    const messageEvent = await insertEvent(carl, 'MESSAGE_SENT', 20);
    await insertEvent(carl, 'FOLLOWED', 10, { subjectId: other.id });
    const types = async (as?: number, filter?: ActivityType[]) => {
      const result = await run(db, ACTIVITY, { id: carl.globalId, types: filter }, as ? { as } : {});
      return present(expectData(result).user, 'carl').activity.edges.map((e) => e.node.type);
    };
    expect(await types(carl.id)).toEqual(['FOLLOWED', 'MESSAGE_SENT', 'LEVEL_UP']);
    expect(await types(other.id)).toEqual(['FOLLOWED', 'LEVEL_UP']);
    expect(await types()).toEqual(['FOLLOWED', 'LEVEL_UP']);
    expect(await types(carl.id, ['MESSAGE_SENT', 'LEVEL_UP'])).toEqual(['MESSAGE_SENT', 'LEVEL_UP']);
    expect(await types(other.id, ['MESSAGE_SENT'])).toEqual([]);
    // Not by id either.
    const byId = graphql(`query ActivityNode($id: ID!) { node(id: $id) { id } }`);
    const id = encodeGlobalId('ActivityEvent', messageEvent);
    expect(expectData(await run(db, byId, { id }, { as: other.id })).node).toBeNull();
    expect(expectData(await run(db, byId, { id }, { as: carl.id })).node).toEqual({ id });
  });

  it('pages forward', async () => {
    const [dora] = (await createUsers(db.sql, 1)) as [SeededUser];
    for (let level = 2; level <= 6; level += 1) await insertEvent(dora, 'LEVEL_UP', 100 - level, { level });
    const page1 = present(expectData(await run(db, ACTIVITY, { id: dora.globalId, first: 3 })).user, 'dora').activity;
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const after = page1.pageInfo.endCursor;
    const page2 = present(
      expectData(await run(db, ACTIVITY, { id: dora.globalId, first: 3, after })).user,
      'dora',
    ).activity;
    expect(page2.edges).toHaveLength(2);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('Query.feed first page', () => {
  it('reads only the followees who can be on it, and gives exactly the full merge’s page', async () => {
    const [viewer, ...followees] = await createUsers(db.sql, 13);
    for (const followee of followees) {
      await db.sql`insert into follows (follower_id, followee_id) values (${viewer!.id}, ${followee.id})`;
    }
    // Uneven histories: one followee dominates the newest events, others have a single old one.
    for (const [i, followee] of followees.entries()) {
      const count = i === 0 ? 8 : (i % 3) + 1;
      for (let k = 0; k < count; k += 1) await insertEvent(followee, 'LEVEL_UP', 5 + i * 7 + k * 11, { level: k + 2 });
    }
    // One followee's newest event is deleted: the bound must follow it down, or the page would skip events.
    await db.sql`delete from activity_events where id = (
      select id from activity_events where user_id = ${followees[1]!.id} order by created_at desc limit 1)`;
    // And when an event's time moves back (the demo seed does this), the bound moves with it.
    await db.sql`update activity_events set created_at = created_at - interval '3 days' where user_id = ${followees[0]!.id}`;
    const [stale] = await db.sql`
      select count(*)::int as n from users u where u.last_public_activity_at is distinct from (
        select max(created_at) from activity_events a where a.user_id = u.id and a.type <> 'MESSAGE_SENT')`;
    expect(stale!.n).toBe(0);

    for (const first of [1, 3, 5, 10]) {
      const pruned = expectData(await run(db, FEED, { first }, { as: viewer!.id })).feed;
      // A filter naming every public type takes the unpruned merge over all followees.
      const everyType: ActivityType[] = ['WORKOUT_LOGGED', 'LEVEL_UP', 'FOLLOWED'];
      const full = expectData(await run(db, FEED, { first, types: everyType }, { as: viewer!.id })).feed;
      expect(pruned.edges.map((e) => e.node.id)).toEqual(full.edges.map((e) => e.node.id));
      expect(pruned.edges).toHaveLength(first);
      expect(pruned.pageInfo.hasNextPage).toBe(full.pageInfo.hasNextPage);
    }
  });
});
