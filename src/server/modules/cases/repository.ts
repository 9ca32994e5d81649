import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';
import type { CaseAccessRecord } from './policy.ts';
import { caseAssignments, caseKeys, caseReferrals, caseSupervisors, cases } from './schema.ts';

// Every function here runs inside withCaseAccess / withIntakeCase: row-level security filters
// each statement again, whatever the WHERE clause says.

export type NewCase = typeof cases.$inferInsert;

/** Inserts without RETURNING: the row is readable only once its first assignment exists. */
export async function insertCase(tx: Tx, values: NewCase): Promise<void> {
  await tx.insert(cases).values(values);
}

export async function insertCaseKey(tx: Tx, values: typeof caseKeys.$inferInsert): Promise<void> {
  await tx.insert(caseKeys).values(values);
}

export async function findCaseKey(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(caseKeys).where(eq(caseKeys.caseId, caseId));
  return row;
}

export async function insertAssignment(tx: Tx, caseId: string, userId: string, assignedBy: string | null) {
  await tx.insert(caseAssignments).values({ caseId, userId, assignedBy }).onConflictDoNothing();
}

export async function deleteAssignment(tx: Tx, caseId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.userId, userId)))
    .returning({ userId: caseAssignments.userId });
  return rows.length > 0;
}

export async function listAssignees(tx: Tx, caseId: string) {
  return tx
    .select({ userId: caseAssignments.userId, name: users.name, organisationId: users.organisationId })
    .from(caseAssignments)
    .innerJoin(users, eq(users.id, caseAssignments.userId))
    .where(eq(caseAssignments.caseId, caseId));
}

/** The organisations this person supervises cases for. */
export async function supervisedOrganisations(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: caseSupervisors.organisationId })
    .from(caseSupervisors)
    .where(eq(caseSupervisors.userId, userId));
  return rows.map((r) => r.id);
}

/** How `userId` stands to a case, or undefined when row-level security hides the case. */
export async function accessOf(
  tx: Tx,
  caseId: string,
  userId: string,
): Promise<CaseAccessRecord | undefined> {
  const [row] = await tx
    .select({
      id: cases.id,
      organisationId: cases.organisationId,
      shreddedAt: cases.shreddedAt,
      // Written out in full: in the select list of a one-table query Drizzle renders ${cases.x} without
      // its table, and a bare "organisation_id" would bind to the subquery's own column.
      assigned: sql<boolean>`exists (select 1 from case_assignments a where a.case_id = cases.id and a.user_id = ${userId})`,
      supervisor: sql<boolean>`exists (select 1 from case_supervisors s where s.organisation_id = cases.organisation_id and s.user_id = ${userId})`,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return undefined;
  const supervised = await supervisedOrganisations(tx, userId);
  const [referral] = await tx
    .select({ status: caseReferrals.status, sharedFields: caseReferrals.sharedFields })
    .from(caseReferrals)
    .where(
      and(
        eq(caseReferrals.caseId, caseId),
        inArray(caseReferrals.status, ['pending', 'accepted']),
        or(
          eq(caseReferrals.toUserId, userId),
          supervised.length ? inArray(caseReferrals.toOrganisationId, supervised) : undefined,
        ),
      ),
    )
    .orderBy(sql`${caseReferrals.status} = 'accepted' desc`, desc(caseReferrals.createdAt))
    .limit(1);
  return {
    id: row.id,
    organisationId: row.organisationId,
    assigned: row.assigned,
    supervisor: row.supervisor,
    referral: referral
      ? { status: referral.status as 'pending' | 'accepted', sharedFields: referral.sharedFields }
      : null,
    shredded: row.shreddedAt !== null,
  };
}

export async function findCase(tx: Tx, id: string) {
  const [row] = await tx
    .select({ case: cases, organisationName: organisations.name })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.id, id));
  return row;
}

export interface CaseListFilter {
  userId: string;
  /** Blind-index tokens of the search words (case-text.ts): a case matches when it has them all. */
  tokens?: string[];
  status?: string;
  /** Keyset cursor: the (updated_at, id) of the last row seen. */
  after?: { at: string; id: string };
  limit: number;
}

