CREATE TABLE "caucus_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caucus_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role_code" text NOT NULL,
	"start_date" text,
	"end_date" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "caucus_memberships_start_format" CHECK ("caucus_memberships"."start_date" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
	CONSTRAINT "caucus_memberships_end_format" CHECK ("caucus_memberships"."end_date" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
);
--> statement-breakpoint
CREATE TABLE "caucus_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"parliament_id" uuid NOT NULL,
	"party_id" uuid,
	"label" text,
	"constituency" text,
	"country_code" text,
	"start_date" text,
	"end_date" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "caucus_posts_start_format" CHECK ("caucus_posts"."start_date" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
	CONSTRAINT "caucus_posts_end_format" CHECK ("caucus_posts"."end_date" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')
);
--> statement-breakpoint
CREATE TABLE "caucus_resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caucus_id" uuid NOT NULL,
	"meeting_id" uuid,
	"kind" text NOT NULL,
	"identifier" text,
	"title" text NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"adopted_on" date NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"demonstration" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caucus_signatories" (
	"resolution_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"post_id" uuid,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "caucus_memberships" ADD CONSTRAINT "caucus_memberships_caucus_id_organisations_id_fk" FOREIGN KEY ("caucus_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_memberships" ADD CONSTRAINT "caucus_memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_posts" ADD CONSTRAINT "caucus_posts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_posts" ADD CONSTRAINT "caucus_posts_parliament_id_organisations_id_fk" FOREIGN KEY ("parliament_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_posts" ADD CONSTRAINT "caucus_posts_party_id_organisations_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_resolutions" ADD CONSTRAINT "caucus_resolutions_caucus_id_organisations_id_fk" FOREIGN KEY ("caucus_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_resolutions" ADD CONSTRAINT "caucus_resolutions_meeting_id_events_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_signatories" ADD CONSTRAINT "caucus_signatories_resolution_id_caucus_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."caucus_resolutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_signatories" ADD CONSTRAINT "caucus_signatories_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caucus_signatories" ADD CONSTRAINT "caucus_signatories_post_id_caucus_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."caucus_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caucus_memberships_caucus_idx" ON "caucus_memberships" USING btree ("caucus_id");--> statement-breakpoint
CREATE INDEX "caucus_memberships_person_idx" ON "caucus_memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "caucus_posts_person_idx" ON "caucus_posts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "caucus_resolutions_caucus_idx" ON "caucus_resolutions" USING btree ("caucus_id","adopted_on");--> statement-breakpoint
CREATE INDEX "caucus_resolutions_meeting_idx" ON "caucus_resolutions" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "caucus_signatories_key" ON "caucus_signatories" USING btree ("resolution_id","person_id");--> statement-breakpoint
CREATE INDEX "caucus_signatories_person_idx" ON "caucus_signatories" USING btree ("person_id");