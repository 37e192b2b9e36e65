-- The goal and team-week updates of a logged or changed workout move to its commit (0027's triggers,
-- made deferred constraint triggers).
--
-- Every member's workout moves the same goal rows and team week, and holds their row locks until its
-- transaction ends. Run as the workout's statements ran, those locks were held across the rest of
-- logWorkout (the sets, three reads, the events, the commit: a client round trip each), so a team's
-- members took turns for the whole of it and 8 writers of one team logged about half as much as 8
-- writers of 8 teams. At commit the locks are held for the triggers' own work only.
--
-- Nothing else changes. The trigger still sees each event's row as it was then (the insert with no
-- sets yet, then each change of totals), so the signed deltas add up as before; the user's row lock,
-- taken first and held to the end, still orders a workout against a join, a leave or a new goal; and
-- the lock order stays user row → goal rows → team weeks → board entries, with the goal rows now after
-- whatever else the transaction locked (nothing a team writer takes in another order). A delete stays
-- immediate: deferred, it would run after everything else in its transaction, and a transaction that
-- deletes workouts and then memberships (an account's deletion) would find the memberships gone and
-- leave the team weeks holding the workouts.
drop trigger if exists _710_teams_insert on workouts;
--> statement-breakpoint
create constraint trigger _710_teams_insert after insert on workouts
  deferrable initially deferred
  for each row execute function tg_workouts__teams();
--> statement-breakpoint
drop trigger if exists _710_teams_update on workouts;
--> statement-breakpoint
create constraint trigger _710_teams_update after update of user_id, started_at, total_volume_kg, set_count, distance_meters on workouts
  deferrable initially deferred
  for each row
  when ((old.user_id, old.started_at, old.total_volume_kg, old.set_count, old.distance_meters)
        is distinct from (new.user_id, new.started_at, new.total_volume_kg, new.set_count, new.distance_meters))
  execute function tg_workouts__teams();
