-- Deleting an account leaves its teams first, as leaveTeam would: the team weeks lose its workouts,
-- ownership passes to the earliest-joined member, and a team it was the last member of is deleted.
--
-- Before this, the user's memberships and workouts went by the foreign keys' cascades, whose row
-- triggers PostgreSQL runs only once every cascade is done: the workouts' trigger found no membership
-- left to count them out of, and the memberships' trigger found no workout left to subtract from the
-- week, so the team board kept a deleted member's workouts of this week (goal progress was right: a
-- leaving member's stored contributions go). The owner's team was left without an owner, and a team
-- whose last member was deleted stayed, empty. Leaving before the row goes runs the same triggers a
-- leaveTeam runs, with the workouts still there.
--
-- Lock order: the deleted user's row (a delete takes it before BEFORE triggers run), then each team's
-- row through the membership trigger's memberCount update, as a cascade did before.
create or replace function tg_users__leave_teams() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  m record;
begin
  for m in select team_id, role from team_members where user_id = old.id order by team_id loop
    delete from team_members where team_id = m.team_id and user_id = old.id;
    if m.role = 'OWNER' then
      update team_members set role = 'OWNER'
       where team_id = m.team_id
         and user_id = (select user_id from team_members where team_id = m.team_id order by joined_at, user_id limit 1);
    end if;
    delete from teams where id = m.team_id and member_count = 0;
  end loop;
  return old;
end $$;
--> statement-breakpoint
drop trigger if exists _400_leave_teams on users;
--> statement-breakpoint
create trigger _400_leave_teams before delete on users
  for each row execute function tg_users__leave_teams();
--> statement-breakpoint
comment on function tg_users__leave_teams() is
  'A deleted account leaves its teams as leaveTeam does (weeks, ownership, last member) before its rows cascade away.';
