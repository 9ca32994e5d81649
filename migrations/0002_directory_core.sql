CREATE TABLE "directory_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text,
	"options" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geo_regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "geo_regions_code_format" CHECK ("geo_regions"."code" ~ '^[a-z0-9][a-z0-9_-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sort_name" text,
	"honorific_prefix" text,
	"summary" text,
	"country_code" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"phone" text,
	"contact_details" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public_consent" boolean DEFAULT false NOT NULL,
	"consent_recorded_at" timestamp with time zone,
	"external_id" text,
	"merged_into_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocabularies" (
	"key" text PRIMARY KEY NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocabulary_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vocabulary_key" text NOT NULL,
	"code" text NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scope_note" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "vocabulary_terms_code_format" CHECK ("vocabulary_terms"."code" ~ '^[a-z0-9][a-z0-9_.-]{0,62}$')
);
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "organisation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "country_code" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "countries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "corridors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_points" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "vocabulary_terms" ADD CONSTRAINT "vocabulary_terms_vocabulary_key_vocabularies_key_fk" FOREIGN KEY ("vocabulary_key") REFERENCES "public"."vocabularies"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocabulary_terms" ADD CONSTRAINT "vocabulary_terms_parent_id_vocabulary_terms_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."vocabulary_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "geo_regions_code_key" ON "geo_regions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "geo_regions_countries_idx" ON "geo_regions" USING gin ("countries");--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_id_key" ON "people" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_country_idx" ON "people" USING btree ("country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "vocabulary_terms_code_key" ON "vocabulary_terms" USING btree ("vocabulary_key","code");--> statement-breakpoint
CREATE INDEX "vocabulary_terms_parent_idx" ON "vocabulary_terms" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_merged_into_id_organisations_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_external_id_key" ON "organisations" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "organisations_search_trgm_idx" ON "organisations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_description_fts_idx" ON "organisations" USING gin (to_tsvector('simple', coalesce("description", '')));--> statement-breakpoint
CREATE INDEX "organisations_countries_idx" ON "organisations" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "organisations_corridors_idx" ON "organisations" USING gin ("corridors");--> statement-breakpoint
CREATE INDEX "organisations_type_idx" ON "organisations" USING btree ("type_code");--> statement-breakpoint
CREATE INDEX "organisations_country_idx" ON "organisations" USING btree ("country_code");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_one_member" CHECK (num_nonnulls("memberships"."organisation_id", "memberships"."person_id") = 1);