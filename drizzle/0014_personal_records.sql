-- index-hygiene: exercise_leaderboard_entries_global_idx and exercise_leaderboard_entries_country_idx are
-- the keyset ranges of exerciseLeaderboard pages (global and per country); test/index-hygiene.test.ts does
-- not run exerciseLeaderboard yet, and test/leaderboards-live.test.ts pages through them.
CREATE TYPE "public"."record_kind" AS ENUM('ESTIMATED_ONE_REP_MAX', 'HEAVIEST_WEIGHT', 'BEST_SET_VOLUME');--> statement-breakpoint
ALTER TYPE "public"."activity_type" ADD VALUE 'PERSONAL_RECORD';--> statement-breakpoint
CREATE TABLE "exercise_leaderboard_entries" (
	"exercise_id" integer NOT NULL,
	"user_id" bigint NOT NULL,
	"country" char(2) collate "C",
	"score" double precision NOT NULL,
	"rank" integer NOT NULL,
	"country_rank" integer
);
--> statement-breakpoint
CREATE TABLE "leaderboard_departures" (
	"user_id" bigint PRIMARY KEY NOT NULL,
	"departed_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_records" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "personal_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"exercise_id" integer NOT NULL,
	"kind" "record_kind" NOT NULL,
	"value_kg" double precision NOT NULL,
	"previous_value_kg" double precision,
	"set_id" bigint NOT NULL,
	"workout_id" bigint NOT NULL,
	"achieved_at" timestamp (6) with time zone NOT NULL,
	"latest_at" timestamp (6) with time zone NOT NULL,
	CONSTRAINT "personal_records_pkey" PRIMARY KEY("user_id","exercise_id","kind")
);
--> statement-breakpoint
ALTER TABLE "personal_records" ADD CONSTRAINT "personal_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_records" ADD CONSTRAINT "personal_records_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_leaderboard_entries_user_idx" ON "exercise_leaderboard_entries" USING btree ("exercise_id","user_id");--> statement-breakpoint
CREATE INDEX "exercise_leaderboard_entries_global_idx" ON "exercise_leaderboard_entries" USING btree ("exercise_id","score" DESC NULLS LAST,"user_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "exercise_leaderboard_entries_country_idx" ON "exercise_leaderboard_entries" USING btree ("exercise_id","country","score" DESC NULLS LAST,"user_id" DESC NULLS LAST) WHERE "exercise_leaderboard_entries"."country" is not null;--> statement-breakpoint
CREATE INDEX "personal_records_by_user_idx" ON "personal_records" USING btree ("user_id","achieved_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "personal_records_workout_idx" ON "personal_records" USING btree ("workout_id");--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_record_workout" CHECK ("activity_events"."type"::text <> 'PERSONAL_RECORD' or "activity_events"."workout_id" is not null);