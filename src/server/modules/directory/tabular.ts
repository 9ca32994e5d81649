import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { guardZip, ZipRefused } from '../../platform/files/zip-guard.ts';
import { Problem } from '../../platform/http/problem.ts';

const msg = (s: string) => s;

/** A spreadsheet read into text: the header row and the data rows, all cells as trimmed strings. */
export interface Table {
  header: string[];
  rows: string[][];
}

export const TABLE_LIMITS = { rows: 200_000, columns: 100, cell: 20_000 };

export const tableProblems = {
  encoding: () =>
    new Problem(
      422,
      'unsupported_encoding',
      msg('The file is not UTF-8 text.'),
      'Save the file as CSV UTF-8 (or UTF-16 with a byte-order mark) and try again.',
    ),
  malformed: (detail: string) =>
    new Problem(422, 'malformed_file', msg('The file could not be read.'), detail),
  empty: () =>
    new Problem(422, 'empty_file', msg('The file has no rows.'), 'The first row must name the columns.'),
  tooMany: (detail: string) =>
    new Problem(413, 'too_many_rows', msg('The file has too many rows or columns.'), detail),
  tooLarge: (detail: string) =>
    new Problem(413, 'file_inflates_too_large', msg('The file is too large once unpacked.'), detail),
};

/**
 * UTF-16 without a byte-order mark, told by its NUL bytes: text in UTF-8 has none, while Latin
 * text in UTF-16 has one in every other byte (odd positions little-endian, even big-endian).
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.05) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Text from bytes: UTF-8 (BOM or not) or UTF-16 (BOM or not); anything else is refused, never guessed. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw tableProblems.encoding();
  }
}

function checkLimits(table: Table): Table {
  if (table.header.length === 0 || table.header.every((h) => h === '')) throw tableProblems.empty();
  if (table.rows.length > TABLE_LIMITS.rows)
    throw tableProblems.tooMany(`At most ${TABLE_LIMITS.rows} rows per file.`);
  if (table.header.length > TABLE_LIMITS.columns) {
    throw tableProblems.tooMany(`At most ${TABLE_LIMITS.columns} columns per file.`);
  }
  for (const row of table.rows) {
    for (const cell of row) {
      if (cell.length > TABLE_LIMITS.cell)
        throw tableProblems.malformed(`A cell is longer than ${TABLE_LIMITS.cell} characters.`);
    }
  }
  return table;
}

/** Parses CSV text (comma, semicolon or tab separated; quoted newlines allowed). */
export function parseCsv(text: string): Table {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      // Spreadsheets write =HYPERLINK("…") and 12" unquoted; only an unclosed quoted field is an error.
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: TABLE_LIMITS.cell * TABLE_LIMITS.columns,
    }) as string[][];
  } catch (error) {
    throw tableProblems.malformed((error as Error).message.slice(0, 300));
  }
  if (records.length === 0) throw tableProblems.empty();
  const [header, ...rows] = records;
  return checkLimits({ header: header!.map((h) => h.trim()), rows });
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'formula' in v)
    return v.result === undefined || v.result === null ? '' : String(v.result);
  return cell.text.trim();
}

/** An XLSX may inflate to this much at most: a 200,000-row sheet fits, a zip bomb does not. */
export const XLSX_ZIP_LIMITS = { entries: 5_000, inflatedBytes: 300 * 1024 * 1024 };

/**
 * Counts the `<row` tags of the first worksheet while the archive is checked, so a sheet with far
 * too many rows is refused after a fast inflate rather than after parsing 200,000 rows of XML.
 */
function rowCounter() {
  let first: string | undefined;
  return (entry: { name: string }) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name) || (first && first !== entry.name)) return;
    first = entry.name;
    let rows = 0;
    let carry = '';
    return (chunk: Buffer) => {
      const text = carry + chunk.toString('latin1');
      for (let at = text.indexOf('<row'); at !== -1; at = text.indexOf('<row', at + 4)) rows++;
      carry = text.slice(-3);
      if (rows > TABLE_LIMITS.rows + 1)
        throw tableProblems.tooMany(`At most ${TABLE_LIMITS.rows} rows per file.`);
    };
  };
}

/**
 * Reads the first worksheet of an XLSX workbook as a stream, row by row, after checking the archive
 * (zip-guard.ts): memory stays near one row plus the shared strings, and a sheet with too many
 * rows is refused as soon as the row past the limit is read. Runs on a file-work thread.
 */
export async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    await guardZip(buffer, XLSX_ZIP_LIMITS, rowCounter());
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    if (error.reason === 'too_large') throw tableProblems.tooLarge(error.message);
    throw tableProblems.malformed(`Not a readable XLSX workbook (${error.message})`);
  }
  const input = Readable.from([buffer]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const records: string[][] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const width = Math.min(row.cellCount, TABLE_LIMITS.columns + 1);
        const cells: string[] = [];
        for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
        if (!cells.some((x) => x !== '')) continue;
        records.push(cells);
        if (records.length > TABLE_LIMITS.rows + 1)
          throw tableProblems.tooMany(`At most ${TABLE_LIMITS.rows} rows per file.`);
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw tableProblems.malformed(
      `Not a readable XLSX workbook (${(error as Error).message.slice(0, 200)}).`,
    );
  } finally {
    input.destroy();
  }
  if (records.length === 0) throw tableProblems.empty();
  const [header, ...rows] = records;
  return checkLimits({ header: header!, rows });
}

/** Reads an uploaded file by its name or first bytes: XLSX (a zip) or CSV text. */
export async function readTable(bytes: Uint8Array, fileName = ''): Promise<Table> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) return parseXlsx(bytes);
  return parseCsv(decodeText(bytes));
}

/** Builds an XLSX workbook of one sheet; cells are plain values (never formulas). */
export async function toXlsx(
  sheetName: string,
  header: string[],
  rows: unknown[][],
  extraHeaderRows: string[][] = [],
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const r of extraHeaderRows) sheet.addRow(r);
  for (const r of rows) {
    sheet.addRow(
      r.map((v) => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'number' || typeof v === 'boolean') return v;
        const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
        // A string cell is never evaluated, but a leading '=' would become a formula when re-saved as CSV.
        return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
