import { commentOnWorkout, likeWorkout } from '../domain/interactions';
import { createLoaders } from '../loaders';
import type { DemoContext } from './demo';

const REPLIES = ['Strong!', 'That looked heavy', 'Nice work, see you Thursday', 'Form looked clean'];

/**
 * Likes and comments through the rules, so counters, notifications (numbered by the trigger) and the
 * demo user's unread count all show; the demo user's newest workouts get the most attention. The
 * follows the demo seed inserted directly get their NEW_FOLLOWER notifications here.
 */
export async function demoInteractions(demo: DemoContext): Promise<void> {
  const { sql } = demo;
  await sql`/* demo:followNotifications */
    insert into notifications (recipient_id, kind, actor_id, act_key, created_at)
    select followee_id, 'NEW_FOLLOWER', follower_id, 'follow:' || follower_id, created_at
      from follows where followee_id = any(${[...demo.users.values()]}::bigint[])
     order by created_at`;
  const workouts = await sql<{ id: number; userId: number; rank: number }[]>`/* demo:recentWorkouts */
    select id, user_id, rank from (
      select w.id, w.user_id, row_number() over (partition by w.user_id order by w.started_at desc)::int as rank
        from workouts w where w.user_id = any(${[...demo.users.values()]}::bigint[])) r
     where rank <= 4 order by id`;
  const demoId = demo.users.get('demo');
  for (const [username, userId] of demo.users) {
    const ctx = { sql, viewer: { id: userId, expiresAt: null }, loaders: createLoaders(sql, userId) };
    for (const workout of workouts) {
      if (workout.userId === userId) continue;
      // Everyone likes the demo user's four newest; the others' newest two get a like from some.
      const likes = workout.userId === demoId || (workout.rank <= 2 && (workout.id + userId) % 2 === 0);
      if (likes) await likeWorkout(ctx, workout.id);
      if (workout.rank === 1 && (workout.id + userId) % 3 === 0) {
        const body = REPLIES[(workout.id + username.length) % REPLIES.length]!;
        await commentOnWorkout(ctx, { workoutId: workout.id, body });
      }
    }
  }
}
