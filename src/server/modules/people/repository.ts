import { and, asc, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { membershipActiveOn } from '../directory/repository.ts';
import { memberships } from '../directory/schema.ts';
import { people } from './schema.ts';

export type PersonRow = Omit<typeof people.$inferSelect, 'searchText'>;
export type PersonInsert = typeof people.$inferInsert;

export interface PeopleFilter {
  q?: string;
  countries?: string[];
  organisationId?: string;
  roleCodes?: string[];
  activeOn?: string;
  consentOnly?: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const { searchText: _s, ...columns } = getTableColumns(people);

export function personSearchText(p: { name: string; sortName?: string | null }) {
  return [p.name, p.sortName ?? ''].join(' ').toLowerCase();
}

function peopleWhere(f: PeopleFilter): SQL | undefined {
  const q = f.q?.trim().toLowerCase();
  const viaMembership = f.organisationId || f.roleCodes?.length || f.activeOn;
  return and(
    isNull(people.mergedIntoId),
    q ? sql`${people.searchText} like ${`%${escapeLike(q)}%`}` : undefined,
    f.countries ? (f.countries.length ? inArray(people.countryCode, f.countries) : sql`false`) : undefined,
    f.consentOnly ? eq(people.publicConsent, true) : undefined,
    viaMembership
      ? sql`exists (select 1 from ${memberships} m where m.person_id = ${people.id}
          ${f.organisationId ? sql`and m.parent_id = ${f.organisationId}` : sql``}
          ${f.roleCodes?.length ? sql`and m.role_code in ${f.roleCodes}` : sql``}
          ${f.activeOn ? sql`and ${membershipActiveOn(f.activeOn)}` : sql``})`
      : undefined,
  );
}

export async function listPeople(tx: Tx, f: PeopleFilter, page: { offset: number; limit: number }) {
  return tx
    .select(columns)
    .from(people)
    .where(peopleWhere(f))
    .orderBy(asc(sql`lower(coalesce(${people.sortName}, ${people.name}))`), asc(people.id))
    .offset(page.offset)
    .limit(page.limit);
}

export async function countPeople(tx: Tx, f: PeopleFilter) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(people).where(peopleWhere(f));
  return row?.n ?? 0;
}

export async function findPerson(tx: Tx, id: string) {
  const [row] = await tx.select(columns).from(people).where(eq(people.id, id));
  return row;
}

/** The organisations a person holds memberships in (for the "own organisation" rule). */
export async function organisationIdsOf(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: memberships.parentId })
    .from(memberships)
    .where(eq(memberships.personId, personId));
  return [...new Set(rows.map((r) => r.id))];
}

/** People holding a membership in an organisation. */
export async function peopleOfOrganisation(tx: Tx, organisationId: string) {
  return tx
    .selectDistinct({ id: people.id, name: people.name, publicConsent: people.publicConsent })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(eq(memberships.parentId, organisationId), isNull(people.mergedIntoId)));
}

export async function insertPerson(tx: Tx, values: PersonInsert) {
  const [row] = await tx
    .insert(people)
    .values({ ...values, searchText: personSearchText(values) })
    .returning({ id: people.id });
  return row!.id;
}

export async function updatePersonIfVersion(tx: Tx, id: string, version: number, values: PersonInsert) {
  const rows = await tx
    .update(people)
    .set({
      ...values,
      searchText: personSearchText(values),
      updatedAt: new Date(),
      version: sql`${people.version} + 1`,
    })
    .where(and(eq(people.id, id), eq(people.version, version), isNull(people.mergedIntoId)))
    .returning({ id: people.id });
  return rows.length > 0;
}

export async function findPeopleByIds(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select(columns)
    .from(people)
    .where(or(inArray(people.id, ids)));
}

const CHUNK = 1000;
const chunksOf = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Inserts many people, a thousand rows per statement (an import of 100k is a hundred round trips). */
export async function insertPeople(tx: Tx, rows: PersonInsert[], onChunk?: (n: number) => void) {
  for (const part of chunksOf(rows)) {
    await tx.insert(people).values(part.map((r) => ({ ...r, searchText: personSearchText(r) })));
    onChunk?.(part.length);
  }
}

/**
 * Rewrites many people from a JSON record set, a thousand per statement, each only if it still has
 * the version it was read with (and is not merged): the same rule as `updatePersonIfVersion`.
 * Answers false as soon as a statement updated fewer people than it was given, so the caller can
 * roll back the whole import.
 */
export async function updatePeopleIfVersion(
  tx: Tx,
  rows: (PersonInsert & { id: string; version: number })[],
  onChunk?: (n: number) => void,
): Promise<boolean> {
  for (const part of chunksOf(rows)) {
    const json = JSON.stringify(
      part.map((r) => ({
        id: r.id,
        version: r.version,
        name: r.name,
        sort_name: r.sortName ?? null,
        honorific_prefix: r.honorificPrefix ?? null,
        summary: r.summary ?? null,
        country_code: r.countryCode ?? null,
        languages: r.languages ?? [],
        email: r.email ?? null,
        phone: r.phone ?? null,
        contact_details: r.contactDetails ?? [],
        public_consent: r.publicConsent ?? false,
        consent_recorded_at: r.consentRecordedAt ?? null,
        external_id: r.externalId ?? null,
        search_text: personSearchText(r),
      })),
    );
    const result = await tx.execute(sql`
      update ${people} p set
        name = v.name, sort_name = v.sort_name, honorific_prefix = v.honorific_prefix, summary = v.summary,
        country_code = v.country_code, languages = v.languages, email = v.email, phone = v.phone,
        contact_details = v.contact_details, public_consent = v.public_consent,
        consent_recorded_at = v.consent_recorded_at, external_id = v.external_id, search_text = v.search_text,
        updated_at = now(), version = p.version + 1
      from jsonb_to_recordset(${json}::jsonb) as v(
        id uuid, version int, name text, sort_name text, honorific_prefix text, summary text, country_code text,
        languages text[], email text, phone text, contact_details jsonb, public_consent boolean,
        consent_recorded_at timestamptz, external_id text, search_text text)
      where p.id = v.id and p.version = v.version and p.merged_into_id is null`);
    if (((result as { rowCount?: number | null }).rowCount ?? 0) < part.length) return false;
    onChunk?.(part.length);
  }
  return true;
}
