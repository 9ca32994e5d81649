import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { people } from '../people/schema.ts';
import { programmeOrganisations, programmes } from '../programmes/schema.ts';
import { internshipApplications, internshipOpportunities, internshipPlacements } from './schema.ts';

export type OpportunityRow = typeof internshipOpportunities.$inferSelect;
export type OpportunityInsert = typeof internshipOpportunities.$inferInsert;
export type ApplicationRow = typeof internshipApplications.$inferSelect;
export type ApplicationInsert = typeof internshipApplications.$inferInsert;
export type PlacementRow = typeof internshipPlacements.$inferSelect;
export type PlacementInsert = typeof internshipPlacements.$inferInsert;

// ——— opportunities ———

export async function listOpportunities(tx: Tx, f: { organisationId?: string; openOnly?: boolean }) {
  return tx
    .select({
      opportunity: internshipOpportunities,
      organisationName: organisations.name,
      programmeName: programmes.name,
    })
    .from(internshipOpportunities)
    .innerJoin(organisations, eq(organisations.id, internshipOpportunities.organisationId))
    .leftJoin(programmes, eq(programmes.id, internshipOpportunities.programmeId))
    .where(
      and(
        f.organisationId ? eq(internshipOpportunities.organisationId, f.organisationId) : undefined,
        f.openOnly ? eq(internshipOpportunities.open, true) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(internshipOpportunities.title));
}

export async function findOpportunity(tx: Tx, id: string) {
  const [row] = await tx.select().from(internshipOpportunities).where(eq(internshipOpportunities.id, id));
  return row;
}

export async function insertOpportunity(tx: Tx, values: OpportunityInsert) {
  const [row] = await tx.insert(internshipOpportunities).values(values).returning();
  return row!;
}

export async function updateOpportunityIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<OpportunityInsert>,
) {
  const [row] = await tx
    .update(internshipOpportunities)
    .set({ ...values, updatedAt: new Date(), version: sql`${internshipOpportunities.version} + 1` })
    .where(and(eq(internshipOpportunities.id, id), eq(internshipOpportunities.version, version)))
    .returning();
  return row;
}

export async function deleteOpportunityIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(internshipOpportunities)
    .where(and(eq(internshipOpportunities.id, id), eq(internshipOpportunities.version, version)))
    .returning({ id: internshipOpportunities.id });
  return rows.length > 0;
}

export async function applicationCountOf(tx: Tx, opportunityId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(internshipApplications)
    .where(eq(internshipApplications.opportunityId, opportunityId));
  return Number(row?.n ?? 0);
}

// ——— applications ———

export async function listApplications(tx: Tx, f: { organisationId?: string; status?: string }) {
  return tx
    .select({
      id: internshipApplications.id,
      name: internshipApplications.name,
      status: internshipApplications.status,
      opportunityId: internshipApplications.opportunityId,
      opportunityTitle: internshipOpportunities.title,
      organisationId: internshipApplications.organisationId,
      createdAt: internshipApplications.createdAt,
      version: internshipApplications.version,
    })
    .from(internshipApplications)
    .innerJoin(internshipOpportunities, eq(internshipOpportunities.id, internshipApplications.opportunityId))
    .where(
      and(
        f.organisationId ? eq(internshipApplications.organisationId, f.organisationId) : undefined,
        f.status ? eq(internshipApplications.status, f.status as ApplicationRow['status']) : undefined,
      ),
    )
    .orderBy(desc(internshipApplications.createdAt), desc(internshipApplications.id))
    .limit(500);
}

export async function findApplication(tx: Tx, id: string) {
  const [row] = await tx.select().from(internshipApplications).where(eq(internshipApplications.id, id));
  return row;
}

export async function insertApplication(tx: Tx, values: ApplicationInsert) {
  const [row] = await tx
    .insert(internshipApplications)
    .values(values)
    .returning({ id: internshipApplications.id });
  return row!.id;
}

