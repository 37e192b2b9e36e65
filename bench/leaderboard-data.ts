import type { Sql } from '../src/db/client';
import { isoWeekStart } from '../src/domain/rules';
import type { SeedStep } from '../src/seed/scale';
import { PROGRAM } from '../src/seed/training';

/** Workouts per user: 8 to 12, one of them most weeks of the last ten. */
const MIN_WORKOUTS = 8;
const EXTRA_WORKOUTS = 4;
const HISTORY_DAYS = 70;
const SETS_PER_WORKOUT = 4;
/** Exercises a user trains: four of the popular program lifts and four of the rest of the catalogue. */
const POPULAR_SLOTS = 4;
const OTHER_SLOTS = 4;
const OTHER_LIFTS = 28;
/** Users whose latest workout falls in the current ISO week (the rest trained last week). */
const THIS_WEEK_PERCENT = 60;

/**
 * The leaderboard bench's training data, much leaner than `npm run seed`'s: about 10 workouts of 4 sets
 * per user over the last 10 weeks on 40 lifts (8 per user), so about 9 board entries per user. Each
 * batch is one statement that generates the sets once and inserts the workouts (totals summed), the
 * sets, the users' XP and the personal records from them, the records computed as
 * `personal_records_recompute` does (best value, ties to the earliest set; previous = best of strictly
 * earlier workouts). Ids are assigned here so no insert reads another back; two batches run at once.
 * Triggers (totals, records, boards) and foreign-key checks are off for the batch
 * (`session_replication_role`, which needs a superuser, as the embedded cluster's is).
 */
