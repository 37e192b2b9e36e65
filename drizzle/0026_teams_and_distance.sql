CREATE TYPE "public"."goal_metric" AS ENUM('DISTANCE_METERS', 'VOLUME_KG', 'WORKOUTS', 'XP');--> statement-breakpoint
CREATE TYPE "public"."team_join_policy" AS ENUM('OPEN', 'INVITE_ONLY');--> statement-breakpoint
CREATE TYPE "public"."team_role" AS ENUM('OWNER', 'MEMBER');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'TEAM_INVITE';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'TEAM_GOAL_COMPLETED';--> statement-breakpoint
CREATE TABLE "goal_contributions" (
	"goal_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"amount" numeric NOT NULL,
	CONSTRAINT "goal_contributions_pkey" PRIMARY KEY("goal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "team_goals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" bigint NOT NULL,
	"title" text NOT NULL,
	"metric" "goal_metric" NOT NULL,
	"target" double precision NOT NULL,
	"starts_at" timestamp (6) with time zone NOT NULL,
	"ends_at" timestamp (6) with time zone NOT NULL,
	"progress" numeric DEFAULT '0' NOT NULL,
	"completed_at" timestamp (6) with time zone,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_goals_title_length" CHECK (char_length("team_goals"."title") between 1 and 200),
	CONSTRAINT "team_goals_target_range" CHECK ("team_goals"."target" > 0 and "team_goals"."target" <= 1e9),
	CONSTRAINT "team_goals_window" CHECK ("team_goals"."ends_at" > "team_goals"."starts_at" and "team_goals"."ends_at" <= "team_goals"."starts_at" + interval '366 days')
);
--> statement-breakpoint
CREATE TABLE "team_invites" (
	"team_id" bigint NOT NULL,
	"invitee_id" bigint NOT NULL,
	"inviter_id" bigint NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_invites_pkey" PRIMARY KEY("team_id","invitee_id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"role" "team_role" DEFAULT 'MEMBER' NOT NULL,
	"joined_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_pkey" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "team_weeks" (
	"team_id" bigint NOT NULL,
	"week_start" date NOT NULL,
	"distance_meters" numeric DEFAULT '0' NOT NULL,
	"volume_kg" numeric DEFAULT '0' NOT NULL,
	"workouts" numeric DEFAULT '0' NOT NULL,
	"xp" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "team_weeks_pkey" PRIMARY KEY("team_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"join_policy" "team_join_policy" DEFAULT 'OPEN' NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_name_length" CHECK (char_length("teams"."name") between 3 and 60),
	CONSTRAINT "teams_description_length" CHECK (char_length("teams"."description") <= 500),
	CONSTRAINT "teams_member_count_range" CHECK ("teams"."member_count" between 0 and 1000)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_payload";--> statement-breakpoint
ALTER TABLE "workouts" ADD COLUMN "distance_meters" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workouts" ALTER COLUMN "xp_earned" SET EXPRESSION AS ((10 + 5 * set_count + floor(total_volume_kg / 100) + floor(distance_meters / 100))::integer);--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "team_id" bigint;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "goal_id" bigint;--> statement-breakpoint
ALTER TABLE "goal_contributions" ADD CONSTRAINT "goal_contributions_goal_id_team_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."team_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_goals" ADD CONSTRAINT "team_goals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invites" ADD CONSTRAINT "team_invites_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invites" ADD CONSTRAINT "team_invites_invitee_id_users_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_invites" ADD CONSTRAINT "team_invites_inviter_id_users_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_weeks" ADD CONSTRAINT "team_weeks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_contributions_ranking_idx" ON "goal_contributions" USING btree ("goal_id","amount" DESC NULLS LAST,"user_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "team_goals_by_team_idx" ON "team_goals" USING btree ("team_id","ends_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "team_invites_invitee_idx" ON "team_invites" USING btree ("invitee_id");--> statement-breakpoint
CREATE INDEX "team_invites_inviter_idx" ON "team_invites" USING btree ("inviter_id");--> statement-breakpoint
CREATE INDEX "team_members_by_team_idx" ON "team_members" USING btree ("team_id","joined_at","user_id");--> statement-breakpoint
CREATE INDEX "team_members_by_user_idx" ON "team_members" USING btree ("user_id","joined_at" DESC NULLS LAST,"team_id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_one_owner_key" ON "team_members" USING btree ("team_id") WHERE "team_members"."role" = 'OWNER';--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_lower_key" ON "teams" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "teams_name_prefix_idx" ON "teams" USING btree (lower("name") text_pattern_ops,"id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_goal_id_team_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."team_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_team_idx" ON "notifications" USING btree ("team_id") WHERE "notifications"."team_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_goal_idx" ON "notifications" USING btree ("goal_id") WHERE "notifications"."goal_id" is not null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_payload" CHECK (("notifications"."kind" <> 'MESSAGE_REACTION' or "notifications"."emoji" is not null)
        and ("notifications"."actor_id" <> "notifications"."recipient_id" or "notifications"."kind"::text = 'TEAM_GOAL_COMPLETED'));--> statement-breakpoint
ALTER TABLE "workouts" ADD CONSTRAINT "workouts_distance_range" CHECK ("workouts"."distance_meters" between 0 and 1000000);