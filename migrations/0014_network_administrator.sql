-- Administration becomes organisation-scoped (docs/decisions/0005-organisation-scoped-administration.md).
-- The account that set the platform up (the oldest administrator) becomes its network administrator;
-- every other administrator now administers only their own organisation.
UPDATE "users" SET "role" = 'network_administrator', "version" = "version" + 1
WHERE "id" = (SELECT "id" FROM "users" WHERE "role" = 'administrator' ORDER BY "created_at", "id" LIMIT 1)
  AND NOT EXISTS (SELECT 1 FROM "users" WHERE "role" = 'network_administrator');--> statement-breakpoint
-- Network administrators always use two-factor authentication.
INSERT INTO "role_settings" ("role", "requires_two_factor") VALUES ('network_administrator', true)
ON CONFLICT ("role") DO NOTHING;
--> statement-breakpoint
-- Mail already delivered keeps no body (its link may still be live); mail already queued is
-- attributed to the organisation of the account it was written to, so that organisation's
-- administrators see it (invitations to people without an account stay network-only).
UPDATE "outbox" SET "body_text" = '' WHERE "sent_at" IS NOT NULL;--> statement-breakpoint
UPDATE "outbox" SET "organisation_id" = "users"."organisation_id"
FROM "users" WHERE lower("users"."email") = lower("outbox"."to_address") AND "outbox"."organisation_id" IS NULL;
