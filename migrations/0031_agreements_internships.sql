CREATE TABLE "agreement_monitoring" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"finding" text NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publication_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"type_code" text NOT NULL,
	"status" text NOT NULL,
	"party_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"party_groupings" text[] DEFAULT '{}'::text[] NOT NULL,
	"signed_on" date,
	"in_force_on" date,
	"expires_on" date,
	"provisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"corridors" text[] DEFAULT '{}'::text[] NOT NULL,
	"document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"demonstration" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "agreements_type_check" CHECK ("agreements"."type_code" in ('bilateral_labour_agreement', 'memorandum_of_understanding', 'economic_partnership_agreement', 'regional_instrument')),
	CONSTRAINT "agreements_status_check" CHECK ("agreements"."status" in ('negotiating', 'signed', 'in_force', 'expired', 'terminated')),
	CONSTRAINT "agreements_dates_in_order" CHECK (("agreements"."signed_on" is null or "agreements"."in_force_on" is null or "agreements"."signed_on" <= "agreements"."in_force_on")
        and ("agreements"."in_force_on" is null or "agreements"."expires_on" is null or "agreements"."in_force_on" <= "agreements"."expires_on")
        and ("agreements"."signed_on" is null or "agreements"."expires_on" is null or "agreements"."signed_on" <= "agreements"."expires_on")),
	CONSTRAINT "agreements_slug_format" CHECK ("agreements"."slug" ~ '^[a-z0-9][a-z0-9-]{0,119}$')
);
--> statement-breakpoint
CREATE TABLE "internship_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"school" text,
	"available_from" date,
	"available_until" date,
	"motivation" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "internship_applications_status_check" CHECK ("internship_applications"."status" in ('received', 'shortlisted', 'placed', 'declined')),
	CONSTRAINT "internship_applications_period_check" CHECK ("internship_applications"."available_from" is null or "internship_applications"."available_until" is null or "internship_applications"."available_from" <= "internship_applications"."available_until")
);
--> statement-breakpoint
CREATE TABLE "internship_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid,
	"title" text NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"descriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"open" boolean DEFAULT false NOT NULL,
	"demonstration" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"organisation_id" uuid NOT NULL,
	"intern_person_id" uuid NOT NULL,
	"school_organisation_id" uuid,
	"supervisor_person_id" uuid,
	"programme_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "internship_placements_period_check" CHECK ("internship_placements"."starts_on" <= "internship_placements"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "agreement_monitoring" ADD CONSTRAINT "agreement_monitoring_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_opportunity_id_internship_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."internship_opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_opportunities" ADD CONSTRAINT "internship_opportunities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_opportunities" ADD CONSTRAINT "internship_opportunities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_application_id_internship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."internship_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_intern_person_id_people_id_fk" FOREIGN KEY ("intern_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_school_organisation_id_organisations_id_fk" FOREIGN KEY ("school_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_supervisor_person_id_people_id_fk" FOREIGN KEY ("supervisor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_monitoring_agreement_idx" ON "agreement_monitoring" USING btree ("agreement_id","observed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_slug_key" ON "agreements" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "agreements_corridors_idx" ON "agreements" USING gin ("corridors");--> statement-breakpoint
CREATE INDEX "agreements_party_countries_idx" ON "agreements" USING gin ("party_countries");--> statement-breakpoint
CREATE INDEX "internship_applications_org_idx" ON "internship_applications" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "internship_opportunities_org_idx" ON "internship_opportunities" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_placements_application_key" ON "internship_placements" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "internship_placements_org_idx" ON "internship_placements" USING btree ("organisation_id");