CREATE TABLE "dialogue_counterparts" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dialogue_counterparts_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"status" text NOT NULL,
	"happened_on" date NOT NULL,
	"note" text NOT NULL,
	"document_id" uuid,
	"evidence_url" text,
	"demonstration" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_updates_status_check" CHECK ("recommendation_updates"."status" in ('proposed', 'accepted', 'in_progress', 'implemented', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"text" text NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"addressee_id" uuid NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"status_since" date,
	"demonstration" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "recommendations_status_check" CHECK ("recommendations"."status" in ('proposed', 'accepted', 'in_progress', 'implemented', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "dialogue_counterparts" ADD CONSTRAINT "dialogue_counterparts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_counterparts" ADD CONSTRAINT "dialogue_counterparts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_updates" ADD CONSTRAINT "recommendation_updates_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_updates" ADD CONSTRAINT "recommendation_updates_document_id_publications_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_addressee_id_organisations_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_counterparts_org_idx" ON "dialogue_counterparts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "recommendation_updates_rec_idx" ON "recommendation_updates" USING btree ("recommendation_id","happened_on");--> statement-breakpoint
CREATE INDEX "recommendations_event_idx" ON "recommendations" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendations_addressee_idx" ON "recommendations" USING btree ("addressee_id");