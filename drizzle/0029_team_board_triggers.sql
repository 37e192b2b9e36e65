-- The team board's entries (team_board, 0028), kept in the writing transaction like team_weeks (0027).
--
-- Before this, a board page ranked every team with rank() over all of them on each read: its cost grew
-- with the number of teams (one per few dozen users), not with the page. Now each team's score per
-- metric and week is a row, a page is a range of team_board_order_idx, and a rank counts the entries
-- above the page's first row. Only scores above zero are entries, so the board starts empty every
-- Monday, as the weekly volume board does; a team that leaves zero leaves the board.

-- Puts a team's four scores of one week: its team_weeks sums divided by memberCount. Called after every
-- change of either; a week before the current one is left alone (nobody reads it), and a team's entries
-- of weeks before last are dropped as it writes, so the table holds about two weeks of active teams.
create or replace function team_board_put(p_team bigint, p_week date) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if p_week < team_week_of(now()) then return; end if;
  with scores as (
    select v.metric, v.score
      from team_weeks w
      join teams t on t.id = w.team_id and t.member_count > 0
     cross join lateral (values ('DISTANCE_METERS'::goal_metric, w.distance_meters / t.member_count),
                                ('VOLUME_KG'::goal_metric, w.volume_kg / t.member_count),
                                ('WORKOUTS'::goal_metric, w.workouts / t.member_count),
                                ('XP'::goal_metric, w.xp / t.member_count)) v(metric, score)
     where w.team_id = p_team and w.week_start = p_week
  ), put as (
    insert into team_board as b (team_id, metric, week_start, score)
    select p_team, metric, p_week, score from scores where score > 0
    on conflict (team_id, metric, week_start) do update set score = excluded.score
     where b.score <> excluded.score
  )
  delete from team_board b
   where b.team_id = p_team
     and (b.week_start < p_week - 7
          or (b.week_start = p_week and not exists (select 1 from scores s where s.metric = b.metric and s.score > 0)));
end $$;
--> statement-breakpoint
comment on function team_board_put(bigint, date) is
  'Writes a team''s board entries of one week from its team_weeks sums and memberCount.';
--> statement-breakpoint
create or replace function tg_team_weeks__board() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  perform team_board_put(new.team_id, new.week_start);
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _720_team_board on team_weeks;
--> statement-breakpoint
create trigger _720_team_board after insert or update on team_weeks
  for each row execute function tg_team_weeks__board();
--> statement-breakpoint
-- A new memberCount divides every sum of this week and later again. Deferred to the commit: a join or
-- a leave moves memberCount first and team weeks last (0027's lock order), while a logged workout
-- locks its team weeks and then their board entries, so board entries are always the last rows locked.
create or replace function tg_teams__board() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  v_week date;
begin
  for v_week in select week_start from team_weeks
                 where team_id = new.id and week_start >= team_week_of(now()) order by week_start loop
    perform team_board_put(new.id, v_week);
  end loop;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _720_team_board on teams;
--> statement-breakpoint
create constraint trigger _720_team_board after update of member_count on teams
  deferrable initially deferred
  for each row when (old.member_count is distinct from new.member_count)
  execute function tg_teams__board();
--> statement-breakpoint
-- The entries of the weeks already summed.
insert into team_board (team_id, metric, week_start, score)
select w.team_id, v.metric, w.week_start, v.score
  from team_weeks w
  join teams t on t.id = w.team_id and t.member_count > 0
 cross join lateral (values ('DISTANCE_METERS'::goal_metric, w.distance_meters / t.member_count),
                            ('VOLUME_KG'::goal_metric, w.volume_kg / t.member_count),
                            ('WORKOUTS'::goal_metric, w.workouts / t.member_count),
                            ('XP'::goal_metric, w.xp / t.member_count)) v(metric, score)
 where w.week_start >= team_week_of(now()) and v.score > 0
on conflict (team_id, metric, week_start) do update set score = excluded.score;
