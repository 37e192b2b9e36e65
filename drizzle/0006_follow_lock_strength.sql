-- The follow counters lock both users in id order, but FOR UPDATE was too strong: the foreign keys
-- of follows take FOR KEY SHARE on the same two users just before this trigger runs, and FOR UPDATE
-- waits for every other transaction's KEY SHARE. Two concurrent follows of one user (A -> B and
-- A -> C) each held KEY SHARE on A and each waited for the other's: a deadlock. FOR NO KEY UPDATE is
-- what the counter UPDATEs take anyway; it does not conflict with KEY SHARE, and taking it in id
-- order still keeps "A follows B" racing "B follows A" from deadlocking.
create or replace function tg_follows__counters() returns trigger
language plpgsql volatile set search_path = public, pg_temp as $$
declare
  edge follows;
  delta integer;
begin
  if tg_op = 'INSERT' then edge := new; delta := 1; else edge := old; delta := -1; end if;
  perform 1 from users where id in (edge.follower_id, edge.followee_id) order by id for no key update;
  update users set follower_count = follower_count + delta where id = edge.followee_id;
  update users set following_count = following_count + delta where id = edge.follower_id;
  return null;
end $$;
--> statement-breakpoint
comment on function tg_follows__counters() is
  'Keeps users.follower_count and users.following_count equal to the rows of follows.';