export interface CaseListRow {
  id: string;
  reference: string;
  title: string | null;
  titleEnc: string | null;
  /** The case's wrapped data key, to open the title (none once shredded). */
  masterKeyId: string | null;
  wrappedKey: string | null;
  status: string;
  organisationId: string;
  originCountry: string | null;
  destinationCountry: string | null;
  sector: string | null;
  violationCodes: string[];
  updatedAt: Date;
  /** updated_at at full (microsecond) precision, for the keyset cursor. */
  cursorAt: string;
  version: number;
}

/**
 * "Cases I may see": first the set of ids reachable the same three ways as the row-level
 * security policy (assignment, supervision, live referral), then each row by primary key. The
 * OFFSET 0 fence keeps the planner from turning the per-id lookup into a scan of every case,
 * which would evaluate the policies on every row (bench/cases.bench.ts measures this).
 * Only non-identifying columns: a list never shows who the client is.
 */
export function listCasesQuery(f: CaseListFilter) {
  const me = f.userId;
  return sql`
    with visible as materialized (
      select a.case_id as id from case_assignments a where a.user_id = ${me}
      union
      select c2.id from cases c2
        where c2.organisation_id in (select s.organisation_id from case_supervisors s where s.user_id = ${me})
      union
      select r.case_id from case_referrals r
        where r.status in ('pending', 'accepted')
          and (r.to_user_id = ${me} or r.to_organisation_id in (select s.organisation_id from case_supervisors s where s.user_id = ${me}))
    )
    select c.* from visible v
    cross join lateral (
      select id, reference, title, title_enc, status, organisation_id, origin_country, destination_country,
             sector, violation_codes, updated_at, updated_at::text as cursor_at, version,
             (select k.master_key_id from case_keys k where k.case_id = cases.id) as master_key_id,
             (select k.wrapped_key from case_keys k where k.case_id = cases.id) as wrapped_key
      from cases
      where cases.id = v.id
        ${
          f.tokens?.length
            ? sql`and search_tokens @> array[${sql.join(
                f.tokens.map((t) => sql`${t}`),
                sql`, `,
              )}]::text[]`
            : sql``
        }
        ${f.status ? sql`and status = ${f.status}` : sql``}
        ${f.after ? sql`and (updated_at, id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)` : sql``}
      offset 0
    ) c
    order by c.updated_at desc, c.id desc
    limit ${f.limit}`;
}

export async function listCases(tx: Tx, f: CaseListFilter): Promise<CaseListRow[]> {
  const result = await tx.execute(listCasesQuery(f));
  return (result.rows as Array<Record<string, unknown>>).map((r) => ({
    id: r.id as string,
    reference: r.reference as string,
    title: r.title as string | null,
    titleEnc: r.title_enc as string | null,
    masterKeyId: r.master_key_id as string | null,
    wrappedKey: r.wrapped_key as string | null,
    status: r.status as string,
    organisationId: r.organisation_id as string,
    originCountry: r.origin_country as string | null,
    destinationCountry: r.destination_country as string | null,
    sector: r.sector as string | null,
    violationCodes: r.violation_codes as string[],
    updatedAt: new Date(r.updated_at as string),
    cursorAt: r.cursor_at as string,
    version: r.version as number,
  }));
}

/** Applies a change only if nobody changed the case since `version` was read. */
export async function updateCaseIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<NewCase>,
): Promise<boolean> {
  const rows = await tx
    .update(cases)
    .set({ ...values, updatedAt: new Date(), version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning({ id: cases.id });
  return rows.length > 0;
}

export async function endCreatorPending(tx: Tx, id: string): Promise<void> {
  await tx.update(cases).set({ creatorPending: false }).where(eq(cases.id, id));
}

/** Touches a case (new timeline entry, consent, referral) so lists sort by activity. */
export async function touchCase(tx: Tx, id: string): Promise<void> {
  await tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, id));
}

export async function findOrganisationBrief(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: organisations.id, name: organisations.name, countryCode: organisations.countryCode })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

export async function organisationExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  return !!row;
}

export async function findUserBrief(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: users.id, organisationId: users.organisationId, role: users.role, name: users.name })
    .from(users)
    .where(eq(users.id, id));
  return row;
}
