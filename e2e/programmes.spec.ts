import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { people } from '../src/server/modules/people/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { collectPageErrors, DESKTOP, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// A secretariat member creates a programme on a phone, with area coordinators in two countries,
// publishes it, and the public finds it on the server-rendered pages (no JavaScript), on a phone
// and on a desktop.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Mission for Migrant Workers', typeCode: 'ngo', published: true })
    .returning();
  await db.insert(people).values([
    { name: 'Kim Min-ji', searchText: 'kim min-ji', publicConsent: true },
    { name: 'Aiko Tanaka', searchText: 'aiko tanaka', publicConsent: true },
  ]);
  await insertUser(db, {
    organisationId: org!.id,
    email: 'secretariat@example.org',
    name: 'Dewi Secretariat',
    role: 'secretariat',
    passwordHash: await hashPassword(PASSWORD),
  });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function pick(page: Page, label: string, option: string, typed: string) {
  const input = page.getByLabel(label, { exact: true }).first();
  await input.click({ force: true });
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

async function addCoordinator(page: Page, name: string, typed: string, country: string) {
  await page.getByLabel('Find: Person', { exact: true }).fill(typed);
  await expect
    .poll(() => page.getByLabel('Person', { exact: true }).locator('option').first().textContent())
    .toBe(name);
  await page.getByRole('button', { name: 'Add person' }).click();
  await pick(page, `Country of ${name}`, country, country.slice(0, 4));
}

test('a secretariat member creates a programme with coordinators in two countries, publishes it, and the public sees it', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'secretariat@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();

  await page.goto('/advocacy/programmes');
  await page.getByRole('heading', { name: 'Programmes', exact: true }).waitFor();
  await expectAccessible(page, 'programme list');
  await page.getByRole('link', { name: 'New programme' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Domestic workers in East Asia');
  await page.getByLabel('Description', { exact: true }).fill('Recognition of domestic work as work.');
  await page.getByLabel('Since (YYYY, YYYY-MM or YYYY-MM-DD)', { exact: true }).first().fill('2020');
  await pick(page, 'Target groups', 'Domestic workers', 'Domestic');
  await addCoordinator(page, 'Kim Min-ji', 'Kim', 'South Korea');
  await addCoordinator(page, 'Aiko Tanaka', 'Aiko', 'Japan');
  // Choosing a coordinator's country adds it to the countries covered, in view.
  await page.locator('.mantine-Pill-label', { hasText: 'Japan' }).waitFor();
  await page.getByRole('button', { name: 'Add an indicator' }).click();
  await page.getByLabel('Indicator 1: name').fill('People trained');
  await page.getByLabel('Indicator 1: figures', { exact: true }).fill('2021: 40\n2022: 55');
  await expectAccessible(page, 'programme form with two coordinators');
  await snapshot(page, 'programme-form');
  await page.getByRole('button', { name: 'Save draft' }).click();

  await page.getByRole('button', { name: 'Publish' }).waitFor();
  await page.getByText('Draft', { exact: true }).first().waitFor();
  await page.getByText(/Kim Min-ji.*Area coordinator, South Korea/).waitFor();
  await page.getByText(/Aiko Tanaka.*Area coordinator, Japan/).waitFor();
  await expectAccessible(page, 'programme page (draft)');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('link', { name: 'See the public page' }).waitFor();
  await page.getByText('Published', { exact: true }).first().waitFor();
  await expectAccessible(page, 'programme page (published)');
  await snapshot(page, 'programme-page');
  const publicPath = await page.getByRole('link', { name: 'See the public page' }).getAttribute('href');
  expect(publicPath).toBe('/programmes/domestic-workers-in-east-asia');

  // The publication form names the programme, chosen from the existing ones.
  await page.goto('/library/new');
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Domestic workers in Korea and Japan');
  await pick(page, 'Programme', 'Domestic workers in East Asia', 'Domestic');
  await expectAccessible(page, 'publication form with a programme');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Domestic workers in East Asia' }).waitFor();
  expect(errors).toEqual([]);

  // The public, with no session: the list and the programme's page, on a phone and on a desktop.
  for (const viewport of [undefined, DESKTOP]) {
    const visitor = await phoneContext(browser, tulay.url);
    const publicPage = await visitor.newPage();
    if (viewport) await publicPage.setViewportSize(viewport);
    let scripts = 0;
    publicPage.on('request', (r) => {
      if (r.resourceType() === 'script') scripts += 1;
    });
    await publicPage.goto('/programmes');
    await expectAccessible(publicPage, `public programme list (${viewport ? 'desktop' : 'phone'})`);
    await publicPage.getByRole('link', { name: 'Domestic workers in East Asia' }).click();
    await publicPage.getByRole('heading', { name: 'Domestic workers in East Asia', level: 1 }).waitFor();
    const text = await publicPage.locator('main').textContent();
    expect(text).toContain('Kim Min-ji · Area coordinator, South Korea');
    expect(text).toContain('Aiko Tanaka · Area coordinator, Japan');
    expect(text).toContain('Mission for Migrant Workers');
    await publicPage.getByRole('img', { name: 'People trained' }).waitFor();
    await publicPage.getByRole('rowheader', { name: '2022' }).waitFor();
    await publicPage.getByRole('link', { name: 'Domestic workers in Korea and Japan' }).waitFor();
    expect(scripts).toBe(0);
    await expectAccessible(publicPage, `public programme page (${viewport ? 'desktop' : 'phone'})`);
    await snapshot(publicPage, `programme-public-${viewport ? 'desktop' : 'phone'}`);
    await visitor.close();
  }

  // The same page in Arabic reads right to left, still without scripts.
  const arabic = await phoneContext(browser, tulay.url, 'ar');
  const arabicPage = await arabic.newPage();
  await arabicPage.goto(publicPath!);
  expect(await arabicPage.getAttribute('html', 'dir')).toBe('rtl');
  await arabicPage.getByRole('link', { name: 'البرامج' }).waitFor();
  await expectAccessible(arabicPage, 'public programme page (Arabic)');
  await arabic.close();
  await context.close();
});
