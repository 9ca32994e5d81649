-- Row-level security for legal-aid cases: the second wall under the policy layer.
-- Case services run every query in a transaction that sets tulay.user_id / tulay.organisation_id
-- and does SET LOCAL ROLE tulay_case_reader; statistics, retention and key rotation use
-- tulay_case_system, which may read only non-identifying columns. Roles are cluster-wide and test
-- databases are created concurrently on one server, so creation tolerates a role that appears meanwhile.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tulay_case_reader') THEN
    BEGIN
      CREATE ROLE tulay_case_reader NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tulay_case_system') THEN
    BEGIN
      CREATE ROLE tulay_case_system NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  -- A non-superuser owner must be a member to SET ROLE (a superuser may always).
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT tulay_case_reader, tulay_case_system TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tulay_acting_user() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('tulay.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tulay_acting_organisation() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('tulay.organisation_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tulay_intake_case() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('tulay.intake_case_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tulay_case_reader, tulay_case_system;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tulay_acting_user(), tulay_acting_organisation(), tulay_intake_case() TO tulay_case_reader, tulay_case_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON cases TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT, INSERT ON case_keys TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON case_assignments TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT ON case_supervisors TO tulay_case_reader, tulay_case_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_consents TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_referrals TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT, INSERT ON case_events TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON case_tasks TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT, INSERT ON case_files TO tulay_case_reader;
--> statement-breakpoint
-- The intake service creates the come-back credentials in the same transaction as the case; the
-- role may add them but never read them (only the owner looks a reference up).
GRANT INSERT ON case_intake_access TO tulay_case_reader;
--> statement-breakpoint
GRANT INSERT ON audit_events TO tulay_case_reader, tulay_case_system;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_events_id_seq TO tulay_case_reader, tulay_case_system;
--> statement-breakpoint
GRANT SELECT (id, name, country_code) ON organisations TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT (id, name, organisation_id, role) ON users TO tulay_case_reader;
--> statement-breakpoint
-- The system role never sees identifying columns: it may only aggregate, shred and rewrap.
GRANT SELECT (id, organisation_id, status, nationality, origin_country, destination_country, sector, violation_codes, outcome, outcome_amount, outcome_currency, created_at, closed_at, retention_until, shredded_at) ON cases TO tulay_case_system;
--> statement-breakpoint
GRANT UPDATE (client_enc, narrative_enc, shredded_at, updated_at) ON cases TO tulay_case_system;
--> statement-breakpoint
GRANT SELECT, UPDATE, DELETE ON case_keys TO tulay_case_system;
--> statement-breakpoint
GRANT SELECT (case_id, purpose, withdrawn_at) ON case_consents TO tulay_case_system;
--> statement-breakpoint
GRANT SELECT (id, case_id, blob_sha256) ON case_files TO tulay_case_system;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_consents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_tasks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A case is visible to the people assigned, supervisors of the handling organisation, the
-- receiver of a live referral, its creator until the first assignment is written, and the person
-- who asked for help (intake, through the reference code and secret checked by the service).
CREATE POLICY cases_reader_select ON cases FOR SELECT TO tulay_case_reader USING (
  id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  OR organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  OR id IN (
    SELECT r.case_id FROM case_referrals r
    WHERE r.status IN ('pending', 'accepted')
      AND (r.to_user_id = tulay_acting_user()
        OR r.to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
  OR (created_by = tulay_acting_user() AND NOT EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = cases.id))
  OR id = tulay_intake_case()
);
--> statement-breakpoint
CREATE POLICY cases_reader_insert ON cases FOR INSERT TO tulay_case_reader WITH CHECK (
  (organisation_id = tulay_acting_organisation() AND created_by = tulay_acting_user())
  OR (id = tulay_intake_case() AND source = 'intake' AND created_by IS NULL)
);
--> statement-breakpoint
-- Only the team edits a case: referral receivers read what is shared with them, nothing more.
CREATE POLICY cases_reader_update ON cases FOR UPDATE TO tulay_case_reader
  USING (
    id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  )
  WITH CHECK (
    id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  );
--> statement-breakpoint
CREATE POLICY cases_system_select ON cases FOR SELECT TO tulay_case_system USING (true);
--> statement-breakpoint
CREATE POLICY cases_system_update ON cases FOR UPDATE TO tulay_case_system USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY case_keys_reader_select ON case_keys FOR SELECT TO tulay_case_reader USING (case_id IN (SELECT c.id FROM cases c));
--> statement-breakpoint
CREATE POLICY case_keys_reader_insert ON case_keys FOR INSERT TO tulay_case_reader WITH CHECK (case_id IN (SELECT c.id FROM cases c));
--> statement-breakpoint
CREATE POLICY case_keys_system ON case_keys FOR ALL TO tulay_case_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Assignment rows only pair two ids; they are readable so the cases policy can use them without
-- recursion. Writing one needs the case to be visible and the writer to be on its team.
CREATE POLICY case_assignments_reader_select ON case_assignments FOR SELECT TO tulay_case_reader USING (true);
--> statement-breakpoint
CREATE POLICY case_assignments_reader_insert ON case_assignments FOR INSERT TO tulay_case_reader WITH CHECK (
  case_id IN (
    SELECT c.id FROM cases c
    WHERE c.id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
      OR c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
      OR c.created_by = tulay_acting_user()
  )
);
--> statement-breakpoint
CREATE POLICY case_assignments_reader_delete ON case_assignments FOR DELETE TO tulay_case_reader USING (
  case_id IN (
    SELECT c.id FROM cases c
    WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
      OR c.id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  )
);
--> statement-breakpoint
CREATE POLICY case_consents_reader ON case_consents FOR ALL TO tulay_case_reader
  USING (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
  WITH CHECK (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  );
--> statement-breakpoint
CREATE POLICY case_consents_system ON case_consents FOR SELECT TO tulay_case_system USING (true);
--> statement-breakpoint
-- Referrals must not look at cases (the cases policy looks at referrals): they are judged by the
-- sender's team (assignment or supervision of the sending organisation) and the receiver.
CREATE POLICY case_referrals_reader ON case_referrals FOR ALL TO tulay_case_reader
  USING (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR from_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
    OR to_user_id = tulay_acting_user()
    OR to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  )
  WITH CHECK (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR from_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
    OR to_user_id = tulay_acting_user()
    OR to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  );
--> statement-breakpoint
CREATE POLICY case_events_reader_select ON case_events FOR SELECT TO tulay_case_reader USING (
  case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  OR case_id IN (
    SELECT r.case_id FROM case_referrals r
    WHERE r.status IN ('pending', 'accepted') AND 'timeline' = ANY (r.shared_fields)
      AND (r.to_user_id = tulay_acting_user()
        OR r.to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
  OR (case_id = tulay_intake_case() AND visibility = 'client')
);
--> statement-breakpoint
CREATE POLICY case_events_reader_insert ON case_events FOR INSERT TO tulay_case_reader WITH CHECK (
  case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  OR case_id IN (
    SELECT r.case_id FROM case_referrals r
    WHERE r.status = 'accepted' AND 'timeline' = ANY (r.shared_fields)
      AND (r.to_user_id = tulay_acting_user()
        OR r.to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
  OR (case_id = tulay_intake_case() AND visibility = 'client' AND kind = 'client_message' AND author_user_id IS NULL)
);
--> statement-breakpoint
CREATE POLICY case_tasks_reader ON case_tasks FOR ALL TO tulay_case_reader
  USING (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
  WITH CHECK (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  );
--> statement-breakpoint
CREATE POLICY case_files_reader_select ON case_files FOR SELECT TO tulay_case_reader USING (
  case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  OR case_id IN (
    SELECT r.case_id FROM case_referrals r
    WHERE r.status IN ('pending', 'accepted') AND 'files' = ANY (r.shared_fields)
      AND (r.to_user_id = tulay_acting_user()
        OR r.to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
);
--> statement-breakpoint
CREATE POLICY case_files_reader_insert ON case_files FOR INSERT TO tulay_case_reader WITH CHECK (
  case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
);
--> statement-breakpoint
CREATE POLICY case_files_system ON case_files FOR SELECT TO tulay_case_system USING (true);
