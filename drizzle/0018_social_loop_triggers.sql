-- Likes, comments and notifications: counters and per-recipient numbers kept by the database in the
-- writing transaction, like the counters of 0001. Every statement here can run twice.

-- workout_likes: workouts.like_count, once per statement. Liking is ON CONFLICT DO NOTHING on the
-- primary key, so a like that changed nothing never reaches the transition table and one user
-- liking ten times at once counts once.
create or replace function tg_workout_likes__count() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    update workouts w set like_count = w.like_count + d.n
      from (select workout_id, count(*)::integer as n from new_likes group by workout_id order by workout_id) d
     where w.id = d.workout_id;
  else
    update workouts w set like_count = greatest(w.like_count - d.n, 0)
      from (select workout_id, count(*)::integer as n from old_likes group by workout_id order by workout_id) d
     where w.id = d.workout_id;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_count_insert on workout_likes;
--> statement-breakpoint
create trigger _500_count_insert after insert on workout_likes
  referencing new table as new_likes
  for each statement execute function tg_workout_likes__count();
--> statement-breakpoint
drop trigger if exists _500_count_delete on workout_likes;
--> statement-breakpoint
create trigger _500_count_delete after delete on workout_likes
  referencing old table as old_likes
  for each statement execute function tg_workout_likes__count();
--> statement-breakpoint
comment on function tg_workout_likes__count() is
  'Keeps workouts.like_count equal to the rows of workout_likes.';
--> statement-breakpoint

-- comments: workouts.comment_count, once per statement.
create or replace function tg_comments__count() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    update workouts w set comment_count = w.comment_count + d.n
      from (select workout_id, count(*)::integer as n from new_comments group by workout_id order by workout_id) d
     where w.id = d.workout_id;
  else
    update workouts w set comment_count = greatest(w.comment_count - d.n, 0)
      from (select workout_id, count(*)::integer as n from old_comments group by workout_id order by workout_id) d
     where w.id = d.workout_id;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger if exists _500_count_insert on comments;
--> statement-breakpoint
create trigger _500_count_insert after insert on comments
  referencing new table as new_comments
  for each statement execute function tg_comments__count();
--> statement-breakpoint
drop trigger if exists _500_count_delete on comments;
--> statement-breakpoint
create trigger _500_count_delete after delete on comments
  referencing old table as old_comments
  for each statement execute function tg_comments__count();
--> statement-breakpoint
comment on function tg_comments__count() is
  'Keeps workouts.comment_count equal to the rows of comments.';
--> statement-breakpoint

-- notifications: the number comes from the recipient's notification_states row, taken under its
-- row lock, the idea of the message sequence trigger. Every insert for one recipient passes this
-- lock, so once it is held, every earlier notification of that recipient has committed and is
-- visible to the check below (a volatile function reads with a fresh snapshot per query): a
-- repeated act is skipped before it takes a number. ON CONFLICT on notifications_act_key alone
-- would not do, because BEFORE triggers run before the conflict is found and the number would be
-- spent on a row never written. A rolled-back insert rolls the counter back with it.
-- Writers insert notifications as their statement's (or transaction's) last step, so the lock is
-- held for one short statement. Rows given a number (the bulk seed) skip the trigger.
create or replace function tg_notifications__sequence() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  last integer;
begin
  select s.last_sequence_number into last from notification_states s where s.user_id = new.recipient_id for update;
  if not found then
    insert into notification_states (user_id) values (new.recipient_id) on conflict do nothing;
    select s.last_sequence_number into last from notification_states s where s.user_id = new.recipient_id for update;
  end if;
  if exists (select 1 from notifications n where n.recipient_id = new.recipient_id and n.act_key = new.act_key) then
    return null;
  end if;
  update notification_states set last_sequence_number = last + 1 where user_id = new.recipient_id;
  new.sequence_number := last + 1;
  return new;
end $$;
--> statement-breakpoint
drop trigger if exists _100_sequence on notifications;
--> statement-breakpoint
create trigger _100_sequence before insert on notifications
  for each row when (new.sequence_number is null) execute function tg_notifications__sequence();
--> statement-breakpoint
comment on function tg_notifications__sequence() is
  'Numbers notifications gap-free per recipient under the notification_states row lock, and skips an act already notified.';
