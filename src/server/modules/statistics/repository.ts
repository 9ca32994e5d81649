import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Tx as Db } from '../../db/client.ts';
import type { ParsedObservation } from './formats/parsed.ts';
import {
  statisticsDatasets,
  statisticsImports,
  statisticsIndicators,
  statisticsObservations,
} from './schema.ts';

export type DatasetRow = typeof statisticsDatasets.$inferSelect;
export type IndicatorRow = typeof statisticsIndicators.$inferSelect;
export type ImportRow = typeof statisticsImports.$inferSelect;

export async function listDatasets(db: Db, options: { publishedOnly: boolean }) {
  const counts = db
    .select({ datasetId: statisticsObservations.datasetId, n: sql<number>`count(*)::int`.as('n') })
    .from(statisticsObservations)
    .groupBy(statisticsObservations.datasetId)
    .as('counts');
  return db
    .select({ dataset: statisticsDatasets, observations: sql<number>`coalesce(${counts.n}, 0)` })
    .from(statisticsDatasets)
    .leftJoin(counts, eq(counts.datasetId, statisticsDatasets.id))
    .where(options.publishedOnly ? eq(statisticsDatasets.published, true) : undefined)
    .orderBy(asc(statisticsDatasets.code));
}

export async function findDataset(db: Db, id: string) {
  const [row] = await db.select().from(statisticsDatasets).where(eq(statisticsDatasets.id, id));
  return row;
}

export async function findDatasetByCode(db: Db, code: string) {
  const [row] = await db.select().from(statisticsDatasets).where(eq(statisticsDatasets.code, code));
  return row;
}

export async function insertDataset(db: Db, values: typeof statisticsDatasets.$inferInsert) {
  const [row] = await db.insert(statisticsDatasets).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateDataset(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof statisticsDatasets.$inferInsert>,
) {
  const [row] = await db
    .update(statisticsDatasets)
    .set({ ...values, updatedAt: new Date(), version: sql`${statisticsDatasets.version} + 1` })
    .where(and(eq(statisticsDatasets.id, id), eq(statisticsDatasets.version, version)))
    .returning();
  return row;
}

export async function deleteDataset(db: Db, id: string, version: number) {
  const rows = await db
    .delete(statisticsDatasets)
    .where(and(eq(statisticsDatasets.id, id), eq(statisticsDatasets.version, version)))
    .returning({ id: statisticsDatasets.id });
  return rows.length > 0;
}

export async function listIndicators(db: Db, options: { publishedOnly: boolean }) {
  const used = options.publishedOnly
    ? sql`exists (select 1 from ${statisticsObservations} o join ${statisticsDatasets} d on d.id = o.dataset_id
          where o.indicator_id = ${statisticsIndicators.id} and d.published)`
    : undefined;
  return db.select().from(statisticsIndicators).where(used).orderBy(asc(statisticsIndicators.code));
}

export async function findIndicator(db: Db, id: string) {
  const [row] = await db.select().from(statisticsIndicators).where(eq(statisticsIndicators.id, id));
  return row;
}

export async function indicatorsByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select().from(statisticsIndicators).where(inArray(statisticsIndicators.code, codes));
}

export async function updateIndicator(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof statisticsIndicators.$inferInsert>,
) {
  const [row] = await db
    .update(statisticsIndicators)
    .set({ ...values, updatedAt: new Date(), version: sql`${statisticsIndicators.version} + 1` })
    .where(and(eq(statisticsIndicators.id, id), eq(statisticsIndicators.version, version)))
    .returning();
  return row;
}

