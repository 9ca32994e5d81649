CREATE TABLE "statistics_datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"titles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"citation" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"retrieved_on" date,
	"url" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"network" boolean DEFAULT false NOT NULL,
	"demonstration" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "statistics_datasets_code_format" CHECK ("statistics_datasets"."code" ~ '^[a-z0-9][a-z0-9_-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "statistics_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"refused" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "statistics_imports_status" CHECK ("statistics_imports"."status" in ('preview', 'committed'))
);
--> statement-breakpoint
CREATE TABLE "statistics_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"flow" text DEFAULT 'other' NOT NULL,
	"definitions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "statistics_indicators_code_format" CHECK ("statistics_indicators"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$'),
	CONSTRAINT "statistics_indicators_flow" CHECK ("statistics_indicators"."flow" in ('stock', 'inflow', 'outflow', 'other'))
);
--> statement-breakpoint
CREATE TABLE "statistics_observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dataset_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"area" text NOT NULL,
	"counterpart" text DEFAULT '' NOT NULL,
	"period" text NOT NULL,
	"sex" text DEFAULT 'T' NOT NULL,
	"classification" text DEFAULT '' NOT NULL,
	"value" double precision NOT NULL,
	"status" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "statistics_observations_period_format" CHECK ("statistics_observations"."period" ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$'),
	CONSTRAINT "statistics_observations_sex" CHECK ("statistics_observations"."sex" in ('T', 'F', 'M'))
);
--> statement-breakpoint
ALTER TABLE "statistics_imports" ADD CONSTRAINT "statistics_imports_dataset_id_statistics_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."statistics_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_observations" ADD CONSTRAINT "statistics_observations_dataset_id_statistics_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."statistics_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_observations" ADD CONSTRAINT "statistics_observations_indicator_id_statistics_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."statistics_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_datasets_code_key" ON "statistics_datasets" USING btree ("code");--> statement-breakpoint
CREATE INDEX "statistics_imports_dataset_idx" ON "statistics_imports" USING btree ("dataset_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_indicators_code_key" ON "statistics_indicators" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_observations_key" ON "statistics_observations" USING btree ("dataset_id","indicator_id","area","counterpart","period","sex","classification");--> statement-breakpoint
CREATE INDEX "statistics_observations_area_idx" ON "statistics_observations" USING btree ("area","indicator_id","period");--> statement-breakpoint
CREATE INDEX "statistics_observations_counterpart_idx" ON "statistics_observations" USING btree ("counterpart","indicator_id");