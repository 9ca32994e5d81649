import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GZIP_LIMIT, readStatisticsFile } from './formats/read.ts';
import { desaRow, ILOSTAT_LABELLED, ILOSTAT_ROWS, ilostatCsv, seven, undesaWorkbook } from './test-files.ts';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const problemOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e) => ({ status: e.status as number, code: e.code as string }),
  );

describe('ILOSTAT bulk CSV (EMP_TEMP_SEX_AGE_NB_A.csv.gz layout)', () => {
  it('reads codes, sex, status and notes, skipping ILOSTAT aggregates', async () => {
    const read = await readStatisticsFile(bytes(ilostatCsv(ILOSTAT_ROWS)));
    expect(read.format).toBe('ilostat');
    expect(read.rows).toHaveLength(4);
    expect(read.skipped).toEqual({ 'region or group': 1 });
    expect(read.rows[1]).toMatchObject({
      line: 3,
      indicator: 'EMP_TEMP_SEX_AGE_NB',
      area: 'PH',
      period: '2020',
      sex: 'F',
      classification: 'AGE_YTHADULT_YGE15',
      value: 40,
      status: 'estimate',
      unit: 'thousands',
    });
    expect(read.rows[1]!.note).toContain('Repository: ILO-STATISTICS');
    expect(read.rows[3]).toMatchObject({ area: 'ID', value: 200.5, status: 'break' });
  });

  it('reads the same file gzipped, and the .label variant', async () => {
    const gz = await readStatisticsFile(gzipSync(bytes(ilostatCsv(ILOSTAT_ROWS))));
    expect(gz.rows).toHaveLength(4);
    const labelled = await readStatisticsFile(bytes(ILOSTAT_LABELLED), 'ilostat');
    expect(labelled.rows[0]).toMatchObject({ area: 'PH', sex: 'F', period: '2019', value: 38 });
    expect(labelled.rows[0]!.indicatorLabel).toBe('Employment by sex and age (thousands)');
  });

  it('refuses rows with reasons: unknown area, text in the value, a duplicate key, a quarter', async () => {
    const read = await readStatisticsFile(
      bytes(
        ilostatCsv([
          ['ZZZ', 'BA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', '', '2020', '1', '', '', '', ''],
          ['PHL', 'BA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', '', '2020', 'many', '', '', '', ''],
          ['PHL', 'BA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', '', '2021', '5', '', '', '', ''],
          ['PHL', 'BA:2', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', '', '2021', '6', '', '', '', ''],
          ['PHL', 'BA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', '', '2021Q1', '5', '', '', '', ''],
        ]),
      ),
    );
    expect(read.rows).toHaveLength(1);
    expect(read.refused.map((r) => r.line)).toEqual([2, 3, 5, 6]);
    expect(read.refused[0]!.reason).toMatch(/Unknown area code "ZZZ"/);
    expect(read.refused[1]!.reason).toMatch(/not a number/);
    expect(read.refused[2]!.reason).toMatch(/already on line 4/);
  });

  it('refuses a file that is not in the layout: a moved header row, a truncated gzip, a workbook', async () => {
    expect(
      await problemOf(readStatisticsFile(bytes(`ILOSTAT export\n${ilostatCsv(ILOSTAT_ROWS)}`), 'ilostat')),
    ).toEqual({
      status: 422,
      code: 'not_ilostat',
    });
    const gz = gzipSync(bytes(ilostatCsv(ILOSTAT_ROWS)));
    expect(await problemOf(readStatisticsFile(gz.subarray(0, gz.length - 20)))).toEqual({
      status: 422,
      code: 'malformed_file',
    });
    expect(await problemOf(readStatisticsFile(await undesaWorkbook([]), 'ilostat'))).toEqual({
      status: 422,
      code: 'not_csv',
    });
    // A gzip bomb: limit lowered for the test, so the test does not have to inflate 300 MB.
    const limit = GZIP_LIMIT.inflatedBytes;
    GZIP_LIMIT.inflatedBytes = 1024 * 1024;
    try {
      const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024));
      expect(await problemOf(readStatisticsFile(bomb))).toEqual({
        status: 413,
        code: 'file_inflates_too_large',
      });
    } finally {
      GZIP_LIMIT.inflatedBytes = limit;
    }
  });
});

