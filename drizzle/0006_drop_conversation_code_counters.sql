ALTER TABLE "conversation_state" DROP COLUMN "failed_codes";--> statement-breakpoint
ALTER TABLE "conversation_state" DROP COLUMN "codes_blocked_until";