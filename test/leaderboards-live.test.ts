import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql';
import type {
  AroundQueryVariables,
  LiveBoardQuery,
  LiveBoardQueryVariables,
  LiveExerciseBoardQueryVariables,
} from './gql/graphql';
import { errorCodes, expectData, run } from './kit/client';
import { createUser, type SeededUser } from './kit/seed';
import { type Exercises, exercises, insertWorkout } from './kit/training';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
let catalogue: Exercises;
const users: Record<string, SeededUser> = {};

const BOARD =
  graphql(`query LiveBoard($kind: LeaderboardKind!, $country: String, $scope: LeaderboardScope, $first: Int, $after: String) {
  leaderboard(kind: $kind, country: $country, scope: $scope, first: $first, after: $after) {
    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }
  }
}`);
const EXERCISE_BOARD =
  graphql(`query LiveExerciseBoard($exerciseId: ID!, $country: String, $first: Int, $after: String) {
  exerciseLeaderboard(exerciseId: $exerciseId, country: $country, first: $first, after: $after) {
    refreshedAt edges { node { rank score user { username } } } pageInfo { hasNextPage endCursor }
  }
}`);
const AROUND = graphql(`query Around($kind: LeaderboardKind!, $country: String, $userId: ID, $radius: Int) {
  leaderboardAround(kind: $kind, country: $country, userId: $userId, radius: $radius) { rank score user { username } }
}`);

type Row = [string, number, number];
const rows = (edges: LiveBoardQuery['leaderboard']['edges']): Row[] =>
  edges.map(({ node }) => [node.user.username, node.rank, node.score]);

async function board(variables: LiveBoardQueryVariables, as?: number): Promise<Row[]> {
  return rows(expectData(await run(db, BOARD, variables, { as })).leaderboard.edges);
}
async function exerciseBoard(variables: LiveExerciseBoardQueryVariables): Promise<Row[]> {
  return rows(expectData(await run(db, EXERCISE_BOARD, variables)).exerciseLeaderboard.edges);
}
async function around(variables: AroundQueryVariables, as?: number): Promise<Row[]> {
  return expectData(await run(db, AROUND, variables, { as })).leaderboardAround.map((e) => [
    e.user.username,
    e.rank,
    e.score,
  ]);
}
const setFlags = (name: string, flags: string) =>
  db.sql.unsafe(`update users set ${flags} where id = ${users[name]!.id}`);

beforeAll(async () => {
  catalogue = await exercises(db.sql);
  // XP 400, 300, 300, 200, 100 in Finland; e1RM bench records 150, 120, 120, 100, 90.
  const people: [string, number, number][] = [
    ['ada', 400, 150],
    ['bea', 300, 120],
    ['cyd', 300, 120],
    ['dov', 200, 100],
    ['eve', 100, 90],
  ];
  for (const [username, xp, bench] of people) {
    const user = await createUser(db.sql, { username, country: 'FI' });
    users[username] = user;
    await insertWorkout(db.sql, user.id, new Date(Date.now() - 3_600_000), [
      { exerciseId: catalogue.byName.get('Bench Press')!, reps: 1, weightKg: bench },
    ]);
    await db.sql`update users set xp = ${xp} where id = ${user.id}`;
  }
  users.viewer = await createUser(db.sql, { username: 'viewer', country: 'SE' });
  await db.sql`update users set xp = 300 where id = ${users.viewer.id}`;
  for (const name of ['bea', 'dov', 'eve']) {
    await db.sql`insert into follows (follower_id, followee_id) values (${users.viewer.id}, ${users[name]!.id})`;
  }
});

