-- Denormalized counters and per-conversation sequence numbers, kept by the database itself.
--
-- Every counter the API shows (users.workout_count, follower_count, following_count, xp;
-- workouts.total_volume_kg, set_count; conversations.member_count, last_sequence_number,
-- last_message_id, last_message_at) changes inside the transaction that writes the rows it counts,
-- so a reader never runs COUNT(*) and never sees a counter that disagrees with the rows.
-- Triggers on tables written many rows at a time are statement-level with transition tables:
-- one UPDATE per statement instead of one per row, which keeps bulk loads fast too.
-- Every statement here can run twice.

-- follows: a row-level trigger, since follow/unfollow writes one row. Both users are locked in id
-- order first, so "A follows B" racing "B follows A" cannot deadlock.
create or replace function tg_follows__counters() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  edge follows;
  delta integer;
begin
  if tg_op = 'INSERT' then edge := new; delta := 1; else edge := old; delta := -1; end if;
  perform 1 from users where id in (edge.follower_id, edge.followee_id) order by id for update;
  update users set follower_count = follower_count + delta where id = edge.followee_id;
  update users set following_count = following_count + delta where id = edge.follower_id;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_counters on follows;
--> statement-breakpoint
create trigger _500_counters after insert or delete on follows
  for each row execute function tg_follows__counters();
--> statement-breakpoint
comment on function tg_follows__counters() is
  'Keeps users.follower_count and users.following_count equal to the rows of follows.';
--> statement-breakpoint

-- workout_sets: volume and set count of each touched workout, once per statement.
create or replace function tg_workout_sets__totals() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    update workouts w
       set total_volume_kg = w.total_volume_kg + d.volume, set_count = w.set_count + d.sets
      from (select workout_id, sum(reps * weight_kg) as volume, count(*)::integer as sets
              from new_sets group by workout_id order by workout_id) d
     where w.id = d.workout_id;
  else
    update workouts w
       set total_volume_kg = greatest(w.total_volume_kg - d.volume, 0), set_count = w.set_count - d.sets
      from (select workout_id, sum(reps * weight_kg) as volume, count(*)::integer as sets
              from old_sets group by workout_id order by workout_id) d
     where w.id = d.workout_id;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_totals_insert on workout_sets;
--> statement-breakpoint
create trigger _500_totals_insert after insert on workout_sets
  referencing new table as new_sets
  for each statement execute function tg_workout_sets__totals();
--> statement-breakpoint
drop trigger if exists _500_totals_delete on workout_sets;
--> statement-breakpoint
create trigger _500_totals_delete after delete on workout_sets
  referencing old table as old_sets
  for each statement execute function tg_workout_sets__totals();
--> statement-breakpoint
comment on function tg_workout_sets__totals() is
  'Keeps workouts.total_volume_kg (sum of reps * weight_kg) and workouts.set_count exact.';
--> statement-breakpoint

-- workouts: a user's workout count and XP. xp_earned is a generated column, so a change of the
-- workout's totals reaches users.xp through the UPDATE branch.
create or replace function tg_workouts__user_totals() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    update users u
       set workout_count = u.workout_count + d.n, xp = u.xp + d.xp
      from (select user_id, count(*)::integer as n, sum(xp_earned)::integer as xp
              from new_workouts group by user_id order by user_id) d
     where u.id = d.user_id;
  elsif tg_op = 'UPDATE' then
    update users u
       set xp = u.xp + d.xp
      from (select n.user_id, sum(n.xp_earned - o.xp_earned)::integer as xp
              from new_workouts n join old_workouts o on o.id = n.id
             group by n.user_id order by n.user_id) d
     where u.id = d.user_id and d.xp <> 0;
  else
    update users u
       set workout_count = u.workout_count - d.n, xp = greatest(u.xp - d.xp, 0)
      from (select user_id, count(*)::integer as n, sum(xp_earned)::integer as xp
              from old_workouts group by user_id order by user_id) d
     where u.id = d.user_id;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_user_totals_insert on workouts;
