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
