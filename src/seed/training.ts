import type { Sql } from '../db/client';
import type { ScaleOptions, SeedStep } from './scale';

/**
 * A push/pull/legs program: each session has four lifts, and a set at position p uses lift
 * floor((p - 1) / 2) mod 4, so a 5-set workout is 2 sets of two lifts and 1 of a third.
 * Base weights are for an average lifter; each user gets a strength factor of 0.6 to 1.4.
 */
export const PROGRAM: { session: string; exercise: string; baseKg: number; reps: number }[] = [
  { session: 'Push day', exercise: 'Bench Press', baseKg: 70, reps: 5 },
  { session: 'Push day', exercise: 'Overhead Press', baseKg: 42.5, reps: 6 },
  { session: 'Push day', exercise: 'Incline Dumbbell Press', baseKg: 24, reps: 10 },
  { session: 'Push day', exercise: 'Triceps Pushdown', baseKg: 30, reps: 12 },
  { session: 'Pull day', exercise: 'Deadlift', baseKg: 120, reps: 5 },
  { session: 'Pull day', exercise: 'Barbell Row', baseKg: 65, reps: 8 },
  { session: 'Pull day', exercise: 'Lat Pulldown', baseKg: 55, reps: 10 },
  { session: 'Pull day', exercise: 'Barbell Curl', baseKg: 30, reps: 10 },
  { session: 'Leg day', exercise: 'Barbell Back Squat', baseKg: 95, reps: 5 },
  { session: 'Leg day', exercise: 'Romanian Deadlift', baseKg: 80, reps: 8 },
  { session: 'Leg day', exercise: 'Leg Press', baseKg: 150, reps: 10 },
  { session: 'Leg day', exercise: 'Standing Calf Raise', baseKg: 60, reps: 12 },
];

const SESSIONS = ['Push day', 'Pull day', 'Leg day'];
const LIFTS_PER_SESSION = 4;
/** Workouts per user: 0 to 20, about 10 on average, spread over the last 180 days. */
const MAX_WORKOUTS = 20;
const HISTORY_DAYS = 180;
/** Shares of workouts by visibility: about 20 % FOLLOWERS and 5 % ONLY_ME, the rest EVERYONE. */
export const FOLLOWERS_SHARE = 0.2;
export const ONLY_ME_SHARE = 0.05;
/** Users per personal-records recomputation in the bulk load. */
const RECORD_BATCH = 1_000;

/** The id range of users who have no workouts yet, so a second `npm run seed` adds only to new users. */
async function userRange(sql: Sql) {
  const [range] = await sql<[{ minId: number | null; maxId: number | null }]>`/* seed:trainingRange */
    select min(id) as min_id, max(id) as max_id from users u
     where not exists (select 1 from workouts w where w.user_id = u.id)`;
  return range;
}

const TRIGGERS = [
  ['workout_sets', '_500_totals_insert'],
  ['workouts', '_500_user_totals_insert'],
  ['workouts', '_500_user_totals_update'],
  ['workout_sets', '_600_records_insert'],
] as const;

async function setTriggers(sql: Sql, enabled: boolean) {
  for (const [table, trigger] of TRIGGERS) {
    await sql.unsafe(`alter table ${table} ${enabled ? 'enable' : 'disable'} trigger ${trigger}`);
  }
}

/**
 * About 10 workouts and 50 sets per user, with weights that climb about 25% over the six months, fast
 * at first and then levelling off (rounded to 2.5 kg plates):
 * records come often early in a history and rarely later. The totals and records triggers are off
 * during the load; workouts' volume and set count, users' XP and workout count, and each batch's
 * personal records (one set-based recomputation per batch) are then brought up to date.
 */
