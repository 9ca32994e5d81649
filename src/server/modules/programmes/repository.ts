import { and, arrayOverlaps, asc, desc, eq, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { publications } from '../library/schema.ts';
import { people } from '../people/schema.ts';
import { practices } from '../practices/schema.ts';
import {
  type ProgrammeOrganisationRole,
  programmeIndicators,
  programmeIndicatorValues,
  programmeOrganisations,
  programmePeople,
  programmes,
} from './schema.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgrammeInsert = typeof programmes.$inferInsert;

export interface ProgrammeListFilter {
  q?: string;
  status?: string;
  statuses?: string[];
  country?: string;
  theme?: string;
  targetGroup?: string;
  organisationId?: string;
  before?: { updatedAt: Date; id: string };
  limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listProgrammes(tx: Tx, f: ProgrammeListFilter) {
  const q = f.q?.trim();
  return tx
    .select()
    .from(programmes)
    .where(
      and(
        f.statuses ? inArray(programmes.status, f.statuses as ProgrammeRow['status'][]) : undefined,
        f.status ? eq(programmes.status, f.status as ProgrammeRow['status']) : undefined,
        f.country ? arrayOverlaps(programmes.countries, [f.country]) : undefined,
        f.theme ? arrayOverlaps(programmes.themes, [f.theme]) : undefined,
        f.targetGroup ? arrayOverlaps(programmes.targetGroups, [f.targetGroup]) : undefined,
        f.organisationId
          ? sql`exists (select 1 from programme_organisations po where po.programme_id = ${programmes.id} and po.organisation_id = ${f.organisationId})`
          : undefined,
        q
          ? or(
              ilike(programmes.name, `%${escapeLike(q)}%`),
              sql`${programmes.names}::text ilike ${`%${escapeLike(q)}%`}`,
            )
          : undefined,
        f.before
          ? or(
              lt(programmes.updatedAt, f.before.updatedAt),
              and(eq(programmes.updatedAt, f.before.updatedAt), lt(programmes.id, f.before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(programmes.updatedAt), desc(programmes.id))
    .limit(f.limit);
}

/** Published programmes by name, for the public list and the sitemap. */
export async function publishedProgrammes(tx: Tx, limit = 1000) {
  return tx
    .select()
    .from(programmes)
    .where(eq(programmes.status, 'published'))
    .orderBy(asc(programmes.name))
    .limit(limit);
}

export async function findProgramme(tx: Tx, id: string) {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

export async function findProgrammeBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select().from(programmes).where(eq(programmes.slug, slug));
  return row;
}

/** Whether a programme with this id exists (the library checks the programme a publication names). */
export async function programmeExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id));
  return Boolean(row);
}

/** Programmes for a picker: id and name, by name. */
export async function programmeChoices(tx: Tx) {
  return tx
    .select({ id: programmes.id, name: programmes.name, names: programmes.names, status: programmes.status })
    .from(programmes)
    .orderBy(asc(programmes.name))
    .limit(1000);
}

export async function insertProgramme(tx: Tx, values: ProgrammeInsert) {
  const [row] = await tx.insert(programmes).values(values).returning();
  return row!;
}

export async function updateProgrammeIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<ProgrammeInsert>,
) {
  const [row] = await tx
    .update(programmes)
    .set({ ...values, updatedAt: new Date(), version: sql`${programmes.version} + 1` })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning();
  return row;
}

export async function deleteProgramme(tx: Tx, id: string) {
  await tx.delete(programmes).where(eq(programmes.id, id));
}

export async function slugTaken(tx: Tx, slug: string, exceptId?: string) {
  const [row] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, slug));
  return Boolean(row && row.id !== exceptId);
}

// ── organisations of a programme ───────────────────────────────────────────

export async function organisationsOf(tx: Tx, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  return tx
    .select({
      programmeId: programmeOrganisations.programmeId,
      organisationId: programmeOrganisations.organisationId,
      role: programmeOrganisations.role,
      name: organisations.name,
      acronym: organisations.acronym,
      published: organisations.published,
    })
    .from(programmeOrganisations)
    .innerJoin(organisations, eq(organisations.id, programmeOrganisations.organisationId))
    .where(inArray(programmeOrganisations.programmeId, programmeIds))
    .orderBy(asc(programmeOrganisations.position), asc(organisations.name));
}

export async function replaceOrganisations(
  tx: Tx,
  programmeId: string,
  role: ProgrammeOrganisationRole,
  organisationIds: string[],
) {
  await tx
    .delete(programmeOrganisations)
    .where(and(eq(programmeOrganisations.programmeId, programmeId), eq(programmeOrganisations.role, role)));
  if (organisationIds.length === 0) return;
  await tx
    .insert(programmeOrganisations)
    .values(
      organisationIds.map((organisationId, position) => ({ programmeId, organisationId, role, position })),
    );
}

export async function existingOrganisationIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Set(rows.map((r) => r.id));
}

