import { parse } from 'csv-parse';
import {
  areaCode,
  clip,
  FileReading,
  numberOf,
  type ParsedFile,
  periodOf,
  StatisticsFileError,
  sexOf,
} from './parsed.ts';

/**
 * Tulay's own long CSV, for the network's figures (deployments reported by origin-country agencies,
 * cases counted by a member …): one figure per line. The template is `TEMPLATE` below.
 */
export const TULAY_COLUMNS = [
  'indicator',
  'indicator_label',
  'unit',
  'area',
  'counterpart',
  'period',
  'sex',
  'classification',
  'value',
  'status',
  'note',
] as const;
const REQUIRED = ['indicator', 'area', 'period', 'value'];

export const TULAY_TEMPLATE = `${TULAY_COLUMNS.join(',')}
DEPLOYED_WORKERS,Workers deployed,persons,PH,SA,2023,F,sector: domestic work,0,provisional,Replace this line with your figures
`;

export async function parseTulayCsv(text: string): Promise<ParsedFile & { refusedCount: number }> {
  const reading = new FileReading('tulay');
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  let columns: Record<string, number> | undefined;
  let line = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      line++;
      if (!columns) {
        columns = headerOf(record);
        continue;
      }
      readRow(reading, record, columns, line);
    }
  } catch (error) {
    if (error instanceof StatisticsFileError) throw error;
    throw new StatisticsFileError(
      'malformed_file',
      `The CSV stops being readable at line ${line + 1}: ${(error as Error).message.slice(0, 200)}`,
    );
  }
  if (!columns) throw new StatisticsFileError('empty_file', 'The file has no rows.');
  return reading.result();
}

function headerOf(record: string[]) {
  const names = record.map((h) => h.trim().toLowerCase());
  const columns: Record<string, number> = {};
  for (const name of TULAY_COLUMNS) if (names.includes(name)) columns[name] = names.indexOf(name);
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (missing.length) {
    throw new StatisticsFileError(
      'not_tulay_csv',
      `The first line must name the template's columns (${TULAY_COLUMNS.join(', ')}); missing: ${missing.join(', ')}.`,
    );
  }
  return columns;
}

function readRow(reading: FileReading, record: string[], columns: Record<string, number>, line: number) {
  const cell = (name: string) => (columns[name] === undefined ? '' : (record[columns[name]!] ?? '').trim());
  const indicator = cell('indicator');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(indicator))
    return reading.refuse(
      line,
      `"${clip(indicator, 60)}" is not an indicator code (letters, digits, _ . -).`,
    );
  const area = areaCode(cell('area'));
  if (!area) return reading.refuse(line, `Unknown area "${clip(cell('area'), 40)}".`);
  const counterpartText = cell('counterpart');
  const counterpart = counterpartText ? areaCode(counterpartText) : '';
  if (counterpart === undefined)
    return reading.refuse(line, `Unknown counterpart "${clip(counterpartText, 40)}".`);
  const period = periodOf(cell('period'));
  if (!period)
    return reading.refuse(line, `"${clip(cell('period'), 20)}" is not a year (2023) or a month (2023-04).`);
  const sex = sexOf(cell('sex'));
  if (!sex) return reading.refuse(line, `Sex "${clip(cell('sex'), 30)}" must be T, F or M.`);
  const value = numberOf(cell('value'));
  if (value === undefined)
    return reading.refuse(line, `"${clip(cell('value'), 40)}" in value is not a number.`);
  reading.add({
    line,
    indicator,
    indicatorLabel: clip(cell('indicator_label'), 300) || undefined,
    unit: clip(cell('unit'), 40) || undefined,
    area,
    counterpart,
    period,
    sex,
    classification: clip(cell('classification'), 200),
    value,
    status: clip(cell('status').toLowerCase(), 40),
    note: clip(cell('note')),
  });
}
