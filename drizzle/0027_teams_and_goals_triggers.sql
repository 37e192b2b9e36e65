-- Teams and goals, kept by the database (the tables are in 0026).
--
-- A goal's progress and its per-member contributions, and each team's weekly sums behind the team
-- board, are aggregates that follow writes. They are kept the way the boards keep their entries
-- (0023): triggers in the writing transaction, so a committed change is on every goal and board it
-- touches at its commit, and no process rebuilds anything on a timer. Amounts are numeric: a sum of
-- signed deltas of numeric values is exactly the sum recomputed from scratch, in any order.
--
-- Lock order, which every writer follows so none can deadlock another:
--   team row (join, leave, createTeamGoal) → user rows (logWorkout, deleteWorkout, join, leave; a new
--   goal takes every member's, in id order) → goal rows (in id order) → team_weeks rows (in team order)
--   → notification_states rows (in user order).
-- A user's workouts and memberships change only under that user's row lock, and a goal is created
-- under every member's, so a workout racing a join, a leave or a new goal is counted exactly once:
-- whichever commits second runs its statements after the first's commit and sees it.

-- The week a timestamp falls in, named by its Monday (UTC), as the team board names it.
create or replace function team_week_of(at timestamptz) returns date
language sql immutable parallel safe set search_path = public, pg_temp as $$
  select (date_trunc('week', at at time zone 'UTC'))::date
$$;
--> statement-breakpoint
comment on function team_week_of(timestamptz) is 'The Monday (UTC) of the ISO week a time falls in: team_weeks.week_start.';
--> statement-breakpoint
-- A goal's metric of a change given as its four signed sums.
create or replace function goal_metric_value(metric goal_metric, distance numeric, volume numeric, n numeric, xp numeric)
returns numeric
language sql immutable parallel safe set search_path = public, pg_temp as $$
  select case metric::text when 'DISTANCE_METERS' then distance when 'VOLUME_KG' then volume
                          when 'WORKOUTS' then n else xp end
$$;
--> statement-breakpoint
comment on function goal_metric_value(goal_metric, numeric, numeric, numeric, numeric) is
  'Picks the sum a goal counts (distance, volume, workouts or XP) from the four sums of a change.';
--> statement-breakpoint
-- Adds a member's signed share to a goal, under the goal's row lock. The lock serializes every change
-- of one goal, so exactly one change sees progress cross the target while completed_at is still null:
-- it sets completed_at (never unset afterwards) and notifies each member at that moment once (the act
-- key `goal:<id>` makes a second insert a no-op anyway). `actor` is the member whose change completed it.
create or replace function goal_add(p_goal bigint, p_user bigint, p_amount numeric, p_actor bigint) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_team bigint;
  v_was timestamptz;
  v_now timestamptz;
  v_sent integer;
begin
  if p_amount = 0 then return; end if;
  select team_id, completed_at into v_team, v_was from team_goals where id = p_goal for no key update;
  if not found then return; end if;
  insert into goal_contributions as c (goal_id, user_id, amount) values (p_goal, p_user, p_amount)
    on conflict (goal_id, user_id) do update set amount = c.amount + excluded.amount;
  update team_goals
     set progress = progress + p_amount,
         completed_at = coalesce(completed_at, case when progress + p_amount >= target::numeric then clock_timestamp() end)
   where id = p_goal
   returning completed_at into v_now;
  perform pg_notify('spotter_events', json_build_object('type', 'goalChanged', 'goalId', p_goal)::text);
  if v_was is null and v_now is not null then
    with inserted as (
      insert into notifications (recipient_id, kind, actor_id, team_id, goal_id, act_key)
      select m.user_id, 'TEAM_GOAL_COMPLETED', p_actor, v_team, p_goal, 'goal:' || p_goal
        from team_members m where m.team_id = v_team order by m.user_id
      returning id, recipient_id, sequence_number)
    select count(pg_notify('spotter_events', json_build_object('type', 'notificationAdded', 'recipientId', recipient_id,
             'notificationId', id, 'sequenceNumber', sequence_number)::text))
      into v_sent from inserted;
  end if;
end $$;
--> statement-breakpoint
comment on function goal_add(bigint, bigint, numeric, bigint) is
  'Adds a member''s share to a goal''s contribution and progress; the change that crosses the target sets completed_at and notifies every member once.';
--> statement-breakpoint
-- Applies one workout's signed sums (the row leaving with -1, the row arriving with +1) to every goal
-- of the user's teams whose window holds `at`, and to the user's teams' week of `at`.
create or replace function teams_count_workout(p_user bigint, p_at timestamptz,
  p_distance numeric, p_volume numeric, p_n numeric, p_xp numeric) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  g record;
begin
  for g in select tg.id, tg.metric from team_members m
             join team_goals tg on tg.team_id = m.team_id and tg.ends_at > p_at and tg.starts_at <= p_at
            where m.user_id = p_user order by tg.id
              -- Every goal in the window, even one this change leaves alone: a later statement of the
              -- same transaction (logWorkout's sets) may move it, after this one locked team weeks.
              for no key update of tg loop
    perform goal_add(g.id, p_user, goal_metric_value(g.metric, p_distance, p_volume, p_n, p_xp), p_user);
  end loop;
  insert into team_weeks as w (team_id, week_start, distance_meters, volume_kg, workouts, xp)
  select m.team_id, team_week_of(p_at), p_distance, p_volume, p_n, p_xp
    from team_members m where m.user_id = p_user order by m.team_id
  on conflict (team_id, week_start) do update
    set distance_meters = w.distance_meters + excluded.distance_meters, volume_kg = w.volume_kg + excluded.volume_kg,
        workouts = w.workouts + excluded.workouts, xp = w.xp + excluded.xp;
end $$;
--> statement-breakpoint
comment on function teams_count_workout(bigint, timestamptz, numeric, numeric, numeric, numeric) is
  'Moves the goals and team weeks a user''s workout at a time counts toward by its signed distance, volume, count and XP.';
--> statement-breakpoint
-- Row triggers, as the boards' on workouts: the API writes one workout per statement, and an update
-- of other columns (likeCount, commentCount, visibility) calls nothing. xp_earned is generated from
-- set_count, total_volume_kg and distance_meters, so a change of those is a change of XP.
create or replace function tg_workouts__teams() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'UPDATE' and old.user_id = new.user_id and old.started_at = new.started_at then
    perform teams_count_workout(new.user_id, new.started_at,
      new.distance_meters::numeric - old.distance_meters::numeric, new.total_volume_kg::numeric - old.total_volume_kg::numeric,
      0, new.xp_earned - old.xp_earned);
    return null;
  end if;
  if tg_op <> 'INSERT' then
    perform teams_count_workout(old.user_id, old.started_at, -old.distance_meters::numeric, -old.total_volume_kg::numeric, -1, -old.xp_earned);
  end if;
  if tg_op <> 'DELETE' then
    perform teams_count_workout(new.user_id, new.started_at, new.distance_meters::numeric, new.total_volume_kg::numeric, 1, new.xp_earned);
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _710_teams_insert on workouts;
--> statement-breakpoint
create trigger _710_teams_insert after insert on workouts
  for each row execute function tg_workouts__teams();
--> statement-breakpoint
drop trigger if exists _710_teams_update on workouts;
--> statement-breakpoint
create trigger _710_teams_update after update of user_id, started_at, total_volume_kg, set_count, distance_meters on workouts
  for each row
  when ((old.user_id, old.started_at, old.total_volume_kg, old.set_count, old.distance_meters)
        is distinct from (new.user_id, new.started_at, new.total_volume_kg, new.set_count, new.distance_meters))
  execute function tg_workouts__teams();
--> statement-breakpoint
drop trigger if exists _710_teams_delete on workouts;
--> statement-breakpoint
create trigger _710_teams_delete after delete on workouts
  for each row execute function tg_workouts__teams();
--> statement-breakpoint
comment on function tg_workouts__teams() is
  'Keeps the progress and contributions of the goals, and the team weeks, a workout counts toward.';
--> statement-breakpoint
-- team_members: memberCount, and a member's workouts coming into or going out of the team's goals and
-- its weeks from this one on (earlier weeks are never read again). A member who leaves takes their
-- stored contribution out, so progress stays the sum of the current members' shares.
create or replace function tg_team_members__teams() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  g record;
  v_amount numeric;
begin
  if tg_op = 'INSERT' then
    update teams set member_count = member_count + 1 where id = new.team_id;
    for g in select tg.id, tg.metric, tg.starts_at, tg.ends_at from team_goals tg
              where tg.team_id = new.team_id order by tg.id for no key update loop
      select coalesce(sum(goal_metric_value(g.metric, w.distance_meters::numeric, w.total_volume_kg::numeric, 1, w.xp_earned)), 0)
        into v_amount
        from workouts w where w.user_id = new.user_id and w.started_at >= g.starts_at and w.started_at < g.ends_at;
      perform goal_add(g.id, new.user_id, v_amount, new.user_id);
    end loop;
    insert into team_weeks as tw (team_id, week_start, distance_meters, volume_kg, workouts, xp)
    select new.team_id, team_week_of(w.started_at), sum(w.distance_meters::numeric), sum(w.total_volume_kg::numeric),
           count(*), sum(w.xp_earned)
      from workouts w where w.user_id = new.user_id and w.started_at >= team_week_of(now())::timestamp at time zone 'UTC'
     group by 2 order by 2
    on conflict (team_id, week_start) do update
      set distance_meters = tw.distance_meters + excluded.distance_meters, volume_kg = tw.volume_kg + excluded.volume_kg,
          workouts = tw.workouts + excluded.workouts, xp = tw.xp + excluded.xp;
    return null;
  end if;
  update teams set member_count = member_count - 1 where id = old.team_id;
  for g in select tg.id from team_goals tg where tg.team_id = old.team_id order by tg.id for no key update loop
    delete from goal_contributions where goal_id = g.id and user_id = old.user_id returning amount into v_amount;
    if v_amount is not null and v_amount <> 0 then
      update team_goals set progress = progress - v_amount where id = g.id;
      perform pg_notify('spotter_events', json_build_object('type', 'goalChanged', 'goalId', g.id)::text);
    end if;
  end loop;
  update team_weeks tw
     set distance_meters = tw.distance_meters - d.distance, volume_kg = tw.volume_kg - d.volume,
         workouts = tw.workouts - d.n, xp = tw.xp - d.xp
    from (select team_week_of(w.started_at) as week_start, sum(w.distance_meters::numeric) as distance,
                 sum(w.total_volume_kg::numeric) as volume, count(*) as n, sum(w.xp_earned) as xp
            from workouts w where w.user_id = old.user_id and w.started_at >= team_week_of(now())::timestamp at time zone 'UTC'
           group by 1) d
   where tw.team_id = old.team_id and tw.week_start = d.week_start;
  perform pg_notify('spotter_events', json_build_object('type', 'teamMemberLeft', 'teamId', old.team_id, 'userId', old.user_id)::text);
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_teams on team_members;
--> statement-breakpoint
create trigger _500_teams after insert or delete on team_members
  for each row execute function tg_team_members__teams();
--> statement-breakpoint
comment on function tg_team_members__teams() is
  'Keeps teams.member_count, and moves a joining or leaving member''s workouts into or out of the team''s goals and weeks.';
--> statement-breakpoint
-- team_goals: a new goal starts from its current members' workouts in its window. The caller holds
-- every member's row lock (createTeamGoal), so no member's workout is in flight meanwhile.
create or replace function tg_team_goals__start() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  c record;
begin
  for c in select m.user_id,
                  sum(goal_metric_value(new.metric, w.distance_meters::numeric, w.total_volume_kg::numeric, 1, w.xp_earned)) as amount
             from team_members m
             join workouts w on w.user_id = m.user_id and w.started_at >= new.starts_at and w.started_at < new.ends_at
            where m.team_id = new.team_id
            group by m.user_id order by m.user_id loop
    perform goal_add(new.id, c.user_id, c.amount, c.user_id);
  end loop;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_start on team_goals;
--> statement-breakpoint
create trigger _500_start after insert on team_goals
  for each row execute function tg_team_goals__start();
--> statement-breakpoint
comment on function tg_team_goals__start() is 'Counts the current members'' workouts already in a new goal''s window.';
--> statement-breakpoint
-- team_invites: an invitation across a block is refused by the one function every such act calls.
create or replace function tg_team_invites__refuse_blocked() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  perform refuse_across_block(new.inviter_id, new.invitee_id, tg_table_name);
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _050_refuse_blocked on team_invites;
--> statement-breakpoint
create trigger _050_refuse_blocked before insert on team_invites
  for each row execute function tg_team_invites__refuse_blocked();
--> statement-breakpoint
comment on function tg_team_invites__refuse_blocked() is 'Neither side of a block can invite the other to a team.';
--> statement-breakpoint
-- A completed goal is the team's act, not its actor's toward each member: every member at that moment
-- is notified, a member across a block from the one whose workout completed it included.
create or replace function tg_notifications__skip_blocked() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if new.kind::text <> 'TEAM_GOAL_COMPLETED' and blocked_between(new.actor_id, new.recipient_id) then
    return null;
  end if;
  return new;
end $$;
--> statement-breakpoint
comment on function tg_notifications__skip_blocked() is
  'Drops a notification whose actor and recipient are on two sides of a block (a completed team goal excepted).';
--> statement-breakpoint
-- Everything the triggers above keep, recomputed from the source rows in one pass: for bulk loads,
-- which switch the `_710_teams` triggers off (as they do the boards'), and as the reference a test
-- compares the kept values with. A goal already at its target gets completed_at without notifying:
-- a bulk load is not a moment anyone crossed a line.
create or replace function teams_rebuild() returns void
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  delete from goal_contributions;
  insert into goal_contributions (goal_id, user_id, amount)
  select g.id, m.user_id,
         sum(goal_metric_value(g.metric, w.distance_meters::numeric, w.total_volume_kg::numeric, 1, w.xp_earned))
    from team_goals g
    join team_members m on m.team_id = g.team_id
    join workouts w on w.user_id = m.user_id and w.started_at >= g.starts_at and w.started_at < g.ends_at
   group by g.id, m.user_id;
  update team_goals g set progress = coalesce((select sum(c.amount) from goal_contributions c where c.goal_id = g.id), 0);
  update team_goals set completed_at = now() where completed_at is null and progress >= target::numeric;
  delete from team_weeks;
  insert into team_weeks (team_id, week_start, distance_meters, volume_kg, workouts, xp)
  select m.team_id, team_week_of(w.started_at), sum(w.distance_meters::numeric), sum(w.total_volume_kg::numeric),
         count(*), sum(w.xp_earned)
    from team_members m
    join workouts w on w.user_id = m.user_id and w.started_at >= team_week_of(now())::timestamp at time zone 'UTC'
   group by 1, 2;
end $$;
--> statement-breakpoint
comment on function teams_rebuild() is
  'Recomputes every goal contribution, goal progress and team week from the source rows (bulk loads).';
