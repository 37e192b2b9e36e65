-- Personal records, kept exact by the database in the writing transaction, and leaderboard departures.
--
-- personal_records holds, per (user, exercise, kind), the user's best set (ties: earliest startedAt,
-- then lowest workout id, then lowest position), the best value in workouts that started strictly
-- before it (previous_value_kg), and latest_at, the newest startedAt among the user's workouts with
-- that exercise. A read never scans a history. Writes:
--   * a set inserted into a workout newer than latest_at (the usual log) is incremental: the new best
--     of the workout either beats the record (previous = the old value, exactly, since every earlier
--     set is older) or changes nothing but latest_at;
--   * anything else (a back-dated log, a statement inserting several workouts) and every delete of a
--     workout recompute the touched (user, exercise) pairs from that user's sets of that exercise.
-- logWorkout and deleteWorkout lock the user row first, so one user's writes are serialized and two
-- concurrent logs cannot both claim a record. Every statement here can run twice.

create or replace function personal_records_recompute(p_users bigint[], p_exercises integer[]) returns void
language sql volatile set search_path = public, pg_temp as $$
  with pairs as (
    select distinct user_id, exercise_id from unnest(p_users, p_exercises) as p(user_id, exercise_id)),
  vals as (
    select w.user_id, s.exercise_id, k.kind, k.value, w.started_at, w.id as workout_id, s.position, s.id as set_id,
           -- strictly earlier workouts: the frame ends at the current row, minus every row started at the same time
           max(k.value) over (partition by w.user_id, s.exercise_id, k.kind order by w.started_at
                              range between unbounded preceding and current row exclude group) as previous,
           max(w.started_at) over (partition by w.user_id, s.exercise_id) as latest
      from pairs p
      join workouts w on w.user_id = p.user_id
      join workout_sets s on s.workout_id = w.id and s.exercise_id = p.exercise_id
     cross join lateral (values ('ESTIMATED_ONE_REP_MAX'::record_kind, s.estimated_one_rep_max_kg),
                                ('HEAVIEST_WEIGHT'::record_kind, s.weight_kg),
                                ('BEST_SET_VOLUME'::record_kind, s.reps * s.weight_kg)) as k(kind, value)),
  best as (
    select distinct on (user_id, exercise_id, kind) *
      from vals
     order by user_id, exercise_id, kind, value desc, started_at, workout_id, position),
  gone as (
    delete from personal_records r using pairs p
     where r.user_id = p.user_id and r.exercise_id = p.exercise_id
       and not exists (select 1 from best b
                        where b.user_id = r.user_id and b.exercise_id = r.exercise_id and b.kind = r.kind))
  insert into personal_records as r
         (user_id, exercise_id, kind, value_kg, previous_value_kg, set_id, workout_id, achieved_at, latest_at)
  select user_id, exercise_id, kind, value, previous, set_id, workout_id, started_at, latest
    from best
   order by user_id, exercise_id, kind
  on conflict (user_id, exercise_id, kind) do update
     set value_kg = excluded.value_kg, previous_value_kg = excluded.previous_value_kg, set_id = excluded.set_id,
         workout_id = excluded.workout_id, achieved_at = excluded.achieved_at, latest_at = excluded.latest_at
   where (r.value_kg, r.previous_value_kg, r.set_id, r.workout_id, r.achieved_at, r.latest_at)
         is distinct from (excluded.value_kg, excluded.previous_value_kg, excluded.set_id,
                           excluded.workout_id, excluded.achieved_at, excluded.latest_at);
$$;
--> statement-breakpoint
comment on function personal_records_recompute(bigint[], integer[]) is
  'Recomputes personal_records from scratch for the (user, exercise) pairs given as two parallel arrays; the seed calls it once per batch of users.';
--> statement-breakpoint

create or replace function tg_workout_sets__records() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  slow_users bigint[];
  slow_exercises integer[];
