CREATE TYPE "public"."workout_visibility" AS ENUM('EVERYONE', 'FOLLOWERS', 'ONLY_ME');--> statement-breakpoint
CREATE TABLE "blocks" (
	"blocker_id" bigint NOT NULL,
	"blocked_id" bigint NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blocks_pkey" PRIMARY KEY("blocker_id","blocked_id"),
	CONSTRAINT "blocks_no_self" CHECK ("blocks"."blocker_id" <> "blocks"."blocked_id")
);
--> statement-breakpoint
DROP INDEX "activity_events_public_idx";--> statement-breakpoint
ALTER TABLE "activity_events" ADD COLUMN "visibility" "workout_visibility" DEFAULT 'EVERYONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "workouts" ADD COLUMN "visibility" "workout_visibility" DEFAULT 'EVERYONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "default_workout_visibility" "workout_visibility" DEFAULT 'EVERYONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocker_id_users_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocked_id_users_id_fk" FOREIGN KEY ("blocked_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blocks_by_blocker_idx" ON "blocks" USING btree ("blocker_id","created_at" DESC NULLS LAST,"blocked_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "blocks_blocked_idx" ON "blocks" USING btree ("blocked_id");--> statement-breakpoint
CREATE INDEX "activity_events_public_idx" ON "activity_events" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"type","visibility") WHERE "activity_events"."type" <> 'MESSAGE_SENT';