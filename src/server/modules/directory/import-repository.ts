import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { type OrganisationInsert, searchTextOf } from './repository.ts';
import { directoryImports, organisations } from './schema.ts';

export type ImportRow = typeof directoryImports.$inferSelect;

const CHUNK = 1000;
const chunks = <T>(items: T[], size = CHUNK) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const existingColumns = {
  id: organisations.id,
  name: organisations.name,
  names: organisations.names,
  acronym: organisations.acronym,
  typeCode: organisations.typeCode,
  countryCode: organisations.countryCode,
  countries: organisations.countries,
  corridors: organisations.corridors,
  foundedYear: organisations.foundedYear,
  website: organisations.website,
  description: organisations.description,
  contactPoints: organisations.contactPoints,
  published: organisations.published,
  externalId: organisations.externalId,
};
export type ExistingOrganisation = Awaited<ReturnType<typeof findByExternalIds>>[number];

export async function findByExternalIds(tx: Tx, ids: string[]) {
  const out = [];
  for (const part of chunks(ids, 5000)) {
    out.push(
      ...(await tx
        .select(existingColumns)
        .from(organisations)
        .where(inArray(organisations.externalId, part))),
    );
  }
  return out;
}

export async function findByIds(tx: Tx, ids: string[]) {
  const out = [];
  for (const part of chunks(ids, 5000)) {
    out.push(
      ...(await tx
        .select(existingColumns)
        .from(organisations)
        .where(and(inArray(organisations.id, part), isNull(organisations.mergedIntoId)))),
    );
  }
  return out;
}

/** Candidates by lower-cased name (the caller compares countries): uses the lower(name) index. */
export async function findByNames(tx: Tx, names: string[]) {
  const out = [];
  for (const part of chunks(names, 5000)) {
    out.push(
      ...(await tx
        .select(existingColumns)
        .from(organisations)
        .where(and(sql`lower(${organisations.name}) in ${part}`, isNull(organisations.mergedIntoId)))),
    );
  }
  return out;
}

/** Inserts many organisations, a thousand rows per statement. */
export async function insertMany(tx: Tx, rows: OrganisationInsert[], onChunk?: (n: number) => void) {
  for (const part of chunks(rows)) {
    await tx.insert(organisations).values(part.map((r) => ({ ...r, searchText: searchTextOf(r) })));
    onChunk?.(part.length);
  }
}

/** Rewrites many organisations from a JSON record set, a thousand per statement; each gets a new version. */
export async function updateMany(
  tx: Tx,
  rows: (OrganisationInsert & { id: string })[],
  onChunk?: (n: number) => void,
) {
  for (const part of chunks(rows)) {
    const json = JSON.stringify(
      part.map((r) => ({
        id: r.id,
        name: r.name,
        names: r.names ?? {},
        acronym: r.acronym ?? null,
        type_code: r.typeCode ?? null,
        country_code: r.countryCode ?? null,
        countries: r.countries ?? [],
        corridors: r.corridors ?? [],
        founded_year: r.foundedYear ?? null,
        website: r.website ?? null,
        description: r.description ?? null,
        contact_points: r.contactPoints ?? [],
        published: r.published ?? false,
        external_id: r.externalId ?? null,
        search_text: searchTextOf(r),
      })),
    );
    await tx.execute(sql`
      update ${organisations} o set
        name = v.name, names = v.names, acronym = v.acronym, type_code = v.type_code, country_code = v.country_code,
        countries = v.countries, corridors = v.corridors, founded_year = v.founded_year, website = v.website,
        description = v.description, contact_points = v.contact_points, published = v.published,
        external_id = v.external_id, search_text = v.search_text, updated_at = now(), version = o.version + 1
      from jsonb_to_recordset(${json}::jsonb) as v(
        id uuid, name text, names jsonb, acronym text, type_code text, country_code text, countries text[],
        corridors text[], founded_year int, website text, description text, contact_points jsonb,
        published boolean, external_id text, search_text text)
      where o.id = v.id`);
    onChunk?.(part.length);
  }
}

export async function insertImport(tx: Tx, values: typeof directoryImports.$inferInsert) {
  const [row] = await tx.insert(directoryImports).values(values).returning({ id: directoryImports.id });
  return row!.id;
}

export async function findImport(tx: Tx, id: string) {
  const [row] = await tx.select().from(directoryImports).where(eq(directoryImports.id, id));
  return row;
}

export async function findImportSummary(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: directoryImports.id,
      entity: directoryImports.entity,
      status: directoryImports.status,
      fileName: directoryImports.fileName,
      options: directoryImports.options,
      summary: directoryImports.summary,
      createdBy: directoryImports.createdBy,
      createdAt: directoryImports.createdAt,
      committedAt: directoryImports.committedAt,
      version: directoryImports.version,
    })
    .from(directoryImports)
    .where(eq(directoryImports.id, id));
  return row;
}

export async function markImport(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof directoryImports.$inferInsert>,
) {
  const rows = await tx
    .update(directoryImports)
    .set({ ...values, version: sql`${directoryImports.version} + 1` })
    .where(and(eq(directoryImports.id, id), eq(directoryImports.version, version)))
    .returning({ id: directoryImports.id });
  return rows.length > 0;
}
