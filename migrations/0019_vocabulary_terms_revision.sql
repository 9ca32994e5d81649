-- Every change to a vocabulary's terms gives the vocabulary a new terms_revision, drawn from a
-- sequence and only ever growing, so that a revision seen inside a transaction that later rolls
-- back (or one a restore brought back) is never reused for other terms.
-- The application caches each vocabulary's term tree under its revision. Statement-level triggers
-- (one per event: transition tables allow one event each) keep a 25k-row import to one update.
CREATE SEQUENCE IF NOT EXISTS vocabulary_terms_revision_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vocabulary_terms_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE vocabularies SET terms_revision = terms_revision + nextval('vocabulary_terms_revision_seq')
      WHERE key IN (SELECT DISTINCT vocabulary_key FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE vocabularies SET terms_revision = terms_revision + nextval('vocabulary_terms_revision_seq')
      WHERE key IN (SELECT DISTINCT vocabulary_key FROM old_rows);
  ELSE
    UPDATE vocabularies SET terms_revision = terms_revision + nextval('vocabulary_terms_revision_seq')
      WHERE key IN (SELECT vocabulary_key FROM new_rows UNION SELECT vocabulary_key FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER vocabulary_terms_revision_insert AFTER INSERT ON vocabulary_terms
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vocabulary_terms_bump_revision();
--> statement-breakpoint
CREATE TRIGGER vocabulary_terms_revision_update AFTER UPDATE ON vocabulary_terms
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vocabulary_terms_bump_revision();
--> statement-breakpoint
CREATE TRIGGER vocabulary_terms_revision_delete AFTER DELETE ON vocabulary_terms
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vocabulary_terms_bump_revision();
