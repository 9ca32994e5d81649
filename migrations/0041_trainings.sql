CREATE TABLE "training_cohorts" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"state" text NOT NULL,
	"completed_on" text NOT NULL,
	"sex" text DEFAULT 'not_stated' NOT NULL,
	"country_code" text,
	"organisation_name" text,
	"language" text DEFAULT 'en' NOT NULL,
	"certificate_number" text,
	"certificate_token_hash" text,
	"certificate_issued_on" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_completions_state_check" CHECK ("training_completions"."state" in ('completed', 'not_completed')),
	CONSTRAINT "training_completions_sex_check" CHECK ("training_completions"."sex" in ('female', 'male', 'other', 'not_stated')),
	CONSTRAINT "training_completions_certificate_check" CHECK ("training_completions"."certificate_number" is null or "training_completions"."state" = 'completed')
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"programme_id" uuid,
	"issuer" text DEFAULT '' NOT NULL,
	"follow_up_months" integer[] DEFAULT '{3,6,12}'::int[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"months_after" integer NOT NULL,
	"due_on" text NOT NULL,
	"assignee_id" uuid,
	"outcome_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "training_follow_ups_months_check" CHECK ("training_follow_ups"."months_after" between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "programme_indicators" DROP CONSTRAINT "programme_indicators_source_check";--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_participant_id_event_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."event_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_follow_ups" ADD CONSTRAINT "training_follow_ups_participant_id_training_completions_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_completions"("participant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_follow_ups" ADD CONSTRAINT "training_follow_ups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_follow_ups" ADD CONSTRAINT "training_follow_ups_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_cohorts_course_idx" ON "training_cohorts" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_completions_event_idx" ON "training_completions" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_certificate_key" ON "training_completions" USING btree ("certificate_number");--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_token_key" ON "training_completions" USING btree ("certificate_token_hash");--> statement-breakpoint
CREATE INDEX "training_courses_organisation_idx" ON "training_courses" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "training_courses_programme_idx" ON "training_courses" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_follow_ups_key" ON "training_follow_ups" USING btree ("participant_id","months_after");--> statement-breakpoint
CREATE INDEX "training_follow_ups_due_idx" ON "training_follow_ups" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "training_follow_ups_assignee_idx" ON "training_follow_ups" USING btree ("assignee_id");--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_source_check" CHECK ("programme_indicators"."source" in ('manual', 'cases_handled', 'event_participants', 'trained'));