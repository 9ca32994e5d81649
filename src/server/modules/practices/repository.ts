import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { practiceEvents, practiceOrganisations, practices } from './schema.ts';

export type PracticeRow = typeof practices.$inferSelect;
export type PracticeInsert = typeof practices.$inferInsert;

export interface PracticeListFilter {
  status?: string;
  /** Only these statuses, or records of this organisation in any status (what a member editor sees). */
  visibleTo?: { statuses: string[]; organisationId?: string };
  organisationId?: string;
  before?: { updatedAt: Date; id: string };
  limit: number;
}

export async function listPractices(tx: Tx, f: PracticeListFilter) {
  const visible = f.visibleTo
    ? or(
        inArray(practices.status, f.visibleTo.statuses as PracticeRow['status'][]),
        f.visibleTo.organisationId ? eq(practices.organisationId, f.visibleTo.organisationId) : undefined,
      )
    : undefined;
  return tx
    .select({
      id: practices.id,
      title: practices.title,
      status: practices.status,
      organisationId: practices.organisationId,
      organisationName: organisations.name,
      updatedAt: practices.updatedAt,
      version: practices.version,
    })
    .from(practices)
    .innerJoin(organisations, eq(organisations.id, practices.organisationId))
    .where(
      and(
        visible,
        f.status ? eq(practices.status, f.status as PracticeRow['status']) : undefined,
        f.organisationId ? eq(practices.organisationId, f.organisationId) : undefined,
        f.before
          ? or(
              lt(practices.updatedAt, f.before.updatedAt),
              and(eq(practices.updatedAt, f.before.updatedAt), lt(practices.id, f.before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(practices.updatedAt), desc(practices.id))
    .limit(f.limit);
}

export async function findPractice(tx: Tx, id: string) {
  const [row] = await tx.select().from(practices).where(eq(practices.id, id));
  return row;
}

/** Responsible organisations with their directory name and type, in order. */
export async function responsibleOf(tx: Tx, practiceId: string) {
  return tx
    .select({
      organisationId: practiceOrganisations.organisationId,
      typeCode: practiceOrganisations.typeCode,
      name: organisations.name,
      acronym: organisations.acronym,
      published: organisations.published,
    })
    .from(practiceOrganisations)
    .innerJoin(organisations, eq(organisations.id, practiceOrganisations.organisationId))
    .where(eq(practiceOrganisations.practiceId, practiceId))
    .orderBy(asc(practiceOrganisations.position));
}

export async function insertPractice(tx: Tx, values: PracticeInsert) {
  const [row] = await tx.insert(practices).values(values).returning();
  return row!;
}

export async function updatePracticeIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<PracticeInsert>,
) {
  const [row] = await tx
    .update(practices)
    .set({ ...values, updatedAt: new Date(), version: sql`${practices.version} + 1` })
    .where(and(eq(practices.id, id), eq(practices.version, version)))
    .returning();
  return row;
}

export async function replaceResponsible(
  tx: Tx,
  practiceId: string,
  rows: { organisationId: string; typeCode: string }[],
) {
  await tx.delete(practiceOrganisations).where(eq(practiceOrganisations.practiceId, practiceId));
  if (rows.length === 0) return;
  await tx.insert(practiceOrganisations).values(rows.map((r, position) => ({ ...r, practiceId, position })));
}

export async function deletePractice(tx: Tx, id: string) {
  await tx.delete(practices).where(eq(practices.id, id));
}

export async function insertEvent(tx: Tx, values: typeof practiceEvents.$inferInsert) {
  await tx.insert(practiceEvents).values(values);
}

export async function eventsOf(tx: Tx, practiceId: string) {
  return tx
    .select()
    .from(practiceEvents)
    .where(eq(practiceEvents.practiceId, practiceId))
    .orderBy(asc(practiceEvents.createdAt), asc(practiceEvents.id));
}

/** Which of these organisation ids exist in the directory. */
export async function existingOrganisations(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: organisations.id, typeCode: organisations.typeCode })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

/** Published practices, newest first, for the sitemap. */
export async function publishedPracticeIds(tx: Tx, limit: number) {
  return tx
    .select({ id: practices.id, updatedAt: practices.updatedAt })
    .from(practices)
    .where(eq(practices.status, 'published'))
    .orderBy(desc(practices.updatedAt))
    .limit(limit);
}
