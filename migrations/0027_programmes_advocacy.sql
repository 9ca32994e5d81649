CREATE TABLE "programme_indicator_values" (
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "programme_indicator_values_indicator_id_year_pk" PRIMARY KEY("indicator_id","year"),
	CONSTRAINT "programme_indicator_values_value_check" CHECK ("programme_indicator_values"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programme_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"label" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_indicators_source_check" CHECK ("programme_indicators"."source" in ('manual', 'cases_handled'))
);
--> statement-breakpoint
CREATE TABLE "programme_organisations" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_organisations_programme_id_role_organisation_id_pk" PRIMARY KEY("programme_id","role","organisation_id"),
	CONSTRAINT "programme_organisations_role_check" CHECK ("programme_organisations"."role" in ('runs', 'partner', 'secretariat'))
);
--> statement-breakpoint
CREATE TABLE "programme_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"country_code" text,
	"label" text,
	"start_date" text,
	"end_date" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_people_role_check" CHECK ("programme_people"."role" in ('staff', 'area_coordinator')),
	CONSTRAINT "programme_people_coordinator_country" CHECK ("programme_people"."role" <> 'area_coordinator' or "programme_people"."country_code" is not null)
);
--> statement-breakpoint
DROP INDEX "programmes_org_idx";--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "slug" text DEFAULT 'programme-' || substr(md5(gen_random_uuid()::text), 1, 10) NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "summaries" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "period_start" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "period_end" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "themes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "target_groups" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "countries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "demonstration" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_indicator_values" ADD CONSTRAINT "programme_indicator_values_indicator_id_programme_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."programme_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_people" ADD CONSTRAINT "programme_people_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_people" ADD CONSTRAINT "programme_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_indicators_programme_idx" ON "programme_indicators" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_organisations_org_idx" ON "programme_organisations" USING btree ("organisation_id","role");--> statement-breakpoint
CREATE INDEX "programme_people_programme_idx" ON "programme_people" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_people_person_idx" ON "programme_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_key" ON "programmes" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "programmes_status_idx" ON "programmes" USING btree ("status");--> statement-breakpoint
CREATE INDEX "programmes_countries_idx" ON "programmes" USING gin ("countries");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_status_check" CHECK ("programmes"."status" in ('draft', 'published', 'archived'));--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_slug_check" CHECK ("programmes"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');