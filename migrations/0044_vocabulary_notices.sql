-- A vocabulary's new terms_revision is also announced: NOTIFY on tulay_cache with the topic
-- 'vocabulary', delivered when the transaction commits to every connection that listens (each
-- server's pool, src/server/db/notices.ts). Servers then stop trusting their cached term trees
-- without reading the revision on every request. Same body as 0019, plus the notice.
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
  PERFORM pg_notify('tulay_cache', 'vocabulary');
  RETURN NULL;
END $$;