export async function updateApplicationIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<ApplicationInsert>,
) {
  const [row] = await tx
    .update(internshipApplications)
    .set({ ...values, updatedAt: new Date(), version: sql`${internshipApplications.version} + 1` })
    .where(and(eq(internshipApplications.id, id), eq(internshipApplications.version, version)))
    .returning();
  return row;
}

export async function deleteApplicationIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(internshipApplications)
    .where(and(eq(internshipApplications.id, id), eq(internshipApplications.version, version)))
    .returning({ id: internshipApplications.id });
  return rows.length > 0;
}

// ——— placements ———

export async function placementOfApplication(tx: Tx, applicationId: string) {
  const [row] = await tx
    .select()
    .from(internshipPlacements)
    .where(eq(internshipPlacements.applicationId, applicationId));
  return row;
}

export async function findPlacement(tx: Tx, id: string) {
  const [row] = await tx.select().from(internshipPlacements).where(eq(internshipPlacements.id, id));
  return row;
}

export async function insertPlacement(tx: Tx, values: PlacementInsert) {
  const [row] = await tx.insert(internshipPlacements).values(values).returning();
  return row!;
}

export async function updatePlacementIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<PlacementInsert>,
) {
  const [row] = await tx
    .update(internshipPlacements)
    .set({ ...values, version: sql`${internshipPlacements.version} + 1` })
    .where(and(eq(internshipPlacements.id, id), eq(internshipPlacements.version, version)))
    .returning();
  return row;
}

export async function deletePlacementIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(internshipPlacements)
    .where(and(eq(internshipPlacements.id, id), eq(internshipPlacements.version, version)))
    .returning({ id: internshipPlacements.id });
  return rows.length > 0;
}

export async function listPlacements(tx: Tx, organisationId?: string) {
  return tx
    .select()
    .from(internshipPlacements)
    .where(organisationId ? eq(internshipPlacements.organisationId, organisationId) : undefined)
    .orderBy(desc(internshipPlacements.startsOn))
    .limit(500);
}

// ——— directory look-ups ———

/** People of the directory who may be the applicant: the same email, or the same name. */
export async function possibleMatches(tx: Tx, name: string, email: string) {
  return tx
    .select({ id: people.id, name: people.name, email: people.email, countryCode: people.countryCode })
    .from(people)
    .where(
      and(
        isNull(people.mergedIntoId),
        or(
          sql`lower(${people.email}) = ${email.toLowerCase()}`,
          ilike(
            people.name,
            name.replace(/[\\%_]/g, (c) => `\\${c}`),
          ),
        ),
      ),
    )
    .limit(20);
}

export async function existingPeople(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(inArray(people.id, ids), isNull(people.mergedIntoId)));
}

export async function existingOrganisation(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.mergedIntoId)));
  return row;
}

export async function existingProgramme(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(eq(programmes.id, id));
  return row;
}

export async function namesOfPeople(tx: Tx, ids: string[]) {
  return new Map((await existingPeople(tx, ids)).map((p) => [p.id, p.name]));
}

/**
 * Programmes to choose from for an opportunity or a placement: id, name and the organisations
 * running it (a programme may be run by several; none for one not yet assigned).
 */
export async function programmeChoices(tx: Tx) {
  return tx
    .select({
      id: programmes.id,
      name: programmes.name,
      organisationName: sql<string>`coalesce(string_agg(${organisations.name}, ', ' order by ${programmeOrganisations.position}), '')`,
    })
    .from(programmes)
    .leftJoin(
      programmeOrganisations,
      and(eq(programmeOrganisations.programmeId, programmes.id), eq(programmeOrganisations.role, 'runs')),
    )
    .leftJoin(organisations, eq(organisations.id, programmeOrganisations.organisationId))
    .groupBy(programmes.id, programmes.name)
    .orderBy(asc(programmes.name));
}
