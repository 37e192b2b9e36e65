import { beforeAll, describe, expect, it } from 'vitest';
import { levelForXp } from '../../src/domain/rules';
import { graphql } from '../gql';
import { expectData, present, run } from '../kit/client';
import { createUsers, type SeededUser } from '../kit/seed';
import { exercises, LOG_WORKOUT } from '../kit/training';
import { useTestDatabase } from '../setup/db';

const db = useTestDatabase();

const FOLLOW = graphql(
  `mutation RaceCountersFollow($input: FollowInput!) { follow(input: $input) { errors { code } } }`,
);
const UNFOLLOW = graphql(
  `mutation RaceCountersUnfollow($input: FollowInput!) { unfollow(input: $input) { errors { code } } }`,
);

describe('Mutation.follow / Mutation.unfollow under concurrency', () => {
  let users: SeededUser[];
  beforeAll(async () => {
    users = await createUsers(db.sql, 6);
  });

  it('keeps followerCount and followingCount equal to COUNT(*) after 50 concurrent mixed calls', async () => {
    // Every pair in both directions, so "A follows B" races "B follows A" and follow races unfollow.
    const calls = Array.from({ length: 50 }, (_, i) => {
      const from = users[i % 6]!;
      const to = users[(i + 1 + (i % 5)) % 6]!;
      const input = { input: { userId: to.globalId } };
      return i % 3 === 2 ? run(db, UNFOLLOW, input, { as: from.id }) : run(db, FOLLOW, input, { as: from.id });
    });
    const results = await Promise.all(calls);
    for (const result of results) expect(expectData(result)).not.toHaveProperty('errors');
    for (const result of results) expect(Object.values(expectData(result))[0]).toEqual({ errors: [] });

    const drift = await db.sql`
      select u.id, u.follower_count, u.following_count,
             (select count(*)::int from follows where followee_id = u.id) as followers,
             (select count(*)::int from follows where follower_id = u.id) as following
        from users u
       where u.follower_count <> (select count(*) from follows where followee_id = u.id)
          or u.following_count <> (select count(*) from follows where follower_id = u.id)`;
    expect(drift).toEqual([]);
    // One FOLLOWED event per standing follow: unfollow took its event away.
    const [events] = await db.sql`
      select (select count(*)::int from activity_events where type = 'FOLLOWED') as events,
             (select count(*)::int from follows) as follows`;
    expect(events!.events).toBe(events!.follows);
  });
});

describe('Mutation.logWorkout under concurrency', () => {
  it('serializes one user’s logs: XP is the sum, and each level reached gets exactly one LEVEL_UP', async () => {
    const [alice] = await createUsers(db.sql, 1);
    const deadlift = (await exercises(db.sql)).globalId('Deadlift');
    // Each workout: 10 + 5 + floor(10000 / 100) = 115 XP. Ten of them: 1150 XP, level 4.
    const input = {
      title: 'Heavy pulls',
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationSeconds: 1800,
      sets: [{ exerciseId: deadlift, reps: 10, weightKg: 1000 }],
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => run(db, LOG_WORKOUT, { input }, { as: alice!.id })),
    );
    for (const result of results) expect(expectData(result).logWorkout.errors).toEqual([]);
    const [user] = await db.sql`
      select xp, level, workout_count, (select coalesce(sum(xp_earned), 0)::int from workouts where user_id = ${alice!.id}) as summed
        from users where id = ${alice!.id}`;
    expect(user).toEqual({ xp: 1150, level: levelForXp(1150), workoutCount: 10, summed: 1150 });
    const levelUps = await db.sql`
      select level from activity_events where user_id = ${alice!.id} and type = 'LEVEL_UP' order by level`;
    expect(levelUps.map((row) => row.level)).toEqual([2, 3, 4]);
    // Each response saw its own state: the XP values returned are 115, 230, … 1150 in some order.
    const xps = results
      .map((result) => present(expectData(result).logWorkout.user, 'logWorkout.user').xp)
      .sort((a, b) => a - b);
    expect(xps).toEqual(Array.from({ length: 10 }, (_, i) => 115 * (i + 1)));
  });
});
