CREATE TABLE "case_search_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"master_key_id" text NOT NULL,
	"wrapped_key" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "cases_search_idx";--> statement-breakpoint
ALTER TABLE "case_tasks" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "note_enc" text;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "override_reason_enc" text;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "response_reason_enc" text;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD COLUMN "title_enc" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "title_enc" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "employer_name_enc" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "agency_name_enc" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_tokens" text[];--> statement-breakpoint
CREATE INDEX "cases_search_tokens_idx" ON "cases" USING gin ("search_tokens");--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "search_vector";