-- A message no longer writes every membership row of its conversation.
--
-- Copying last_activity_at onto each member made the inbox one index range, but it cost one
-- non-HOT row update (three index entries) per member per message, all while the sender held the
-- conversation's row lock: with 16 senders into a 66-member conversation, sends fell from 1,272/s
-- to 130/s. The inbox now reads the viewer's memberships by index and orders that small set by the
-- conversation's own last activity, which the sequence trigger already keeps.

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
  return new;
end $$;
--> statement-breakpoint
comment on function tg_messages__sequence() is
  'Assigns messages.sequence_number gap-free per conversation and keeps the conversation''s last-message pointer current.';
--> statement-breakpoint
drop trigger if exists _100_activity on conversation_members;
--> statement-breakpoint
drop function if exists tg_conversation_members__activity();
