import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { caseConsents, caseEvents, caseFiles, caseReferrals, caseTasks } from './schema.ts';

// Consents, referrals, timeline, tasks and files of a case. Runs under withCaseAccess like repository.ts.

export async function insertConsent(tx: Tx, values: typeof caseConsents.$inferInsert) {
  const [row] = await tx.insert(caseConsents).values(values).returning();
  return row!;
}

/** The consents of a case, oldest first, with the name of the organisation a sharing consent names. */
export async function listConsents(tx: Tx, caseId: string) {
  return tx
    .select({ ...getTableColumns(caseConsents), scopeOrganisationName: organisations.name })
    .from(caseConsents)
    .leftJoin(organisations, eq(organisations.id, caseConsents.scopeOrganisationId))
    .where(eq(caseConsents.caseId, caseId))
    .orderBy(asc(caseConsents.createdAt));
}

/** Withdraws a consent once; returns false when it is unknown or already withdrawn. */
export async function withdrawConsent(tx: Tx, caseId: string, id: string, by: string): Promise<boolean> {
  const rows = await tx
    .update(caseConsents)
    .set({ withdrawnAt: new Date(), withdrawnBy: by })
    .where(and(eq(caseConsents.id, id), eq(caseConsents.caseId, caseId), isNull(caseConsents.withdrawnAt)))
    .returning({ id: caseConsents.id });
  return rows.length > 0;
}

/** A live consent to share this case with the organisation, or with anyone in the country. */
export async function findSharingConsent(
  tx: Tx,
  caseId: string,
  organisationId: string,
  country: string | null,
) {
  const [row] = await tx
    .select({ id: caseConsents.id })
    .from(caseConsents)
    .where(
      and(
        eq(caseConsents.caseId, caseId),
        eq(caseConsents.purpose, 'sharing'),
        isNull(caseConsents.withdrawnAt),
        or(
          eq(caseConsents.scopeOrganisationId, organisationId),
          country
            ? and(isNull(caseConsents.scopeOrganisationId), eq(caseConsents.scopeCountry, country))
            : undefined,
        ),
      ),
    )
    .limit(1);
  return row;
}

/** Live referrals that relied on a consent: withdrawing the consent revokes them. */
export async function revokeReferralsOfConsent(tx: Tx, consentId: string, by: string) {
  return tx
    .update(caseReferrals)
    .set({
      status: 'revoked',
      revokedAt: new Date(),
      revokedBy: by,
      version: sql`${caseReferrals.version} + 1`,
    })
    .where(
      and(eq(caseReferrals.consentId, consentId), inArray(caseReferrals.status, ['pending', 'accepted'])),
    )
    .returning({ id: caseReferrals.id });
}

export async function insertReferral(tx: Tx, values: typeof caseReferrals.$inferInsert) {
  const [row] = await tx.insert(caseReferrals).values(values).returning();
  return row!;
}

const referralColumns = {
  referral: caseReferrals,
  toOrganisationName: organisations.name,
  toCountry: organisations.countryCode,
  // Columns written out in full (see accessOf in repository.ts for why).
  fromOrganisationName: sql<string>`(select o.name from organisations o where o.id = case_referrals.from_organisation_id)`,
  // Read under the same row-level security as every case read: null when the actor may not see the case.
  caseReference: sql<string | null>`(select c.reference from cases c where c.id = case_referrals.case_id)`,
  caseTitle: sql<string | null>`(select c.title from cases c where c.id = case_referrals.case_id)`,
  caseTitleEnc: sql<string | null>`(select c.title_enc from cases c where c.id = case_referrals.case_id)`,
};

export async function findReferral(tx: Tx, id: string) {
  const [row] = await tx
    .select(referralColumns)
    .from(caseReferrals)
    .innerJoin(organisations, eq(organisations.id, caseReferrals.toOrganisationId))
    .where(eq(caseReferrals.id, id));
  return row;
}

export async function listReferrals(tx: Tx, caseId: string) {
  return tx
    .select(referralColumns)
    .from(caseReferrals)
    .innerJoin(organisations, eq(organisations.id, caseReferrals.toOrganisationId))
    .where(eq(caseReferrals.caseId, caseId))
    .orderBy(desc(caseReferrals.createdAt));
}

/** Referrals addressed to this person, or to an organisation they supervise. */
export async function listIncomingReferrals(tx: Tx, userId: string, supervised: string[]) {
  return tx
    .select(referralColumns)
    .from(caseReferrals)
    .innerJoin(organisations, eq(organisations.id, caseReferrals.toOrganisationId))
    .where(
      or(
        eq(caseReferrals.toUserId, userId),
        supervised.length ? inArray(caseReferrals.toOrganisationId, supervised) : undefined,
      ),
    )
    .orderBy(desc(caseReferrals.createdAt))
    .limit(200);
}

export async function updateReferralIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof caseReferrals.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(caseReferrals)
    .set({ ...values, version: sql`${caseReferrals.version} + 1` })
    .where(and(eq(caseReferrals.id, id), eq(caseReferrals.version, version)))
    .returning({ id: caseReferrals.id });
  return rows.length > 0;
}

export async function insertEvent(tx: Tx, values: typeof caseEvents.$inferInsert) {
  const [row] = await tx.insert(caseEvents).values(values).returning();
  return row!;
}

export async function listEvents(tx: Tx, caseId: string, onlyClient = false) {
  return tx
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), onlyClient ? eq(caseEvents.visibility, 'client') : undefined))
    .orderBy(asc(caseEvents.createdAt))
    .limit(1000);
}

export async function insertTask(tx: Tx, values: typeof caseTasks.$inferInsert) {
  const [row] = await tx.insert(caseTasks).values(values).returning();
  return row!;
}

export async function listTasks(tx: Tx, caseId: string) {
  return tx.select().from(caseTasks).where(eq(caseTasks.caseId, caseId)).orderBy(asc(caseTasks.dueAt));
}

export async function updateTaskIfVersion(
  tx: Tx,
  caseId: string,
  id: string,
  version: number,
  values: Partial<typeof caseTasks.$inferInsert>,
) {
  const [row] = await tx
    .update(caseTasks)
    .set({ ...values, version: sql`${caseTasks.version} + 1` })
    .where(and(eq(caseTasks.id, id), eq(caseTasks.caseId, caseId), eq(caseTasks.version, version)))
    .returning();
  return row;
}

export async function taskExists(tx: Tx, caseId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseTasks.id })
    .from(caseTasks)
    .where(and(eq(caseTasks.id, id), eq(caseTasks.caseId, caseId)));
  return !!row;
}

export async function insertFile(tx: Tx, values: typeof caseFiles.$inferInsert) {
  const [row] = await tx.insert(caseFiles).values(values).returning();
  return row!;
}

export async function listFiles(tx: Tx, caseId: string) {
  return tx.select().from(caseFiles).where(eq(caseFiles.caseId, caseId)).orderBy(asc(caseFiles.createdAt));
}

export async function findFile(tx: Tx, caseId: string, id: string) {
  const [row] = await tx
    .select()
    .from(caseFiles)
    .where(and(eq(caseFiles.id, id), eq(caseFiles.caseId, caseId)));
  return row;
}
