import { describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/tokens';
import { graphql } from './gql';
import { useSecondProcess } from './kit/processes';
import { createUsers } from './kit/seed';
import { subscribeSse } from './kit/subscribe';
import { createGoal, createTeam, join, leave, logDistance } from './kit/teams';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();
const secondProcess = useSecondProcess(db);

const DAY = 86_400_000;

const TeamGoalProgress = graphql(`
  subscription TeamGoalProgress($goalId: ID!) {
    teamGoalProgress(goalId: $goalId) { id progress completedAt contributions(first: 3) { edges { node { amount } } } }
  }`);

describe('Subscription.teamGoalProgress', () => {
  it('sends the goal now, then after every change made through any process, in commit order; ends when the viewer leaves', async () => {
    const [owner, member] = await createUsers(db.sql, 2);
    const team = await createTeam(db, owner!, { name: 'Live Walkers' });
    await join(db, member!, team);
    const window = { startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY) };
    const goal = await createGoal(db, owner!, team, { metric: 'DISTANCE_METERS', target: 1000, ...window });
    await logDistance(db, owner!, 100);
    const stream = await subscribeSse(db, TeamGoalProgress, { goalId: goal.globalId }, { as: member!.id });
    expect(stream.status).toBe(200);
    const [now] = await stream.take(1);
    expect(now!.data!.teamGoalProgress).toMatchObject({ progress: 100, completedAt: null });
    // Each change is awaited before the next: the stream reads the goal when a change arrives, and a
    // change committed before that read would show in it already.
    await logDistance(secondProcess(), member!, 400);
    const [second] = await stream.take(1);
    expect(second!.data!.teamGoalProgress.progress).toBe(500);
    await logDistance(db, owner!, 600);
    const [third] = await stream.take(1);
    expect(third!.data!.teamGoalProgress).toMatchObject({ progress: 1100, completedAt: expect.any(String) });
    await leave(db, member!, team);
    await stream.ended();
  });

  it('ends when the token expires', async () => {
    const [owner] = await createUsers(db.sql, 1);
    const team = await createTeam(db, owner!, { name: 'Short Lived' });
    const goal = await createGoal(db, owner!, team, {
      metric: 'WORKOUTS',
      target: 5,
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + DAY),
    });
    const token = await signToken(owner!.id, db.config.jwtSecret, '2s');
    const stream = await subscribeSse(
      db,
      TeamGoalProgress,
      { goalId: goal.globalId },
      { authorization: `Bearer ${token}` },
    );
    const [now] = await stream.take(1);
    expect(now!.data!.teamGoalProgress).toMatchObject({ progress: 0 });
    await stream.ended(5_000);
  });

  it('is for members only', async () => {
    const [owner, stranger] = await createUsers(db.sql, 2);
    const team = await createTeam(db, owner!, { name: 'Private Pace' });
    const goal = await createGoal(db, owner!, team, {
      metric: 'WORKOUTS',
      target: 5,
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + DAY),
    });
    const stream = await subscribeSse(db, TeamGoalProgress, { goalId: goal.globalId }, { as: stranger!.id });
    const [refused] = await stream.take(1);
    expect(refused!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
