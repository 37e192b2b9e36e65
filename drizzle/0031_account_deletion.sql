ALTER TABLE "messages" DROP CONSTRAINT "messages_body_length";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_username_format";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") between 0 and 4000);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_format" CHECK ("users"."username" ~ '^[A-Za-z0-9_.]{3,30}$' or ("users"."deleted_at" is not null and "users"."username" ~ '^deleted-[0-9]+$'));