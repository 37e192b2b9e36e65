DROP INDEX "conversation_members_inbox_idx";--> statement-breakpoint
CREATE INDEX "conversation_members_by_user_idx" ON "conversation_members" USING btree ("user_id","conversation_id");--> statement-breakpoint
ALTER TABLE "conversation_members" DROP COLUMN "last_activity_at";