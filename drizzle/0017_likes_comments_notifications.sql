-- index-hygiene: notifications_comment_idx and notifications_message_idx serve the ON DELETE SET NULL of a
-- deleted comment or message (without them each delete scans every notification); the index-hygiene test
-- deletes neither.
CREATE TYPE "public"."notification_kind" AS ENUM('NEW_FOLLOWER', 'WORKOUT_LIKED', 'WORKOUT_COMMENTED', 'MESSAGE_REACTION');--> statement-breakpoint
CREATE TABLE "comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workout_id" bigint NOT NULL,
	"author_id" bigint NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_body_length" CHECK (char_length("comments"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "notification_states" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"last_sequence_number" integer DEFAULT 0 NOT NULL,
	"last_read_sequence_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "notification_states_read_mark" CHECK ("notification_states"."last_read_sequence_number" between 0 and "notification_states"."last_sequence_number")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"recipient_id" bigint NOT NULL,
	"sequence_number" integer NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"actor_id" bigint NOT NULL,
	"workout_id" bigint,
	"comment_id" bigint,
	"message_id" bigint,
	"emoji" text,
	"act_key" text NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_payload" CHECK (("notifications"."kind" <> 'MESSAGE_REACTION' or "notifications"."emoji" is not null) and "notifications"."actor_id" <> "notifications"."recipient_id")
);
--> statement-breakpoint
CREATE TABLE "workout_likes" (
	"workout_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workout_likes_pkey" PRIMARY KEY("workout_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "workouts" ADD COLUMN "like_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workouts" ADD COLUMN "comment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_workout_id_workouts_id_fk" FOREIGN KEY ("workout_id") REFERENCES "public"."workouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_states" ADD CONSTRAINT "notification_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workout_id_workouts_id_fk" FOREIGN KEY ("workout_id") REFERENCES "public"."workouts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_likes" ADD CONSTRAINT "workout_likes_workout_id_workouts_id_fk" FOREIGN KEY ("workout_id") REFERENCES "public"."workouts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workout_likes" ADD CONSTRAINT "workout_likes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_by_workout_idx" ON "comments" USING btree ("workout_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_recipient_sequence_key" ON "notifications" USING btree ("recipient_id","sequence_number" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_act_key" ON "notifications" USING btree ("recipient_id","act_key");--> statement-breakpoint
CREATE INDEX "notifications_workout_idx" ON "notifications" USING btree ("workout_id") WHERE "notifications"."workout_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_comment_idx" ON "notifications" USING btree ("comment_id") WHERE "notifications"."comment_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_message_idx" ON "notifications" USING btree ("message_id") WHERE "notifications"."message_id" is not null;--> statement-breakpoint
CREATE INDEX "workout_likes_recent_idx" ON "workout_likes" USING btree ("workout_id","created_at" DESC NULLS LAST,"user_id" DESC NULLS LAST);