describe('ranks without holes', () => {
  it('closes up the ranks below a user who turns on ghost mode or opts out, at once, on every board and entry point', async () => {
    expect(await board({ kind: 'XP_ALL_TIME', country: 'FI' })).toEqual([
      ['ada', 1, 400],
      ['cyd', 2, 300],
      ['bea', 2, 300],
      ['dov', 4, 200],
      ['eve', 5, 100],
    ]);
    await setFlags('bea', 'ghost_mode = true');
    expect(await board({ kind: 'XP_ALL_TIME', country: 'FI' })).toEqual([
      ['ada', 1, 400],
      ['cyd', 2, 300],
      ['dov', 3, 200],
      ['eve', 4, 100],
    ]);
    await setFlags('ada', 'leaderboard_opt_in = false');
    const global = await board({ kind: 'XP_ALL_TIME' });
    expect(global).toEqual([
      ['viewer', 1, 300],
      ['cyd', 1, 300],
      ['dov', 3, 200],
      ['eve', 4, 100],
    ]);
    // A deep page reads the same ranking as the first page.
    const first = expectData(await run(db, BOARD, { kind: 'XP_ALL_TIME', first: 2 })).leaderboard;
    const second = expectData(
      await run(db, BOARD, { kind: 'XP_ALL_TIME', first: 2, after: first.pageInfo.endCursor }),
    ).leaderboard;
    expect([...rows(first.edges), ...rows(second.edges)]).toEqual(global);
    expect(await exerciseBoard({ exerciseId: catalogue.globalId('Bench Press') })).toEqual([
      ['cyd', 1, 120],
      ['dov', 2, 100],
      ['eve', 3, 90],
    ]);
    const rank = expectData(
      await run(
        db,
        graphql(`query LeaderboardsLiveUser($id: ID!) { user(id: $id) { rank(kind: XP_ALL_TIME) { rank } } }`),
        {
          id: users.eve!.globalId,
        },
      ),
    );
    expect(rank.user?.rank).toEqual({ rank: 4 });
    expect(await around({ kind: 'XP_ALL_TIME', userId: users.dov!.globalId, radius: 1 })).toEqual([
      ['cyd', 1, 300],
      ['dov', 3, 200],
      ['eve', 4, 100],
    ]);

    // Coming back restores the ranking they were in, at once.
    await setFlags('ada', 'leaderboard_opt_in = true');
    await setFlags('bea', 'ghost_mode = false');
    expect((await board({ kind: 'XP_ALL_TIME', country: 'FI' })).map(([, r]) => r)).toEqual([1, 2, 2, 4, 5]);
  });

  it('keeps a page one statement whatever the departures', async () => {
    await setFlags('dov', 'ghost_mode = true');
    const result = await run(db, BOARD, { kind: 'XP_ALL_TIME', first: 3 });
    expect(result.statements).toEqual(['page:leaderboard']);
    await setFlags('dov', 'ghost_mode = false');
  });
});

