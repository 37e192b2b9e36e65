import { describe, expect, it } from 'vitest';
import { graphql } from './gql';
import type { PaginationFeedQuery, PaginationUserQuery } from './gql/graphql';
import { expectData, present, run } from './kit/client';
import { createUser, globalId } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

type WorkoutsPage = NonNullable<PaginationUserQuery['user']>['workouts'];

const WORKOUTS = graphql(`query PaginationUser($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  user(id: $id) { workouts(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`);

describe('keyset cursors', () => {
  it('neither skip nor repeat rows tied on the sort key or a microsecond apart, in either direction', async () => {
    const user = await createUser(db.sql);
    // Four workouts at one instant, and two that a JS Date (milliseconds) could not tell apart.
    const times = [
      ...Array(4).fill('2026-03-02 10:00:00.000001+00'),
      '2026-03-02 10:00:00.000002+00',
      '2026-03-02 10:00:00.000003+00',
    ];
    const ids: number[] = [];
    for (const startedAt of times) {
      const [row] = await db.sql<[{ id: number }]>`
        insert into workouts (user_id, title, started_at, duration_seconds)
        values (${user.id}, 'Tied', ${startedAt}::text::timestamptz, 60) returning id`;
      ids.push(row.id);
    }
    // Newest first: the later microseconds, then the tie broken by id, descending.
    const expected = [ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]].map((id) => globalId('Workout', id!));

    const forward: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: WorkoutsPage = present(
        expectData(await run(db, WORKOUTS, { id: user.globalId, first: 2, after })).user,
        'the user',
      ).workouts;
      forward.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(expected);

    const backward: string[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: WorkoutsPage = present(
        expectData(await run(db, WORKOUTS, { id: user.globalId, last: 2, before })).user,
        'the user',
      ).workouts;
      backward.unshift(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(expected);
  });
});

describe('Query.feed cursors', () => {
  it('page through events a microsecond apart without skipping or repeating', async () => {
    const [viewer, followee] = [await createUser(db.sql), await createUser(db.sql)];
    await db.sql`insert into follows (follower_id, followee_id) values (${viewer.id}, ${followee.id})`;
    const ids: number[] = [];
    for (const micros of [1, 1, 2, 3, 3, 4]) {
      const [row] = await db.sql<[{ id: number }]>`
        insert into activity_events (user_id, type, level, created_at)
        values (${followee.id}, 'LEVEL_UP', 2, ${`2026-03-02 10:00:00.00000${micros}+00`}::text::timestamptz)
        returning id`;
      ids.push(row.id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const feed: PaginationFeedQuery['feed'] = expectData(
        await run(
          db,
          graphql(
            `query PaginationFeed($after: String) { feed(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          ),
          { after },
          { as: viewer.id },
        ),
      ).feed;
      seen.push(...feed.edges.map((e) => e.node.id));
      if (!feed.pageInfo.hasNextPage) break;
      after = feed.pageInfo.endCursor;
    }
    expect(seen).toEqual([ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]].map((id) => globalId('ActivityEvent', id!)));
  });
});
