CREATE TYPE "public"."leaderboard_kind" AS ENUM('XP_ALL_TIME', 'VOLUME_THIS_WEEK');--> statement-breakpoint
CREATE TABLE "leaderboard_entries" (
	"kind" "leaderboard_kind" NOT NULL,
	"user_id" bigint NOT NULL,
	"country" char(2) collate "C",
	"score" double precision NOT NULL,
	"rank" integer NOT NULL,
	"country_rank" integer,
	CONSTRAINT "leaderboard_entries_country_rank" CHECK (("leaderboard_entries"."country" is null) = ("leaderboard_entries"."country_rank" is null))
);
--> statement-breakpoint
CREATE TABLE "leaderboard_refreshes" (
	"kind" "leaderboard_kind" PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp (6) with time zone NOT NULL,
	"week_start" timestamp (6) with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"entry_count" integer NOT NULL,
	"generation" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_entries_user_idx" ON "leaderboard_entries" USING btree ("kind","user_id");--> statement-breakpoint
CREATE INDEX "leaderboard_entries_global_idx" ON "leaderboard_entries" USING btree ("kind","score","user_id");--> statement-breakpoint
CREATE INDEX "leaderboard_entries_country_idx" ON "leaderboard_entries" USING btree ("kind","country","score","user_id") WHERE "leaderboard_entries"."country" is not null;--> statement-breakpoint
CREATE INDEX "workouts_started_at_idx" ON "workouts" USING btree ("started_at");