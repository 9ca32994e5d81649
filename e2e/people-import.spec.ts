import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectPageErrors, expectAccessible, phoneContext } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import { seedPeople } from './support/people.ts';
import type { TestTulay } from './support/tulay.ts';

// Importing people: secretariat staff choose "People" on the import screen, upload a CSV, read the
// dry-run preview (which passes axe at 360 px), import it and find the new people in the list.

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

// Generous: another test run may share this 2-core machine.
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

test('import people from a CSV: choose People, preview, import, find them in the list', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'dewi@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();

  const csv = join(tmpdir(), `tulay-people-${Date.now()}.csv`);
  writeFileSync(
    csv,
    'external_id,name,country,languages,email,public_consent\n' +
      'imp-1,Ana Reyes,Philippines,tl;en,ana@example.org,yes\n' +
      'imp-2,Budi Santoso,ID,id,,no\n',
  );
  await page.goto('/directory/import');
  await page.getByLabel('What the rows hold').selectOption('people');
  await page.getByRole('heading', { name: 'Import people' }).waitFor();
  // Organisation types mean nothing for people.
  expect(await page.getByLabel('Unknown organisation types').count()).toBe(0);
  await page.getByLabel('File (CSV or XLSX, up to 50 MB)').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await eventually(() => page.getByTestId('import-summary').textContent()).toContain('New: 2');
  const columns = page.getByRole('region', { name: 'Columns' });
  expect(await columns.getByLabel('languages').inputValue()).toBe('languages');
  expect(await columns.getByLabel('public_consent').inputValue()).toBe('public_consent');
  await expectAccessible(page, 'people import preview');

  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await page.getByText('2 added, 0 changed, 0 unchanged.').waitFor();
  await page.getByRole('link', { name: 'Back to the people' }).click();
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
  const names = () => page.getByRole('list', { name: 'People' }).getByRole('link').allTextContents();
  await eventually(names).toEqual([
    'Ana Reyes',
    'Budi Santoso',
    'Kim Min-jun',
    'Kim Seo-yeon',
    'Maria Santos',
  ]);
  // The people page leads back to the import, with People already chosen.
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await eventually(() => page.getByLabel('What the rows hold').inputValue()).toBe('people');
  expect(errors).toEqual([]);
}, 120_000);
