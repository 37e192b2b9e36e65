-- Live leaderboards: every board is kept by triggers in the writing transaction, so a committed change
-- is on every board it affects at once, whatever the number of users, and nothing rebuilds a board on
-- a timer. The pieces (docs: README, "Leaderboards"):
--   * board_entries: one row per listed user per board. Triggers on users, workouts and
--     personal_records recompute the entries of the (user, board) pairs a write touched from the source
--     rows, so an entry is always what a recomputation from scratch would give. The many updates that
--     change no score (counters, read marks, a record's latest_at) call nothing.
--   * board_buckets: each board's score histogram, 256 buckets per doubling of (1 + score), globally
--     and per country. A rank is 1 + the entries in the buckets above the score + the entries above it
--     inside its own bucket (a short index range): work bounded by the number of buckets, not by rank.
--   * board_deltas: boards_put(), the writer of board_entries, appends one row per entry that changes
--     bucket or country. Writers only append, so concurrent writers never wait on a shared counter row
--     and can never deadlock on one; boards_fold() (src/jobs/boards.ts, a few times a second) moves the
--     rows into board_buckets in one transaction. Readers add the rows not yet folded, so a rank is exact
--     in every snapshot whether or not the fold has run.
-- Users in ghost mode or opted out have no entries at all. logWorkout and deleteWorkout lock the users
-- row before they write, and every listing change updates that row, so one user's board writes are
-- serialized with their listing changes. Every statement here can run twice.

-- Not STRICT, so that PostgreSQL inlines it into the statements that call it; scores are never
-- negative, and a null score has a null bucket.
create or replace function board_bucket(score float8) returns integer
language sql immutable parallel safe as $$
  select floor(ln(1 + score) * (256 / ln(2::float8)))::integer
$$;
--> statement-breakpoint
comment on function board_bucket(float8) is
  'The board_buckets bucket of a score: 256 per doubling of (1 + score), so a bucket spans about 0.27 % of the score.';
--> statement-breakpoint

-- VOLUME_THIS_WEEK boards are named by their week's Monday, as days since 1970-01-01.
create or replace function board_week_ref(at timestamptz) returns integer
language sql immutable parallel safe as $$
  select (date_trunc('week', at at time zone 'UTC')::date - date '1970-01-01')
$$;
--> statement-breakpoint
comment on function board_week_ref(timestamptz) is
  'The ref of the VOLUME_THIS_WEEK board a workout started at `at` counts on: its ISO week''s Monday, in days since 1970-01-01.';
--> statement-breakpoint

-- to_timestamp, not timestamptz + interval (which depends on the session's time zone), so that it is
-- immutable and PostgreSQL inlines it.
create or replace function board_week_start(ref integer) returns timestamptz
language sql immutable parallel safe as $$
  select to_timestamp(ref * 86400.0)
$$;
--> statement-breakpoint

-- The number of entries of a board (globally, or in p_country) scoring above p_score (or at or above
-- it, with p_inclusive); with a null p_score, all of them. Three parts, all read in the caller's
-- snapshot: the folded histogram above the score's bucket, the deltas not folded yet, and the entries
-- above the score inside its own bucket.
create or replace function board_count_above(
  p_board board_kind, p_ref integer, p_country text, p_score float8, p_inclusive boolean default false)
returns bigint
language plpgsql stable parallel safe set search_path = public, pg_temp as $$
declare
  v_bucket integer := coalesce(board_bucket(p_score), -1);
  -- a little above the bucket's true top, so float rounding can never leave one of its entries out
  v_top float8 := exp((v_bucket + 1.01) * ln(2::float8) / 256) - 1;
  v_folded bigint;
  v_pending bigint;
  v_inside bigint := 0;
begin
  select coalesce(sum(entries), 0) into v_folded
    from board_buckets
   where board = p_board and ref = p_ref and country = coalesce(p_country, '') and bucket > v_bucket;
  if p_country is null then
    select count(*) filter (where to_bucket > v_bucket) - count(*) filter (where from_bucket > v_bucket)
      into v_pending
      from board_deltas where board = p_board and ref = p_ref;
    if p_score is not null then
      select count(*) into v_inside
        from board_entries
       where board = p_board and ref = p_ref and score >= p_score and score < v_top
         and (p_inclusive or score > p_score) and board_bucket(score) = v_bucket;
    end if;
  else
    select count(*) filter (where to_country = p_country and to_bucket > v_bucket)
         - count(*) filter (where from_country = p_country and from_bucket > v_bucket)
      into v_pending
      from board_deltas where board = p_board and ref = p_ref;
    if p_score is not null then
      select count(*) into v_inside
        from board_entries
       where board = p_board and ref = p_ref and country = p_country and score >= p_score and score < v_top
         and (p_inclusive or score > p_score) and board_bucket(score) = v_bucket;
    end if;
  end if;
  return v_folded + v_pending + v_inside;
end $$;
--> statement-breakpoint
comment on function board_count_above(board_kind, integer, text, float8, boolean) is
  'Entries of a board (p_country null: the whole board) scoring above p_score (p_inclusive: at or above; null: all entries), exact in the caller''s snapshot. rank = 1 + board_count_above(score).';
--> statement-breakpoint

-- The writer of board_entries (besides the XP fast path in tg_users__boards and the bulk loads): makes the entries of the given (ref, user) pairs
-- of one board kind exactly `wanted` (a subset of the pairs; a pair left out has no entry), and appends
-- one board_deltas row per entry added, removed, or moved to another bucket or country. The current
-- entries are read in the same statement; the callers hold the users' rows locked, so nothing else
-- changes them meanwhile. Generic plans: these run on every logged workout, and planning a custom plan
-- each time cost more than running it.
create or replace function boards_put(
  p_board board_kind, p_refs integer[], p_users bigint[],
  w_refs integer[], w_users bigint[], w_countries text[], w_scores float8[])
returns void
language plpgsql volatile set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
begin
  with pairs as (
    select distinct ref, user_id from unnest(p_refs, p_users) as p(ref, user_id)),
  wanted as (
    select ref, user_id, country, score from unnest(w_refs, w_users, w_countries, w_scores) as w(ref, user_id, country, score)),
  current as (
    select e.ref, e.user_id, e.country::text as country, e.score
      from pairs p join board_entries e on e.board = p_board and e.ref = p.ref and e.user_id = p.user_id),
  gone as (
    delete from board_entries e using current c
     where e.board = p_board and e.ref = c.ref and e.user_id = c.user_id
       and not exists (select 1 from wanted w where w.ref = c.ref and w.user_id = c.user_id)),
  put as (
    insert into board_entries as e (board, ref, user_id, country, score)
    select p_board, ref, user_id, country, score from wanted order by ref, user_id
    on conflict (board, ref, user_id) do update
       set country = excluded.country, score = excluded.score
     where (e.country, e.score) is distinct from (excluded.country, excluded.score))
  insert into board_deltas (board, ref, from_country, from_bucket, to_country, to_bucket)
  select p_board, coalesce(c.ref, w.ref), c.country, board_bucket(c.score), w.country, board_bucket(w.score)
    from current c full join wanted w on w.ref = c.ref and w.user_id = c.user_id
   where (c.country, board_bucket(c.score)) is distinct from (w.country, board_bucket(w.score));
end $$;
--> statement-breakpoint
comment on function boards_put(board_kind, integer[], bigint[], integer[], bigint[], text[], float8[]) is
  'Sets the board entries of the given (ref, user) pairs to the wanted ones and appends the board_deltas their moves make.';
--> statement-breakpoint

-- The entries of the given users on XP_ALL_TIME, from users.
create or replace function boards_sync_xp(p_users bigint[]) returns void
language plpgsql volatile set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
declare
  v_users bigint[];
  v_countries text[];
  v_scores float8[];
begin
  select array_agg(id), array_agg(country), array_agg(xp::float8) into v_users, v_countries, v_scores
    from users where id = any(p_users) and not ghost_mode and leaderboard_opt_in;
  perform boards_put('XP_ALL_TIME', array_fill(0, array[cardinality(p_users)]), p_users,
                     array_fill(0, array[coalesce(cardinality(v_users), 0)]), v_users, v_countries, v_scores);
end $$;
--> statement-breakpoint

-- The entries of the given (user, week) pairs on VOLUME_THIS_WEEK, from workouts: a user is on a
-- week's board while they have a workout that started in it.
create or replace function boards_sync_volume(p_users bigint[], p_refs integer[]) returns void
language plpgsql volatile set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
declare
  v_refs integer[];
  v_users bigint[];
  v_countries text[];
  v_scores float8[];
begin
  select array_agg(p.ref), array_agg(p.user_id), array_agg(u.country), array_agg(v.volume)
    into v_refs, v_users, v_countries, v_scores
    from (select distinct user_id, ref from unnest(p_users, p_refs) as p(user_id, ref)) p
    join users u on u.id = p.user_id and not u.ghost_mode and u.leaderboard_opt_in
   cross join lateral (
     select sum(w.total_volume_kg) as volume, count(*) as workouts
       from workouts w
      where w.user_id = p.user_id
        and w.started_at >= board_week_start(p.ref) and w.started_at < board_week_start(p.ref + 7)) v
   where v.workouts > 0;
  perform boards_put('VOLUME_THIS_WEEK', p_refs, p_users, v_refs, v_users, v_countries, v_scores);
end $$;
--> statement-breakpoint

-- The entries of the given (user, exercise) pairs on the exercise boards, from their
-- ESTIMATED_ONE_REP_MAX records.
create or replace function boards_sync_exercise(p_users bigint[], p_exercises integer[]) returns void
language plpgsql volatile set search_path = public, pg_temp set plan_cache_mode = force_generic_plan as $$
declare
  v_refs integer[];
  v_users bigint[];
  v_countries text[];
  v_scores float8[];
begin
  select array_agg(r.exercise_id), array_agg(r.user_id), array_agg(u.country), array_agg(r.value_kg)
    into v_refs, v_users, v_countries, v_scores
    from (select distinct user_id, exercise_id from unnest(p_users, p_exercises) as p(user_id, exercise_id)) p
    join users u on u.id = p.user_id and not u.ghost_mode and u.leaderboard_opt_in
    join personal_records r
      on r.user_id = p.user_id and r.exercise_id = p.exercise_id and r.kind = 'ESTIMATED_ONE_REP_MAX';
  perform boards_put('EXERCISE_ONE_REP_MAX', p_exercises, p_users, v_refs, v_users, v_countries, v_scores);
end $$;
--> statement-breakpoint

-- Every board of the given users, for a change of listing (ghost mode, opt-out), a country or a deleted
-- account: their XP entry, every volume week still kept and every exercise board, each read by
-- board_entries' primary key (the pairs are few: a handful of weeks, the exercise catalogue).
create or replace function boards_sync_users(p_users bigint[]) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_users bigint[];
  v_refs integer[];
begin
  perform boards_sync_xp(p_users);
  select array_agg(u.id), array_agg(w.ref) into v_users, v_refs
    from unnest(p_users) as u(id)
   cross join generate_series((select volume_from_ref from board_state where id = 1),
                              board_week_ref(now()) + 7, 7) as w(ref);
  perform boards_sync_volume(v_users, v_refs);
  select array_agg(u.id), array_agg(x.id) into v_users, v_refs
    from unnest(p_users) as u(id) cross join exercises x;
  perform boards_sync_exercise(v_users, v_refs);
end $$;
--> statement-breakpoint

-- users: a new user joins XP_ALL_TIME; a change of listing or country, or a deletion, resyncs every
-- board of the user. An XP change alone is the common write (every logged workout makes two): the
-- entry's score is users.xp as of the last change, so OLD and NEW give the move without reading the
-- entry back. Row triggers whose WHEN clause skips the many updates of other columns (counters, read
-- marks) without calling anything.
create or replace function tg_users__boards() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    perform boards_sync_xp(array[new.id]);
  elsif tg_op = 'DELETE' then
    perform boards_sync_users(array[old.id]);
  elsif (new.ghost_mode, new.leaderboard_opt_in, new.country) is distinct from (old.ghost_mode, old.leaderboard_opt_in, old.country) then
    perform boards_sync_users(array[new.id]);
  else
    update board_entries set score = new.xp where board = 'XP_ALL_TIME' and ref = 0 and user_id = new.id;
    if found and board_bucket(old.xp) <> board_bucket(new.xp) then
      insert into board_deltas (board, ref, from_country, from_bucket, to_country, to_bucket)
      values ('XP_ALL_TIME', 0, new.country, board_bucket(old.xp), new.country, board_bucket(new.xp));
    end if;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _700_boards_insert on users;
--> statement-breakpoint
create trigger _700_boards_insert after insert on users
  for each row when (not new.ghost_mode and new.leaderboard_opt_in) execute function tg_users__boards();
--> statement-breakpoint
drop trigger if exists _700_boards_update on users;
--> statement-breakpoint
create trigger _700_boards_update after update of xp, ghost_mode, leaderboard_opt_in, country on users
  for each row
  when ((old.xp, old.ghost_mode, old.leaderboard_opt_in, old.country) is distinct from (new.xp, new.ghost_mode, new.leaderboard_opt_in, new.country))
  execute function tg_users__boards();
--> statement-breakpoint
drop trigger if exists _700_boards_delete on users;
--> statement-breakpoint
create trigger _700_boards_delete after delete on users
  for each row when (not old.ghost_mode and old.leaderboard_opt_in) execute function tg_users__boards();
--> statement-breakpoint
comment on function tg_users__boards() is
  'Keeps a user''s board entries in step with users.xp, ghost_mode, leaderboard_opt_in and country, and removes a deleted user''s.';
--> statement-breakpoint

-- workouts: the VOLUME_THIS_WEEK entries of the (user, week) a workout leaves and enters, for weeks still
-- kept (board_state.volume_from_ref). Row triggers: the API writes one workout per statement, and an
-- update of other columns (likeCount, commentCount) calls nothing.
create or replace function tg_workouts__boards() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_from integer;
  v_users bigint[] := '{}';
  v_refs integer[] := '{}';
begin
  select volume_from_ref into v_from from board_state where id = 1;
  if tg_op <> 'INSERT' and board_week_ref(old.started_at) >= v_from then
    v_users := v_users || old.user_id;
    v_refs := v_refs || board_week_ref(old.started_at);
  end if;
  if tg_op <> 'DELETE' and board_week_ref(new.started_at) >= v_from
     -- A workout logged without its sets yet (logWorkout's first statement) changes neither the score
     -- nor the listing of a user already on that week's board.
     and not (tg_op = 'INSERT' and new.total_volume_kg = 0
              and exists (select 1 from board_entries where board = 'VOLUME_THIS_WEEK'
                             and ref = board_week_ref(new.started_at) and user_id = new.user_id)) then
    v_users := v_users || new.user_id;
    v_refs := v_refs || board_week_ref(new.started_at);
  end if;
  if cardinality(v_users) > 0 then perform boards_sync_volume(v_users, v_refs); end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _700_boards_insert on workouts;
--> statement-breakpoint
create trigger _700_boards_insert after insert on workouts
  for each row execute function tg_workouts__boards();
--> statement-breakpoint
drop trigger if exists _700_boards_update on workouts;
--> statement-breakpoint
create trigger _700_boards_update after update of user_id, started_at, total_volume_kg on workouts
  for each row
  when ((old.user_id, old.started_at, old.total_volume_kg) is distinct from (new.user_id, new.started_at, new.total_volume_kg))
  execute function tg_workouts__boards();
--> statement-breakpoint
drop trigger if exists _700_boards_delete on workouts;
--> statement-breakpoint
create trigger _700_boards_delete after delete on workouts
  for each row execute function tg_workouts__boards();
--> statement-breakpoint
comment on function tg_workouts__boards() is
  'Keeps the VOLUME_THIS_WEEK entries of the (user, week) pairs a workout leaves and enters.';
--> statement-breakpoint

-- personal_records: the exercise board entries of the users whose ESTIMATED_ONE_REP_MAX records a
-- statement added, changed in value or removed, in one call per statement (a logged workout upserts
-- the records of all its exercises at once). Every logged workout also rewrites its records'
-- latest_at: those updates find no value change and call nothing.
create or replace function tg_personal_records__boards() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_users bigint[];
  v_exercises integer[];
begin
  if tg_op = 'INSERT' then
    select array_agg(user_id), array_agg(exercise_id) into v_users, v_exercises
      from new_records where kind = 'ESTIMATED_ONE_REP_MAX';
  elsif tg_op = 'DELETE' then
    select array_agg(user_id), array_agg(exercise_id) into v_users, v_exercises
      from old_records where kind = 'ESTIMATED_ONE_REP_MAX';
  else
    select array_agg(n.user_id), array_agg(n.exercise_id) into v_users, v_exercises
      from new_records n join old_records o on o.id = n.id
     where n.kind = 'ESTIMATED_ONE_REP_MAX' and n.value_kg is distinct from o.value_kg;
  end if;
  if v_users is not null then perform boards_sync_exercise(v_users, v_exercises); end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _700_boards_insert on personal_records;
--> statement-breakpoint
create trigger _700_boards_insert after insert on personal_records
  referencing new table as new_records
  for each statement execute function tg_personal_records__boards();
--> statement-breakpoint
drop trigger if exists _700_boards_update on personal_records;
--> statement-breakpoint
create trigger _700_boards_update after update on personal_records
  referencing old table as old_records new table as new_records
  for each statement execute function tg_personal_records__boards();
--> statement-breakpoint
drop trigger if exists _700_boards_delete on personal_records;
--> statement-breakpoint
create trigger _700_boards_delete after delete on personal_records
  referencing old table as old_records
  for each statement execute function tg_personal_records__boards();
--> statement-breakpoint
comment on function tg_personal_records__boards() is
  'Keeps the exercise board entries of the (user, exercise) pairs whose ESTIMATED_ONE_REP_MAX record a statement added, changed in value or removed.';
--> statement-breakpoint

-- Moves every delta this snapshot sees into board_buckets. Deltas committed meanwhile stay for the next
-- fold; a reader sees each delta either pending or folded, never both. Returns the deltas folded.
create or replace function boards_fold() returns integer
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_moved integer;
begin
  with moved as (
    delete from board_deltas returning *),
  counted as (
    select board, ref, count(*)::integer as n from moved group by board, ref),
  changes as (
    select board, ref, '' as country, to_bucket as bucket, 1 as n from moved where to_bucket is not null
    union all
    select board, ref, '', from_bucket, -1 from moved where from_bucket is not null
    union all
    select board, ref, to_country::text, to_bucket, 1 from moved where to_country is not null and to_bucket is not null
    union all
    select board, ref, from_country::text, from_bucket, -1 from moved where from_country is not null and from_bucket is not null),
  summed as (
    select board, ref, country, bucket, sum(n)::integer as n
      from changes group by board, ref, country, bucket having sum(n) <> 0),
  applied as (
    insert into board_buckets as k (board, ref, country, bucket, entries)
    select board, ref, country, bucket, n from summed order by board, ref, country, bucket
    on conflict (board, ref, country, bucket) do update set entries = k.entries + excluded.entries)
  select coalesce(sum(n), 0)::integer into v_moved from counted;
  return v_moved;
end $$;
--> statement-breakpoint
comment on function boards_fold() is
  'Folds the pending board_deltas into board_buckets in one statement; returns how many it folded.';
--> statement-breakpoint

-- Rebuilds every board from the source rows: after a bulk load (with the _700_boards triggers switched
-- off), and once by this migration. Takes the tables' write locks, so writers wait for it rather than
-- race it.
create or replace function boards_rebuild() returns void
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_from integer;
begin
  lock table users, workouts, personal_records in share mode;
  select volume_from_ref into v_from from board_state where id = 1;
  truncate board_entries, board_buckets, board_deltas;
  insert into board_entries (board, ref, user_id, country, score)
  select 'XP_ALL_TIME', 0, id, country, xp from users where not ghost_mode and leaderboard_opt_in;
  insert into board_entries (board, ref, user_id, country, score)
  select 'VOLUME_THIS_WEEK', board_week_ref(w.started_at), w.user_id, u.country, sum(w.total_volume_kg)
    from workouts w join users u on u.id = w.user_id and not u.ghost_mode and u.leaderboard_opt_in
   where w.started_at >= board_week_start(v_from)
   group by 2, 3, 4;
  insert into board_entries (board, ref, user_id, country, score)
  select 'EXERCISE_ONE_REP_MAX', r.exercise_id, r.user_id, u.country, r.value_kg
    from personal_records r join users u on u.id = r.user_id and not u.ghost_mode and u.leaderboard_opt_in
   where r.kind = 'ESTIMATED_ONE_REP_MAX';
  insert into board_buckets (board, ref, country, bucket, entries)
  select board, ref, coalesce(country::text, ''), board_bucket(score), count(*)
    from board_entries
   group by grouping sets ((board, ref, board_bucket(score)), (board, ref, country, board_bucket(score)))
  having grouping(country) = 1 or country is not null;
end $$;
--> statement-breakpoint
comment on function boards_rebuild() is
  'Rebuilds board_entries and board_buckets from users, workouts and personal_records (after a bulk load; writers wait).';
--> statement-breakpoint

-- Keeps the VOLUME_THIS_WEEK boards of weeks from p_ref on (the daily job passes last week's Monday):
-- moving forward drops older weeks; moving back (a clock set back) builds the weeks now kept, with
-- writers to workouts held off meanwhile so none of their workouts is missed.
create or replace function boards_keep_weeks_from(p_ref integer) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_from integer;
begin
  select volume_from_ref into v_from from board_state where id = 1 for update;
  if p_ref = v_from then return; end if;
  if p_ref > v_from then
    delete from board_entries where board = 'VOLUME_THIS_WEEK' and ref < p_ref;
    delete from board_buckets where board = 'VOLUME_THIS_WEEK' and ref < p_ref;
    delete from board_deltas where board = 'VOLUME_THIS_WEEK' and ref < p_ref;
  else
    lock table workouts in share mode;
    insert into board_entries (board, ref, user_id, country, score)
    select 'VOLUME_THIS_WEEK', board_week_ref(w.started_at), w.user_id, u.country, sum(w.total_volume_kg)
      from workouts w join users u on u.id = w.user_id and not u.ghost_mode and u.leaderboard_opt_in
     where w.started_at >= board_week_start(p_ref) and w.started_at < board_week_start(v_from)
     group by 2, 3, 4;
    insert into board_buckets (board, ref, country, bucket, entries)
    select board, ref, coalesce(country::text, ''), board_bucket(score), count(*)
      from board_entries
     where board = 'VOLUME_THIS_WEEK' and ref >= p_ref and ref < v_from
     group by grouping sets ((board, ref, board_bucket(score)), (board, ref, country, board_bucket(score)))
    having grouping(country) = 1 or country is not null;
  end if;
  update board_state set volume_from_ref = p_ref where id = 1;
end $$;
--> statement-breakpoint
comment on function boards_keep_weeks_from(integer) is
  'Moves the first kept VOLUME_THIS_WEEK week to p_ref: drops older weeks, or builds the weeks now kept.';
--> statement-breakpoint

-- The last refresh-based design's leftovers: its departures trigger wrote to a table 0022 dropped.
drop trigger if exists _600_departures_update on users;
--> statement-breakpoint
drop trigger if exists _600_departures_delete on users;
--> statement-breakpoint
drop function if exists tg_users__departures();
--> statement-breakpoint
insert into board_state (id, volume_from_ref) values (1, board_week_ref(now()) - 7) on conflict (id) do nothing;
--> statement-breakpoint
do $$ begin if not exists (select 1 from board_entries) then perform boards_rebuild(); end if; end $$;
--> statement-breakpoint
comment on table board_entries is
  'One row per listed user per board, kept by triggers in the writing transaction (drizzle/0023_live_board_triggers.sql).';
--> statement-breakpoint
comment on table board_buckets is
  'Each board''s score histogram (country '''' is the whole board), written only by boards_fold() and the bulk rebuilds.';
--> statement-breakpoint
-- board_deltas is a queue: every fold deletes what writers appended. Vacuumed by row count rather
-- than by a fraction of a table that is near empty, so readers never wade through dead index entries.
alter table board_deltas set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);
--> statement-breakpoint
comment on table board_deltas is
  'Board entry moves appended by writers and not yet folded into board_buckets; readers add them in.';
--> statement-breakpoint
comment on table board_day_ranks is
  'Every board''s ranks at the start of the UTC day board_state.snapshot_day, for previousRank (src/jobs/boards.ts).';
