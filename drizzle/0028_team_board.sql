CREATE TABLE "team_board" (
	"team_id" bigint NOT NULL,
	"metric" "goal_metric" NOT NULL,
	"week_start" date NOT NULL,
	"score" numeric NOT NULL,
	CONSTRAINT "team_board_pkey" PRIMARY KEY("team_id","metric","week_start")
);
--> statement-breakpoint
ALTER TABLE "team_board" ADD CONSTRAINT "team_board_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_board_order_idx" ON "team_board" USING btree ("metric","week_start","score" DESC NULLS LAST,"team_id" DESC NULLS LAST);