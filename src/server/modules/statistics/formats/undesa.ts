import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import countryCodes from 'i18n-iso-countries';
import { guardZip, ZipRefused } from '../../../platform/files/zip-guard.ts';
import {
  clip,
  FileReading,
  groupingNamed,
  numberOf,
  type ParsedFile,
  StatisticsFileError,
} from './parsed.ts';

/**
 * UN DESA's International Migrant Stock workbooks, in their published layout (un.org/development/
 * desa/pd → International Migrant Stock 2020/2024: `undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx`
 * and `undesa_pd_2020_ims_stock_by_sex_destination_and_origin.xlsx`): sheet `Table 1`; a title
 * block, then a header row naming "Location code" (of destination, and of origin in the second
 * file) and a row of years from 1990, repeated per sex under "both sexes", "male" and "female"
 * headings; `..` and `-` mean missing; region and development-group rows sit among the countries.
 */
export const UNDESA_SHEET = 'Table 1';
export const MIGRANT_STOCK = {
  code: 'MIGRANT_STOCK',
  label: 'International migrant stock at mid-year',
  unit: 'persons',
};
/** The published files put their header on row 10 or 11; a header further down is not their layout. */
const HEADER_SEARCH_ROWS = 20;
const ZIP_LIMITS = { entries: 5_000, inflatedBytes: 400 * 1024 * 1024 };

interface Layout {
  destinationName: number;
  destinationCode: number;
  destinationType?: number;
  originName?: number;
  originCode?: number;
  years: { column: number; year: string; sex: 'T' | 'M' | 'F' }[];
}

export async function parseUndesa(bytes: Uint8Array): Promise<ParsedFile & { refusedCount: number }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    await guardZip(buffer, ZIP_LIMITS);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw new StatisticsFileError(
      error.reason === 'too_large' ? 'file_inflates_too_large' : 'malformed_file',
      `Not a readable XLSX workbook (${error.message}).`,
    );
  }
  const reading = new FileReading('undesa');
  const input = Readable.from([buffer]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: string[] = [];
  let found = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      sheets.push(name);
      if (name.trim().toLowerCase() !== UNDESA_SHEET.toLowerCase()) {
        for await (const _ of sheet as AsyncIterable<ExcelJS.Row>);
        continue;
      }
      found = true;
      await readTable(reading, sheet as AsyncIterable<ExcelJS.Row>);
    }
  } catch (error) {
    if (error instanceof StatisticsFileError) throw error;
    throw new StatisticsFileError(
      'malformed_file',
      `Not a readable XLSX workbook (${(error as Error).message.slice(0, 200)}).`,
    );
  } finally {
    input.destroy();
  }
  if (!found) {
    throw new StatisticsFileError(
      'wrong_sheet',
      `A UN DESA workbook keeps its figures in the sheet "${UNDESA_SHEET}"; this file has ${sheets.map((s) => `"${clip(s, 40)}"`).join(', ') || 'no sheet'}.`,
    );
  }
  return reading.result();
}

async function readTable(reading: FileReading, rows: AsyncIterable<ExcelJS.Row>) {
  const before: string[][] = [];
  let layout: Layout | undefined;
  let pendingYearsRow = false;
  for await (const row of rows) {
    const cells = cellsOf(row);
    if (!layout) {
      before.push(cells);
      const headerAt = before.findIndex((r) => r.some((c) => /^location code/i.test(c)));
      if (headerAt >= 0 && !pendingYearsRow) {
        layout = layoutOf(before, headerAt, headerAt);
        if (!layout) pendingYearsRow = true; // years are on the next row
      } else if (pendingYearsRow) {
        layout = layoutOf(before, headerAt, before.length - 1);
        if (!layout) throw noYears();
      }
      if (!layout && row.number >= HEADER_SEARCH_ROWS) {
        throw new StatisticsFileError(
          'header_not_found',
          `No header row naming "Location code" in the first ${HEADER_SEARCH_ROWS} rows of "${UNDESA_SHEET}": this is not the published layout.`,
        );
      }
      continue;
    }
    readRow(reading, layout, cells, row.number);
  }
  if (!layout) {
    throw new StatisticsFileError(
      'header_not_found',
      `No header row naming "Location code" in "${UNDESA_SHEET}": this is not the published layout.`,
    );
  }
}

const noYears = () =>
  new StatisticsFileError(
    'header_not_found',
    'The header row names no years (1990, 1995 …): this is not the published layout.',
  );

function cellsOf(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  const width = Math.min(row.cellCount, 200);
  for (let c = 1; c <= width; c++) {
    const v = row.getCell(c).value;
    if (v === null || v === undefined) cells.push('');
    else if (typeof v === 'object' && 'result' in v) cells.push(v.result == null ? '' : String(v.result));
    else if (typeof v === 'object' && 'richText' in v) cells.push(v.richText.map((r) => r.text).join(''));
    else cells.push(String(v).trim());
  }
  return cells;
}

