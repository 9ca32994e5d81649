-- 1. The owner must not inherit the case roles' policies. Migration cases_rls granted
-- tulay_case_reader and tulay_case_system to a non-superuser owner directly, so the owner had the
-- system role's USING (true) policies and saw every case, key and task outside any case
-- transaction. Now the owner is a member only of tulay_case_switch, a NOINHERIT role that holds the
-- two case roles: membership still allows SET ROLE (PostgreSQL 15: membership through any chain;
-- 16+: the SET option, true by default), but privileges and policies do not flow through a
-- NOINHERIT role (on 16+ the grant to it gets INHERIT FALSE from its attribute). With FORCE ROW
-- LEVEL SECURITY on the case tables, the owner itself then matches no policy and sees no case row.
-- Roles are cluster-wide and test databases migrate concurrently, hence the tolerant blocks.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tulay_case_switch') THEN
    BEGIN
      CREATE ROLE tulay_case_switch NOLOGIN NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = 'tulay_case_reader'::regrole AND m.member = 'tulay_case_switch'::regrole) THEN
    BEGIN
      GRANT tulay_case_reader TO tulay_case_switch;
    EXCEPTION WHEN OTHERS THEN
      IF NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = 'tulay_case_reader'::regrole AND m.member = 'tulay_case_switch'::regrole) THEN RAISE; END IF;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = 'tulay_case_system'::regrole AND m.member = 'tulay_case_switch'::regrole) THEN
    BEGIN
      GRANT tulay_case_system TO tulay_case_switch;
    EXCEPTION WHEN OTHERS THEN
      IF NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = 'tulay_case_system'::regrole AND m.member = 'tulay_case_switch'::regrole) THEN RAISE; END IF;
    END;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    IF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = 'tulay_case_reader'::regrole AND m.member = current_user::regrole) THEN
      EXECUTE format('REVOKE tulay_case_reader FROM %I', current_user);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = 'tulay_case_system'::regrole AND m.member = current_user::regrole) THEN
      EXECUTE format('REVOKE tulay_case_system FROM %I', current_user);
    END IF;
    EXECUTE format('GRANT tulay_case_switch TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
-- 2. Referrals. The policy judging a referral may not read cases under the reader's policies (the
-- cases policy reads referrals: infinite recursion), yet an insert must come from the case's own
-- organisation. This function answers that one question as tulay_case_system, which may read
-- cases.organisation_id; only the reader role may call it.
CREATE OR REPLACE FUNCTION tulay_case_organisation(p_case_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM cases c WHERE c.id = p_case_id $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tulay_case_organisation(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tulay_case_organisation(uuid) TO tulay_case_reader;
--> statement-breakpoint
-- A new owner needs CREATE on the schema at the moment of the change (PostgreSQL's rule), not after.
GRANT CREATE ON SCHEMA public TO tulay_case_system;
--> statement-breakpoint
ALTER FUNCTION tulay_case_organisation(uuid) OWNER TO tulay_case_system;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM tulay_case_system;
--> statement-breakpoint
DROP POLICY IF EXISTS case_referrals_reader ON case_referrals;
--> statement-breakpoint
CREATE POLICY case_referrals_reader_select ON case_referrals FOR SELECT TO tulay_case_reader USING (
  case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  OR from_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  OR to_user_id = tulay_acting_user()
  OR to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
);
--> statement-breakpoint
-- Only the sending team refers, from the case's own organisation, and a referral starts pending.
CREATE POLICY case_referrals_reader_insert ON case_referrals FOR INSERT TO tulay_case_reader WITH CHECK (
  status = 'pending'
  AND from_organisation_id = tulay_case_organisation(case_id)
  AND (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR from_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  )
);
--> statement-breakpoint
-- The sending team may only revoke. from_organisation_id is the case's organisation (checked on
-- insert, and not updatable: see the column grants below).
CREATE POLICY case_referrals_sender_update ON case_referrals FOR UPDATE TO tulay_case_reader
  USING (
    case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
    OR from_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  )
  WITH CHECK (
    status = 'revoked'
    AND (
      case_id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
      OR from_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
    )
  );
--> statement-breakpoint
-- The receiver answers a pending referral, once: accepted or rejected. A revoked, rejected or
-- accepted row is out of the receiver's reach, so nothing can be brought back to life.
CREATE POLICY case_referrals_receiver_update ON case_referrals FOR UPDATE TO tulay_case_reader
  USING (
    status = 'pending'
    AND (to_user_id = tulay_acting_user()
      OR to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
  WITH CHECK (
    status IN ('accepted', 'rejected')
    AND (to_user_id = tulay_acting_user()
      OR to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  );
--> statement-breakpoint
-- Who, which case, from and to whom, and what is shared are fixed once a referral exists.
REVOKE UPDATE ON case_referrals FROM tulay_case_reader;
--> statement-breakpoint
GRANT UPDATE (status, responded_by, responded_at, response_reason, revoked_by, revoked_at, version) ON case_referrals TO tulay_case_reader;
