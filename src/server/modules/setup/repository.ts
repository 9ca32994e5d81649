import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditEvents } from '../../platform/audit/schema.ts';

/** When the last backup was written (every backup, CLI or online, leaves an audit row). */
export async function lastBackupAt(tx: Tx): Promise<Date | undefined> {
  const [row] = await tx
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'cli.backup'))
    .orderBy(desc(auditEvents.at))
    .limit(1);
  return row?.at;
}
