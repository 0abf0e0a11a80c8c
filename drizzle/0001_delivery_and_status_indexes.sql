DROP INDEX "outbox_chat_idx";--> statement-breakpoint
DROP INDEX "reports_day_idx";--> statement-breakpoint
DROP INDEX "outbox_due_idx";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "parts_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "identities_unreachable_idx" ON "identities" USING btree ("person_id") WHERE "identities"."unreachable_at" is not null;--> statement-breakpoint
CREATE INDEX "outbox_chat_open_idx" ON "outbox" USING btree ("channel","chat_id","id") WHERE "outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_sending_idx" ON "outbox" USING btree ("locked_until") WHERE "outbox"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "people_enterprise_role_idx" ON "people" USING btree ("enterprise_id","role");--> statement-breakpoint
CREATE INDEX "reports_day_enterprise_idx" ON "reports" USING btree ("report_day","enterprise_id","revision");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("lane","id") WHERE "outbox"."status" = 'pending';