export const workoutsStep: SeedStep = {
  label: 'workouts',
  total: (o: ScaleOptions) => o.users,
  async run(sql, { batch = 10_000 }, tick) {
    const { minId, maxId } = await userRange(sql);
    if (minId === null || maxId === null) return;
    const lifts = await sql<{ exerciseId: number }[]>`/* seed:programLifts */
      select e.id as exercise_id from unnest(${PROGRAM.map((lift) => lift.exercise)}::text[]) with ordinality as p(name, idx)
        join exercises e on e.name = p.name order by p.idx`;
    if (lifts.length !== PROGRAM.length) throw new Error('The exercise catalogue lacks a lift of the seed program');

    await setTriggers(sql, false);
    try {
      for (let from = minId; from <= maxId; from += batch) {
        const to = Math.min(maxId, from + batch - 1);
        // Identity ids only grow, so the batch's workouts are exactly those past this mark: the sets
        // insert reads them by primary-key range instead of probing workout_sets for each one.
        const [{ before }] = await sql<[{ before: number }]>`/* seed:workoutMark */
          select coalesce(max(id), 0) as before from workouts`;
        await sql`/* seed:workouts */
          insert into workouts (user_id, title, started_at, duration_seconds, created_at, visibility)
          select u.id, (${SESSIONS}::text[])[1 + (u.id + k) % 3], w.started_at, w.duration, w.started_at + make_interval(secs => w.duration),
                 (case when w.roll < ${ONLY_ME_SHARE} then 'ONLY_ME'
                       when w.roll < ${ONLY_ME_SHARE + FOLLOWERS_SHARE} then 'FOLLOWERS'
                       else 'EVERYONE' end)::workout_visibility
            from users u
           cross join lateral generate_series(1, (hashint8(u.id + 17) & 2147483647) % ${MAX_WORKOUTS + 1}) as k
           cross join lateral (
             -- A session on a recent day at its user's hour, but never one that has not ended yet (before
             -- 20:00 UTC today's hour can still be ahead).
             select least(date_trunc('day', now() - make_interval(secs => ${HISTORY_DAYS} * 86400.0 * (k - 0.8 * random()) / ${MAX_WORKOUTS}))
                      + make_interval(hours => 6 + ((hashint8(u.id) & 2147483647) % 14)::int, mins => (random() * 59)::int),
                      now() - interval '3 hours') as started_at,
                    (2400 + random() * 3600)::int as duration, random() as roll
           ) w
           where u.id between ${from} and ${to}
             and not exists (select 1 from workouts x where x.user_id = u.id)`;
        await sql`/* seed:sets */
          insert into workout_sets (workout_id, position, exercise_id, reps, weight_kg)
          select w.id, p, lift.exercise_id,
                 greatest(1, lift.reps + ((w.id + p) % 3)::int - 1),
                 round(lift.base_kg * (0.6 + ((hashint8(w.user_id + 5) & 2147483647) % 81) / 100.0)
                       * (0.85 + 0.25 * (1 - exp(-10 * extract(epoch from w.started_at - (now() - make_interval(days => ${HISTORY_DAYS})))
                                                     / (${HISTORY_DAYS} * 86400.0)))) / 2.5) * 2.5
            from workouts w
           cross join lateral generate_series(1, 3 + ((hashint8(w.id) & 2147483647) % 5)::int) as p
            join (select * from unnest(${PROGRAM.map((lift) => lift.session)}::text[], ${lifts.map((lift) => lift.exerciseId)}::integer[],
                                       ${PROGRAM.map((lift) => lift.baseKg)}::float8[], ${PROGRAM.map((lift) => lift.reps)}::integer[])
                         with ordinality as l(session, exercise_id, base_kg, reps, idx)) lift
              on lift.session = w.title and (lift.idx - 1) % ${LIFTS_PER_SESSION} = ((p - 1) / 2) % ${LIFTS_PER_SESSION}
           where w.id > ${before}`;
        tick(to - minId + 1);
      }
    } finally {
      await setTriggers(sql, true);
    }
    // Records from scratch, one statement per 1,000 users: the same function the triggers use for a
    // back-dated log, so bulk and live records cannot disagree.
    // Statistics first: planned against the near-empty tables autovacuum last saw, a 1,000-user call
    // ran for minutes instead of seconds.
    await sql`/* seed:analyze */ analyze workouts, workout_sets`;
    for (let from = minId; from <= maxId; from += RECORD_BATCH) {
      const to = Math.min(maxId, from + RECORD_BATCH - 1);
      await sql`/* seed:records */
        select personal_records_recompute(array_agg(user_id), array_agg(exercise_id))
          from (select distinct w.user_id, s.exercise_id
                  from workouts w join workout_sets s on s.workout_id = w.id
                 where w.user_id between ${from} and ${to}) pairs`;
    }
    await sql`/* seed:workoutTotals */
      update workouts w set total_volume_kg = s.volume, set_count = s.sets
        from (select workout_id, sum(reps * weight_kg) as volume, count(*)::integer as sets
                from workout_sets group by workout_id) s
       where w.id = s.workout_id and (w.total_volume_kg, w.set_count) is distinct from (s.volume, s.sets)`;
    await sql`/* seed:userTotals */
      update users u set xp = coalesce(t.xp, 0), workout_count = coalesce(t.workouts, 0)
        from users x
        left join (select user_id, sum(xp_earned)::integer as xp, count(*)::integer as workouts
                     from workouts group by user_id) t on t.user_id = x.id
       where u.id = x.id and (u.xp, u.workout_count) is distinct from (coalesce(t.xp, 0), coalesce(t.workouts, 0))`;
  },
};

