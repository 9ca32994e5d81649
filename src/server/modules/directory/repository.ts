import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { safeWebsearch } from '../../db/websearch.ts';
import { people } from '../people/schema.ts';
import { memberships, organisations } from './schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationInsert = typeof organisations.$inferInsert;

export type OrganisationSort =
  | 'name'
  | '-name'
  | 'updated'
  | '-updated'
  | 'founded'
  | '-founded'
  | 'relevance';

/** A list filter after the service resolved vocabulary branches and groupings into plain codes. */
export interface OrganisationFilter {
  q?: string;
  typeCodes?: string[];
  /** Headquartered or active in any of these countries. */
  countries?: string[];
  corridor?: string;
  networkId?: string;
  roleCodes?: string[];
  activeOn?: string;
  published?: boolean;
  ids?: string[];
}

/** Every column a list shows (not the search text). */
const { searchText: _searchText, ...listColumns } = getTableColumns(organisations);

export { listColumns };

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The text the trigram index searches: every name and the acronym, lower-cased. */
export function searchTextOf(o: {
  name: string;
  acronym?: string | null;
  names?: Record<string, string> | null;
}): string {
  return [o.name, o.acronym ?? '', ...Object.values(o.names ?? {})].join(' ').toLowerCase().slice(0, 4000);
}

/** A partial date ('2011', '2011-05') as the last day it covers, for "active on" comparisons. */
const endOf = (column: SQL | typeof memberships.endDate) =>
  sql`(case length(${column}) when 4 then ${column} || '-12-31' when 7 then ${column} || '-31' else ${column} end)`;

/**
 * Membership `m` held on a day: started by then and not yet ended. Dates may be partial (YYYY or
 * YYYY-MM); a partial end date counts to the last day it names, so "2020-03" ends on 31 March.
 */
export const membershipActiveOn = (day: string) =>
  sql`(m.start_date is null or m.start_date <= ${day}) and (m.end_date is null or ${endOf(sql`m.end_date`)} >= ${day})`;

function membershipCondition(f: OrganisationFilter): SQL | undefined {
  if (!f.networkId && !f.roleCodes?.length && !f.activeOn) return undefined;
  return sql`exists (select 1 from ${memberships} m where m.organisation_id = ${organisations.id}
    ${f.networkId ? sql`and m.parent_id = ${f.networkId}` : sql``}
    ${f.roleCodes?.length ? sql`and m.role_code in ${f.roleCodes}` : sql``}
    ${f.activeOn ? sql`and ${membershipActiveOn(f.activeOn)}` : sql``})`;
}

export function organisationWhere(f: OrganisationFilter): SQL | undefined {
  const q = f.q?.trim().toLowerCase();
  return and(
    isNull(organisations.mergedIntoId),
    q
      ? or(
          sql`${organisations.searchText} like ${`%${escapeLike(q)}%`}`,
          sql`to_tsvector('simple', coalesce(${organisations.description}, '')) @@ websearch_to_tsquery('simple', ${safeWebsearch(q)})`,
        )
      : undefined,
    f.typeCodes
      ? f.typeCodes.length
        ? inArray(organisations.typeCode, f.typeCodes)
        : sql`false`
      : undefined,
    f.countries
      ? f.countries.length
        ? or(
            inArray(organisations.countryCode, f.countries),
            sql`${organisations.countries} && ${sql.param(f.countries)}::text[]`,
          )
        : sql`false`
      : undefined,
    f.corridor ? sql`${organisations.corridors} @> ${sql.param([f.corridor])}::text[]` : undefined,
    f.published === undefined ? undefined : eq(organisations.published, f.published),
    f.ids ? (f.ids.length ? inArray(organisations.id, f.ids) : sql`false`) : undefined,
    membershipCondition(f),
  );
}

