import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { STATISTICS_MAX_BYTES, statisticsFiles } from '../modules/statistics/files.ts';
import { STATISTICS_FORMATS, type StatisticsFormat } from '../modules/statistics/formats/parsed.ts';
import { readStatisticsFile } from '../modules/statistics/formats/read.ts';
import { type ImportSummary, planImport, writeImport } from '../modules/statistics/importer.ts';
import * as repo from '../modules/statistics/repository.ts';
import { recordAudit } from '../platform/audit/recorder.ts';
import { Problem } from '../platform/http/problem.ts';
import { CliFailure, parseArgs, parseOptions, UsageError } from './args.ts';
import { withDatabase } from './database.ts';

export const statisticsUsage = `Usage:
  tulay statistics import FILE --dataset CODE [--format ilostat|undesa|tulay] [--source TEXT] [--dry-run yes]

  FILE      an ILOSTAT bulk CSV (plain or .gz), a UN DESA International Migrant Stock workbook
            (.xlsx) or Tulay's own long CSV; the format is guessed when --format is not given
  --dataset the data set's code; a new code needs --source (the data set is created unpublished)
  --dry-run yes: print what the import would do and write nothing`;

const options = z.strictObject({
  dataset: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _'),
  format: z.enum(STATISTICS_FORMATS).optional(),
  source: z.string().trim().min(1).max(300).optional(),
  'dry-run': z.enum(['yes', 'no']).default('no'),
});

export interface StatisticsImportAction {
  file: string;
  dataset: string;
  format?: StatisticsFormat;
  source?: string;
  dryRun: boolean;
}

/** Checks a `statistics` command line completely before the file or the database is opened. */
export function parseStatisticsArgs(args: string[]): StatisticsImportAction {
  const { positional, options: given } = parseArgs(args);
  const [sub, file, ...extra] = positional;
  if (sub !== 'import')
    throw new UsageError(sub ? `Unknown statistics command: ${sub}` : 'Missing statistics command.');
  if (!file) throw new UsageError('Name the file to import.');
  if (extra.length) throw new UsageError(`Unexpected argument: ${extra[0]}`);
  const parsed = parseOptions(options, given);
  return {
    file,
    dataset: parsed.dataset,
    format: parsed.format,
    source: parsed.source,
    dryRun: parsed['dry-run'] === 'yes',
  };
}

export async function statisticsCommand(args: string[], config: Config): Promise<number> {
  const action = parseStatisticsArgs(args);
  return withDatabase(config, { migrate: true }, (database) =>
    runStatisticsImport(database, config, action, console.log),
  );
}

function describe(summary: ImportSummary): string {
  const skipped = Object.entries(summary.skipped)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  return [
    `${summary.read} figures read: ${summary.new} new, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.refused} refused.`,
    skipped && `Skipped rows: ${skipped}.`,
    summary.newIndicators.length ? `New indicators: ${summary.newIndicators.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Reads the file, prints what the import does, and (unless a dry run) writes it in one transaction.
 * A file with refused rows writes nothing; the refused rows are printed with their line numbers.
 */
export async function runStatisticsImport(
  database: Database,
  config: Config,
  action: StatisticsImportAction,
  print: (text: string) => void,
): Promise<number> {
  const size = await stat(action.file).then(
    (s) => s.size,
    () => {
      throw new CliFailure(`Cannot read ${action.file}.`);
    },
  );
  if (size > STATISTICS_MAX_BYTES)
    throw new CliFailure(`${action.file} is larger than ${STATISTICS_MAX_BYTES / 1024 / 1024} MB; split it.`);
  const bytes = await readFile(action.file);
  const read = await readStatisticsFile(bytes, action.format).catch((error) => {
    throw error instanceof Problem ? new CliFailure(`${error.title} ${error.detail ?? ''}`.trim()) : error;
  });
  const db = database.db;
  let dataset = await repo.findDatasetByCode(db, action.dataset);
  if (!dataset && !action.source)
    throw new CliFailure(`There is no data set ${action.dataset}; give --source to create it.`);
  const summary = await planImport(db, dataset?.id ?? null, read);
  print(describe(summary));
  if (read.refusedCount > 0) {
    for (const r of read.refused.slice(0, 50)) print(`  line ${r.line}: ${r.reason}`);
    if (read.refusedCount > 50) print(`  … and ${read.refusedCount - 50} more.`);
    print('Nothing was written: correct the refused rows and import the file again.');
    return 1;
  }
  if (action.dryRun) {
    print('Dry run: nothing was written.');
    return 0;
  }
  const blob = await statisticsFiles(config.dataDir).put(bytes);
  await db.transaction(async (tx) => {
    dataset ??= await repo.insertDataset(tx, {
      code: action.dataset,
      titles: { en: action.dataset },
      source: action.source!,
    });
    if (!dataset) throw new CliFailure(`The data set ${action.dataset} was created meanwhile; run again.`);
    const written = await writeImport(tx, dataset.id, read);
    const row = await repo.insertImport(tx, {
      datasetId: dataset.id,
      format: read.format,
      fileName: action.file.split('/').pop()!.slice(0, 200),
      sha256: blob.sha256,
      summary: written,
      status: 'preview',
    });
    await repo.markImportCommitted(tx, row.id, row.version, written);
    await recordAudit(tx, {
      action: 'cli.statistics.import',
      actorEmail: 'cli',
      outcome: 'success',
      resourceType: 'statistics_import',
      resourceId: row.id,
      details: { dataset: action.dataset, ...written },
    });
  });
  print(`Written to data set ${action.dataset}.`);
  return 0;
}