export const boardTrainingStep: SeedStep = {
  label: 'board training',
  total: (o) => o.users,
  async run(sql, { batch = 10_000 }, tick) {
    const [{ minId, maxId }] = await sql<[{ minId: number | null; maxId: number | null }]>`/* bench:trainingRange */
      select min(id) as min_id, max(id) as max_id from users u
       where not exists (select 1 from workouts w where w.user_id = u.id)`;
    if (minId === null || maxId === null) return;
    const lifts = await liftCatalogue(sql);
    const [{ workoutBase, setBase }] = await sql<[{ workoutBase: number; setBase: number }]>`/* bench:idBases */
      select coalesce((select max(id) from workouts), 0)::bigint as workout_base,
             coalesce((select max(id) from workout_sets), 0)::bigint as set_base`;
    const now = new Date();
    const weekStart = isoWeekStart(now);
    const perUser = MIN_WORKOUTS + EXTRA_WORKOUTS;
    const batches: [number, number][] = [];
    for (let from = minId; from <= maxId; from += batch) batches.push([from, Math.min(maxId, from + batch - 1)]);
    let done = 0;
    const worker = async () => {
      for (let next = batches.shift(); next; next = batches.shift()) {
        const [from, to] = next;
        await sql.begin(async (tx) => {
          await tx`/* bench:bulkMode */ set local session_replication_role = replica`;
          await tx`/* bench:workMem */ set local work_mem = '256MB'`;
          await tx`/* bench:boardTraining */
            with plan as (
              select u.id as user_id, k, n,
                     ${workoutBase}::bigint + (u.id - ${minId}) * ${perUser} + k as workout_id,
                     hashint8(u.id) & 2147483647 as h
                from users u
               cross join lateral (select ${MIN_WORKOUTS} + (hashint8(u.id + 31) & 2147483647) % ${EXTRA_WORKOUTS + 1} as n) c
               cross join lateral generate_series(1, c.n::int) as k
               where u.id between ${from} and ${to}),
            timed as (
              select p.*,
                     case
                       when k = 1 and p.h % 100 < ${THIS_WEEK_PERCENT}
                         then ${weekStart}::timestamptz + (${now}::timestamptz - ${weekStart}::timestamptz) * ((p.h >> 8) % 1000 / 1000.0)
                       when k = 1
                         then ${weekStart}::timestamptz - make_interval(secs => 86400 * (1 + (p.h >> 8) % 5) + (p.h >> 4) % 36000)
                       else ${now}::timestamptz - make_interval(secs => ${HISTORY_DAYS} * 86400.0 * (k - 1) / n
                                                                           + (hashint8(p.workout_id) & 2147483647) % 172800)
                     end as started_at,
                     2400 + (hashint8(p.workout_id + 1) & 2147483647) % 3600 as duration
                from plan p),
            sets as materialized (
              select t.user_id, t.workout_id, t.started_at, t.duration, t.k, s.position, l.exercise_id,
                     ${setBase}::bigint + (t.workout_id - ${workoutBase} - 1) * ${SETS_PER_WORKOUT} + s.position as set_id,
                     3 + (hashint8(t.workout_id * 8 + s.position) & 2147483647) % 10 as reps,
                     greatest(2.5, round(l.base_kg * (0.6 + (t.h >> 12) % 81 / 100.0) * (1 + 0.12 * (t.n - t.k) / t.n)
                                         * (0.95 + ((hashint8(t.workout_id * 8 + s.position + 3) & 2147483647) % 100) / 1000.0)
                                         / 2.5) * 2.5)::float8 as weight_kg
                from timed t
               cross join lateral generate_series(1, ${SETS_PER_WORKOUT}) as s(position)
               cross join lateral (select ((t.k - 1) * ${SETS_PER_WORKOUT} + s.position - 1) % ${POPULAR_SLOTS + OTHER_SLOTS} as slot) j
               cross join lateral (
                 select case when j.slot < ${POPULAR_SLOTS}
                             then 1 + (t.h % 12 + 3 * j.slot) % 12
                             else 13 + ((t.h >> 16) % ${OTHER_LIFTS} + 7 * (j.slot - ${POPULAR_SLOTS})) % ${OTHER_LIFTS}
                        end as idx) pick
                join unnest(${lifts.map((l) => l.exerciseId)}::int[], ${lifts.map((l) => l.baseKg)}::float8[])
                     with ordinality as l(exercise_id, base_kg, idx) on l.idx = pick.idx),
            inserted as (
              insert into workouts (id, user_id, title, started_at, duration_seconds, total_volume_kg, set_count, created_at)
              overriding system value
              select workout_id, user_id, 'Session ' || k, started_at, duration, sum(reps * weight_kg), count(*)::int,
                     started_at + make_interval(secs => duration)
                from sets group by workout_id, user_id, k, started_at, duration
              returning user_id, xp_earned),
            totals as (
              update users u set xp = u.xp + t.xp, workout_count = u.workout_count + t.workouts
                from (select user_id, sum(xp_earned)::int as xp, count(*)::int as workouts from inserted group by user_id) t
               where u.id = t.user_id),
            set_rows as (
              insert into workout_sets (id, workout_id, position, exercise_id, reps, weight_kg)
              overriding system value
              select set_id, workout_id, position, exercise_id, reps, weight_kg from sets),
            valued as (
              select s.user_id, s.exercise_id, v.kind, v.value, s.started_at, s.workout_id, s.position, s.set_id,
                     max(v.value) over (partition by s.user_id, s.exercise_id, v.kind order by s.started_at
                                        range between unbounded preceding and current row exclude group) as previous,
                     max(s.started_at) over (partition by s.user_id, s.exercise_id) as latest
                from sets s
               cross join lateral (values ('ESTIMATED_ONE_REP_MAX'::record_kind,
                                           case when s.reps = 1 then s.weight_kg else s.weight_kg * (1 + s.reps / 30.0)::float8 end),
                                          ('HEAVIEST_WEIGHT'::record_kind, s.weight_kg),
                                          ('BEST_SET_VOLUME'::record_kind, s.reps * s.weight_kg)) as v(kind, value))
            insert into personal_records
                   (user_id, exercise_id, kind, value_kg, previous_value_kg, set_id, workout_id, achieved_at, latest_at)
            select distinct on (user_id, exercise_id, kind)
                   user_id, exercise_id, kind, value, previous, set_id, workout_id, started_at, latest
              from valued
             order by user_id, exercise_id, kind, value desc, started_at, workout_id, position`;
        });
        done += to - from + 1;
        tick(done);
      }
    };
    await Promise.all([worker(), worker()]);
    await sql`/* bench:identities */
      select setval(pg_get_serial_sequence('workouts', 'id'), (select max(id) from workouts)),
             setval(pg_get_serial_sequence('workout_sets', 'id'), (select max(id) from workout_sets))`;
  },
};

/** The 12 program lifts (popular) then 28 more of the catalogue, with a plausible working weight each. */
async function liftCatalogue(sql: Sql): Promise<{ exerciseId: number; baseKg: number }[]> {
  const program = await sql<{ exerciseId: number; baseKg: number }[]>`/* bench:programLifts */
    select e.id as exercise_id, p.base_kg
      from unnest(${PROGRAM.map((l) => l.exercise)}::text[], ${PROGRAM.map((l) => l.baseKg)}::float8[])
           with ordinality as p(name, base_kg, idx)
      join exercises e on e.name = p.name order by p.idx`;
  const others = await sql<{ exerciseId: number; baseKg: number }[]>`/* bench:otherLifts */
    select id as exercise_id, (15 + (hashint4(id) & 2147483647) % 60)::float8 as base_kg
      from exercises where not (name = any(${PROGRAM.map((l) => l.exercise)}::text[])) order by id limit ${OTHER_LIFTS}`;
  if (program.length !== PROGRAM.length || others.length !== OTHER_LIFTS) {
    throw new Error('The exercise catalogue lacks the 40 lifts the leaderboard bench trains');
  }
  return [...program, ...others];
}