begin
  with touched as (
    select w.user_id, s.exercise_id, count(distinct w.id) as workouts, min(w.started_at) as started_at
      from new_sets s join workouts w on w.id = s.workout_id
     group by w.user_id, s.exercise_id),
  classified as (
    select t.user_id, t.exercise_id,
           t.workouts = 1 and (r.latest_at is null or t.started_at > r.latest_at) as incremental
      from touched t
      left join personal_records r
        on r.user_id = t.user_id and r.exercise_id = t.exercise_id and r.kind = 'ESTIMATED_ONE_REP_MAX'),
  candidates as (
    select distinct on (w.user_id, s.exercise_id, k.kind)
           w.user_id, s.exercise_id, k.kind, k.value, s.id as set_id, w.id as workout_id, w.started_at
      from new_sets s
      join workouts w on w.id = s.workout_id
      join classified c on c.user_id = w.user_id and c.exercise_id = s.exercise_id and c.incremental
     cross join lateral (values ('ESTIMATED_ONE_REP_MAX'::record_kind, s.estimated_one_rep_max_kg),
                                ('HEAVIEST_WEIGHT'::record_kind, s.weight_kg),
                                ('BEST_SET_VOLUME'::record_kind, s.reps * s.weight_kg)) as k(kind, value)
     order by w.user_id, s.exercise_id, k.kind, k.value desc, s.position),
  upserted as (
    insert into personal_records as r
           (user_id, exercise_id, kind, value_kg, previous_value_kg, set_id, workout_id, achieved_at, latest_at)
    select user_id, exercise_id, kind, value, null, set_id, workout_id, started_at, started_at
      from candidates
     order by user_id, exercise_id, kind
    on conflict (user_id, exercise_id, kind) do update
       -- every right-hand side reads the old row, so the order of these lines does not matter
       set previous_value_kg = case when excluded.value_kg > r.value_kg then r.value_kg else r.previous_value_kg end,
           set_id = case when excluded.value_kg > r.value_kg then excluded.set_id else r.set_id end,
           workout_id = case when excluded.value_kg > r.value_kg then excluded.workout_id else r.workout_id end,
           achieved_at = case when excluded.value_kg > r.value_kg then excluded.achieved_at else r.achieved_at end,
           value_kg = greatest(r.value_kg, excluded.value_kg),
           latest_at = excluded.latest_at
    returning 1)
  select array_agg(user_id), array_agg(exercise_id) into slow_users, slow_exercises
    from classified where not incremental;
  if slow_users is not null then
    perform personal_records_recompute(slow_users, slow_exercises);
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _600_records_insert on workout_sets;
--> statement-breakpoint
create trigger _600_records_insert after insert on workout_sets
  referencing new table as new_sets
  for each statement execute function tg_workout_sets__records();
--> statement-breakpoint
comment on function tg_workout_sets__records() is
  'Keeps personal_records exact when sets are inserted: incremental for a workout newer than the pair''s history, a recomputation of the pair otherwise.';
--> statement-breakpoint

-- A deleted workout can hold a record, have set a previous value, or be the newest of a pair: all three
-- mean latest_at >= its startedAt, and those pairs are recomputed without it. The sets are already gone
-- (the cascade ran first), which is why this is a trigger on workouts and not on workout_sets.
create or replace function tg_workouts__records() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  touched_users bigint[];
  touched_exercises integer[];
begin
  select array_agg(p.user_id), array_agg(p.exercise_id) into touched_users, touched_exercises
    from (select distinct r.user_id, r.exercise_id
            from old_workouts o
            join personal_records r on r.user_id = o.user_id and r.latest_at >= o.started_at) p;
  if touched_users is not null then
    perform personal_records_recompute(touched_users, touched_exercises);
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _600_records_delete on workouts;
--> statement-breakpoint
create trigger _600_records_delete after delete on workouts
  referencing old table as old_workouts
  for each statement execute function tg_workouts__records();
--> statement-breakpoint
comment on function tg_workouts__records() is
  'Hands records back when a workout is deleted: recomputes every (user, exercise) pair the workout could have touched.';
--> statement-breakpoint

-- Leaderboard departures: a user who turns on ghost mode, opts out or is deleted leaves every board at
-- once. Reads subtract the departed users ranked above a row from its stored rank, so ranks close up
-- without waiting for the refresh (src/loaders/leaderboards.ts). Coming back removes the row: the user
-- is either still in the rankings (and counts again) or not in them until the next refresh. The refresh
-- deletes the rows of users it found unlisted, under the snapshot it ranked from; a row committed after
-- that snapshot stays. ON CONFLICT DO NOTHING: a row present is already a departure.
create or replace function tg_users__departures() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'UPDATE' and not new.ghost_mode and new.leaderboard_opt_in then
    delete from leaderboard_departures where user_id = new.id;
  else
    insert into leaderboard_departures (user_id) values (old.id) on conflict (user_id) do nothing;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _600_departures_update on users;
--> statement-breakpoint
create trigger _600_departures_update after update of ghost_mode, leaderboard_opt_in on users
  for each row
  when ((not old.ghost_mode and old.leaderboard_opt_in) <> (not new.ghost_mode and new.leaderboard_opt_in))
  execute function tg_users__departures();
--> statement-breakpoint
drop trigger if exists _600_departures_delete on users;
--> statement-breakpoint
create trigger _600_departures_delete after delete on users
  for each row
  when (not old.ghost_mode and old.leaderboard_opt_in)
  execute function tg_users__departures();
--> statement-breakpoint
comment on function tg_users__departures() is
  'Records users who left the leaderboards since the last refresh, so reads close up the ranks below them at once.';
--> statement-breakpoint
comment on table personal_records is
  'The current personal record per (user, exercise, kind), kept by triggers in the writing transaction (drizzle/0015_personal_records_triggers.sql).';
--> statement-breakpoint
comment on table exercise_leaderboard_entries is
  'exerciseLeaderboard rankings: ESTIMATED_ONE_REP_MAX records of listed users, rebuilt with leaderboard_entries. Unlogged: derived data.';
--> statement-breakpoint
alter table exercise_leaderboard_entries set unlogged;
