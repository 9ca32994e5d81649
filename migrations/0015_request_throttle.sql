CREATE TABLE "request_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "request_throttle_last_failure_idx" ON "request_throttle" USING btree ("last_failure_at");