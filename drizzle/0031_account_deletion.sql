ALTER TABLE "messages" DROP CONSTRAINT "messages_body_length";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_username_format";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") between 0 and 4000);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_format" CHECK ("users"."username" ~ '^[A-Za-z0-9_.]{3,30}$' or ("users"."deleted_at" is not null and "users"."username" ~ '^deleted-[0-9]+$'));--> statement-breakpoint
CREATE TABLE "notification_gaps" (
	"recipient_id" bigint NOT NULL,
	"sequence_number" integer NOT NULL,
	CONSTRAINT "notification_gaps_recipient_id_sequence_number_pk" PRIMARY KEY("recipient_id","sequence_number")
);
--> statement-breakpoint
ALTER TABLE "notification_gaps" ADD CONSTRAINT "notification_gaps_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The indexes below serve deleteAccount (its statements, and the foreign keys' actions when a user's
-- row goes): without them each is a scan of the whole table per deleted account.
-- index-hygiene: comments_by_author_idx is read by deleteAccount's cascade only.
-- index-hygiene: notifications_actor_idx is read by deleteAccount only.
-- index-hygiene: workout_likes_by_user_idx is read by deleteAccount's cascade only.
-- index-hygiene: conversations_created_by_idx is read by deleteAccount's ON DELETE SET NULL only.
-- index-hygiene: messages_by_sender_idx is read by deleteAccount only.
-- index-hygiene: reactions_by_user_idx is read by deleteAccount's cascade only.
-- index-hygiene: activity_events_subject_idx is read by deleteAccount's cascade only.
CREATE INDEX "comments_by_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "notifications_actor_idx" ON "notifications" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "workout_likes_by_user_idx" ON "workout_likes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "conversations_created_by_idx" ON "conversations" USING btree ("created_by_id") WHERE "conversations"."created_by_id" is not null;--> statement-breakpoint
CREATE INDEX "messages_by_sender_idx" ON "messages" USING btree ("sender_id");--> statement-breakpoint
CREATE INDEX "reactions_by_user_idx" ON "reactions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "activity_events_subject_idx" ON "activity_events" USING btree ("subject_id") WHERE "activity_events"."subject_id" is not null;
