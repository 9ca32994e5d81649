CREATE TABLE "campaign_countries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"stage" text NOT NULL,
	"stage_since" date,
	"demonstration" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_endorsements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"endorsed_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_country_id" uuid NOT NULL,
	"from_stage" text,
	"stage" text NOT NULL,
	"changed_on" date NOT NULL,
	"source_url" text,
	"note" text DEFAULT '' NOT NULL,
	"demonstration" boolean DEFAULT false NOT NULL,
	"correction" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"goals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"type_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid,
	"statement_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date,
	"stages" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'published')),
	CONSTRAINT "campaigns_type_check" CHECK ("campaigns"."type_code" in ('ratification', 'law_reform', 'ending_practice', 'recognition')),
	CONSTRAINT "campaigns_period_check" CHECK ("campaigns"."period_end" is null or "campaigns"."period_end" >= "campaigns"."period_start")
);
--> statement-breakpoint
ALTER TABLE "campaign_countries" ADD CONSTRAINT "campaign_countries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_endorsements" ADD CONSTRAINT "campaign_endorsements_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_endorsements" ADD CONSTRAINT "campaign_endorsements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_stage_changes" ADD CONSTRAINT "campaign_stage_changes_campaign_country_id_campaign_countries_id_fk" FOREIGN KEY ("campaign_country_id") REFERENCES "public"."campaign_countries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_statement_id_publications_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_countries_country_idx" ON "campaign_countries" USING btree ("campaign_id","country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_endorsements_org_idx" ON "campaign_endorsements" USING btree ("campaign_id","organisation_id");--> statement-breakpoint
CREATE INDEX "campaign_stage_changes_country_idx" ON "campaign_stage_changes" USING btree ("campaign_country_id","changed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_slug_idx" ON "campaigns" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "campaigns_organisation_idx" ON "campaigns" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "campaigns_programme_idx" ON "campaigns" USING btree ("programme_id");