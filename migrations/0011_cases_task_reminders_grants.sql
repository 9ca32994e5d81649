-- Task reminders run as tulay_case_system: it sees when a task is due and for whom, and the case's
-- staff reference for the email; never the task title (it may name the client) nor any case content.
GRANT SELECT (id, case_id, remind_at, reminded_at, done_at, assignee_user_id) ON case_tasks TO tulay_case_system;
--> statement-breakpoint
GRANT UPDATE (reminded_at) ON case_tasks TO tulay_case_system;
--> statement-breakpoint
GRANT SELECT (reference) ON cases TO tulay_case_system;
--> statement-breakpoint
CREATE POLICY case_tasks_system ON case_tasks FOR ALL TO tulay_case_system USING (true) WITH CHECK (true);
