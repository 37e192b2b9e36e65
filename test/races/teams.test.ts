import { describe, expect, it } from 'vitest';
import { expectData, run } from '../kit/client';
import { createUsers } from '../kit/seed';
import { createGoal, createTeam, driftedGoals, driftedTeams, JoinTeam, LogDistance } from '../kit/teams';
import { useTestDatabase } from '../setup/db';

const db = useTestDatabase();

const DAY = 24 * 3_600_000;

describe('Mutation.joinTeam under concurrency', () => {
  it('holds the 1,000-member cap exactly under 50 concurrent joins', async () => {
    const [owner] = await createUsers(db.sql, 1);
    const team = await createTeam(db, owner!, { name: 'Crowded House' });
    // 979 members straight into the table (the triggers keep memberCount), so the team has 980.
    const filler = await db.sql<{ id: number }[]>`
      insert into users (username, display_name)
      select 'filler_' || g, 'Filler ' || g from generate_series(1, 979) g returning id`;
    await db.sql`insert into team_members (team_id, user_id) select ${team.id}, unnest(${filler.map((u) => u.id)}::bigint[])`;
    const joiners = await createUsers(db.sql, 50);
    const results = await Promise.all(
      joiners.map((user) => run(db, JoinTeam, { input: { teamId: team.globalId } }, { as: user.id })),
    );
    const outcomes = results.map((result) => expectData(result).joinTeam.errors[0]?.code ?? 'JOINED');
    expect(outcomes.filter((code) => code === 'JOINED')).toHaveLength(20);
    expect(outcomes.filter((code) => code === 'CONFLICT')).toHaveLength(30);
    const [{ memberCount, rows }] = await db.sql<[{ memberCount: number; rows: number }]>`
      select member_count, (select count(*)::int from team_members where team_id = ${team.id}) as rows
        from teams where id = ${team.id}`;
    expect({ memberCount, rows }).toEqual({ memberCount: 1000, rows: 1000 });
    expect(await driftedTeams(db.sql)).toEqual([]);
  });
});

describe('TeamGoal.completedAt under concurrency', () => {
  it('is set once, with one TEAM_GOAL_COMPLETED per member, when 20 workouts race across the line', async () => {
    const members = await createUsers(db.sql, 20);
    const team = await createTeam(db, members[0]!, { name: 'Photo Finish' });
    for (const member of members.slice(1)) {
      expectData(await run(db, JoinTeam, { input: { teamId: team.globalId } }, { as: member.id }));
    }
    const goal = await createGoal(db, members[0]!, team, {
      metric: 'DISTANCE_METERS',
      target: 1000,
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + DAY),
    });
    // 990 m logged; each of the 20 racing walks alone crosses 1,000 m.
    await db.sql`insert into workouts (user_id, title, started_at, duration_seconds, distance_meters)
                 values (${members[0]!.id}, 'Warm-up', now() - interval '1 hour', 600, 990)`;
    const results = await Promise.all(
      members.map((member) =>
        run(
          db,
          LogDistance,
          {
            input: {
              title: 'Sprint',
              startedAt: new Date().toISOString(),
              durationSeconds: 60,
              sets: [],
              distanceMeters: 100,
            },
          },
          { as: member.id },
        ),
      ),
    );
    for (const result of results) expect(expectData(result).logWorkout.errors).toEqual([]);
    const [stored] = await db.sql<[{ progress: string; completedAt: Date | null }]>`
      select progress, completed_at from team_goals where id = ${goal.id}`;
    expect(Number(stored.progress)).toBe(2990);
    expect(stored.completedAt).not.toBeNull();
    const notified = await db.sql<{ recipientId: number; n: number }[]>`
      select recipient_id, count(*)::int as n from notifications
       where kind = 'TEAM_GOAL_COMPLETED' and goal_id = ${goal.id} group by recipient_id order by recipient_id`;
    expect(notified).toEqual(
      members.map((member) => ({ recipientId: member.id, n: 1 })).sort((a, b) => a.recipientId - b.recipientId),
    );
    expect(await driftedGoals(db.sql)).toEqual([]);
  });
});
