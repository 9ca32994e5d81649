import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  desaRow,
  ILOSTAT_ROWS,
  ilostatCsv,
  seven,
  undesaWorkbook,
} from '../src/server/modules/statistics/test-files.ts';
import { collectPageErrors, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import { seedPeople } from './support/people.ts';
import type { TestTulay } from './support/tulay.ts';

// Migration statistics: the secretariat creates a data set, imports an ILOSTAT file and a UN DESA
// workbook (preview, then commit), publishes it, and the public sees the Philippines' profile with
// its charts and tables, on a phone.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney({ demo: true }));
  await seedPeople(tulay.running.database.db, PASSWORD);
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

test('import ILOSTAT and UN DESA files, then read the Philippines profile', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'dewi@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();

  await page.goto('/datasets/new');
  await page.getByRole('textbox', { name: /^Code/ }).fill('migrant-stock-2020');
  await page.getByRole('textbox', { name: /^Title/ }).fill('Migrant stock (journey test)');
  await page.getByRole('textbox', { name: /^Source/ }).fill('UN DESA and ILOSTAT test files');
  await page.getByLabel('Published: on the public pages and the public API').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Migrant stock (journey test)' }).waitFor();

  const dir = tmpdir();
  const csv = join(dir, `EMP_TEMP_SEX_AGE_NB_A-${Date.now()}.csv`);
  writeFileSync(csv, ilostatCsv(ILOSTAT_ROWS));
  await page.locator('input[type=file]').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByText('4 figures read: 4 new, 0 changed, 0 unchanged, 0 refused.').waitFor();
  await expectAccessible(page, 'statistics import preview');
  await page.getByRole('button', { name: 'Write these figures' }).click();
  await page.getByText('Written.').waitFor();

  const xlsx = join(dir, `undesa_pd_2020_ims_stock_by_sex_and_destination-${Date.now()}.xlsx`);
  writeFileSync(
    xlsx,
    await undesaWorkbook([desaRow(1, 'Philippines', 608, 'B', seven(200).concat(seven(110), seven(90)))]),
  );
  await page.locator('input[type=file]').setInputFiles(xlsx);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByText('21 figures read: 21 new, 0 changed, 0 unchanged, 0 refused.').waitFor();
  await page.getByRole('button', { name: 'Write these figures' }).click();
  await page.getByText('Written.').waitFor();
  await eventually(() => page.getByRole('list', { name: 'Imports' }).getByRole('listitem').count()).toBe(2);

  await page.goto('/statistics/PH');
  await page.getByRole('heading', { name: 'Migration statistics: Philippines' }).waitFor();
  // The demo's made-up figures and the imported ones are separate series, each with its chart and table.
  const stock = 'International migrant stock at mid-year (persons)';
  expect(await page.getByRole('img', { name: stock }).count()).toBe(2);
  const imported = page.getByRole('table', { name: `${stock} · migrant-stock-2020` });
  expect(await imported.getByRole('row', { name: '2020 260 150 170' }).count()).toBe(1);
  expect(await imported.getByRole('row').count()).toBe(1 + 7);
  expect(
    await page.getByRole('table', { name: /Employment by sex and age|EMP_TEMP_SEX_AGE_NB/ }).count(),
  ).toBe(1);
  await snapshot(page, 'statistics-profile');
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page, 'country profile');
  expect(errors).toEqual([]);
}, 150_000);