--> statement-breakpoint
create trigger _500_user_totals_insert after insert on workouts
  referencing new table as new_workouts
  for each statement execute function tg_workouts__user_totals();
--> statement-breakpoint
drop trigger if exists _500_user_totals_update on workouts;
--> statement-breakpoint
create trigger _500_user_totals_update after update on workouts
  referencing old table as old_workouts new table as new_workouts
  for each statement execute function tg_workouts__user_totals();
--> statement-breakpoint
drop trigger if exists _500_user_totals_delete on workouts;
--> statement-breakpoint
create trigger _500_user_totals_delete after delete on workouts
  referencing old table as old_workouts
  for each statement execute function tg_workouts__user_totals();
--> statement-breakpoint
comment on function tg_workouts__user_totals() is
  'Keeps users.workout_count and users.xp (the sum of workouts.xp_earned) exact.';
--> statement-breakpoint

-- conversation_members: member count, once per statement (creating a conversation adds up to 101).
create or replace function tg_conversation_members__count() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    update conversations c set member_count = c.member_count + d.n
      from (select conversation_id, count(*)::integer as n
              from new_members group by conversation_id order by conversation_id) d
     where c.id = d.conversation_id;
  else
    update conversations c set member_count = c.member_count - d.n
      from (select conversation_id, count(*)::integer as n
              from old_members group by conversation_id order by conversation_id) d
     where c.id = d.conversation_id;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_count_insert on conversation_members;
--> statement-breakpoint
create trigger _500_count_insert after insert on conversation_members
  referencing new table as new_members
  for each statement execute function tg_conversation_members__count();
--> statement-breakpoint
drop trigger if exists _500_count_delete on conversation_members;
--> statement-breakpoint
create trigger _500_count_delete after delete on conversation_members
  referencing old table as old_members
  for each statement execute function tg_conversation_members__count();
--> statement-breakpoint
comment on function tg_conversation_members__count() is
  'Keeps conversations.member_count equal to the rows of conversation_members.';
--> statement-breakpoint

-- A new member's inbox position starts at the conversation's latest activity.
create or replace function tg_conversation_members__activity() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  select coalesce(c.last_message_at, c.created_at) into new.last_activity_at
    from conversations c where c.id = new.conversation_id;
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _100_activity on conversation_members;
--> statement-breakpoint
create trigger _100_activity before insert on conversation_members
  for each row execute function tg_conversation_members__activity();
--> statement-breakpoint
comment on function tg_conversation_members__activity() is
  'Starts conversation_members.last_activity_at at the conversation''s latest activity.';
--> statement-breakpoint

-- messages: the sequence number comes from the conversation row, incremented under its row lock.
-- Concurrent senders queue on that lock, each takes the next number, and a rolled-back insert
-- rolls the counter back with it: numbers stay 1, 2, 3 … with no gap and no repeat. Identity
-- defaults are filled before BEFORE triggers run, so new.id is already known here.
create or replace function tg_messages__sequence() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  update conversations
     set last_sequence_number = last_sequence_number + 1,
         last_message_id = new.id,
         last_message_at = new.created_at
   where id = new.conversation_id
  returning last_sequence_number into new.sequence_number;
  if not found then
    raise foreign_key_violation using
      message = 'conversation ' || new.conversation_id || ' does not exist',
      constraint = 'messages_conversation_id_conversations_id_fk';
  end if;
  update conversation_members set last_activity_at = new.created_at
   where conversation_id = new.conversation_id;
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _100_sequence on messages;
--> statement-breakpoint
create trigger _100_sequence before insert on messages
  for each row execute function tg_messages__sequence();
--> statement-breakpoint
comment on function tg_messages__sequence() is
  'Assigns messages.sequence_number gap-free per conversation and keeps the conversation''s last-message pointer and its members'' inbox order current.';