describe('UN DESA International Migrant Stock 2020 (undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx)', () => {
  it('reads countries by M49 code, sexes from the headings, skips missing values and unmatched regions', async () => {
    const ph = [...seven(100), ...seven(50), ...seven(50)] as (number | string)[];
    ph[0] = '..';
    const book = await undesaWorkbook([
      desaRow(1, 'WORLD', 900, '', seven(1000).concat(seven(500), seven(500))),
      desaRow(2, 'Africa', 903, '', seven(10).concat(seven(5), seven(5))),
      desaRow(3, 'Philippines', 608, 'B', ph),
      desaRow(4, 'Channel Islands', 830, 'B', seven(1).concat(seven(1), seven(1))),
    ]);
    const read = await readStatisticsFile(book);
    expect(read.format).toBe('undesa');
    expect(read.refusedCount).toBe(0);
    const philippines = read.rows.filter((r) => r.area === 'PH');
    expect(philippines).toHaveLength(20);
    expect(philippines.find((r) => r.period === '2020' && r.sex === 'F')).toMatchObject({
      indicator: 'MIGRANT_STOCK',
      value: 110,
      unit: 'persons',
      counterpart: '',
    });
    // "Africa" is a Tulay grouping (the ILO region of the same countries); WORLD is not.
    expect(read.rows.filter((r) => r.area === 'ilo-africa')).toHaveLength(21);
    expect(read.skipped).toEqual({
      'region or group without a Tulay match': 1,
      'area without an ISO 3166 code': 1,
      'missing value (.. or -)': 1,
    });
  });

  it('reads the destination × origin layout into counterparts', async () => {
    const row = [
      5,
      'Saudi Arabia',
      null,
      682,
      'B',
      'Philippines',
      608,
      ...seven(1).concat(seven(2), seven(3)),
    ];
    const read = await readStatisticsFile(await undesaWorkbook([row], { origin: true }));
    expect(read.rows).toHaveLength(21);
    expect(read.rows[0]).toMatchObject({ area: 'SA', counterpart: 'PH', period: '1990', sex: 'T', value: 1 });
  });

  it('refuses the wrong sheet, a header row moved down, text in a value column, a truncated workbook', async () => {
    expect(await problemOf(readStatisticsFile(await undesaWorkbook([], { sheet: 'Data' })))).toEqual({
      status: 422,
      code: 'wrong_sheet',
    });
    expect(await problemOf(readStatisticsFile(await undesaWorkbook([], { titleRows: 30 })))).toEqual({
      status: 422,
      code: 'header_not_found',
    });
    const text = await readStatisticsFile(
      await undesaWorkbook([desaRow(3, 'Philippines', 608, 'B', ['about 5', ...seven(1).slice(1)])]),
    );
    expect(text.refused[0]).toEqual({ line: 12, reason: '"about 5" in the 1990 column is not a number.' });
    const book = await undesaWorkbook([desaRow(3, 'Philippines', 608, 'B', seven(1))]);
    expect(await problemOf(readStatisticsFile(book.subarray(0, book.length / 2)))).toMatchObject({
      status: 422,
    });
  });
});

describe('Tulay’s own long CSV', () => {
  it('reads the template’s columns, areas by code or name, and refuses what it cannot keep', async () => {
    const csv = [
      'indicator,indicator_label,unit,area,counterpart,period,sex,classification,value,status,note',
      'DEPLOYED,Workers deployed,persons,PH,Saudi Arabia,2023-04,F,,120,provisional,Agency report',
      'DEPLOYED,Workers deployed,persons,asean,,2023,T,,5,,',
      'DEPLOYED,,,Atlantis,,2023,T,,5,,',
      'DEPLOYED,,,PH,SA,2023-13,T,,5,,',
      'DEPLOYED,,,PH,SA,2023,X,,5,,',
    ].join('\n');
    const read = await readStatisticsFile(bytes(csv), 'tulay');
    expect(read.rows.map((r) => [r.area, r.counterpart, r.period, r.sex, r.value])).toEqual([
      ['PH', 'SA', '2023-04', 'F', 120],
      ['asean', '', '2023', 'T', 5],
    ]);
    expect(read.refused.map((r) => r.line)).toEqual([4, 5, 6]);
  });
});
