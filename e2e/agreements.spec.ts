import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { insertPerson } from '../src/server/modules/people/repository.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { collectPageErrors, expectAccessible, phoneContext, sameSite, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// Advocacy journeys: staff record an agreement with two provisions, a corridor and a monitoring
// finding, and find it by the corridor filter on the staff screen and on the public register; a
// student applies for an internship from a phone without an account, and staff shortlist and place
// them. All at 360 px with an accessibility audit; public pages carry no JavaScript.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Asia Pacific Mission for Migrants', acronym: 'APMM', typeCode: 'ngo', published: true })
    .returning();
  await db.insert(organisations).values({
    name: 'Partner University',
    typeCode: 'academic',
    published: true,
    searchText: 'partner university',
  });
  await insertPerson(db, { name: 'Liza Supervisor' });
  await insertUser(db, {
    organisationId: org!.id,
    email: 'staff@example.org',
    name: 'Dewi Staff',
    role: 'secretariat',
    passwordHash: await hashPassword(PASSWORD),
  });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function signedIn() {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'staff@example.org', PASSWORD);
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

/** A public page, counting the JavaScript it loads (there should be none). */
async function publicPage(path: string, locale?: string) {
  const context = await phoneContext(browser, tulay.url, locale);
  const page = await context.newPage();
  let scripts = 0;
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts += 1;
  });
  await page.goto(path);
  return { page, scripts: () => scripts };
}

test('an agreement with two provisions and a monitoring finding is found by its corridor, on the staff screen and the public register', async () => {
  const { page, errors } = await signedIn();
  // Another agreement in another corridor, so the filter has something to leave out.
  const other = await page.request.post(`${tulay.url}/api/v1/agreements`, {
    headers: sameSite(tulay.url),
    data: {
      title: 'Nepal Qatar memorandum',
      typeCode: 'memorandum_of_understanding',
      status: 'signed',
      partyCountries: ['NP', 'QA'],
      corridors: ['NP-QA'],
      published: true,
    },
  });
  expect(other.status()).toBe(201);

  await page.goto('/manage/agreements');
  await page.getByRole('heading', { name: 'Agreements register' }).waitFor();
  await expectAccessible(page, 'agreements list');
  await page.getByRole('link', { name: 'Add an agreement' }).click();
  await page.getByLabel('Title').fill('Philippines Saudi Arabia domestic workers agreement');
  await page.getByLabel('Signed on').fill('2013-05-19');
  await pick(page, 'Countries that are parties', 'Philippines', 'Philip');
  await pick(page, 'Countries that are parties', 'Saudi Arabia', 'Saudi');
  await pick(page, 'Provisions', 'Covers domestic workers');
  await pick(page, 'Provisions', 'Wage protection');
  await page.getByLabel('Where it is written: Wage protection').fill('Article 5');
  await pick(page, 'Origin', 'Philippines', 'Philip');
  await pick(page, 'Destination', 'Saudi Arabia', 'Saudi');
  await page.getByRole('button', { name: 'Add corridor' }).click();
  await page.getByText('Philippines → Saudi Arabia').waitFor();
  await page.getByLabel('Published on the public register').check();
  await expectAccessible(page, 'agreement form');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await page.getByRole('heading', { name: 'Philippines Saudi Arabia domestic workers agreement' }).waitFor();
  await page.getByText('Wage protection — Article 5').waitFor();
  await page.getByLabel('Date of the finding').fill('2024-03-01');
  await page
    .getByRole('textbox', { name: /^Finding/ })
    .fill('Wages are still paid late in most cases we handle.');
  await page.getByLabel('Source', { exact: true }).fill('Case review 2024');
  await page.getByRole('button', { name: 'Add finding' }).click();
  await page.getByText('Wages are still paid late in most cases we handle.').waitFor();
  await expectAccessible(page, 'agreement page with a finding');
  await snapshot(page, 'agreement-staff');

  await page.getByRole('link', { name: 'All agreements' }).click();
  const list = page.getByRole('list', { name: 'Agreements' });
  await list.getByText('Nepal Qatar memorandum').waitFor();
  await page.getByLabel('Corridor', { exact: true }).selectOption({ label: 'Philippines → Saudi Arabia' });
  await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
  await list.getByText('Philippines Saudi Arabia domestic workers agreement').waitFor();
  await expectAccessible(page, 'agreements filtered by corridor');
  expect(errors).toEqual([]);

  const pub = await publicPage('/agreements');
  await pub.page.getByLabel('Corridor').selectOption({ label: 'Philippines → Saudi Arabia' });
  await pub.page.getByRole('button', { name: 'Filter' }).click();
  await pub.page.waitForURL(/corridor=PH-SA/);
  const results = pub.page.getByRole('list', { name: 'Agreements' });
  await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
  await expectAccessible(pub.page, 'public register filtered by corridor');
  await results.getByRole('link', { name: 'Philippines Saudi Arabia domestic workers agreement' }).click();
  await pub.page.getByText('Covers domestic workers').waitFor();
  await pub.page.getByText('Wages are still paid late in most cases we handle.').waitFor();
  const ld = await pub.page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(ld!)).toMatchObject({ '@type': 'Legislation', legislationDate: '2013-05-19' });
  await expectAccessible(pub.page, 'public agreement page');
  await snapshot(pub.page, 'agreement-public');
  expect(pub.scripts()).toBe(0);
  // In Arabic the page runs right to left and the corridor arrow points the way the line reads.
  const ar = await publicPage('/agreements?corridor=PH-SA', 'ar');
  expect(await ar.page.locator('html').getAttribute('dir')).toBe('rtl');
  await ar.page.getByRole('heading', { name: 'سجل الاتفاقيات' }).waitFor();
  await ar.page.locator('li.hit').getByText('←').waitFor();
  await expectAccessible(ar.page, 'public register in Arabic');
});

