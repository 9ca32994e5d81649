import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDemoData } from '../src/server/demo/seed.ts';
import { extractText } from '../src/server/platform/files/extract.ts';
import { collectPageErrors, expectAccessible, launchBrowser, phoneContext } from './support/browser.ts';
import { signIn } from './support/journeys.ts';
import { seedPeople } from './support/people.ts';
import { startTulay, type TestTulay } from './support/tulay.ts';

// The yearbook builder: the secretariat builds a two-chapter policy brief from the demo's
// statistics (a country report and a thematic report with a figure chosen in the picker), makes
// its PDF in the background while the screen shows progress, and downloads it; the PDF's text has
// both chapter titles and a figure from the data (the demo's 220,000 women in 2020).

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  tulay = await startTulay();
  browser = await launchBrowser();
  await loadDemoData(tulay.running.database);
  await seedPeople(tulay.running.database.db, PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await tulay?.stop();
});

async function pick(page: Page, label: string, option: string) {
  const input = page.getByLabel(label, { exact: true }).first();
  await input.click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('build a two-chapter policy brief and download its PDF', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'dewi@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();

  await page.goto('/editions');
  await page.getByRole('heading', { name: 'Yearbooks and briefs' }).waitFor();
  await page.getByRole('textbox', { name: 'Title' }).fill('Filipinos abroad: journey brief');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Filipinos abroad: journey brief' }).waitFor();

  const addChapter = page.getByRole('form', { name: 'Add a chapter' });
  await pick(page, 'Chapter kind', 'Country report');
  await addChapter.getByRole('textbox', { name: 'Chapter title' }).fill('Country report: Philippines');
  await addChapter.getByRole('combobox', { name: 'Country', exact: true }).fill('Philippines');
  await page.getByRole('option', { name: 'Philippines', exact: true }).click();
  await addChapter.getByRole('button', { name: 'Add the chapter' }).click();
  await page.getByText('1. Country report: Philippines (Philippines)').waitFor();

  await pick(page, 'Chapter kind', 'Thematic report');
  await addChapter.getByRole('textbox', { name: 'Chapter title' }).fill('Women who migrate');
  await addChapter.getByRole('button', { name: 'Add the chapter' }).click();
  await page.getByText('2. Women who migrate').waitFor();

  await page.getByRole('button', { name: 'Edit' }).nth(1).click();
  await page.getByRole('textbox', { name: 'Text' }).fill('Most Filipino migrants are women.');
  await pick(page, 'Indicator', 'International migrant stock at mid-year');
  await pick(page, 'Area', 'PH');
  await pick(page, 'Sex', 'Female');
  // The live preview draws the chart and its table from the published figures.
  await page.getByRole('row', { name: '2020 220,000' }).waitFor();
  await expectAccessible(page, 'chapter editor with figure preview');
  await page.getByRole('button', { name: 'Add the figure' }).click();
  await page.getByRole('button', { name: 'Save the chapter' }).click();
  await page.getByRole('button', { name: 'Save the chapter' }).waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Make the PDF' }).click();
  await page.getByRole('progressbar', { name: 'Progress of the PDF' }).waitFor();
  const download = page.getByRole('link', { name: 'Download the PDF' });
  await download.waitFor({ timeout: 60_000 });
  await expectAccessible(page, 'edition editor');

  const pdf = await page.request.get((await download.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  const text = (await extractText('pdf', await pdf.body())).text.replace(/\s+/g, ' ');
  expect(text).toContain('Country report: Philippines');
  expect(text).toContain('Women who migrate');
  expect(text).toContain('220,000');
  expect(errors).toEqual([]);
}, 180_000);