describe('scope: FOLLOWING', () => {
  it('ranks the viewer and the users they follow among themselves; empty when anonymous', async () => {
    expect(await board({ kind: 'XP_ALL_TIME', scope: 'FOLLOWING' }, users.viewer!.id)).toEqual([
      ['viewer', 1, 300],
      ['bea', 1, 300],
      ['dov', 3, 200],
      ['eve', 4, 100],
    ]);
    expect(await board({ kind: 'XP_ALL_TIME', scope: 'FOLLOWING', country: 'FI' }, users.viewer!.id)).toEqual([
      ['bea', 1, 300],
      ['dov', 2, 200],
      ['eve', 3, 100],
    ]);
    expect(await board({ kind: 'XP_ALL_TIME', scope: 'FOLLOWING' })).toEqual([]);
    await setFlags('bea', 'ghost_mode = true');
    expect(await board({ kind: 'XP_ALL_TIME', scope: 'FOLLOWING' }, users.viewer!.id)).toEqual([
      ['viewer', 1, 300],
      ['dov', 2, 200],
      ['eve', 3, 100],
    ]);
    await setFlags('bea', 'ghost_mode = false');
  });

  it('pages with cursors in one statement', async () => {
    const viewer = users.viewer!.id;
    const first = await run(db, BOARD, { kind: 'XP_ALL_TIME', scope: 'FOLLOWING', first: 2 }, { as: viewer });
    const page1 = expectData(first).leaderboard;
    const page2 = expectData(
      await run(
        db,
        BOARD,
        { kind: 'XP_ALL_TIME', scope: 'FOLLOWING', first: 2, after: page1.pageInfo.endCursor },
        { as: viewer },
      ),
    ).leaderboard;
    expect([...rows(page1.edges), ...rows(page2.edges)].map(([n, r]) => [n, r])).toEqual([
      ['viewer', 1],
      ['bea', 1],
      ['dov', 3],
      ['eve', 4],
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(first.statements).toEqual(['page:followingLeaderboard']);
  });
});

describe('Query.leaderboardAround', () => {
  it('gives the user and up to radius entries either side in board order, the viewer by default, in one statement', async () => {
    expect(await around({ kind: 'XP_ALL_TIME', country: 'FI', userId: users.dov!.globalId })).toEqual([
      ['cyd', 2, 300],
      ['bea', 2, 300],
      ['dov', 4, 200],
      ['eve', 5, 100],
    ]);
    expect(await around({ kind: 'XP_ALL_TIME', country: 'FI', userId: users.ada!.globalId, radius: 0 })).toEqual([
      ['ada', 1, 400],
    ]);
    const result = await run(db, AROUND, { kind: 'XP_ALL_TIME', radius: 1 }, { as: users.viewer!.id });
    expect(expectData(result).leaderboardAround.map((e) => e.user.username)).toEqual(['ada', 'viewer', 'cyd']);
    expect(result.statements).toEqual(['page:leaderboardAround']);
  });

  it('is [] for a user not listed, anonymous without a user, or outside the country', async () => {
    expect(await around({ kind: 'XP_ALL_TIME' })).toEqual([]);
    expect(await around({ kind: 'VOLUME_THIS_WEEK', userId: users.viewer!.globalId })).toEqual([]);
    expect(await around({ kind: 'XP_ALL_TIME', country: 'SE', userId: users.ada!.globalId })).toEqual([]);
    await setFlags('ada', 'ghost_mode = true');
    expect(await around({ kind: 'XP_ALL_TIME', userId: users.ada!.globalId })).toEqual([]);
    await setFlags('ada', 'ghost_mode = false');
  });

  it('refuses a radius outside 0..10', async () => {
    for (const radius of [-1, 11]) {
      const result = await run(db, AROUND, { kind: 'XP_ALL_TIME', userId: users.ada!.globalId, radius });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('Query.exerciseLeaderboard', () => {
  it('ranks users by their e1RM record on the exercise, ties sharing a rank, by country too, at once', async () => {
    const bench = catalogue.globalId('Bench Press');
    const data = expectData(await run(db, EXERCISE_BOARD, { exerciseId: bench })).exerciseLeaderboard;
    expect(rows(data.edges)).toEqual([
      ['ada', 1, 150],
      ['cyd', 2, 120],
      ['bea', 2, 120],
      ['dov', 4, 100],
      ['eve', 5, 90],
    ]);
    expect(Date.parse(data.refreshedAt)).toBeLessThanOrEqual(Date.now());
    expect(await exerciseBoard({ exerciseId: bench, country: 'SE' })).toEqual([]);
    expect(await exerciseBoard({ exerciseId: catalogue.globalId('Deadlift') })).toEqual([]);
    // A new record shows at once.
    await insertWorkout(db.sql, users.eve!.id, new Date(), [
      { exerciseId: catalogue.byName.get('Bench Press')!, reps: 5, weightKg: 150 },
    ]);
    expect((await exerciseBoard({ exerciseId: bench }))[0]).toEqual(['eve', 1, 175]);
    const page1 = expectData(await run(db, EXERCISE_BOARD, { exerciseId: bench, first: 3 })).exerciseLeaderboard;
    const page2 = expectData(
      await run(db, EXERCISE_BOARD, { exerciseId: bench, first: 3, after: page1.pageInfo.endCursor }),
    ).exerciseLeaderboard;
    expect([...rows(page1.edges), ...rows(page2.edges)]).toEqual(await exerciseBoard({ exerciseId: bench }));
  });

  it('refuses a malformed exercise id', async () => {
    const result = await run(db, EXERCISE_BOARD, { exerciseId: 'nope' });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