/** Columns of the table, from the header row (names) and the years row (its own row or the next one). */
function layoutOf(rows: string[][], headerAt: number, yearsAt: number): Layout | undefined {
  const header = rows[headerAt]!;
  const yearsRow = rows[yearsAt]!;
  const find = (pattern: RegExp) => {
    const at = header.findIndex((c) => pattern.test(c));
    return at >= 0 ? at : undefined;
  };
  const originCode = find(/^location code of origin/i);
  const destinationCode = find(/^location code(?! of origin)/i)!;
  const destinationName = find(/^region, development group, country or area(?! of origin)/i);
  const originName = find(/^region, development group, country or area of origin/i);
  if (destinationName === undefined) {
    throw new StatisticsFileError(
      'header_not_found',
      'The header row has "Location code" but no "Region, development group, country or area" column.',
    );
  }
  const yearColumns = yearsRow
    .map((c, column) => ({ column, year: /^(19|20)\d{2}$/.test(c) ? c : '' }))
    .filter((c) => c.year);
  if (yearColumns.length === 0) return undefined;
  // The sex headings sit on the row above the years (or on the header row when the years have a
  // row of their own), written once over the first year of their block.
  const headings = rows[yearsAt === headerAt ? headerAt - 1 : headerAt] ?? [];
  let block = 0;
  let previous = 0;
  const years = yearColumns.map(({ column, year }) => {
    const heading = lastHeadingBefore(headings, column);
    if (Number(year) <= previous) block++;
    previous = Number(year);
    return {
      column,
      year,
      sex: heading ? sexOfHeading(heading) : ((['T', 'M', 'F'] as const)[block] ?? 'T'),
    };
  });
  return {
    destinationName,
    destinationCode,
    destinationType: find(/^type of data(?! of origin)/i),
    originName,
    originCode,
    years,
  };
}

function lastHeadingBefore(headings: string[], column: number): string | undefined {
  for (let c = column; c >= 0; c--) if (/sex|male|female|total/i.test(headings[c] ?? '')) return headings[c];
  return undefined;
}

function sexOfHeading(heading: string): 'T' | 'M' | 'F' {
  if (/female|women/i.test(heading)) return 'F';
  if (/\bmales?\b|\bmen\b/i.test(heading)) return 'M';
  return 'T';
}

type Area = { code: string } | { skip: string } | { refuse: string };

/** A row's area: a country by its M49 code, a Tulay grouping by name, or a region row to skip. */
function areaOf(name: string, code: string, type: string | undefined): Area {
  if (!/^\d{1,4}$/.test(code)) {
    if (!code && !name) return { skip: 'empty row' };
    return { refuse: `Unknown location code "${clip(code, 20)}" for "${clip(name, 60)}".` };
  }
  const alpha2 = countryCodes.numericToAlpha2(code.padStart(3, '0'));
  if (alpha2) return { code: alpha2 };
  const grouping = groupingNamed(name.replace(/\*+$/, ''));
  if (grouping) return { code: grouping };
  // Type of data is written for countries and areas only; region and group rows leave it empty.
  if (type === '' || Number(code) >= 900) return { skip: 'region or group without a Tulay match' };
  return { skip: 'area without an ISO 3166 code' };
}

function readRow(reading: FileReading, layout: Layout, cells: string[], line: number) {
  const destination = areaOf(
    cells[layout.destinationName] ?? '',
    cells[layout.destinationCode] ?? '',
    layout.destinationType === undefined ? undefined : (cells[layout.destinationType] ?? ''),
  );
  if ('skip' in destination) return reading.skip(destination.skip);
  if ('refuse' in destination) return reading.refuse(line, destination.refuse);
  let counterpart = '';
  if (layout.originCode !== undefined) {
    const name = cells[layout.originName ?? -1] ?? '';
    const origin = areaOf(
      name,
      cells[layout.originCode] ?? '',
      Number(cells[layout.originCode]) >= 900 ? '' : undefined,
    );
    if ('skip' in origin) return reading.skip(origin.skip);
    if ('refuse' in origin) return reading.refuse(line, origin.refuse);
    counterpart = origin.code;
  }
  for (const { column, year, sex } of layout.years) {
    const raw = (cells[column] ?? '').trim();
    if (raw === '' || raw === '..' || raw === '-' || raw === '–') {
      reading.skip('missing value (.. or -)');
      continue;
    }
    const value = numberOf(raw);
    if (value === undefined) {
      reading.refuse(line, `"${clip(raw, 40)}" in the ${year} column is not a number.`);
      continue;
    }
    reading.add({
      line,
      indicator: MIGRANT_STOCK.code,
      indicatorLabel: MIGRANT_STOCK.label,
      unit: MIGRANT_STOCK.unit,
      flow: 'stock',
      area: destination.code,
      counterpart,
      period: year,
      sex,
      classification: '',
      value,
      status: '',
      note: '',
    });
  }
}
