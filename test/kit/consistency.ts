import type { Sql } from '../../src/db/client';

/**
 * Every denormalized counter that differs from what COUNT(*) / SUM() over its rows says, and every
 * conversation whose sequence numbers are not exactly 1..N. Empty when the database is consistent.
 */
export async function inconsistencies(sql: Sql): Promise<unknown[]> {
  const users = await sql`
    select u.id, u.workout_count, u.follower_count, u.following_count, u.xp,
           (select count(*)::int from workouts w where w.user_id = u.id) as workouts,
           (select count(*)::int from follows f where f.followee_id = u.id) as followers,
           (select count(*)::int from follows f where f.follower_id = u.id) as following,
           (select coalesce(sum(xp_earned), 0)::int from workouts w where w.user_id = u.id) as xp_sum
      from users u`;
  const conversations = await sql`
    select c.id, c.member_count, c.last_sequence_number,
           (select count(*)::int from conversation_members m where m.conversation_id = c.id) as members,
           (select count(*)::int from messages m where m.conversation_id = c.id) as messages,
           (select coalesce(max(sequence_number), 0) from messages m where m.conversation_id = c.id) as max_sequence,
           (select count(distinct sequence_number)::int from messages m where m.conversation_id = c.id) as distinct_sequences,
           (select sequence_number from messages m where m.id = c.last_message_id) as last_message_sequence
      from conversations c`;
  const workouts = await sql`
    select w.id, w.set_count, w.total_volume_kg,
           (select count(*)::int from workout_sets s where s.workout_id = w.id) as sets,
           (select coalesce(sum(reps * weight_kg), 0)::float8 from workout_sets s where s.workout_id = w.id) as volume
      from workouts w`;
  return [
    ...users.filter(
      (u) =>
        u.workoutCount !== u.workouts ||
        u.followerCount !== u.followers ||
        u.followingCount !== u.following ||
        u.xp !== u.xpSum,
    ),
    ...conversations.filter(
      (c) =>
        c.memberCount !== c.members ||
        c.lastSequenceNumber !== c.messages ||
        c.maxSequence !== c.messages ||
        c.distinctSequences !== c.messages ||
        (c.messages > 0 && c.lastMessageSequence !== c.messages),
    ),
    ...workouts.filter((w) => w.setCount !== w.sets || Math.abs(Number(w.totalVolumeKg) - w.volume) > 1e-6),
  ];
}
