-- Blocking and workout visibility, kept by the database (the tables and columns are in 0024).
--
-- Blocking. A block makes two users strangers both ways. Every act it forbids (a follow, a like, a
-- comment, a conversation that includes the other, and the team invitation to come) is refused here,
-- by one function, whatever code writes the row, so no mutation carries a check of its own and none
-- can forget it. The refusal and blockUser serialize on one advisory lock per pair of users: a follow
-- racing a block either commits first (and the block removes it) or waits and is refused; it can
-- never slip in between the block's delete and its commit.

-- The pair's lock key: the same for (a, b) and (b, a), so blocks from both sides queue on it.
create or replace function block_pair_lock(a bigint, b bigint) returns void
language sql volatile set search_path = public, pg_temp as $$
  select pg_advisory_xact_lock(hashtextextended('spotter:block:' || least(a, b) || ':' || greatest(a, b), 0))
$$;
--> statement-breakpoint
comment on function block_pair_lock(bigint, bigint) is
  'Serializes, for one pair of users, a block or unblock against every act a block forbids.';
--> statement-breakpoint
-- Whether either user has blocked the other, read after taking the pair's lock. Under READ COMMITTED
-- each statement of a plpgsql function takes a new snapshot, so the lookup sees a block committed
-- while this transaction waited for the lock.
create or replace function blocked_between(a bigint, b bigint) returns boolean
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  perform block_pair_lock(a, b);
  return exists (select 1 from blocks where blocker_id = a and blocked_id = b)
      or exists (select 1 from blocks where blocker_id = b and blocked_id = a);
end $$;
--> statement-breakpoint
comment on function blocked_between(bigint, bigint) is
  'True when either user has blocked the other; takes the pair''s lock first, so the answer holds until commit.';
--> statement-breakpoint
-- The one check. `act` names what was attempted (the table written), so the server can say which
-- input was at fault (src/db/errors.ts maps the constraint name blocked_pair to FORBIDDEN). A teams
-- feature calls it for an invitation: `perform refuse_across_block(inviter_id, invitee_id, 'team_invites')`.
create or replace function refuse_across_block(actor bigint, other bigint, act text) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if actor is distinct from other and blocked_between(actor, other) then
    raise exception 'A block between users % and % forbids this', actor, other
      using errcode = 'check_violation', constraint = 'blocked_pair', table = act;
  end if;
end $$;
--> statement-breakpoint
comment on function refuse_across_block(bigint, bigint, text) is
  'Raises blocked_pair when a block stands between the two users: the refusal of every act a block forbids.';
--> statement-breakpoint
create or replace function tg_follows__refuse_blocked() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  perform refuse_across_block(new.follower_id, new.followee_id, tg_table_name);
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _050_refuse_blocked on follows;
--> statement-breakpoint
create trigger _050_refuse_blocked before insert on follows
  for each row execute function tg_follows__refuse_blocked();
--> statement-breakpoint
comment on function tg_follows__refuse_blocked() is 'Neither side of a block can follow the other.';
--> statement-breakpoint
-- Likes and comments: the actor against the workout's owner.
create or replace function tg_workout_acts__refuse_blocked() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  actor bigint;
  owner bigint;
begin
  -- Separate statements: plpgsql plans each when it runs, and each table has only its own column.
  if tg_table_name = 'comments' then
    actor := new.author_id;
  else
    actor := new.user_id;
  end if;
  select user_id into owner from workouts where id = new.workout_id;
  if owner is not null then
    perform refuse_across_block(actor, owner, tg_table_name);
  end if;
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _050_refuse_blocked on workout_likes;
--> statement-breakpoint
create trigger _050_refuse_blocked before insert on workout_likes
  for each row execute function tg_workout_acts__refuse_blocked();
--> statement-breakpoint
drop trigger if exists _050_refuse_blocked on comments;
--> statement-breakpoint
create trigger _050_refuse_blocked before insert on comments
  for each row execute function tg_workout_acts__refuse_blocked();
--> statement-breakpoint
comment on function tg_workout_acts__refuse_blocked() is
  'Neither side of a block can like or comment on the other''s workouts.';
