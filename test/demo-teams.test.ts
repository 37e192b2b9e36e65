import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo';
import { graphql } from './gql';
import { expectData, present, run } from './kit/client';
import { driftedGoals, driftedTeams, LogDistance } from './kit/teams';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

const DemoTeams = graphql(`
  query DemoTeams {
    viewer {
      teams(first: 5) {
        edges { node { name memberCount viewerRole
          goals(first: 5) { edges { node { id title metric target progress completedAt startsAt endsAt } } } } }
      }
    }
  }`);

describe('demo data: teams and goals', () => {
  it('has teams of realistic sizes, goals over past, current and future windows, and one walk completes a goal', async () => {
    const demo = await seedDemo(db.sql);
    const as = demo.users.get('demo')!;
    const viewer = present(expectData(await run(db, DemoTeams, {}, { as })).viewer, 'the demo viewer');
    const milers = viewer.teams.edges.map((edge) => edge.node).find((team) => team.name === 'Morning Milers')!;
    expect(milers).toMatchObject({ memberCount: 13, viewerRole: 'OWNER' });
    const goals = milers.goals.edges.map((edge) => edge.node);
    const now = Date.now();
    expect(goals.some((goal) => Date.parse(goal.endsAt) <= now)).toBe(true);
    expect(goals.some((goal) => Date.parse(goal.startsAt) > now)).toBe(true);
    const open = goals.find((goal) => Date.parse(goal.startsAt) <= now && Date.parse(goal.endsAt) > now)!;
    expect(open.completedAt).toBeNull();
    expect(open.target - open.progress).toBeGreaterThan(0);
    expect(open.target - open.progress).toBeLessThanOrEqual(3000);
    const [{ sizes }] = await db.sql<
      [{ sizes: number[] }]
    >`select array_agg(member_count order by member_count) as sizes from teams`;
    expect(sizes).toEqual([7, 13, 25]);
    const [{ kinds }] = await db.sql<[{ kinds: number }]>`
      select count(distinct title)::int as kinds from workouts where distance_meters > 0`;
    expect(kinds).toBe(3);

    const walk = expectData(
      await run(
        db,
        LogDistance,
        {
          input: {
            title: 'The last 5 km',
            startedAt: new Date().toISOString(),
            durationSeconds: 3000,
            sets: [],
            distanceMeters: 5000,
          },
        },
        { as },
      ),
    ).logWorkout;
    expect(walk.errors).toEqual([]);
    const after = present(expectData(await run(db, DemoTeams, {}, { as })).viewer, 'the demo viewer');
    const done = after.teams.edges
      .flatMap((edge) => edge.node.goals.edges.map((goal) => goal.node))
      .find((goal) => goal.id === open.id)!;
    expect(done.completedAt).not.toBeNull();
    const [{ notified }] = await db.sql<[{ notified: number }]>`
      select count(*)::int as notified from notifications
       where kind = 'TEAM_GOAL_COMPLETED' and goal_id = ${Number(Buffer.from(open.id, 'base64').toString().split(':')[1])}`;
    expect(notified).toBe(13);
    expect(await driftedGoals(db.sql)).toEqual([]);
    expect(await driftedTeams(db.sql)).toEqual([]);
  });
});
