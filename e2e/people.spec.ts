import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectPageErrors, expectAccessible, phoneContext, sameSite, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import { seedPeople } from './support/people.ts';
import type { TestTulay } from './support/tulay.ts';

// The people journeys: secretariat staff search and filter the people of the directory, export
// exactly the filtered list, read a profile with its affiliations, add a person without public
// consent, edit them (a stale edit gets 409), and affiliate them with an organisation; a member
// editor reads profiles without contact details. Every screen passes axe at 360 px, once in Arabic.

let tulay: TestTulay;
let browser: Browser;
let kimId: string;
const PASSWORD = 'correct horse battery staple';
const htmlDir = (page: Page) => page.evaluate(() => document.documentElement.dir);

beforeAll(async () => {
  ({ tulay, browser } = await startJourney({ demo: true }));
  ({ kimId } = await seedPeople(tulay.running.database.db, PASSWORD));
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function signedIn(email: string): Promise<{ page: Page; errors: string[] }> {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, email, PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { page, errors };
}

// Generous: another test run may share this 2-core machine, and the search waits 300 ms to settle.
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const names = (page: Page) => page.getByRole('list', { name: 'People' }).getByRole('link').allTextContents();

test('search and filter people, export exactly the list, read a profile with affiliations', async () => {
  const { page, errors } = await signedIn('dewi@example.org');
  await page.goto('/directory');
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
  await eventually(() => names(page)).toEqual(['Kim Min-jun', 'Kim Seo-yeon', 'Maria Santos']);
  await expectAccessible(page, 'people list');

  await page.getByLabel('Search').fill('kim');
  await eventually(() => page.getByTestId('result-count').textContent()).toBe('2 people');
  await page.getByLabel('Country').selectOption('KR');
  await eventually(() => page.getByTestId('result-count').textContent()).toBe('1 people');
  const shown = await names(page);
  expect(shown).toEqual(['Kim Min-jun']);
  expect(page.url()).toMatch(/q=kim/);
  expect(page.url()).toMatch(/country=KR/);
  await snapshot(page, 'people-list');

  const href = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
  expect(href).toContain('format=csv');
  const csv = await (await page.request.get(href!)).text();
  const rows = csv.trim().split('\r\n').slice(2);
  expect(rows.map((line) => line.split(',')[2])).toEqual(shown);
  expect(csv).toContain('Area coordinator, South Korea (Migrant Forum in Asia)');

  // Filtering by organisation: the picker applies what it finds, and the filter can be cleared.
  await page.getByLabel('Country').selectOption('');
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Find an organisation').fill('Migrant Forum');
  await eventually(() => names(page)).toEqual(['Kim Min-jun', 'Kim Seo-yeon']);
  await eventually(() => page.getByTestId('organisation-filter').textContent()).toContain(
    'Migrant Forum in Asia',
  );
  expect(page.url()).toMatch(/organisation=/);
  await expectAccessible(page, 'people of one organisation');
  await page.getByRole('button', { name: 'Any organisation' }).click();
  await eventually(() => names(page)).toHaveLength(3);

  await page.getByRole('link', { name: 'Kim Min-jun' }).click();
  await page.getByRole('heading', { name: 'Kim Min-jun' }).waitFor();
  expect(await page.getByTestId('public-consent').textContent()).toContain('Listed publicly');
  const affiliations = page.getByRole('list', { name: 'Posts and affiliations' });
  await eventually(() => affiliations.textContent()).toContain('Area coordinator, South Korea');
  expect(await affiliations.getByRole('link').allTextContents()).toEqual(['Migrant Forum in Asia']);
  expect(await page.getByRole('list', { name: 'Contact details' }).textContent()).toContain(
    'minjun@example.org',
  );
  await expectAccessible(page, 'person profile');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/people-360.png', fullPage: true });
  expect(errors).toEqual([]);
  await page.context().close();
});

// The next two steps share one signed-in page, each with its own time budget on a busy machine.
let page: Page;
let errors: string[];

test('add a person without public consent and edit them (409 when another tab saved first)', async () => {
  ({ page, errors } = await signedIn('dewi@example.org'));
  await page.goto('/directory/people');
  await page.getByRole('link', { name: 'Add person' }).click();
  await page.getByRole('heading', { name: 'Add person' }).waitFor();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ana Reyes');
  await page.getByLabel('Country').selectOption('PH');
  await page.getByLabel(/^Languages/).fill('tl, Tagalog');
  await page.getByLabel('Email').fill('ana@example.org');
  expect(await page.getByLabel(/^Listed publicly/).isChecked()).toBe(false);
  // A bad value comes back as a 422 naming the field, and the typed form stays as it was.
  await page.getByRole('button', { name: 'Save' }).click();
  await eventually(() => page.getByRole('alert').textContent()).toContain('languages');
  await expectAccessible(page, 'add person with a problem');
  await page.getByLabel(/^Languages/).fill('tl, en');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Ana Reyes' }).waitFor();
  expect(await page.getByTestId('public-consent').textContent()).toContain('Not listed publicly');
  const id = page.url().split('/').pop()!;

  // Another tab saves first: the form's version is stale and the server answers 409.
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit person' });
  await dialog.getByLabel('Summary').fill('Paralegal in Manila.');
  await expectAccessible(page, 'edit person');
  const current = (await (await page.request.get(`/api/v1/people/${id}`)).json()).data;
  const other = await page.request.patch(`/api/v1/people/${id}`, {
    headers: sameSite(tulay.url),
    data: { summary: 'Changed in another tab.', version: current.version },
  });
  expect(other.status()).toBe(200);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await eventually(() => dialog.getByRole('alert').textContent()).toContain(
    'Someone else changed this record',
  );
  await expectAccessible(page, 'edit person conflict');
  await snapshot(page, 'person-edit-conflict');
  await dialog.getByRole('button', { name: 'Reload' }).click();
  await page.getByText('Changed in another tab.').waitFor();

  await page.getByRole('button', { name: 'Edit' }).click();
  await dialog.getByLabel('Summary').fill('Paralegal in Manila.');
  await dialog.getByLabel(/^Listed publicly/).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Paralegal in Manila.').waitFor();
  await eventually(() => page.getByTestId('public-consent').textContent()).toContain('Listed publicly');
});

test('affiliate the new person, reach them from the organisation, and read it in Arabic', async () => {
  await page.getByLabel('Find an organisation').fill('Migrant Forum');
  await eventually(() =>
    page.getByLabel('Organisation or network').locator('option').first().textContent(),
  ).toContain('Migrant Forum in Asia');
  await page.getByLabel('Role', { exact: true }).selectOption('focal_point');
  await page.getByLabel(/^Post/).fill('Focal point, Philippines');
  await page.getByLabel('Since (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2024-05');
  await page.getByRole('button', { name: 'Add affiliation' }).click();
  const affiliations = page.getByRole('list', { name: 'Posts and affiliations' });
  await eventually(() => affiliations.textContent()).toContain('Focal point, Philippines');
  expect(await affiliations.textContent()).toContain('Focal point');
  expect(await affiliations.textContent()).toContain('2024');
  await expectAccessible(page, 'person with a new affiliation');

  // The organisation's page links its people to their profiles.
  await affiliations.getByRole('link', { name: 'Migrant Forum in Asia' }).click();
  await page.getByRole('heading', { name: /Migrant Forum in Asia/ }).waitFor();
  await page.getByRole('list', { name: 'People' }).getByRole('link', { name: 'Ana Reyes' }).click();
  await page.getByRole('heading', { name: 'Ana Reyes' }).waitFor();

  // The same screens right-to-left in Arabic.
  await page.getByRole('button', { name: /^Language:/ }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await eventually(() => htmlDir(page)).toBe('rtl');
  await expectAccessible(page, 'person profile in Arabic');
  await snapshot(page, 'person-ar');
  await page.goto('/directory/people?country=PH');
  // The list's name is translated now: find the people by their links.
  await page.getByRole('link', { name: 'Ana Reyes' }).waitFor();
  await page.getByRole('link', { name: 'Maria Santos' }).waitFor();
  await expectAccessible(page, 'people list in Arabic');
  // The choice is saved on the account: give it back its English for the journeys after this one.
  const reset = await page.request.patch('/api/v1/auth/me', {
    headers: sameSite(tulay.url),
    data: { locale: 'en' },
  });
  expect(reset.status()).toBe(204);
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a member editor reads profiles of other organisations without contact details', async () => {
  const { page, errors } = await signedIn('lan@example.org');
  await page.goto(`/directory/people/${kimId}`);
  await page.getByRole('heading', { name: 'Kim Min-jun' }).waitFor();
  await page.getByRole('list', { name: 'Posts and affiliations' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Contact details' }).count()).toBe(0);
  expect(await page.content()).not.toContain('minjun@example.org');
  expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
  const answer = (await (await page.request.get(`/api/v1/people/${kimId}`)).json()).data;
  expect(answer).not.toHaveProperty('email');
  expect(answer.abilities).toMatchObject({ readContact: false, update: false });
  await expectAccessible(page, 'person profile for a member editor');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('end a post, keep it in the history, and remove an affiliation entered by mistake', async () => {
  const { page, errors } = await signedIn('dewi@example.org');
  await page.goto(`/directory/people/${kimId}`);
  const affiliations = page.getByRole('list', { name: 'Posts and affiliations' });
  await affiliations.getByRole('button', { name: 'End the membership in Migrant Forum in Asia' }).click();
  const form = page.getByRole('form', { name: 'End the membership in Migrant Forum in Asia' });
  await form.getByLabel('Ended on').fill('2025-06-30');
  await expectAccessible(page, 'ending an affiliation');
  await form.getByRole('button', { name: 'Save' }).click();
  await eventually(() => affiliations.textContent()).toContain('2025');
  expect(
    await affiliations.getByRole('button', { name: 'End the membership in Migrant Forum in Asia' }).count(),
  ).toBe(0);
  const active = await (await page.request.get('/api/v1/people?activeOn=2025-07-01&country=KR')).json();
  expect(active.data).toEqual([]);

  await affiliations.getByRole('button', { name: 'Remove the membership in Migrant Forum in Asia' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await page.getByText('None yet.').waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
});
