DROP INDEX "leaderboard_entries_global_idx";--> statement-breakpoint
DROP INDEX "leaderboard_entries_country_idx";--> statement-breakpoint
CREATE INDEX "leaderboard_entries_global_idx" ON "leaderboard_entries" USING btree ("kind","score" DESC NULLS LAST,"user_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "leaderboard_entries_country_idx" ON "leaderboard_entries" USING btree ("kind","country","score" DESC NULLS LAST,"user_id" DESC NULLS LAST) WHERE "leaderboard_entries"."country" is not null;