function orderOf(sort: OrganisationSort, q?: string): SQL[] {
  switch (sort) {
    case '-name':
      return [desc(sql`lower(${organisations.name})`), desc(organisations.id)];
    case 'updated':
      return [asc(organisations.updatedAt), asc(organisations.id)];
    case '-updated':
      return [desc(organisations.updatedAt), desc(organisations.id)];
    case 'founded':
      return [sql`${organisations.foundedYear} asc nulls last`, asc(organisations.id)];
    case '-founded':
      return [sql`${organisations.foundedYear} desc nulls last`, asc(organisations.id)];
    case 'relevance':
      if (q)
        return [
          desc(sql`similarity(${organisations.searchText}, ${q.toLowerCase()})`),
          asc(sql`lower(${organisations.name})`),
          asc(organisations.id),
        ];
      return [asc(sql`lower(${organisations.name})`), asc(organisations.id)];
    default:
      return [asc(sql`lower(${organisations.name})`), asc(organisations.id)];
  }
}

/**
 * The matches counted up to `cap` (+1), as an expression: past the cap a list says "more than"
 * rather than scanning every row. Its "organisations" is its own FROM item, so the filter's column
 * names bind to it.
 */
const cappedCount = (f: OrganisationFilter, cap: number) =>
  sql<number>`(select count(*)::int from (select 1 from ${organisations} where ${organisationWhere(f) ?? sql`true`} limit ${cap + 1}) counted)`;

type Page = { sort: OrganisationSort; offset: number; limit: number };

/** One page of organisations matching the filter, in the chosen order. */
export async function listOrganisations(tx: Tx, f: OrganisationFilter, page: Page) {
  return tx
    .select(listColumns)
    .from(organisations)
    .where(organisationWhere(f))
    .orderBy(...orderOf(page.sort, f.q))
    .offset(page.offset)
    .limit(page.limit);
}

/**
 * The same page, each row also carrying `total` (`cappedCount`, an InitPlan PostgreSQL runs once),
 * so a first page costs one round trip, not two.
 */
export async function listOrganisationsCounted(tx: Tx, f: OrganisationFilter, page: Page, cap: number) {
  return tx
    .select({ ...listColumns, total: cappedCount(f, cap) })
    .from(organisations)
    .where(organisationWhere(f))
    .orderBy(...orderOf(page.sort, f.q))
    .offset(page.offset)
    .limit(page.limit);
}

/** Counts matches up to `cap` (+1), on its own (a page past the end of an older cursor). */
export async function countOrganisations(tx: Tx, f: OrganisationFilter, cap = 10_000): Promise<number> {
  const result = await tx.execute(sql`select ${cappedCount(f, cap)} as n`);
  return (result.rows[0] as { n: number } | undefined)?.n ?? 0;
}

/** How many matching organisations are headquartered or active in each country, for the map. */
export async function countByCountry(tx: Tx, f: OrganisationFilter) {
  const result = await tx.execute(sql`
    select c as country, count(distinct id)::int as n from (
      select ${organisations.id} as id, unnest(array_append(${organisations.countries}, ${organisations.countryCode})) as c
      from ${organisations} where ${organisationWhere(f)}
    ) x where c is not null group by c order by c`);
  return result.rows as { country: string; n: number }[];
}

export async function findOrganisation(tx: Tx, id: string) {
  const [row] = await tx.select(listColumns).from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function insertOrganisation(tx: Tx, values: OrganisationInsert) {
  const [row] = await tx
    .insert(organisations)
    .values({ ...values, searchText: searchTextOf(values) })
    .returning({ id: organisations.id });
  return row!.id;
}

/** Writes the whole editable record if nobody changed it since `version`; false when stale. */
export async function updateOrganisationIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: OrganisationInsert,
) {
  const rows = await tx
    .update(organisations)
    .set({
      ...values,
      searchText: searchTextOf(values),
      updatedAt: new Date(),
      version: sql`${organisations.version} + 1`,
    })
    .where(
      and(eq(organisations.id, id), eq(organisations.version, version), isNull(organisations.mergedIntoId)),
    )
    .returning({ id: organisations.id });
  return rows.length > 0;
}

