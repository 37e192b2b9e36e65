-- users.last_public_activity_at: when each user's newest public event happened.
--
-- The feed's first page holds the N newest events of everyone the viewer follows. If followees are
-- ranked by their newest public event, the N-th of them has an event at time T, so the first N
-- followees alone have N events at or after T, and no followee whose newest event is older than T can
-- be on the page. The feed therefore reads events of at most N followees (plus ties) instead of all
-- of them: for a viewer following 1,000 users that is 21 index probes instead of 1,000. The bound
-- must be exact, never late, so deletes and time changes recompute it from the partial index.
-- MESSAGE_SENT events are private and never touch it, so sending a message writes no users row.

create or replace function tg_activity_events__latest() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    update users u set last_public_activity_at = greatest(u.last_public_activity_at, d.latest)
      from (select user_id, max(created_at) as latest from new_events
             where type <> 'MESSAGE_SENT' group by user_id order by user_id) d
     where u.id = d.user_id and u.last_public_activity_at is distinct from greatest(u.last_public_activity_at, d.latest);
  else
    -- A delete or a change of time can lower the bound: recompute it from the partial index.
    -- (A DELETE trigger has no new_events, and plpgsql plans a branch only when it runs.)
    update users u set last_public_activity_at = (
             select max(a.created_at) from activity_events a where a.user_id = u.id and a.type <> 'MESSAGE_SENT')
     where u.id in (select user_id from old_events where type <> 'MESSAGE_SENT');
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_latest_insert on activity_events;
--> statement-breakpoint
create trigger _500_latest_insert after insert on activity_events
  referencing new table as new_events
  for each statement execute function tg_activity_events__latest();
--> statement-breakpoint
drop trigger if exists _500_latest_update on activity_events;
--> statement-breakpoint
create trigger _500_latest_update after update on activity_events
  referencing old table as old_events
  for each statement execute function tg_activity_events__latest();
--> statement-breakpoint
drop trigger if exists _500_latest_delete on activity_events;
--> statement-breakpoint
create trigger _500_latest_delete after delete on activity_events
  referencing old table as old_events
  for each statement execute function tg_activity_events__latest();
--> statement-breakpoint
comment on function tg_activity_events__latest() is
  'Keeps users.last_public_activity_at equal to the time of the user''s newest public activity event.';
--> statement-breakpoint
update users u set last_public_activity_at = l.latest
  from (select user_id, max(created_at) as latest from activity_events
         where type <> 'MESSAGE_SENT' group by user_id) l
 where u.id = l.user_id and u.last_public_activity_at is distinct from l.latest;
