ALTER TABLE "sessions" ADD COLUMN "enrolment_proven_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enrolment_needs_link" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "organisation_id" uuid;