--> statement-breakpoint
-- Members join a conversation only when it is created (by its creator), so "starting a conversation
-- that includes the other" is a member row whose user and creator are on two sides of a block.
-- Conversations both were already in are left as they are.
create or replace function tg_conversation_members__refuse_blocked() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  creator bigint;
begin
  select created_by_id into creator from conversations where id = new.conversation_id;
  if creator is not null then
    perform refuse_across_block(creator, new.user_id, tg_table_name);
  end if;
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _050_refuse_blocked on conversation_members;
--> statement-breakpoint
create trigger _050_refuse_blocked before insert on conversation_members
  for each row execute function tg_conversation_members__refuse_blocked();
--> statement-breakpoint
comment on function tg_conversation_members__refuse_blocked() is
  'Neither side of a block can start a conversation that includes the other.';
--> statement-breakpoint
-- No act of one side notifies the other. The refused acts never get this far; this catches the acts
-- a block leaves allowed (a reaction in a conversation both were already in). It runs before
-- _100_sequence, so a skipped notification spends no number. Rows given a number (the bulk seed)
-- skip it, as they skip the numbering.
create or replace function tg_notifications__skip_blocked() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if blocked_between(new.actor_id, new.recipient_id) then
    return null;
  end if;
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _050_skip_blocked on notifications;
--> statement-breakpoint
create trigger _050_skip_blocked before insert on notifications
  for each row when (new.sequence_number is null) execute function tg_notifications__skip_blocked();
--> statement-breakpoint
comment on function tg_notifications__skip_blocked() is 'Drops a notification whose actor and recipient are on two sides of a block.';
--> statement-breakpoint

-- Visibility. An event that names a workout carries that workout's visibility, so the feed and the
-- activity pages filter in activity_events_public_idx without reading a workout row per candidate.
create or replace function tg_activity_events__visibility() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  select visibility into new.visibility from workouts where id = new.workout_id;
  new.visibility := coalesce(new.visibility, 'EVERYONE');
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _050_visibility on activity_events;
--> statement-breakpoint
create trigger _050_visibility before insert on activity_events
  for each row when (new.workout_id is not null) execute function tg_activity_events__visibility();
--> statement-breakpoint
comment on function tg_activity_events__visibility() is
  'Copies the visibility of the workout an event names onto the event.';
--> statement-breakpoint
-- A row trigger on the column alone: the like and comment counters update workouts all the time and
-- must not pay for it. The events' update fires _500_latest_update, which recomputes the owner's
-- last_public_activity_at.
create or replace function tg_workouts__visibility() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  update activity_events set visibility = new.visibility
   where workout_id = new.id and visibility <> new.visibility;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_visibility on workouts;
--> statement-breakpoint
create trigger _500_visibility after update of visibility on workouts
  for each row when (old.visibility is distinct from new.visibility) execute function tg_workouts__visibility();
--> statement-breakpoint
comment on function tg_workouts__visibility() is
  'Keeps activity_events.visibility equal to the visibility of the workout each event names.';
--> statement-breakpoint
-- users.last_public_activity_at bounds the feed's first page (0011), and every feed reader follows
-- the user, so it must be the newest event a follower sees: ONLY_ME events no longer count. Supersedes
-- 0011's function; its triggers stay.
create or replace function tg_activity_events__latest() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    update users u set last_public_activity_at = greatest(u.last_public_activity_at, d.latest)
      from (select user_id, max(created_at) as latest from new_events
             where type <> 'MESSAGE_SENT' and visibility <> 'ONLY_ME' group by user_id order by user_id) d
     where u.id = d.user_id and u.last_public_activity_at is distinct from greatest(u.last_public_activity_at, d.latest);
  else
    -- A delete, a change of time or of visibility can lower the bound: recompute it from the partial
    -- index. (A DELETE trigger has no new_events, and plpgsql plans a branch only when it runs.)
    update users u set last_public_activity_at = (
             select max(a.created_at) from activity_events a
              where a.user_id = u.id and a.type <> 'MESSAGE_SENT' and a.visibility <> 'ONLY_ME')
     where u.id in (select user_id from old_events where type <> 'MESSAGE_SENT');
  end if;
  return null;
end $$;
--> statement-breakpoint
comment on function tg_activity_events__latest() is
  'Keeps users.last_public_activity_at equal to the time of the user''s newest event its followers see.';