export async function markMerged(tx: Tx, id: string, version: number, intoId: string) {
  const rows = await tx
    .update(organisations)
    .set({
      mergedIntoId: intoId,
      published: false,
      updatedAt: new Date(),
      version: sql`${organisations.version} + 1`,
    })
    .where(
      and(eq(organisations.id, id), eq(organisations.version, version), isNull(organisations.mergedIntoId)),
    )
    .returning({ id: organisations.id });
  return rows.length > 0;
}

// ---- memberships ----

export type MembershipRow = typeof memberships.$inferSelect;

const membershipColumns = {
  ...getTableColumns(memberships),
  memberName: sql<string | null>`coalesce(mo.name, mp.name)`,
  parentName: sql<string>`po.name`,
  parentTypeCode: sql<string | null>`po.type_code`,
};

function membershipsQuery(tx: Tx) {
  return tx
    .select(membershipColumns)
    .from(memberships)
    .leftJoin(sql`${organisations} mo`, sql`mo.id = ${memberships.organisationId}`)
    .leftJoin(sql`${people} mp`, sql`mp.id = ${memberships.personId}`)
    .innerJoin(sql`${organisations} po`, sql`po.id = ${memberships.parentId}`);
}

/** Memberships an organisation holds and those held in it (its members), oldest first. */
export async function membershipsAround(tx: Tx, organisationId: string) {
  return membershipsQuery(tx)
    .where(or(eq(memberships.organisationId, organisationId), eq(memberships.parentId, organisationId)))
    .orderBy(asc(memberships.startDate), asc(memberships.createdAt));
}

export async function membershipsOfPeople(tx: Tx, personIds: string[]) {
  if (personIds.length === 0) return [];
  return membershipsQuery(tx)
    .where(inArray(memberships.personId, personIds))
    .orderBy(asc(memberships.startDate));
}

export async function membershipsOfOrganisations(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return membershipsQuery(tx).where(
    or(inArray(memberships.organisationId, ids), inArray(memberships.parentId, ids)),
  );
}

export async function findMembership(tx: Tx, id: string) {
  const [row] = await tx.select().from(memberships).where(eq(memberships.id, id));
  return row;
}

export async function insertMembership(tx: Tx, values: typeof memberships.$inferInsert) {
  const [row] = await tx.insert(memberships).values(values).returning();
  return row!;
}

export async function updateMembershipIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof memberships.$inferInsert>,
) {
  const [row] = await tx
    .update(memberships)
    .set({ ...values, updatedAt: new Date(), version: sql`${memberships.version} + 1` })
    .where(and(eq(memberships.id, id), eq(memberships.version, version)))
    .returning();
  return row;
}

export async function deleteMembershipIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(memberships)
    .where(and(eq(memberships.id, id), eq(memberships.version, version)))
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** Moves every membership from one organisation to another (as member and as parent), for a merge. */
export async function moveMemberships(tx: Tx, fromId: string, toId: string) {
  await tx
    .update(memberships)
    .set({ organisationId: toId, updatedAt: new Date() })
    .where(eq(memberships.organisationId, fromId));
  await tx
    .update(memberships)
    .set({ parentId: toId, updatedAt: new Date() })
    .where(eq(memberships.parentId, fromId));
  // A merge must not leave an organisation a member of itself, nor the same membership twice.
  await tx
    .delete(memberships)
    .where(and(eq(memberships.organisationId, toId), eq(memberships.parentId, toId)));
  await tx.execute(sql`
    delete from ${memberships} a using ${memberships} b
    where a.id > b.id and a.parent_id = b.parent_id and a.role_code = b.role_code
      and a.organisation_id is not distinct from b.organisation_id and a.person_id is not distinct from b.person_id
      and a.start_date is not distinct from b.start_date and a.end_date is not distinct from b.end_date
      and (a.parent_id = ${toId} or a.organisation_id = ${toId})`);
}

/** Published, unmerged organisations with when they changed: the directory's sitemap entries. */
export async function publishedOrganisationStamps(tx: Tx, limit: number) {
  return tx
    .select({ id: organisations.id, updatedAt: organisations.updatedAt })
    .from(organisations)
    .where(and(eq(organisations.published, true), isNull(organisations.mergedIntoId)))
    .orderBy(asc(organisations.name))
    .limit(limit);
}