test('a student applies from a phone without an account; staff shortlist and place them', async () => {
  const { page, errors } = await signedIn();
  const opportunity = await page.request.post(`${tulay.url}/api/v1/internship-opportunities`, {
    headers: sameSite(tulay.url),
    data: { title: 'Research internship', description: 'Research on labour migration.', open: true },
  });
  expect(opportunity.status()).toBe(201);

  const pub = await publicPage('/internships');
  await pub.page.getByRole('heading', { name: 'Internships and volunteering' }).waitFor();
  await expectAccessible(pub.page, 'internships page');
  await pub.page
    .getByLabel('Opportunity')
    .selectOption({ label: 'Research internship · Asia Pacific Mission for Migrants' });
  await pub.page.getByLabel('Your name').fill('Maria Santos');
  await pub.page.getByLabel('Email').fill('maria.santos@example.org');
  await pub.page.getByLabel('Why would you like to join?').fill('I study migration and want to help.');
  // Without consent the form comes back with the field marked and nothing lost.
  await pub.page.getByRole('button', { name: 'Send my application' }).click();
  await pub.page.getByText('We can keep your application only if you agree to it.').first().waitFor();
  expect(await pub.page.getByLabel('Your name').inputValue()).toBe('Maria Santos');
  await expectAccessible(pub.page, 'internships form with an error');
  await snapshot(pub.page, 'internships-form-error');
  await pub.page.getByLabel(/I agree that the organisation/).check();
  await pub.page.getByLabel('Available from').fill('2026-06-01');
  await pub.page.getByLabel('Available until').fill('2026-08-31');
  await pub.page.getByRole('button', { name: 'Send my application' }).click();
  await pub.page.getByRole('heading', { name: 'Thank you: your application was sent' }).waitFor();
  await expectAccessible(pub.page, 'application sent');
  expect(pub.scripts()).toBe(0);

  await page.goto('/manage/internships');
  await page.getByRole('link', { name: 'Maria Santos' }).click();
  await page.getByRole('heading', { name: 'Maria Santos' }).waitFor();
  await expectAccessible(page, 'application');
  await page.getByRole('button', { name: 'Shortlist' }).click();
  await page.getByRole('button', { name: 'Record the placement' }).waitFor();
  await page.getByLabel('Find an organisation').fill('Partner Univ');
  await expect
    .poll(() => page.getByLabel('Partner school', { exact: true }).locator('option').first().textContent())
    .toContain('Partner University');
  await page.getByLabel('Find the supervisor').fill('Liza');
  await expect
    .poll(() => page.getByLabel('Supervisor', { exact: true }).locator('option').first().textContent())
    .toContain('Liza Supervisor');
  await expectAccessible(page, 'placement form');
  await page.getByRole('button', { name: 'Record the placement' }).click();
  await page.getByText('Undo the placement').waitFor();
  await page.getByText('2026-06-01 – 2026-08-31').waitFor();
  await page.getByText('Partner University').first().waitFor();
  await page.getByText('Liza Supervisor').first().waitFor();
  await expectAccessible(page, 'placed applicant');
  await snapshot(page, 'internship-placed');
  expect(errors).toEqual([]);
});
