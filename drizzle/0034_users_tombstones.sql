-- Deleted accounts' tombstones only (users.deleted_at, 0031). refuse_across_block and
-- tg_notifications__skip_blocked (0032) ask on every act between two users and every notification
-- whether a party is a tombstone; through users_pkey that lookup walks the whole users index and
-- reads the user's row, and costs more as users grow. This index holds only the tombstones.
CREATE INDEX "users_tombstones_idx" ON "users" USING btree ("id") WHERE "users"."deleted_at" is not null;
