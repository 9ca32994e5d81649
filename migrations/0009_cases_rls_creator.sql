-- The creator of a case sees it until their own assignment is written (same transaction) through a
-- plain column test. The earlier NOT EXISTS over case_assignments made the planner hash the whole
-- assignments table on every case query (bench/cases.bench.ts).
DROP POLICY IF EXISTS cases_reader_select ON cases;
--> statement-breakpoint
CREATE POLICY cases_reader_select ON cases FOR SELECT TO tulay_case_reader USING (
  id IN (SELECT a.case_id FROM case_assignments a WHERE a.user_id = tulay_acting_user())
  OR organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user())
  OR id IN (
    SELECT r.case_id FROM case_referrals r
    WHERE r.status IN ('pending', 'accepted')
      AND (r.to_user_id = tulay_acting_user()
        OR r.to_organisation_id IN (SELECT s.organisation_id FROM case_supervisors s WHERE s.user_id = tulay_acting_user()))
  )
  OR (creator_pending AND created_by = tulay_acting_user())
  OR id = tulay_intake_case()
);
--> statement-breakpoint
UPDATE cases SET creator_pending = false WHERE creator_pending;
