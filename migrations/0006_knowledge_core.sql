CREATE TABLE "publication_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"file_group_id" uuid NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"language" text,
	"extraction" text NOT NULL,
	"page_count" integer,
	"extracted_text" text DEFAULT '' NOT NULL,
	"first_page_text" text DEFAULT '' NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_files_sha_format" CHECK ("publication_files"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_code" text NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"abstract" text DEFAULT '' NOT NULL,
	"abstracts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"author_person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"published_on" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"programme_id" uuid,
	"is_public" boolean DEFAULT false NOT NULL,
	"organisation_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_organisations" (
	"practice_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "practice_organisations_practice_id_organisation_id_pk" PRIMARY KEY("practice_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"descriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"mlflm" text[] DEFAULT '{}'::text[] NOT NULL,
	"document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"period_start" text,
	"period_end" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "practices_status_check" CHECK ("practices"."status" in ('draft', 'submitted', 'changes_requested', 'published', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "search_entries" (
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"is_public" boolean NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"document" "tsvector" NOT NULL,
	"type_code" text NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"groupings" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"principles" text[] DEFAULT '{}'::text[] NOT NULL,
	"org_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"year" integer,
	"boost" real DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_entries_kind_record_id_pk" PRIMARY KEY("kind","record_id")
);
--> statement-breakpoint
ALTER TABLE "publication_files" ADD CONSTRAINT "publication_files_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_events" ADD CONSTRAINT "practice_events_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_organisations" ADD CONSTRAINT "practice_organisations_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_organisations" ADD CONSTRAINT "practice_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_files_publication_idx" ON "publication_files" USING btree ("publication_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_files_group_version_key" ON "publication_files" USING btree ("file_group_id","version_no");--> statement-breakpoint
CREATE INDEX "publication_files_sha_idx" ON "publication_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "publications_created_idx" ON "publications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "practice_events_practice_idx" ON "practice_events" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "practice_organisations_org_idx" ON "practice_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "practices_status_idx" ON "practices" USING btree ("status");--> statement-breakpoint
CREATE INDEX "practices_organisation_idx" ON "practices" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "search_entries_document_idx" ON "search_entries" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_entries_text_trgm_idx" ON "search_entries" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_entries_regions_idx" ON "search_entries" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "search_entries_countries_idx" ON "search_entries" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "search_entries_groupings_idx" ON "search_entries" USING gin ("groupings");--> statement-breakpoint
CREATE INDEX "search_entries_themes_idx" ON "search_entries" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "search_entries_principles_idx" ON "search_entries" USING gin ("principles");--> statement-breakpoint
CREATE INDEX "search_entries_org_types_idx" ON "search_entries" USING gin ("org_types");--> statement-breakpoint
CREATE INDEX "search_entries_languages_idx" ON "search_entries" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "search_entries_type_idx" ON "search_entries" USING btree ("type_code");--> statement-breakpoint
CREATE INDEX "search_entries_year_idx" ON "search_entries" USING btree ("year");