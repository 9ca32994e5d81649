import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../modules/library/testing.ts';
import {
  desaRow,
  ILOSTAT_ROWS,
  ilostatCsv,
  seven,
  undesaWorkbook,
} from '../modules/statistics/test-files.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { UsageError } from './args.ts';
import { parseStatisticsArgs, runStatisticsImport, type StatisticsImportAction } from './statistics.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = tempDataDir();
  t = await createTestApp({ config: { DATA_DIR: dir } });
});
afterAll(() => t?.close());

async function run(action: Partial<StatisticsImportAction> & { file: string }) {
  const printed: string[] = [];
  const code = await runStatisticsImport(
    t.database,
    t.config,
    { dataset: 'cli-set', dryRun: false, source: 'Test source', ...action },
    (s) => printed.push(s),
  );
  return { code, out: printed.join('\n') };
}

const count = async (code: string) =>
  Number(
    (
      await t.database.pool.query(
        'select count(*) from statistics_observations o join statistics_datasets d on d.id = o.dataset_id where d.code = $1',
        [code],
      )
    ).rows[0].count,
  );

describe('tulay statistics: usage', () => {
  it.each([
    [[], /Missing statistics command/],
    [['export', 'x'], /Unknown statistics command: export/],
    [['import'], /Name the file/],
    [['import', 'f.csv'], /--dataset: required/],
    [['import', 'f.csv', '--dataset', 'x', '--format', 'sdmx'], /--format/],
  ])('%j is refused as bad usage', (args, message) => {
    expect(() => parseStatisticsArgs(args)).toThrow(UsageError);
    expect(() => parseStatisticsArgs(args)).toThrow(message);
  });
});

describe('tulay statistics import', () => {
  it('accepts both published layouts: an ILOSTAT bulk CSV and a UN DESA workbook', async () => {
    const csv = join(dir, 'EMP_TEMP_SEX_AGE_NB_A.csv');
    writeFileSync(csv, ilostatCsv(ILOSTAT_ROWS));
    const first = await run({ file: csv, dataset: 'cli-ilostat' });
    expect(first.code).toBe(0);
    expect(first.out).toContain('4 figures read: 4 new, 0 changed, 0 unchanged, 0 refused.');
    expect(await count('cli-ilostat')).toBe(4);
    const again = await run({ file: csv, dataset: 'cli-ilostat' });
    expect(again.out).toContain('0 new, 0 changed, 4 unchanged');

    const xlsx = join(dir, 'undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx');
    writeFileSync(
      xlsx,
      await undesaWorkbook([desaRow(1, 'Nepal', 524, 'B', seven(1).concat(seven(1), seven(1)))]),
    );
    const desa = await run({ file: xlsx, dataset: 'cli-desa', format: 'undesa' });
    expect(desa.code).toBe(0);
    expect(await count('cli-desa')).toBe(21);
    const audit = await t.database.pool.query(
      "select outcome from audit_events where action = 'cli.statistics.import' order by id desc limit 1",
    );
    expect(audit.rows[0].outcome).toBe('success');
  });

  it('prints refused rows with their lines and writes nothing; a dry run writes nothing', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(
      csv,
      ilostatCsv([
        ...ILOSTAT_ROWS,
        ['PHL', 'x', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', '', '2022', 'n/a', '', '', '', ''],
      ]),
    );
    const bad = await run({ file: csv, dataset: 'cli-bad' });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('line 7: "n/a" in obs_value is not a number.');
    expect(await count('cli-bad')).toBe(0);
    const good = join(dir, 'good.csv');
    writeFileSync(good, ilostatCsv(ILOSTAT_ROWS));
    const dry = await run({ file: good, dataset: 'cli-dry', dryRun: true });
    expect(dry.code).toBe(0);
    expect(await count('cli-dry')).toBe(0);
  });

  it('refuses a new data set without a source, and a file that is not there', async () => {
    const csv = join(dir, 'EMP.csv');
    writeFileSync(csv, ilostatCsv(ILOSTAT_ROWS));
    await expect(run({ file: csv, dataset: 'cli-nosource', source: undefined })).rejects.toThrow(
      /give --source/,
    );
    await expect(run({ file: join(dir, 'missing.csv') })).rejects.toThrow(/Cannot read/);
  });
});
