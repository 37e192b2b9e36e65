-- Nothing reads activity_events by (user_id, type, …): every activity and feed read goes through
-- activity_events_public_idx, which carries type so a types filter stays inside the index, and the
-- user_id foreign key is supported by activity_events_by_user_idx. The index only cost every insert
-- of an event (each workout, follow, level-up and message). The index-hygiene test found it unscanned.
DROP INDEX IF EXISTS "activity_events_by_user_type_idx";
