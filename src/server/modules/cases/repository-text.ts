import { and, eq, isNotNull, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseKeys, caseReferrals, caseSearchKeys, cases, caseTasks } from './schema.ts';

// The search key (readers, and the system role for rotation) and the one-off move of clear text
// written before encryption (system role: it may read only those legacy columns, never ciphertext).

export async function findSearchKey(tx: Tx, id: string) {
  const [row] = await tx.select().from(caseSearchKeys).where(eq(caseSearchKeys.id, id));
  return row;
}

export async function insertSearchKey(tx: Tx, values: typeof caseSearchKeys.$inferInsert) {
  await tx.insert(caseSearchKeys).values(values).onConflictDoNothing();
}

export async function searchKeysNotWrappedBy(tx: Tx, activeId: string) {
  return tx.select().from(caseSearchKeys).where(ne(caseSearchKeys.masterKeyId, activeId));
}

export async function rewrapSearchKey(tx: Tx, id: string, next: { masterKeyId: string; wrappedKey: string }) {
  await tx.update(caseSearchKeys).set(next).where(eq(caseSearchKeys.id, id));
}

const keyColumns = { masterKeyId: caseKeys.masterKeyId, wrappedKey: caseKeys.wrappedKey };

/** Cases that still carry clear text, with their wrapped key (none when shredded). */
export async function casesWithClearText(tx: Tx, limit: number) {
  return tx
    .select({
      id: cases.id,
      reference: cases.reference,
      sector: cases.sector,
      title: cases.title,
      employerName: cases.employerName,
      agencyName: cases.agencyName,
      ...keyColumns,
    })
    .from(cases)
    .leftJoin(caseKeys, eq(caseKeys.caseId, cases.id))
    .where(or(isNotNull(cases.title), isNotNull(cases.employerName), isNotNull(cases.agencyName)))
    .limit(limit);
}

export async function setCaseText(tx: Tx, id: string, values: Partial<typeof cases.$inferInsert>) {
  await tx.update(cases).set(values).where(eq(cases.id, id));
}

export async function referralsWithClearText(tx: Tx, limit: number) {
  return tx
    .select({
      id: caseReferrals.id,
      caseId: caseReferrals.caseId,
      note: caseReferrals.note,
      overrideReason: caseReferrals.overrideReason,
      responseReason: caseReferrals.responseReason,
      ...keyColumns,
    })
    .from(caseReferrals)
    .leftJoin(caseKeys, eq(caseKeys.caseId, caseReferrals.caseId))
    .where(
      or(
        isNotNull(caseReferrals.note),
        isNotNull(caseReferrals.overrideReason),
        isNotNull(caseReferrals.responseReason),
      ),
    )
    .limit(limit);
}

export async function setReferralText(
  tx: Tx,
  id: string,
  values: Partial<typeof caseReferrals.$inferInsert>,
) {
  await tx.update(caseReferrals).set(values).where(eq(caseReferrals.id, id));
}

export async function tasksWithClearText(tx: Tx, limit: number) {
  return tx
    .select({ id: caseTasks.id, caseId: caseTasks.caseId, title: caseTasks.title, ...keyColumns })
    .from(caseTasks)
    .leftJoin(caseKeys, eq(caseKeys.caseId, caseTasks.caseId))
    .where(isNotNull(caseTasks.title))
    .limit(limit);
}

export async function setTaskText(tx: Tx, id: string, values: Partial<typeof caseTasks.$inferInsert>) {
  await tx.update(caseTasks).set(values).where(eq(caseTasks.id, id));
}

/** Shredding: every free-text column of the case and its referrals and tasks, and its search tokens. */
export async function clearCaseText(tx: Tx, caseId: string) {
  await tx
    .update(cases)
    .set({
      title: null,
      titleEnc: null,
      employerName: null,
      employerNameEnc: null,
      agencyName: null,
      agencyNameEnc: null,
      searchTokens: null,
    })
    .where(eq(cases.id, caseId));
  await tx
    .update(caseReferrals)
    .set({
      note: null,
      noteEnc: null,
      overrideReason: null,
      overrideReasonEnc: null,
      responseReason: null,
      responseReasonEnc: null,
    })
    .where(and(eq(caseReferrals.caseId, caseId)));
  await tx.update(caseTasks).set({ title: null, titleEnc: null }).where(eq(caseTasks.caseId, caseId));
}
