-- Grants for the encrypted free text (migration cases_text_encrypted). The reader role's table-wide
-- grants on cases, case_tasks and case_referrals (insert) cover the new columns; referral updates
-- are column by column (cases_rls_owner_referrals), so the receiver's encrypted reason is added.
GRANT UPDATE (response_reason_enc) ON case_referrals TO tulay_case_reader;
--> statement-breakpoint
-- The search key holds no case data (it is wrapped by a master key): readers use and create it,
-- the system role creates it too (moving legacy text) and rewraps it on key rotation.
GRANT SELECT, INSERT ON case_search_keys TO tulay_case_reader;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_search_keys TO tulay_case_system;
--> statement-breakpoint
-- Shredding clears every free-text column, encrypted or legacy, and the search tokens. The system
-- role may also read the legacy clear-text columns: encryptLegacyCaseText (retention.ts) moves
-- them into ciphertext at start and empties them; nothing writes them afterwards, so they hold
-- nothing for this grant to reveal once it has run.
GRANT SELECT (title, employer_name, agency_name) ON cases TO tulay_case_system;
--> statement-breakpoint
GRANT UPDATE (title, title_enc, employer_name, employer_name_enc, agency_name, agency_name_enc, search_tokens) ON cases TO tulay_case_system;
--> statement-breakpoint
GRANT SELECT (id, case_id, note, override_reason, response_reason) ON case_referrals TO tulay_case_system;
--> statement-breakpoint
GRANT UPDATE (note, note_enc, override_reason, override_reason_enc, response_reason, response_reason_enc) ON case_referrals TO tulay_case_system;
--> statement-breakpoint
CREATE POLICY case_referrals_system_select ON case_referrals FOR SELECT TO tulay_case_system USING (true);
--> statement-breakpoint
CREATE POLICY case_referrals_system_update ON case_referrals FOR UPDATE TO tulay_case_system USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT (title) ON case_tasks TO tulay_case_system;
--> statement-breakpoint
GRANT UPDATE (title, title_enc) ON case_tasks TO tulay_case_system;
