import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { publications } from '../library/schema.ts';
import { agreementMonitoring, agreements } from './schema.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementInsert = typeof agreements.$inferInsert;
export type MonitoringRow = typeof agreementMonitoring.$inferSelect;
export type MonitoringInsert = typeof agreementMonitoring.$inferInsert;

export interface AgreementFilter {
  /** A party, or the origin or destination of a corridor it governs. */
  country?: string;
  corridor?: string;
  provision?: string;
  status?: string;
  type?: string;
  publishedOnly?: boolean;
}

function conditions(f: AgreementFilter): SQL | undefined {
  return and(
    f.publishedOnly ? eq(agreements.published, true) : undefined,
    f.status ? eq(agreements.status, f.status as AgreementRow['status']) : undefined,
    f.type ? eq(agreements.typeCode, f.type as AgreementRow['typeCode']) : undefined,
    f.corridor ? sql`${agreements.corridors} @> array[${f.corridor}]::text[]` : undefined,
    f.provision
      ? sql`${agreements.provisions} @> ${JSON.stringify([{ code: f.provision }])}::jsonb`
      : undefined,
    f.country
      ? or(
          sql`${agreements.partyCountries} @> array[${f.country}]::text[]`,
          sql`exists (select 1 from unnest(${agreements.corridors}) as c
                where split_part(c, '-', 1) = ${f.country} or split_part(c, '-', 2) = ${f.country})`,
        )
      : undefined,
  );
}

/** Agreements by the filters, newest signature first (unsigned ones last), then title. */
export async function listAgreements(tx: Tx, f: AgreementFilter, limit: number) {
  return tx
    .select()
    .from(agreements)
    .where(conditions(f))
    .orderBy(sql`${agreements.signedOn} desc nulls last`, asc(agreements.title), asc(agreements.id))
    .limit(limit);
}

export async function findAgreement(tx: Tx, id: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, id));
  return row;
}

export async function findAgreementBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.slug, slug));
  return row;
}

/** Slugs starting with this base, to pick a free one. */
export async function slugsLike(tx: Tx, base: string) {
  const rows = await tx
    .select({ slug: agreements.slug })
    .from(agreements)
    .where(or(eq(agreements.slug, base), sql`${agreements.slug} like ${`${base}-%`}`));
  return new Set(rows.map((r) => r.slug));
}

export async function insertAgreement(tx: Tx, values: AgreementInsert) {
  const [row] = await tx.insert(agreements).values(values).returning();
  return row!;
}

export async function updateAgreementIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<AgreementInsert>,
) {
  const [row] = await tx
    .update(agreements)
    .set({ ...values, updatedAt: new Date(), version: sql`${agreements.version} + 1` })
    .where(and(eq(agreements.id, id), eq(agreements.version, version)))
    .returning();
  return row;
}

export async function deleteAgreementIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(agreements)
    .where(and(eq(agreements.id, id), eq(agreements.version, version)))
    .returning({ id: agreements.id });
  return rows.length > 0;
}

export async function monitoringOf(tx: Tx, agreementId: string) {
  return tx
    .select()
    .from(agreementMonitoring)
    .where(eq(agreementMonitoring.agreementId, agreementId))
    .orderBy(desc(agreementMonitoring.observedOn), desc(agreementMonitoring.createdAt));
}

export async function findMonitoring(tx: Tx, agreementId: string, id: string) {
  const [row] = await tx
    .select()
    .from(agreementMonitoring)
    .where(and(eq(agreementMonitoring.id, id), eq(agreementMonitoring.agreementId, agreementId)));
  return row;
}

export async function insertMonitoring(tx: Tx, values: MonitoringInsert) {
  const [row] = await tx.insert(agreementMonitoring).values(values).returning();
  return row!;
}

export async function updateMonitoringIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<MonitoringInsert>,
) {
  const [row] = await tx
    .update(agreementMonitoring)
    .set({ ...values, updatedAt: new Date(), version: sql`${agreementMonitoring.version} + 1` })
    .where(and(eq(agreementMonitoring.id, id), eq(agreementMonitoring.version, version)))
    .returning();
  return row;
}

export async function deleteMonitoringIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(agreementMonitoring)
    .where(and(eq(agreementMonitoring.id, id), eq(agreementMonitoring.version, version)))
    .returning({ id: agreementMonitoring.id });
  return rows.length > 0;
}

/** The library publications with these ids: id, title, whether public. */
export async function publicationsByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: publications.id, title: publications.title, isPublic: publications.isPublic })
    .from(publications)
    .where(inArray(publications.id, ids));
}

/** Published agreements' slugs, for the sitemap. */
export async function publishedSlugs(tx: Tx) {
  return tx
    .select({ slug: agreements.slug })
    .from(agreements)
    .where(eq(agreements.published, true))
    .orderBy(asc(agreements.slug));
}
