ALTER TABLE "programmes" DROP CONSTRAINT "programmes_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "programmes" DROP COLUMN "organisation_id";