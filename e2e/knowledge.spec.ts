import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { insertOrganisation } from '../src/server/modules/directory/repository.ts';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { makePdf } from '../src/server/platform/files/fixtures.ts';
import { collectPageErrors, expectAccessible, phoneContext } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// The knowledge journeys: a member editor proposes a good practice, staff send it back, the editor
// resubmits, staff publish, and the public finds it with its facets; staff upload a PDF and the
// public finds it by a phrase from its third page. Public pages carry no JavaScript at all.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Kanlungan Centre', typeCode: 'ngo', published: true })
    .returning();
  // Through the directory's repository, so the proposer can find it by name.
  await insertOrganisation(db, { name: 'Qatar Domestic Workers Network', typeCode: 'ngo', published: true });
  const passwordHash = await hashPassword(PASSWORD);
  await insertUser(db, {
    organisationId: org!.id,
    email: 'editor@example.org',
    name: 'Rosa Editor',
    role: 'member_editor',
    passwordHash,
  });
  await insertUser(db, {
    organisationId: org!.id,
    email: 'staff@example.org',
    name: 'Dewi Staff',
    role: 'secretariat',
    passwordHash,
  });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function signedIn(email: string) {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, email, PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { page, errors };
}

async function pick(page: Page, label: string, option: string, typed?: string) {
  const input = page.getByLabel(label, { exact: true }).first();
  await input.click({ force: true });
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Loads a public page counting the JavaScript it pulls in (there should be none). */
async function publicPage(path: string) {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  let scriptBytes = 0;
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script')
      scriptBytes += (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(path);
  return { page, scriptBytes: () => scriptBytes };
}

test('a member editor proposes, staff request changes, the editor resubmits, staff publish, the public finds it', async () => {
  const editor = await signedIn('editor@example.org');
  await editor.page.goto('/knowledge');
  await editor.page.getByRole('heading', { name: 'Good practices', exact: true }).waitFor();
  await expectAccessible(editor.page, 'practices list');
  await editor.page.getByRole('link', { name: 'Propose a practice' }).click();
  await editor.page.getByLabel('Title').fill('Peer counselling for domestic workers in Qatar');
  await editor.page
    .getByLabel('Description')
    .fill('<p>Returned <strong>domestic workers</strong> counsel new arrivals.</p><script>alert(1)</script>');
  await pick(editor.page, 'Countries', 'Qatar', 'Qat');
  await pick(editor.page, 'Thematic areas', 'Protection');
  await expectAccessible(editor.page, 'practice form');
  await editor.page.getByRole('button', { name: 'Save draft' }).click();
  await editor.page.getByRole('button', { name: 'Submit for review' }).click();
  await editor.page.getByText('Submitted', { exact: true }).first().waitFor();
  await expectAccessible(editor.page, 'practice detail (submitted)');
  const practiceUrl = new URL(editor.page.url()).pathname;

  const staff = await signedIn('staff@example.org');
  await staff.page.goto(practiceUrl);
  await staff.page.getByLabel('Comment for the proposer').fill('Please say since when.');
  await staff.page.getByRole('button', { name: 'Request changes' }).click();
  await staff.page.getByText('Changes requested', { exact: true }).first().waitFor();

  await editor.page.reload();
  await editor.page.getByText('Please say since when.').waitFor();
  await editor.page.getByRole('button', { name: 'Edit', exact: true }).click();
  await editor.page.getByLabel('Title').fill('Peer counselling for domestic workers in Qatar since 2019');
  // A partner shares the responsibility, and the record names its source.
  await editor.page.getByLabel('Find an organisation').fill('Qatar Domestic');
  await expect
    .poll(() =>
      editor.page
        .getByLabel('Responsible organisation', { exact: true })
        .locator('option')
        .first()
        .textContent(),
    )
    .toContain('Qatar Domestic Workers Network');
  await editor.page.getByRole('button', { name: 'Add organisation' }).click();
  await editor.page
    .getByRole('list', { name: 'Responsible organisations' })
    .getByText('Qatar Domestic Workers Network')
    .waitFor();
  await editor.page.getByRole('button', { name: 'Add a source' }).click();
  await editor.page.getByLabel('Source 1: title').fill('Kanlungan annual report 2020');
  await editor.page.getByLabel('Source 1: web address').fill('https://example.org/report-2020');
  await expectAccessible(editor.page, 'practice form with partners and sources');
  await editor.page.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
  await editor.page.getByText(/Kanlungan Centre.*Qatar Domestic Workers Network/).waitFor();
  await editor.page.getByRole('link', { name: 'Kanlungan annual report 2020' }).waitFor();
  await editor.page.getByRole('button', { name: 'Submit for review' }).click();
  await editor.page.getByText('Submitted', { exact: true }).first().waitFor();

  await staff.page.reload();
  await staff.page.getByRole('button', { name: 'Publish' }).click();
  await staff.page.getByRole('link', { name: 'See the public page' }).waitFor();
  expect(editor.errors).toEqual([]);
  expect(staff.errors).toEqual([]);

  const { page, scriptBytes } = await publicPage('/search?q=%22domestic+workers%22');
  const hit = page.getByRole('link', { name: 'Peer counselling for domestic workers in Qatar since 2019' });
  await hit.waitFor();
  await expectAccessible(page, 'public search');
  // The facets name the record's theme, country and region; choosing one keeps the record. On a
  // phone they are folded under "Filters", below the search box and above the results.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('link', { name: 'Protection' }).click();
  await expect.poll(() => page.url()).toContain('theme=protection');
  await hit.waitFor();
  await page.getByText('Filters', { exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Filters' })
    .getByRole('link', { name: 'Arab States' })
    .waitFor();
  await hit.click();
  await page
    .getByRole('heading', { name: 'Peer counselling for domestic workers in Qatar since 2019' })
    .waitFor();
  expect(await page.locator('.rich script').count()).toBe(0);
  await expectAccessible(page, 'public practice page');
  expect(scriptBytes()).toBe(0);
});

test('staff upload a PDF and the public finds it by a phrase from its third page', async () => {
  const staff = await signedIn('staff@example.org');
  await staff.page.goto('/library/new');
  await staff.page.getByLabel('Title').fill('Policy brief: recruitment in the Gulf');
  await expectAccessible(staff.page, 'new publication');
  await staff.page.getByRole('button', { name: 'Save' }).click();
  await staff.page.getByRole('button', { name: 'Upload' }).waitFor();
  const pdf = makePdf([
    'Recruitment in the Gulf',
    'Wages and deductions',
    'Brokers keep the workers passports in Doha',
  ]);
  await staff.page
    .locator('input[type=file]')
    .setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: pdf });
  await staff.page.getByRole('button', { name: 'Upload' }).click();
  await staff.page.getByRole('link', { name: 'brief.pdf' }).waitFor();
  await expectAccessible(staff.page, 'publication with a file');
  expect(staff.errors).toEqual([]);

  const { page, scriptBytes } = await publicPage('/search?q=%22keep+the+workers+passports%22');
  await page.getByRole('link', { name: 'Policy brief: recruitment in the Gulf' }).click();
  await page.getByRole('link', { name: 'brief.pdf' }).waitFor();
  await expectAccessible(page, 'public publication page');
  expect(scriptBytes()).toBe(0);
});

test('the public search reads right to left in Arabic and still passes axe at 360 px', async () => {
  const context = await phoneContext(browser, tulay.url, 'ar');
  const page = await context.newPage();
  await page.goto('/search?region=ilo-arab-states');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('search').waitFor();
  await expectAccessible(page, 'public search (Arabic)');
});
