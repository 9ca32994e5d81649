// The tasks a file-work thread runs (file-worker.mjs loads this module there). Each is pure work on
// bytes: no database, no request. The main thread reaches them only through WorkPool.
import type { Table } from '../../modules/directory/tabular.ts';
import type { StatisticsFormat } from '../../modules/statistics/formats/parsed.ts';
import type { Extracted } from './extract.ts';
import type { FileKind } from './sniff.ts';

const tabular = () => import('../../modules/directory/tabular.ts');
const statistics = () => import('../../modules/statistics/formats/read.ts');
const extraction = () => import('./extract.ts');

/** The readers each task needs, loaded before its time limit starts (exceljs and pdf.js take seconds). */
const readers: Record<string, () => Promise<unknown>> = {
  extract: () => Promise.all([extraction(), import('pdfjs-dist/legacy/build/pdf.mjs'), import('mammoth')]),
  table: tabular,
  statistics: () => Promise.all([statistics(), import('exceljs')]),
};

/** Loads what the named task needs; the thread then says it has started, and the clock runs. */
export async function prepare(name: string) {
  await readers[name]?.();
}

const tasks = {
  /** Text of a PDF, DOCX or plain-text file. */
  extract: async (args: { kind: FileKind; bytes: Uint8Array }): Promise<Extracted> =>
    (await extraction()).extractText(
      args.kind,
      Buffer.from(args.bytes.buffer, args.bytes.byteOffset, args.bytes.byteLength),
    ),
  /** A spreadsheet (XLSX or CSV; `csv` forces CSV) as header and rows of text. */
  table: async (args: { bytes: Uint8Array; fileName: string; csv?: boolean }): Promise<Table> => {
    const { decodeText, parseCsv, readTable } = await tabular();
    return args.csv ? parseCsv(decodeText(args.bytes)) : readTable(args.bytes, args.fileName);
  },
  /** A statistics file (ILOSTAT CSV, UN DESA workbook, Tulay's CSV) as figures and refused rows. */
  statistics: async (args: { bytes: Uint8Array; format?: StatisticsFormat }) =>
    (await statistics()).readStatisticsFile(args.bytes, args.format),
};

export type TaskName = keyof typeof tasks;
export type TaskArgs<N extends TaskName> = Parameters<(typeof tasks)[N]>[0];
export type TaskResult<N extends TaskName> = Awaited<ReturnType<(typeof tasks)[N]>>;

/** Runs the named task; called by the worker for each message. */
export function runTask(name: string, args: unknown): Promise<unknown> {
  const task = tasks[name as TaskName] as ((a: unknown) => Promise<unknown>) | undefined;
  if (!task) throw new Error(`Unknown file task ${name}`);
  return task(args);
}
