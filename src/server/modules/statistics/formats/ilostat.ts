import { parse } from 'csv-parse';
import { resolveCountry } from '../../geography/countries.ts';
import {
  clip,
  FileReading,
  numberOf,
  type ParsedFile,
  periodOf,
  StatisticsFileError,
  sexOf,
} from './parsed.ts';

/**
 * ILOSTAT's bulk download CSV, in its published layout (ilostat.ilo.org → Bulk download, one file
 * per indicator, e.g. `EMP_TEMP_SEX_AGE_NB_A.csv.gz`): the columns
 * `ref_area, source, indicator, sex, classif1, time, obs_value, obs_status, note_classif,
 * note_indicator, note_source`, or the same with `.label` (names instead of codes). Areas are ISO3
 * codes; ILOSTAT's aggregates (`X01` World, `X86` Asia and the Pacific …) are skipped and counted.
 */
const REQUIRED = ['ref_area', 'indicator', 'time', 'obs_value'] as const;
const OPTIONAL = [
  'source',
  'sex',
  'classif1',
  'classif2',
  'obs_status',
  'note_classif',
  'note_indicator',
  'note_source',
];

/** ILOSTAT's observation status codes and what Tulay calls them. */
const STATUS: Record<string, string> = {
  B: 'break',
  E: 'estimate',
  P: 'provisional',
  U: 'unreliable',
  F: 'forecast',
  I: 'imputed',
  N: 'not significant',
};

export async function parseIlostat(text: string): Promise<ParsedFile & { refusedCount: number }> {
  const reading = new FileReading('ilostat');
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  let columns: Record<string, number> | undefined;
  let labelled = false;
  let line = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      line++;
      if (!columns) {
        ({ columns, labelled } = headerOf(record));
        continue;
      }
      readRow(reading, record, columns, labelled, line);
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
  const labelled = names.includes('ref_area.label');
  const columns: Record<string, number> = {};
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const at = names.indexOf(labelled ? `${name}.label` : name);
    const plain = names.indexOf(name);
    if (at >= 0) columns[name] = at;
    else if (plain >= 0) columns[name] = plain;
  }
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (missing.length) {
    throw new StatisticsFileError(
      'not_ilostat',
      `This is not an ILOSTAT bulk file: the first line must name the columns ${REQUIRED.join(', ')} (missing: ${missing.join(', ')}).`,
    );
  }
  return { columns, labelled };
}

function readRow(
  reading: FileReading,
  record: string[],
  columns: Record<string, number>,
  labelled: boolean,
  line: number,
) {
  const cell = (name: string) => (columns[name] === undefined ? '' : (record[columns[name]!] ?? '').trim());
  const areaText = cell('ref_area');
  if (/^X\d{2,3}$/.test(areaText)) return reading.skip('region or group');
  const area = resolveCountry(areaText);
  if (!area) return reading.refuse(line, `Unknown area code "${clip(areaText, 40)}".`);
  const period = periodOf(cell('time'));
  if (!period) return reading.refuse(line, `"${clip(cell('time'), 20)}" is not a year or a month.`);
  const sex = sexOf(cell('sex'));
  if (!sex)
    return reading.refuse(line, `Sex "${clip(cell('sex'), 30)}" is not kept (only total, female, male).`);
  const rawValue = cell('obs_value');
  if (rawValue === '') return reading.skip('no value');
  const value = numberOf(rawValue);
  if (value === undefined)
    return reading.refuse(line, `"${clip(rawValue, 40)}" in obs_value is not a number.`);
  const indicatorText = cell('indicator');
  if (!indicatorText) return reading.refuse(line, 'The indicator is empty.');
  // The labelled layout names the indicator ("Employment by sex and age (thousands)"): its code is
  // the name itself, cut to the characters a code may hold.
  const indicator = labelled ? indicatorCode(indicatorText) : indicatorText;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(indicator))
    return reading.refuse(line, `"${clip(indicatorText, 60)}" is not an indicator code.`);
  const status = cell('obs_status');
  reading.add({
    line,
    indicator,
    indicatorLabel: labelled ? clip(indicatorText, 300) : undefined,
    unit: unitOf(indicator, indicatorText),
    area,
    counterpart: '',
    period,
    sex,
    classification: clip([cell('classif1'), cell('classif2')].filter(Boolean).join(' | '), 200),
    value,
    status: STATUS[status] ?? clip(status.toLowerCase(), 40),
    note: clip(
      [
        cell('source') && `Source: ${cell('source')}`,
        cell('note_classif'),
        cell('note_indicator'),
        cell('note_source'),
      ]
        .filter(Boolean)
        .join('; '),
    ),
  });
}

function indicatorCode(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80)
    .toUpperCase();
}

/** ILOSTAT codes end in `_NB` (numbers, usually thousands) or `_RT` (rates); labels say "(thousands)". */
function unitOf(code: string, label: string): string {
  if (/\(thousands\)/i.test(label)) return 'thousands';
  if (/_RT(_|$)/.test(code)) return 'percent';
  if (/_NB(_|$)/.test(code)) return 'thousands';
  return '';
}
