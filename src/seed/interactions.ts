import type { Sql } from '../db/client';
import type { ScaleOptions, SeedStep } from './scale';

const COMMENTS = [
  'Strong session!',
  'That bench is moving well',
  'Beast mode',
  'How did the last set feel?',
  'Great volume today',
  'Form looked solid',
  'See you at the rack tomorrow',
  'Consistency pays off',
  'New PR soon',
  'Legs must be toast',
  'Nice pace',
  'Inspiring, keep it up',
];

/**
 * Likes and comments with the long tail of a real app: a workout's likes grow with its owner's
 * followers, so the most followed users collect thousands while most workouts get a few, and a
 * comment is rarer than a like. Then every notification those acts, the follows and the message
 * reactions would have sent, numbered 1, 2, 3 … per recipient in time order, with the recipients'
 * counters and read marks. All INSERT … SELECT; the counter triggers are off during the load and
 * the counters set in one pass, and notifications carry their numbers, which the numbering trigger
 * leaves alone. A second run adds only to workouts that have no likes or comments yet and never
 * notifies of an act twice.
 */
export const interactionsStep: SeedStep = {
  label: 'likes and comments',
  total: (o: ScaleOptions) => o.users,
  async run(sql, { batch = 10_000 }, tick) {
    const [{ minId, maxId, mark }] = await sql<[{ minId: number; maxId: number; mark: number }]>`
      /* seed:interactionRange */
      select (select min(id) from users) as min_id, (select max(id) from users) as max_id,
             greatest((select coalesce(max(workout_id), 0) from workout_likes),
                      (select coalesce(max(workout_id), 0) from comments))::bigint as mark`;
    if (minId === null) return;
    const span = maxId - minId + 1;
    await setTriggers(sql, false);
    try {
      for (let from = minId; from <= maxId; from += batch) {
        const to = Math.min(maxId, from + batch - 1);
        await sql`/* seed:likes */
          insert into workout_likes (workout_id, user_id, created_at)
          select w.id, ${minId}::bigint + (hashint8(w.id * 64 + n) & 2147483647) % ${span},
                 least(now(), w.started_at + make_interval(secs => w.duration_seconds + (hashint8(w.id + n) & 2147483647) % 172800))
            from workouts w
            join users u on u.id = w.user_id
           cross join lateral generate_series(1,
                  floor(power(((hashint8(w.id * 7) & 2147483647) / 2147483647.0), 3)
                        * (4 + least(u.follower_count, 20000) * 0.25))::int) n
           where w.user_id between ${from} and ${to} and w.id > ${mark} and w.visibility = 'EVERYONE'
          on conflict do nothing`;
        // The owner's own like is not allowed; the hash above can draw them.
        await sql`/* seed:ownLikes */
          delete from workout_likes l using workouts w
           where w.id = l.workout_id and l.user_id = w.user_id and w.user_id between ${from} and ${to}`;
        await sql`/* seed:comments */
          insert into comments (workout_id, author_id, body, created_at)
          select w.id, ${minId}::bigint + (hashint8(w.id * 128 + n) & 2147483647) % ${span},
                 (${COMMENTS}::text[])[1 + (hashint8(w.id * 3 + n) & 2147483647) % ${COMMENTS.length}],
                 least(now(), w.started_at + make_interval(secs => w.duration_seconds + 600 * n))
            from workouts w
            join users u on u.id = w.user_id
           cross join lateral generate_series(1,
                  floor(power(((hashint8(w.id * 11) & 2147483647) / 2147483647.0), 4)
                        * (2 + least(u.follower_count, 20000) * 0.02))::int) n
           where w.user_id between ${from} and ${to} and w.id > ${mark} and w.visibility = 'EVERYONE'`;
        await sql`/* seed:interactionCounters */
          update workouts w
             set like_count = (select count(*) from workout_likes l where l.workout_id = w.id),
                 comment_count = (select count(*) from comments c where c.workout_id = w.id)
           where w.user_id between ${from} and ${to} and w.id > ${mark}`;
        await insertNotifications(sql, from, to);
        tick(to - minId + 1);
      }
    } finally {
      await setTriggers(sql, true);
    }
  },
};

const TRIGGERS = [
  ['workout_likes', '_500_count_insert'],
  ['workout_likes', '_500_count_delete'],
  ['comments', '_500_count_insert'],
  // The seed draws no blocks; the per-pair lock of each row would only fill the lock table.
  ['workout_likes', '_050_refuse_blocked'],
  ['comments', '_050_refuse_blocked'],
] as const;

async function setTriggers(sql: Sql, enabled: boolean) {
  for (const [table, trigger] of TRIGGERS) {
    await sql.unsafe(`alter table ${table} ${enabled ? 'enable' : 'disable'} trigger ${trigger}`);
  }
}

/**
 * The notifications of recipients from..to: every like, comment, follow and reaction of someone
 * else, not yet notified, numbered after the recipient's last number in the order they happened.
 * Most recipients have read all but their latest few; a few never look.
 */
async function insertNotifications(sql: Sql, from: number, to: number) {
  await sql`/* seed:notifications */
    insert into notifications (recipient_id, sequence_number, kind, actor_id, workout_id, comment_id, message_id,
                               emoji, act_key, created_at)
    select a.recipient_id,
           coalesce(s.last_sequence_number, 0)
             + row_number() over (partition by a.recipient_id order by a.created_at, a.act_key)::integer,
           a.kind::notification_kind, a.actor_id, a.workout_id, a.comment_id, a.message_id, a.emoji, a.act_key, a.created_at
      from (
        select w.user_id as recipient_id, 'WORKOUT_LIKED' as kind, l.user_id as actor_id, w.id as workout_id,
               null::bigint as comment_id, null::bigint as message_id, null::text as emoji,
               'like:' || w.id || ':' || l.user_id as act_key, l.created_at
          from workout_likes l join workouts w on w.id = l.workout_id
         where w.user_id between ${from} and ${to}
        union all
        select w.user_id, 'WORKOUT_COMMENTED', c.author_id, w.id, c.id, null, null, 'comment:' || c.id, c.created_at
          from comments c join workouts w on w.id = c.workout_id
         where w.user_id between ${from} and ${to} and c.author_id <> w.user_id
        union all
        select f.followee_id, 'NEW_FOLLOWER', f.follower_id, null, null, null, null, 'follow:' || f.follower_id, f.created_at
          from follows f
         where f.followee_id between ${from} and ${to}
        union all
        select m.sender_id, 'MESSAGE_REACTION', r.user_id, null, null, m.id, r.emoji,
               'reaction:' || m.id || ':' || r.emoji || ':' || r.user_id, r.created_at
          from reactions r join messages m on m.id = r.message_id
         where m.sender_id between ${from} and ${to} and r.user_id <> m.sender_id
      ) a
      left join notification_states s on s.user_id = a.recipient_id
     where not exists (select 1 from notifications n where n.recipient_id = a.recipient_id and n.act_key = a.act_key)`;
  await sql`/* seed:notificationStates */
    insert into notification_states as s (user_id, last_sequence_number, last_read_sequence_number)
    select recipient_id, max(sequence_number),
           case when (hashint8(recipient_id) & 2147483647) % 10 = 0 then 0
                else greatest(max(sequence_number) - (hashint8(recipient_id + 1) & 2147483647) % 6, 0) end
      from notifications
     where recipient_id between ${from} and ${to}
     group by recipient_id
    on conflict (user_id) do update
      set last_sequence_number = excluded.last_sequence_number,
          last_read_sequence_number = least(s.last_read_sequence_number, excluded.last_sequence_number)`;
}
