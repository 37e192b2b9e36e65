import { describe, expect, it } from 'vitest';
import { expectData, run } from './kit/client';
import { createUsers } from './kit/seed';
import { createTeam, join, logDistance, TeamLeaderboard, teamBoardFromScratch } from './kit/teams';
import { useTestDatabase } from './setup/db';

// A file of its own: the board ranks every team in the database.
const db = useTestDatabase();

describe('Query.teamLeaderboard', () => {
  it('ranks teams by this week’s sum per member; ties share a rank', async () => {
    const [a1, a2, b1, c1] = await createUsers(db.sql, 4);
    const a = await createTeam(db, a1!, { name: 'Board Alpha' });
    await join(db, a2!, a);
    const b = await createTeam(db, b1!, { name: 'Board Bravo' });
    const c = await createTeam(db, c1!, { name: 'Board Charlie' });
    await logDistance(db, a1!, 1000);
    await logDistance(db, a2!, 200);
    await logDistance(db, b1!, 600);
    await logDistance(db, c1!, 50);
    const board = expectData(await run(db, TeamLeaderboard, { metric: 'DISTANCE_METERS', first: 10 })).teamLeaderboard;
    expect(board.edges.map((edge) => [edge.node.team.id, edge.node.score, edge.node.rank])).toEqual([
      [b.globalId, 600, 1],
      [a.globalId, 600, 1],
      [c.globalId, 50, 3],
    ]);
    const workouts = expectData(await run(db, TeamLeaderboard, { metric: 'WORKOUTS', first: 2 })).teamLeaderboard;
    expect(workouts.edges.map((edge) => edge.node.score)).toEqual([1, 1]);
    const next = expectData(
      await run(db, TeamLeaderboard, { metric: 'WORKOUTS', first: 2, after: workouts.pageInfo.endCursor }),
    ).teamLeaderboard;
    expect(next.edges.map((edge) => [edge.node.score, edge.node.rank])).toEqual([[1, 1]]);
    const fromScratch = await teamBoardFromScratch(db.sql, 'DISTANCE_METERS');
    expect(fromScratch.map((row) => [Number(row.score), row.rank])).toEqual([
      [600, 1],
      [600, 1],
      [50, 3],
    ]);
  });
});