/** Creates the indicators a file names that Tulay does not know yet; answers every code's id. */
export async function ensureIndicators(
  db: Db,
  wanted: Map<string, { label?: string; unit?: string; flow?: string }>,
): Promise<Map<string, string>> {
  const codes = [...wanted.keys()];
  if (codes.length) {
    await db
      .insert(statisticsIndicators)
      .values(
        codes.map((code) => ({
          code,
          labels: { en: wanted.get(code)?.label ?? code },
          unit: wanted.get(code)?.unit ?? '',
          flow: wanted.get(code)?.flow ?? 'other',
        })),
      )
      .onConflictDoNothing();
  }
  const rows = await indicatorsByCode(db, codes);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The key of a figure within its data set: the same in files and in the database. */
export const keyOf = (o: {
  indicator: string;
  area: string;
  counterpart: string;
  period: string;
  sex: string;
  classification: string;
}) => [o.indicator, o.area, o.counterpart, o.period, o.sex, o.classification].join('\u0000');

/** The figures a data set already holds for these indicators, by key (for a preview's counts). */
export async function existingFigures(db: Db, datasetId: string, indicatorCodes: string[]) {
  const figures = new Map<string, { value: number; status: string; note: string }>();
  if (indicatorCodes.length === 0) return figures;
  const rows = await db
    .select({
      indicator: statisticsIndicators.code,
      area: statisticsObservations.area,
      counterpart: statisticsObservations.counterpart,
      period: statisticsObservations.period,
      sex: statisticsObservations.sex,
      classification: statisticsObservations.classification,
      value: statisticsObservations.value,
      status: statisticsObservations.status,
      note: statisticsObservations.note,
    })
    .from(statisticsObservations)
    .innerJoin(statisticsIndicators, eq(statisticsIndicators.id, statisticsObservations.indicatorId))
    .where(
      and(
        eq(statisticsObservations.datasetId, datasetId),
        inArray(statisticsIndicators.code, indicatorCodes),
      ),
    );
  for (const r of rows) figures.set(keyOf(r), { value: r.value, status: r.status, note: r.note });
  return figures;
}

const BATCH = 5_000;

/**
 * Writes figures by key: new ones are inserted, changed ones updated, the same ones untouched. One
 * statement per batch of columns as arrays (`unnest`), so half a million figures take a hundred
 * round trips, not half a million. Answers how many rows were inserted or updated.
 */
export async function upsertFigures(
  db: Db,
  datasetId: string,
  indicatorIds: Map<string, string>,
  figures: ParsedObservation[],
  onBatch?: (done: number) => void,
): Promise<number> {
  let written = 0;
  for (let at = 0; at < figures.length; at += BATCH) {
    const batch = figures.slice(at, at + BATCH);
    const result = await db.execute(sql`
      insert into statistics_observations
        (dataset_id, indicator_id, area, counterpart, period, sex, classification, value, status, note)
      select ${datasetId}::uuid, f.indicator_id, f.area, f.counterpart, f.period, f.sex, f.classification,
             f.value, f.status, f.note
      from unnest(
        ${pgArray(batch.map((o) => indicatorIds.get(o.indicator)!))}::uuid[],
        ${pgArray(batch.map((o) => o.area))}::text[],
        ${pgArray(batch.map((o) => o.counterpart))}::text[],
        ${pgArray(batch.map((o) => o.period))}::text[],
        ${pgArray(batch.map((o) => o.sex))}::text[],
        ${pgArray(batch.map((o) => o.classification))}::text[],
        ${pgArray(batch.map((o) => String(o.value)))}::float8[],
        ${pgArray(batch.map((o) => o.status))}::text[],
        ${pgArray(batch.map((o) => o.note))}::text[]
      ) as f(indicator_id, area, counterpart, period, sex, classification, value, status, note)
      on conflict (dataset_id, indicator_id, area, counterpart, period, sex, classification)
      do update set value = excluded.value, status = excluded.status, note = excluded.note
      where (statistics_observations.value, statistics_observations.status, statistics_observations.note)
        is distinct from (excluded.value, excluded.status, excluded.note)
    `);
    written += (result as { rowCount?: number | null }).rowCount ?? 0;
    onBatch?.(batch.length);
  }
  return written;
}

/** A PostgreSQL array literal of texts, passed as one parameter. */
function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export async function insertImport(db: Db, values: typeof statisticsImports.$inferInsert) {
  const [row] = await db.insert(statisticsImports).values(values).returning();
  return row!;
}

export async function findImport(db: Db, id: string) {
  const [row] = await db.select().from(statisticsImports).where(eq(statisticsImports.id, id));
  return row;
}

export async function listImports(db: Db, datasetId: string) {
  return db
    .select()
    .from(statisticsImports)
    .where(eq(statisticsImports.datasetId, datasetId))
    .orderBy(desc(statisticsImports.createdAt))
    .limit(50);
}

export async function markImportCommitted(db: Db, id: string, version: number, summary: unknown) {
  const [row] = await db
    .update(statisticsImports)
    .set({
      status: 'committed',
      committedAt: new Date(),
      summary,
      version: sql`${statisticsImports.version} + 1`,
    })
    .where(
      and(
        eq(statisticsImports.id, id),
        eq(statisticsImports.version, version),
        eq(statisticsImports.status, 'preview'),
      ),
    )
    .returning();
  return row;
}

export interface ObservationFilter {
  indicator?: string[];
  area?: string[];
  counterpart?: string[];
  sex?: string[];
  periodFrom?: string;
  periodTo?: string;
  dataset?: string;
  publishedOnly: boolean;
  limit: number;
  offset: number;
}

/** Figures with their indicator and source, filtered; ordered so pages are stable. */
export async function findObservations(db: Db, f: ObservationFilter) {
  const where = and(
    f.publishedOnly ? eq(statisticsDatasets.published, true) : undefined,
    f.dataset ? eq(statisticsDatasets.code, f.dataset) : undefined,
    f.indicator?.length ? inArray(statisticsIndicators.code, f.indicator) : undefined,
    f.area?.length ? inArray(statisticsObservations.area, f.area) : undefined,
    f.counterpart?.length ? inArray(statisticsObservations.counterpart, f.counterpart) : undefined,
    f.sex?.length ? inArray(statisticsObservations.sex, f.sex) : undefined,
    f.periodFrom ? gte(statisticsObservations.period, f.periodFrom) : undefined,
    f.periodTo ? lte(statisticsObservations.period, `${f.periodTo}~`) : undefined,
  );
  return db
    .select({
      id: statisticsObservations.id,
      indicator: statisticsIndicators.code,
      indicatorLabels: statisticsIndicators.labels,
      unit: statisticsIndicators.unit,
      area: statisticsObservations.area,
      counterpart: statisticsObservations.counterpart,
      period: statisticsObservations.period,
      sex: statisticsObservations.sex,
      classification: statisticsObservations.classification,
      value: statisticsObservations.value,
      status: statisticsObservations.status,
      note: statisticsObservations.note,
      dataset: {
        code: statisticsDatasets.code,
        titles: statisticsDatasets.titles,
        source: statisticsDatasets.source,
        citation: statisticsDatasets.citation,
        licence: statisticsDatasets.licence,
        url: statisticsDatasets.url,
        retrievedOn: statisticsDatasets.retrievedOn,
        demonstration: statisticsDatasets.demonstration,
      },
    })
    .from(statisticsObservations)
    .innerJoin(statisticsIndicators, eq(statisticsIndicators.id, statisticsObservations.indicatorId))
    .innerJoin(statisticsDatasets, eq(statisticsDatasets.id, statisticsObservations.datasetId))
    .where(where)
    .orderBy(
      asc(statisticsIndicators.code),
      asc(statisticsObservations.area),
      asc(statisticsObservations.counterpart),
      asc(statisticsObservations.period),
      asc(statisticsObservations.sex),
      asc(statisticsObservations.id),
    )
    .limit(f.limit)
    .offset(f.offset);
}
