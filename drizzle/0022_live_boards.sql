CREATE TYPE "public"."board_kind" AS ENUM('XP_ALL_TIME', 'VOLUME_THIS_WEEK', 'EXERCISE_ONE_REP_MAX');--> statement-breakpoint
CREATE TABLE "board_buckets" (
	"board" "board_kind" NOT NULL,
	"ref" integer NOT NULL,
	"country" text NOT NULL,
	"bucket" integer NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "board_buckets_pkey" PRIMARY KEY("board","ref","country","bucket")
);
--> statement-breakpoint
CREATE TABLE "board_day_ranks" (
	"board" "board_kind" NOT NULL,
	"ref" integer NOT NULL,
	"user_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	"country_rank" integer,
	CONSTRAINT "board_day_ranks_pkey" PRIMARY KEY("board","ref","user_id")
);
--> statement-breakpoint
CREATE TABLE "board_deltas" (
	"board" "board_kind" NOT NULL,
	"ref" integer NOT NULL,
	"from_country" char(2) collate "C",
	"from_bucket" integer,
	"to_country" char(2) collate "C",
	"to_bucket" integer
);
--> statement-breakpoint
CREATE TABLE "board_entries" (
	"board" "board_kind" NOT NULL,
	"ref" integer NOT NULL,
	"user_id" bigint NOT NULL,
	"country" char(2) collate "C",
	"score" double precision NOT NULL,
	CONSTRAINT "board_entries_pkey" PRIMARY KEY("board","ref","user_id")
);
--> statement-breakpoint
CREATE TABLE "board_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"volume_from_ref" integer NOT NULL,
	"snapshot_day" date,
	"snapshot_taken_at" timestamp (6) with time zone,
	"snapshot_ms" integer
);
--> statement-breakpoint
DROP INDEX "workouts_started_at_idx";--> statement-breakpoint
DROP TABLE "exercise_leaderboard_entries" CASCADE;--> statement-breakpoint
DROP TABLE "leaderboard_departures" CASCADE;--> statement-breakpoint
DROP TABLE "leaderboard_entries" CASCADE;--> statement-breakpoint
DROP TABLE "leaderboard_refreshes" CASCADE;--> statement-breakpoint
CREATE INDEX "board_deltas_board_idx" ON "board_deltas" USING btree ("board","ref");--> statement-breakpoint
CREATE INDEX "board_entries_order_idx" ON "board_entries" USING btree ("board","ref","score" DESC NULLS LAST,"user_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "board_entries_country_idx" ON "board_entries" USING btree ("board","ref","country","score" DESC NULLS LAST,"user_id" DESC NULLS LAST) WHERE "board_entries"."country" is not null;--> statement-breakpoint
DROP TYPE "public"."leaderboard_kind";