CREATE TABLE "yearbook_chapters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"country_code" text,
	"coordinator_user_id" uuid,
	"body" text DEFAULT '' NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "yearbook_chapters_kind" CHECK ("yearbook_chapters"."kind" in ('country', 'thematic')),
	CONSTRAINT "yearbook_chapters_country" CHECK ("yearbook_chapters"."kind" <> 'country' or "yearbook_chapters"."country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "yearbook_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text DEFAULT 'yearbook' NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"subtitle" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"contributors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publication_id" uuid,
	"published_at" timestamp with time zone,
	"demonstration" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "yearbook_editions_kind" CHECK ("yearbook_editions"."kind" in ('yearbook', 'brief')),
	CONSTRAINT "yearbook_editions_status" CHECK ("yearbook_editions"."status" in ('draft', 'in_review', 'approved', 'published')),
	CONSTRAINT "yearbook_editions_year" CHECK ("yearbook_editions"."year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "yearbook_renders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"edition_version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"sha256" text,
	"byte_size" integer,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "yearbook_renders_status" CHECK ("yearbook_renders"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "yearbook_chapters" ADD CONSTRAINT "yearbook_chapters_edition_id_yearbook_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."yearbook_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearbook_chapters" ADD CONSTRAINT "yearbook_chapters_coordinator_user_id_users_id_fk" FOREIGN KEY ("coordinator_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearbook_editions" ADD CONSTRAINT "yearbook_editions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yearbook_renders" ADD CONSTRAINT "yearbook_renders_edition_id_yearbook_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."yearbook_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "yearbook_chapters_edition_idx" ON "yearbook_chapters" USING btree ("edition_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "yearbook_editions_slug_key" ON "yearbook_editions" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "yearbook_editions_org_idx" ON "yearbook_editions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "yearbook_renders_edition_idx" ON "yearbook_renders" USING btree ("edition_id","created_at");