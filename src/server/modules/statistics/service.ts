import type { z } from 'zod';
import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import { tooCostlyProblem, WorkLimitError } from '../../platform/files/work-pool.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import type { StatisticsFormat } from './formats/parsed.ts';
import { type ImportSummary, planImport, type ReadFile, writeImport } from './importer.ts';
import './policy.ts';
import { statisticsFiles } from './files.ts';
import * as repo from './repository.ts';
import type { datasetCreate, datasetUpdate, indicatorUpdate, observationQuery } from './schemas.ts';

const msg = (s: string) => s;

const SHOWN_REFUSALS = 200;

function presentDataset(ctx: Ctx, d: repo.DatasetRow, observations?: number) {
  return {
    id: d.id,
    code: d.code,
    titles: d.titles,
    source: d.source,
    citation: d.citation,
    licence: d.licence,
    retrievedOn: d.retrievedOn,
    url: d.url,
    published: d.published,
    network: d.network,
    demonstration: d.demonstration,
    observations,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
    abilities: abilitiesFor(ctx.actor, 'statistics', d),
  };
}

const staff = (ctx: Ctx) => isUser(ctx.actor);

export async function listDatasets(ctx: Ctx) {
  const rows = await repo.listDatasets(ctx.database.db, { publishedOnly: !staff(ctx) });
  return rows.map((r) => presentDataset(ctx, r.dataset, r.observations));
}

async function loadDataset(ctx: Ctx, id: string) {
  const row = await repo.findDataset(ctx.database.db, id);
  // Unpublished data sets do not exist for the public.
  if (!row || (!row.published && !staff(ctx))) throw problems.notFound('dataset');
  return row;
}

export async function getDataset(ctx: Ctx, id: string) {
  const row = await loadDataset(ctx, id);
  const imports = staff(ctx) ? await repo.listImports(ctx.database.db, id) : [];
  return { ...presentDataset(ctx, row), imports: imports.map(presentImport) };
}

const codeTaken = () =>
  problems.conflict('dataset_code_taken', msg('Another data set already has this code.'));

export async function createDataset(ctx: Ctx, input: z.infer<typeof datasetCreate>) {
  authorize(ctx.actor, 'manage', 'statistics');
  const row = await repo.insertDataset(ctx.database.db, input);
  if (!row) throw codeTaken();
  ctx.note({ action: 'statistics.dataset.create', resourceType: 'statistics_dataset', resourceId: row.id });
  return presentDataset(ctx, row, 0);
}

export async function updateDataset(ctx: Ctx, id: string, input: z.infer<typeof datasetUpdate>) {
  authorize(ctx.actor, 'manage', 'statistics');
  await loadDataset(ctx, id);
  const { version, ...values } = input;
  const row = await repo.updateDataset(ctx.database.db, id, version, values);
  if (!row) throw problems.versionConflict();
  ctx.note({
    action: 'statistics.dataset.update',
    resourceType: 'statistics_dataset',
    resourceId: id,
    details: { fields: Object.keys(values) },
  });
  return presentDataset(ctx, row);
}

export async function deleteDataset(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'manage', 'statistics');
  await loadDataset(ctx, id);
  if (!(await repo.deleteDataset(ctx.database.db, id, version))) throw problems.versionConflict();
  ctx.note({ action: 'statistics.dataset.delete', resourceType: 'statistics_dataset', resourceId: id });
}

export async function listIndicators(ctx: Ctx) {
  const rows = await repo.listIndicators(ctx.database.db, { publishedOnly: !staff(ctx) });
  return rows.map((i) => presentIndicator(ctx, i));
}

function presentIndicator(ctx: Ctx, i: repo.IndicatorRow) {
  return {
    id: i.id,
    code: i.code,
    labels: i.labels,
    unit: i.unit,
    flow: i.flow,
    definitions: i.definitions,
    version: i.version,
    abilities: abilitiesFor(ctx.actor, 'statistics', i),
  };
}

export async function updateIndicator(ctx: Ctx, id: string, input: z.infer<typeof indicatorUpdate>) {
  authorize(ctx.actor, 'manage', 'statistics');
  const { version, ...values } = input;
  if (!(await repo.findIndicator(ctx.database.db, id))) throw problems.notFound('indicator');
  const row = await repo.updateIndicator(ctx.database.db, id, version, values);
  if (!row) throw problems.versionConflict();
  ctx.note({ action: 'statistics.indicator.update', resourceType: 'statistics_indicator', resourceId: id });
  return presentIndicator(ctx, row);
}