/**
 * The activity those workouts and follows would have recorded: WORKOUT_LOGGED at each log time,
 * LEVEL_UP where the running XP total crossed a level (a window over each user's workouts),
 * PERSONAL_RECORD where a workout beat every earlier workout's best on a lift, and
 * FOLLOWED at each follow's time. Only for users with none of these yet (messaging writes its own).
 */
export const activityStep: SeedStep = {
  label: 'activity',
  total: (o: ScaleOptions) => o.users,
  async run(sql, { batch = 10_000 }, tick) {
    const [{ minId, maxId }] = await sql<[{ minId: number | null; maxId: number | null }]>`/* seed:activityRange */
      select min(id) as min_id, max(id) as max_id from users u
       where not exists (select 1 from activity_events a where a.user_id = u.id and a.type <> 'MESSAGE_SENT')`;
    if (minId === null || maxId === null) return;
    // The events take their workout's visibility below, in the same statement; the row trigger that
    // copies it would read a workout per event.
    await sql`alter table activity_events disable trigger _050_visibility`;
    try {
      for (let from = minId; from <= maxId; from += batch) {
        const to = Math.min(maxId, from + batch - 1);
        await sql`/* seed:activity */
        with fresh as (
          select u.id from users u
           where u.id between ${from} and ${to}
             and not exists (select 1 from activity_events a where a.user_id = u.id and a.type <> 'MESSAGE_SENT')),
        logged as (
          insert into activity_events (user_id, type, created_at, workout_id, visibility)
          select w.user_id, 'WORKOUT_LOGGED', w.created_at, w.id, w.visibility from workouts w join fresh on fresh.id = w.user_id),
        levels as (
          select user_id, created_at, level, lag(level, 1, 1) over (partition by user_id order by created_at, id) as previous
            from (select w.user_id, w.created_at, w.id,
                         floor(sqrt(sum(w.xp_earned) over (partition by w.user_id order by w.created_at, w.id) / 100.0))::integer + 1 as level
                    from workouts w join fresh on fresh.id = w.user_id) running),
        leveled as (
          insert into activity_events (user_id, type, created_at, level)
          select user_id, 'LEVEL_UP', created_at, level from levels where level > previous),
        per_workout as (
          select w.user_id, w.id, w.created_at, w.started_at, w.visibility, s.exercise_id,
                 max(s.estimated_one_rep_max_kg) as e1rm, max(s.weight_kg) as weight, max(s.reps * s.weight_kg) as volume
            from workouts w join fresh on fresh.id = w.user_id join workout_sets s on s.workout_id = w.id
           group by w.user_id, w.id, w.visibility, s.exercise_id),
        beaten as (
          -- What logWorkout would have seen, logging in startedAt order: a set beating every earlier workout's best.
          select user_id, id, created_at, visibility,
                 e1rm > max(e1rm) over earlier or weight > max(weight) over earlier or volume > max(volume) over earlier as beat
            from per_workout
          window earlier as (partition by user_id, exercise_id order by started_at
                             range between unbounded preceding and current row exclude group)),
        recorded as (
          insert into activity_events (user_id, type, created_at, workout_id, visibility)
          select user_id, 'PERSONAL_RECORD', created_at, id, visibility from beaten
           group by user_id, id, created_at, visibility having bool_or(beat))
        insert into activity_events (user_id, type, created_at, subject_id)
        select f.follower_id, 'FOLLOWED', f.created_at, f.followee_id from follows f join fresh on fresh.id = f.follower_id`;
        tick(to - minId + 1);
      }
    } finally {
      await sql`alter table activity_events enable trigger _050_visibility`;
    }
  },
};