// ── people of a programme ──────────────────────────────────────────────────

export type ProgrammePersonInsert = Omit<typeof programmePeople.$inferInsert, 'programmeId' | 'position'>;

export async function peopleOf(tx: Tx, programmeId: string) {
  return tx
    .select({
      personId: programmePeople.personId,
      role: programmePeople.role,
      countryCode: programmePeople.countryCode,
      label: programmePeople.label,
      startDate: programmePeople.startDate,
      endDate: programmePeople.endDate,
      name: people.name,
      publicConsent: people.publicConsent,
    })
    .from(programmePeople)
    .innerJoin(people, eq(people.id, programmePeople.personId))
    .where(eq(programmePeople.programmeId, programmeId))
    .orderBy(asc(programmePeople.position));
}

export async function replacePeople(tx: Tx, programmeId: string, rows: ProgrammePersonInsert[]) {
  await tx.delete(programmePeople).where(eq(programmePeople.programmeId, programmeId));
  if (rows.length === 0) return;
  await tx.insert(programmePeople).values(rows.map((r, position) => ({ ...r, programmeId, position })));
}

export async function existingPersonIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx.select({ id: people.id }).from(people).where(inArray(people.id, ids));
  return new Set(rows.map((r) => r.id));
}

// ── reach indicators ───────────────────────────────────────────────────────

export interface IndicatorWrite {
  label: string;
  labels: Record<string, string>;
  source: (typeof programmeIndicators.$inferInsert)['source'];
  values: { year: number; value: number }[];
}

export async function indicatorsOf(tx: Tx, programmeId: string) {
  const indicators = await tx
    .select()
    .from(programmeIndicators)
    .where(eq(programmeIndicators.programmeId, programmeId))
    .orderBy(asc(programmeIndicators.position));
  if (indicators.length === 0) return [];
  const values = await tx
    .select()
    .from(programmeIndicatorValues)
    .where(
      inArray(
        programmeIndicatorValues.indicatorId,
        indicators.map((i) => i.id),
      ),
    )
    .orderBy(asc(programmeIndicatorValues.year));
  return indicators.map((i) => ({
    ...i,
    values: values.filter((v) => v.indicatorId === i.id).map((v) => ({ year: v.year, value: v.value })),
  }));
}

export async function replaceIndicators(tx: Tx, programmeId: string, rows: IndicatorWrite[]) {
  await tx.delete(programmeIndicators).where(eq(programmeIndicators.programmeId, programmeId));
  for (const [position, r] of rows.entries()) {
    const [indicator] = await tx
      .insert(programmeIndicators)
      .values({ programmeId, label: r.label, labels: r.labels, source: r.source, position })
      .returning({ id: programmeIndicators.id });
    if (r.source === 'manual' && r.values.length)
      await tx
        .insert(programmeIndicatorValues)
        .values(r.values.map((v) => ({ indicatorId: indicator!.id, year: v.year, value: v.value })));
  }
}

// ── linked work ────────────────────────────────────────────────────────────

/** Publications of the library that name this programme (public ones only when asked). */
export async function publicationsOfProgramme(tx: Tx, programmeId: string, publicOnly: boolean) {
  return tx
    .select({ id: publications.id, title: publications.title, isPublic: publications.isPublic })
    .from(publications)
    .where(
      and(
        eq(publications.programmeId, programmeId),
        publicOnly ? eq(publications.isPublic, true) : undefined,
      ),
    )
    .orderBy(desc(publications.createdAt))
    .limit(200);
}

/** Good practices documented by a publication of this programme (published ones only when asked). */
export async function practicesOfProgramme(tx: Tx, programmeId: string, publishedOnly: boolean) {
  return tx
    .select({ id: practices.id, title: practices.title, status: practices.status })
    .from(practices)
    .where(
      and(
        sql`${practices.documentIds} && array(select p.id from publications p where p.programme_id = ${programmeId})`,
        publishedOnly ? eq(practices.status, 'published') : undefined,
      ),
    )
    .orderBy(asc(practices.title))
    .limit(200);
}

/** How many publications name the programme: a programme with publications is archived, not deleted. */
export async function publicationCount(tx: Tx, programmeId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(publications)
    .where(eq(publications.programmeId, programmeId));
  return row?.n ?? 0;
}

/**
 * People reached by the programme's events, per year of the event: distinct participants with at
 * least one attendance recorded (invited or registered people who never came do not count).
 */
export async function eventAttendeesByYear(tx: Tx, programmeId: string) {
  const result = await tx.execute(sql`
    select extract(year from e.starts_at)::int as year, count(distinct p.id)::int as value
    from event_participants p
    join events e on e.id = p.event_id
    where e.programme_id = ${programmeId}
      and exists (select 1 from event_attendance a where a.participant_id = p.id)
    group by 1 order by 1`);
  return (result as unknown as { rows: { year: number; value: number }[] }).rows;
}
