-- index-hygiene: idempotency_keys_created_at_idx bounds the expiry job's batches (keys older than 24 h,
-- oldest first, 1,000 at a time), which the index-hygiene test's operations do not run.
CREATE INDEX IF NOT EXISTS "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");
