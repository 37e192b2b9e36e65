-- deleteAccount (src/domain/account-deletion.ts) deletes the user's row, so the foreign keys erase everything
-- that named them, and leaves a tombstone row (users.deleted_at set, 0031) as the sender of their
-- messages. A tombstone is nobody: no act may take it as its other party, and nothing may notify it.
-- Every such act already passes through refuse_across_block (follows, likes, comments, conversation
-- members, team invitations) and every notification through tg_notifications__skip_blocked, so the
-- refusal lives in those two functions and no mutation carries a check of its own.

-- The tombstone check comes before the block's pair lock: a tombstone is never unmarked, so the answer
-- needs no lock to hold until commit. It raises deleted_user, which src/db/errors.ts maps to NOT_FOUND.
create or replace function refuse_across_block(actor bigint, other bigint, act text) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if exists (select 1 from users where id in (actor, other) and deleted_at is not null) then
    raise exception 'User % or % is a deleted account', actor, other
      using errcode = 'check_violation', constraint = 'deleted_user', table = act;
  end if;
  if actor is distinct from other and blocked_between(actor, other) then
    raise exception 'A block between users % and % forbids this', actor, other
      using errcode = 'check_violation', constraint = 'blocked_pair', table = act;
  end if;
end $$;
--> statement-breakpoint
comment on function refuse_across_block(bigint, bigint, text) is
  'Raises deleted_user when either user is a deleted account''s tombstone, blocked_pair when a block stands between them: the refusal of every act between two users.';
--> statement-breakpoint
-- A reaction to a deleted account's message would notify its tombstone: dropped, as a notification
-- across a block is (a completed team goal never has a tombstone among its members).
create or replace function tg_notifications__skip_blocked() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
begin
  if new.kind::text <> 'TEAM_GOAL_COMPLETED' and blocked_between(new.actor_id, new.recipient_id) then
    return null;
  end if;
  if exists (select 1 from users where id = new.recipient_id and deleted_at is not null) then
    return null;
  end if;
  return new;
end $$;
--> statement-breakpoint
comment on function tg_notifications__skip_blocked() is
  'Drops a notification whose actor and recipient are on two sides of a block (a completed team goal excepted), or whose recipient is a deleted account''s tombstone.';
