import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Database, Tx } from '../../db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { kickDelivery, queueMail } from '../../platform/mail/outbox.ts';
import { withCaseSystem } from './rls.ts';
import { cases, caseTasks } from './schema.ts';

/** Due reminders, marked as sent in the same statement (at most once), as the system role. */
async function takeDueReminders(tx: Tx, now: Date) {
  return tx
    .update(caseTasks)
    .set({ remindedAt: now })
    .from(cases)
    .where(
      and(
        eq(cases.id, caseTasks.caseId),
        isNotNull(caseTasks.remindAt),
        lte(caseTasks.remindAt, now),
        isNull(caseTasks.doneAt),
        isNotNull(caseTasks.assigneeUserId),
        or(isNull(caseTasks.remindedAt), sql`${caseTasks.remindedAt} < ${caseTasks.remindAt}`),
      ),
    )
    .returning({
      taskId: caseTasks.id,
      caseId: caseTasks.caseId,
      userId: caseTasks.assigneeUserId,
      reference: cases.reference,
    });
}

async function emailOf(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return row && !row.disabledAt ? row.email : undefined;
}

/**
 * Emails the assignee of each task whose reminder time has come. The email names only the case's
 * staff reference: task titles and case contents never leave Tulay by email.
 */
export async function sendTaskReminders(
  database: Database,
  config: Config,
  now = new Date(),
): Promise<number> {
  const due = await withCaseSystem(database, (tx) => takeDueReminders(tx, now));
  if (!due.length) return 0;
  await database.db.transaction(async (tx) => {
    for (const reminder of due) {
      const email = reminder.userId ? await emailOf(tx, reminder.userId) : undefined;
      if (!email) continue;
      await queueMail(tx, {
        to: email,
        subject: `Tulay: a task on case ${reminder.reference} is due`,
        body: `A task assigned to you on case ${reminder.reference} is due.\n\nOpen it in Tulay: ${config.publicUrl}/cases/${reminder.caseId}\n`,
        purpose: 'notice',
      });
    }
  });
  kickDelivery(database, config);
  return due.length;
}