function presentImport(row: repo.ImportRow) {
  return {
    id: row.id,
    datasetId: row.datasetId,
    format: row.format,
    fileName: row.fileName,
    status: row.status,
    summary: row.summary as ImportSummary,
    refused: row.refused as { line: number; reason: string }[],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

/** Reads a stored file on a file-work thread; the thread's limits turn into a clear 422. */
async function readStored(ctx: Ctx, bytes: Uint8Array, format?: StatisticsFormat): Promise<ReadFile> {
  return ctx.fileWork.dispatch('statistics', { bytes, format }).catch((error) => {
    throw error instanceof WorkLimitError ? tooCostlyProblem(error) : error;
  });
}

/**
 * The figures of the last preview, kept in this process until its commit (or for 15 minutes), so a
 * commit right after its preview does not read the kept file a second time: reading a UN DESA
 * workbook of half a million figures is most of an import's time. One entry only, to bound the
 * memory; a miss (another server, another preview in between, a restart) reads the file again,
 * which gives the same figures since the file is kept by its hash.
 */
let lastRead: { importId: string; read: ReadFile; until: number } | undefined;
const KEEP_READ_MS = 15 * 60_000;

function takeLastRead(importId: string): ReadFile | undefined {
  const kept = lastRead?.importId === importId && lastRead.until > Date.now() ? lastRead.read : undefined;
  lastRead = undefined;
  return kept;
}

/**
 * Step one of an import: keeps the file, reads it and compares its figures with the data set.
 * Nothing in the data set changes. The preview answers counts and the refused rows with reasons.
 */
export async function previewImport(
  ctx: Ctx,
  datasetId: string,
  file: { bytes: Buffer; fileName: string },
  format?: StatisticsFormat,
) {
  authorize(ctx.actor, 'import', 'statistics');
  const dataset = await loadDataset(ctx, datasetId);
  return ctx.fileWork.admit(async () => {
    const read = await readStored(ctx, file.bytes, format);
    const summary = await planImport(ctx.database.db, dataset.id, read);
    const blob = await statisticsFiles(ctx.config.dataDir).put(file.bytes);
    const row = await repo.insertImport(ctx.database.db, {
      datasetId: dataset.id,
      // As the reader recognised it, after unpacking a gzip: the commit reads the file the same way.
      format: read.format ?? 'tulay',
      fileName: file.fileName.slice(0, 200),
      sha256: blob.sha256,
      summary,
      refused: read.refused.slice(0, SHOWN_REFUSALS),
      createdBy: isUser(ctx.actor) ? ctx.actor.userId : null,
    });
    lastRead = { importId: row.id, read, until: Date.now() + KEEP_READ_MS };
    ctx.note({
      action: 'statistics.import.preview',
      resourceType: 'statistics_import',
      resourceId: row.id,
      details: { dataset: dataset.code, ...summary },
    });
    return presentImport(row);
  });
}

export async function getImport(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'import', 'statistics');
  const row = await repo.findImport(ctx.database.db, id);
  if (!row) throw problems.notFound('import');
  return presentImport(row);
}

const refusedRows = (count: number) =>
  new Problem(
    422,
    'rows_refused',
    msg('Some rows of the file are refused. Correct them and import the file again; nothing was written.'),
    `${count} row(s) refused; the preview lists them with their reasons.`,
  );

/**
 * Step two: reads the kept file again and writes its figures in one transaction, all or nothing.
 * A file with refused rows is not written at all: the person corrects it and imports it again.
 */
export async function commitImport(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'import', 'statistics');
  const db = ctx.database.db;
  const found = await repo.findImport(db, id);
  if (!found) throw problems.notFound('import');
  if (found.status !== 'preview')
    throw problems.conflict('import_done', msg('This import was already committed.'));
  if (found.version !== version) throw problems.versionConflict();
  const read =
    takeLastRead(id) ??
    (await ctx.fileWork.admit(async () =>
      readStored(
        ctx,
        await statisticsFiles(ctx.config.dataDir).read(found.sha256),
        found.format as StatisticsFormat,
      ),
    ));
  if (read.refusedCount > 0) throw refusedRows(read.refusedCount);
  const summary = await db.transaction(async (tx) => {
    const result = await writeImport(tx, found.datasetId, read);
    const marked = await repo.markImportCommitted(tx, id, version, result);
    if (!marked) throw problems.versionConflict();
    return result;
  });
  ctx.note({
    action: 'statistics.import.commit',
    resourceType: 'statistics_import',
    resourceId: id,
    details: { ...summary },
  });
  return presentImport((await repo.findImport(db, id))!);
}

export async function observations(ctx: Ctx, query: z.infer<typeof observationQuery>) {
  if (query.from && query.to && query.from > query.to)
    throw problems.validation([{ field: 'to', code: 'before_from', message: 'The end is before the start' }]);
  const rows = await repo.findObservations(ctx.database.db, {
    indicator: query.indicator,
    area: query.area,
    counterpart: query.counterpart,
    sex: query.sex,
    periodFrom: query.from,
    periodTo: query.to,
    dataset: query.dataset,
    publishedOnly: !staff(ctx),
    // Exports ask for up to EXPORT_LIMIT at once; the API pages by at most 5,000.
    limit: query.limit + 1,
    offset: query.offset,
  });
  const more = rows.length > query.limit;
  return { data: rows.slice(0, query.limit), next: more ? query.offset + query.limit : null };
}
