import { describe, expect, it } from 'vitest';
import { interactionsStep } from '../src/seed/interactions';
import { messagingStep } from '../src/seed/messaging';
import { followsStep, usersStep } from '../src/seed/scale';
import { workoutsStep } from '../src/seed/training';
import { graphql } from './gql';
import { expectData, run } from './kit/client';
import { createWorkout, like, storedNotifications } from './kit/interactions';
import { createUser } from './kit/seed';
import { useTestDatabase } from './setup/db';

const db = useTestDatabase();

async function facts() {
  const [row] = await db.sql<[Record<string, number>]>`
    select (select count(*)::int from workout_likes) as likes,
           (select count(*)::int from comments) as comments,
           (select count(*)::int from notifications) as notifications,
           (select count(*)::int from workouts w where like_count <> (select count(*) from workout_likes where workout_id = w.id)
               or comment_count <> (select count(*) from comments where workout_id = w.id)) as counter_drift,
           (select count(*)::int from workout_likes l join workouts w on w.id = l.workout_id where l.user_id = w.user_id) as own_likes,
           (select count(*)::int from (
              select recipient_id from notifications group by recipient_id
              having max(sequence_number) <> count(*) or min(sequence_number) <> 1) g) as gapped_recipients,
           (select count(*)::int from notification_states s where s.last_sequence_number <>
              (select count(*) from notifications where recipient_id = s.user_id)) as wrong_states,
           (select count(*)::int from notifications where kind = 'NEW_FOLLOWER') as follower_notifications,
           (select count(*)::int from follows) as follows,
           (select count(*)::int from notifications n where n.kind = 'WORKOUT_LIKED'
               and not exists (select 1 from workout_likes l where l.workout_id = n.workout_id and l.user_id = n.actor_id)) as orphan_likes,
           (select max(like_count) from workouts) as most_liked,
           (select percentile_disc(0.5) within group (order by like_count) from workouts) as median_likes`;
  return row!;
}

describe('seed: likes, comments and notifications', () => {
  it('loads a long-tailed set with exact counters and notifications numbered 1..n per recipient, twice over', async () => {
    const write = process.stderr.write;
    process.stderr.write = () => true;
    const steps = [usersStep, followsStep, workoutsStep, messagingStep, interactionsStep];
    try {
      for (const step of steps) await step.run(db.sql, { users: 400, batch: 150 }, () => {});
      const first = await facts();
      expect(first).toMatchObject({
        counterDrift: 0,
        ownLikes: 0,
        gappedRecipients: 0,
        wrongStates: 0,
        orphanLikes: 0,
      });
      expect(first.followerNotifications).toBe(first.follows!);
      expect(first.likes).toBeGreaterThan(400);
      expect(first.comments).toBeGreaterThan(0);
      // Most workouts get a few likes; the most followed users' workouts get many.
      expect(first.medianLikes!).toBeLessThanOrEqual(3);
      expect(first.mostLiked).toBeGreaterThan(10 * Math.max(1, first.medianLikes!));
      // A second run adds users and their interactions, and keeps every number gap-free.
      for (const step of steps) await step.run(db.sql, { users: 100, batch: 150 }, () => {});
      const second = await facts();
      expect(second).toMatchObject({ counterDrift: 0, gappedRecipients: 0, wrongStates: 0 });
      expect(second.notifications).toBeGreaterThan(first.notifications!);
    } finally {
      process.stderr.write = write;
    }

    // The triggers are back on and numbering continues after the seeded numbers.
    const [owner] = await db.sql<[{ id: number }]>`
      select user_id as id from notification_states order by last_sequence_number desc limit 1`;
    const seeded = { id: owner.id, globalId: '', username: '' };
    const workout = await createWorkout(db.sql, seeded);
    const fan = await createUser(db.sql);
    expect((await like(db, fan, workout)).workout?.likeCount).toBe(1);
    const numbers = (await storedNotifications(db.sql, seeded)).map((n) => n.sequenceNumber);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const unread = await run(
      db,
      graphql(`query SeedInteractionsViewer { viewer { unreadNotificationCount } }`),
      {},
      { as: owner.id },
    );
    expect(expectData(unread).viewer?.unreadNotificationCount).toBeGreaterThanOrEqual(1);
  });
});
