import { beforeAll, describe, expect, it } from 'vitest';
import { isoWeekStart } from '../src/domain/rules';
import { graphql } from './gql';
import type { BoardQuery, BoardQueryVariables } from './gql/graphql';
import { errorCodes, expectData, present, type RunResult, run } from './kit/client';
import { createUser, type SeededUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const BOARD = graphql(`query Board($kind: LeaderboardKind!, $country: String, $first: Int, $after: String) {
  leaderboard(kind: $kind, country: $country, first: $first, after: $after) {
    refreshedAt weekStart
    edges { cursor node { rank score user { username } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`);

const users: Record<string, SeededUser> = {};

async function board(variables: BoardQueryVariables) {
  const data = expectData(await run(db, BOARD, variables));
  return data.leaderboard.edges.map(({ node }) => [node.user.username, node.rank, node.score]);
}

async function workout(user: SeededUser, volume: number, startedAt: Date) {
  await db.sql`insert into workouts (user_id, title, started_at, duration_seconds, total_volume_kg, set_count)
               values (${user.id}, 'Session', ${startedAt.toISOString()}, 3600, ${volume}, 3)`;
}

beforeAll(async () => {
  const people: [string, string | null, number, Partial<{ ghostMode: boolean; leaderboardOptIn: boolean }>][] = [
    ['alice', 'SE', 500, {}],
    ['bob', 'SE', 300, {}],
    ['carol', 'SE', 300, {}],
    ['dave', 'NO', 300, {}],
    ['erin', 'NO', 100, {}],
    ['frank', null, 50, {}],
    ['zed', 'DE', 0, {}],
    ['ghost', 'SE', 1000, { ghostMode: true }],
    ['shy', 'NO', 900, { leaderboardOptIn: false }],
  ];
  for (const [username, country, , flags] of people) {
    users[username] = await createUser(db.sql, { username, country, ...flags });
  }
  const monday = isoWeekStart(new Date());
  const minute = 60_000;
  await workout(users.alice!, 1000, new Date(monday.getTime() + minute));
  await workout(users.alice!, 500.5, new Date(monday.getTime() + 2 * minute));
  await workout(users.bob!, 200, new Date(monday.getTime() + minute));
  await workout(users.bob!, 5000, new Date(monday.getTime() - 1));
  await workout(users.ghost!, 9000, new Date(monday.getTime() + minute));
  // Workouts add XP through triggers; pin the XP the tests reason about.
  for (const [username, , xp] of people) await db.sql`update users set xp = ${xp} where id = ${users[username]!.id}`;
});

describe('Query.leaderboard', () => {
  it('ranks XP_ALL_TIME highest first, ties sharing a rank, and lists no ghost or opted-out user', async () => {
    expect(await board({ kind: 'XP_ALL_TIME' })).toEqual([
      ['alice', 1, 500],
      ['dave', 2, 300],
      ['carol', 2, 300],
      ['bob', 2, 300],
      ['erin', 5, 100],
      ['frank', 6, 50],
      ['zed', 7, 0],
    ]);
  });

  it('pages with cursors that keep the order among ties, at the same statements for any page size', async () => {
    const full = await board({ kind: 'XP_ALL_TIME' });
    const paged: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const result: RunResult<BoardQuery> = await run(db, BOARD, { kind: 'XP_ALL_TIME', first: 2, after });
      const { edges, pageInfo } = expectData(result).leaderboard;
      paged.push(...edges.map(({ node }) => [node.user.username, node.rank, node.score]));
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(paged).toEqual(full);

    const small = await run(db, BOARD, { kind: 'XP_ALL_TIME', first: 1 });
    const large = await run(db, BOARD, { kind: 'XP_ALL_TIME', first: 100 });
    expect(large.statements).toEqual(small.statements);
    expect(small.statements).toEqual(['page:leaderboard']);
  });

  it('ranks within a country when one is given, in any letter case', async () => {
    expect(await board({ kind: 'XP_ALL_TIME', country: 'SE' })).toEqual([
      ['alice', 1, 500],
      ['carol', 2, 300],
      ['bob', 2, 300],
    ]);
    expect(await board({ kind: 'XP_ALL_TIME', country: 'no' })).toEqual([
      ['dave', 1, 300],
      ['erin', 2, 100],
    ]);
    expect(await board({ kind: 'XP_ALL_TIME', country: 'JP' })).toEqual([]);
  });

  it('refuses a country that is not an ISO-3166 alpha-2 code, and malformed cursors', async () => {
    for (const country of ['Sweden', 'XX', '', 'S1']) {
      const result = await run(db, BOARD, { kind: 'XP_ALL_TIME', country });
      expect(errorCodes(result), country).toEqual(['BAD_USER_INPUT']);
    }
    const badCursor = await run(db, BOARD, { kind: 'XP_ALL_TIME', after: 'nope' });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    const tooMany = await run(db, BOARD, { kind: 'XP_ALL_TIME', first: 101 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it('scores VOLUME_THIS_WEEK from workouts started since Monday 00:00 UTC, and only those who trained', async () => {
    const data = expectData(await run(db, BOARD, { kind: 'VOLUME_THIS_WEEK' })).leaderboard;
    expect(data.edges.map(({ node }) => [node.user.username, node.rank, node.score])).toEqual([
      ['alice', 1, 1500.5],
      ['bob', 2, 200],
    ]);
    expect(data.weekStart).toBe(isoWeekStart(new Date(data.refreshedAt)).toISOString());
    const xp = expectData(await run(db, BOARD, { kind: 'XP_ALL_TIME' })).leaderboard;
    expect(xp.weekStart).toBeNull();
  });

  it('is as of the read itself: refreshedAt falls within the request, with no refresh to wait for', async () => {
    const before = Date.now();
    const { refreshedAt } = expectData(await run(db, BOARD, { kind: 'XP_ALL_TIME' })).leaderboard;
    expect(Date.parse(refreshedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(refreshedAt)).toBeLessThanOrEqual(Date.now());
  });
});

const RANKS = graphql(`query Ranks($id: ID!) {
  user(id: $id) {
    xp: rank(kind: XP_ALL_TIME) { rank score user { username } }
    xpInCountry: rank(kind: XP_ALL_TIME, withinCountry: true) { rank }
    volume: rank(kind: VOLUME_THIS_WEEK) { rank score }
  }
}`);

describe('User.rank', () => {
  it('is the user’s place on each board, globally or within their country', async () => {
    const carol = expectData(await run(db, RANKS, { id: users.carol!.globalId })).user;
    expect(carol).toEqual({
      xp: { rank: 2, score: 300, user: { username: 'carol' } },
      xpInCountry: { rank: 2 },
      volume: null,
    });
    const alice = expectData(await run(db, RANKS, { id: users.alice!.globalId })).user;
    expect(alice).toEqual({
      xp: { rank: 1, score: 500, user: { username: 'alice' } },
      xpInCountry: { rank: 1 },
      volume: { rank: 1, score: 1500.5 },
    });
    const frank = present(expectData(await run(db, RANKS, { id: users.frank!.globalId })).user, 'frank');
    expect(frank.xp?.rank).toBe(6);
    expect(frank.xpInCountry).toBeNull();
  });

  it('is null in ghost mode or when opted out', async () => {
    for (const name of ['ghost', 'shy']) {
      const ranks = expectData(await run(db, RANKS, { id: users[name]!.globalId })).user;
      expect(ranks).toEqual({ xp: null, xpInCountry: null, volume: null });
    }
  });

  it('loads the ranks of a whole page of users in one statement per board', async () => {
    const result = await run(
      db,
      graphql(
        `query LeaderboardsUsers { users(first: 20) { edges { node { username rank(kind: XP_ALL_TIME) { rank } } } } }`,
      ),
    );
    const ranks = expectData(result).users.edges.map(({ node }) => [node.username, node.rank?.rank ?? null]);
    expect(ranks).toContainEqual(['bob', 2]);
    expect(ranks).toContainEqual(['ghost', null]);
    expect(result.statements).toEqual(['page:users', 'loader:leaderboardRankByUserId']);
  });
});

const PROFILE = graphql(
  `mutation LeaderboardsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { errors { field } } }`,
);

describe('ghost mode and leaderboardOptIn', () => {
  it('take a user off every leaderboard at once, the ranks below closing up, and back on at once', async () => {
    const bob = users.bob!;
    for (const input of [{ ghostMode: true }, { leaderboardOptIn: false }]) {
      expect(expectData(await run(db, PROFILE, { input }, { as: bob.id })).updateProfile.errors).toEqual([]);
      expect(expectData(await run(db, RANKS, { id: bob.globalId })).user).toEqual({
        xp: null,
        xpInCountry: null,
        volume: null,
      });
      expect((await board({ kind: 'XP_ALL_TIME' })).map(([name]) => name)).not.toContain('bob');
      expect((await board({ kind: 'VOLUME_THIS_WEEK', country: 'SE' })).map(([name]) => name)).toEqual(['alice']);
      expect(await board({ kind: 'XP_ALL_TIME', country: 'SE' })).toEqual([
        ['alice', 1, 500],
        ['carol', 2, 300],
      ]);
      expect((await board({ kind: 'XP_ALL_TIME' })).slice(3)).toEqual([
        ['erin', 4, 100],
        ['frank', 5, 50],
        ['zed', 6, 0],
      ]);
      await run(db, PROFILE, { input: { ghostMode: false, leaderboardOptIn: true } }, { as: bob.id });
      expect(expectData(await run(db, RANKS, { id: bob.globalId })).user?.xp).toEqual({
        rank: 2,
        score: 300,
        user: { username: 'bob' },
      });
    }
  });
});
