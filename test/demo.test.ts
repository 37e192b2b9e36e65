import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo';
import { graphql } from './gql';
import { expectData, present, run } from './kit/client';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

describe('demo data', () => {
  it('logs weeks of workouts through the rules, so progress, streaks and the feed show', async () => {
    const demo = await seedDemo(db.sql);
    const query = graphql(`query DemoViewer($exerciseId: ID!) {
      viewer { level workoutCount stats(days: 30) { workoutCount currentStreakDays }
        exerciseProgress(exerciseId: $exerciseId, weeks: 6) { weekStart }
        workouts(first: 1) { edges { node { title setCount } } } }
      feed(first: 10) { edges { node { type user { username } createdAt } } } }`);
    const exerciseId = Buffer.from('Exercise:1').toString('base64');
    const data = expectData(await run(db, query, { exerciseId }, { as: demo.users.get('demo')! }));
    const viewer = present(data.viewer, 'the demo viewer');
    expect(viewer.workoutCount).toBeGreaterThan(12);
    expect(viewer.level).toBeGreaterThan(1);
    expect(viewer.stats.currentStreakDays).toBeGreaterThanOrEqual(5);
    expect(data.feed.edges.length).toBe(10);
    const times = data.feed.edges.map((e) => Date.parse(e.node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(data.feed.edges.map((e) => e.node.user.username)).size).toBeGreaterThan(1);
    const [drift] = await db.sql`
      select count(*)::int as n from users u
       where xp <> (select coalesce(sum(xp_earned), 0) from workouts where user_id = u.id)`;
    expect(drift!.n).toBe(0);
    const [levelUps] = await db.sql`select count(*)::int as n from activity_events where type = 'LEVEL_UP'`;
    expect(levelUps!.n).toBeGreaterThan(0);
    // Likes, comments and notifications, through the rules.
    const social = present(
      expectData(
        await run(
          db,
          graphql(`query DemoSocial { viewer { unreadNotificationCount notifications(first: 50) { edges { node { kind sequenceNumber } } }
           workouts(first: 1) { edges { node { likeCount commentCount } } } } }`),
          {},
          { as: demo.users.get('demo')! },
        ),
      ).viewer,
      'the demo viewer',
    );
    expect(social.workouts.edges[0]?.node.likeCount).toBe(7);
    const kinds = new Set(social.notifications.edges.map((e) => e.node.kind));
    for (const kind of ['NEW_FOLLOWER', 'WORKOUT_LIKED', 'WORKOUT_COMMENTED', 'MESSAGE_REACTION', 'TEAM_INVITE'])
      expect(kinds).toContain(kind);
    const numbers = social.notifications.edges.map((e) => e.node.sequenceNumber);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => numbers.length - i));
    expect(social.unreadNotificationCount).toBe(numbers.length);
  });
});
