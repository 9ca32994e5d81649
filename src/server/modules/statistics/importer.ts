import type { Tx as Db } from '../../db/client.ts';
import type { ParsedObservation, Refusal, StatisticsFormat } from './formats/parsed.ts';
import * as repo from './repository.ts';

/** What an import would do, or did: figures new, changed and unchanged, and rows refused or skipped. */
export interface ImportSummary {
  read: number;
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
  skipped: Record<string, number>;
  newIndicators: string[];
}

export interface ReadFile {
  /** The format the file was read as (given, or recognised from its contents once unpacked). */
  format?: StatisticsFormat;
  rows: ParsedObservation[];
  refused: Refusal[];
  refusedCount: number;
  skipped: Record<string, number>;
}

function indicatorsOf(rows: ParsedObservation[]) {
  const wanted = new Map<string, { label?: string; unit?: string; flow?: string }>();
  for (const o of rows)
    if (!wanted.has(o.indicator))
      wanted.set(o.indicator, { label: o.indicatorLabel, unit: o.unit, flow: o.flow });
  return wanted;
}

/** Compares a file's figures with the data set as it is now; writes nothing. */
export async function planImport(db: Db, datasetId: string | null, file: ReadFile): Promise<ImportSummary> {
  return (await plan(db, datasetId, file)).summary;
}

async function plan(db: Db, datasetId: string | null, file: ReadFile) {
  const wanted = indicatorsOf(file.rows);
  const known = new Set((await repo.indicatorsByCode(db, [...wanted.keys()])).map((i) => i.code));
  // A data set not created yet holds nothing: every figure is new.
  const existing = datasetId ? await repo.existingFigures(db, datasetId, [...known]) : new Map();
  const summary: ImportSummary = {
    read: file.rows.length + file.refusedCount,
    new: 0,
    changed: 0,
    unchanged: 0,
    refused: file.refusedCount,
    skipped: file.skipped,
    newIndicators: [...wanted.keys()].filter((c) => !known.has(c)).sort(),
  };
  const toWrite: ParsedObservation[] = [];
  for (const o of file.rows) {
    const before = existing.get(repo.keyOf(o));
    if (before && before.value === o.value && before.status === o.status && before.note === o.note) {
      summary.unchanged++;
      continue;
    }
    if (before) summary.changed++;
    else summary.new++;
    toWrite.push(o);
  }
  return { summary, toWrite, wanted };
}

/**
 * Writes a file's figures into a data set, inside the caller's transaction (all or nothing). New
 * indicators are created with the label the file gives. Figures already there with the same value,
 * status and note are not touched.
 */
export async function writeImport(
  tx: Db,
  datasetId: string,
  file: ReadFile,
  onProgress?: (done: number) => void,
): Promise<ImportSummary> {
  const { summary, toWrite, wanted } = await plan(tx, datasetId, file);
  const ids = await repo.ensureIndicators(tx, wanted);
  await repo.upsertFigures(tx, datasetId, ids, toWrite, onProgress);
  return summary;
}
