import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { publications } from '../src/server/modules/library/schema.ts';
import * as practiceRepo from '../src/server/modules/practices/repository.ts';
import { practices } from '../src/server/modules/practices/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser, updateUser } from '../src/server/platform/auth/repository.ts';
import { newTotpSecret } from '../src/server/platform/auth/totp.ts';
import { collectPageErrors, expectAccessible, phoneContext } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// Forms that must not damage data (issue 16): Enter inside a picker never sends a half-filled form,
// a country is chosen by its name (never typed as a code), and re-saving a practice unchanged
// leaves every field as it was, including those the form does not show; so does re-saving a
// publication, which can also be deleted after a confirmation. 360 px, axe on each screen.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';
const used = new Set<number>();
let secret = '';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney({ demo: true }));
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Secretariat office', typeCode: 'ngo' })
    .returning();
  const user = await insertUser(db, {
    organisationId: org!.id,
    email: 'dewi@example.org',
    name: 'Dewi Staff',
    role: 'secretariat',
    passwordHash: await hashPassword(PASSWORD),
  });
  secret = newTotpSecret();
  await updateUser(db, user.id, { totpSecret: secret, totpEnabled: true });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function staffPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'dewi@example.org', PASSWORD, { secret, used });
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { page, errors };
}

const api = async (page: Page, path: string) => {
  const r = await page.request.get(`/api/v1${path}`);
  expect(r.status(), await r.text()).toBe(200);
  return r.json();
};

test('Enter in the country picker of Add organisation does not send the form', async () => {
  const { page, errors } = await staffPage();
  await page.goto('/directory/organisations/new');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Jakarta Migrant Desk');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/organisations') posts.push(r.url());
  });
  const countries = page.getByRole('combobox', { name: 'Countries where active' });
  const indonesia = page
    .getByRole('listbox', { name: 'Countries where active' })
    .getByRole('option', { name: 'Indonesia' });
  // Enter with the list open on a half-typed name, then on a name that matches nothing.
  await countries.fill('Indon');
  await indonesia.waitFor();
  await countries.press('Enter');
  await countries.fill('Atlantis');
  await page.getByText('No country matches').waitFor();
  await countries.press('Enter');
  await page.getByRole('textbox', { name: 'Name', exact: true }).press('Tab');
  // Nothing was sent: still on the form, no request, no such organisation.
  expect(new URL(page.url()).pathname).toBe('/directory/organisations/new');
  expect(posts).toEqual([]);
  expect((await api(page, '/organisations?q=Jakarta%20Migrant%20Desk')).data).toEqual([]);

  await countries.fill('Indon');
  await indonesia.click();
  await countries.press('Enter');
  expect(new URL(page.url()).pathname).toBe('/directory/organisations/new');
  expect(posts).toEqual([]);
  await countries.press('Escape');
  await expectAccessible(page, 'new organisation with a country picked');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Jakarta Migrant Desk' }).waitFor();
  const made = (await api(page, '/organisations?q=Jakarta%20Migrant%20Desk')).data;
  expect(made).toHaveLength(1);
  expect(posts).toHaveLength(1);
  expect((await api(page, `/organisations/${made[0].id}`)).data.countries).toEqual(['ID']);
  expect(errors).toEqual([]);
});

test('a new case takes its countries by name: Indonesia is ID, not IN (India)', async () => {
  const { page, errors } = await staffPage();
  await page.goto('/cases/new');
  await page.getByRole('textbox', { name: /^Short title without names/ }).fill('Withheld passport, Doha');
  const origin = page.getByRole('combobox', { name: 'Country of origin' });
  await origin.fill('Indonesia');
  await origin.press('Enter');
  await page.getByRole('option', { name: 'Indonesia', exact: true }).click();
  const work = page.getByRole('combobox', { name: 'Country of work' });
  await work.fill('Qat');
  await page.getByRole('option', { name: 'Qatar', exact: true }).click();
  expect(new URL(page.url()).pathname).toBe('/cases/new');
  await expectAccessible(page, 'new case with countries by name');
  await page.getByRole('button', { name: 'Open case' }).click();
  await page.getByRole('heading', { name: 'Withheld passport, Doha' }).waitFor();
  await page.getByText('ID → QA').waitFor();
  expect(errors).toEqual([]);
});

test('re-saving a practice unchanged through its form keeps every field', async () => {
  const db = tulay.running.database.db;
  const [seeded] = await db.select().from(practices);
  // What the form once lost: a second ILO region, a non-default responsible type, translations.
  await db.transaction(async (tx) => {
    await practiceRepo.updatePracticeIfVersion(tx, seeded!.id, seeded!.version, {
      regions: ['ilo-asia-pacific', 'ilo-arab-states'],
      titles: { ar: 'منتدى المهاجرين في آسيا', id: 'Forum Migran di Asia' },
      descriptions: { id: '<p>Jaringan regional organisasi masyarakat sipil.</p>' },
    });
    const [owner] = await practiceRepo.responsibleOf(tx, seeded!.id);
    await practiceRepo.replaceResponsible(tx, seeded!.id, [
      { organisationId: owner!.organisationId, typeCode: 'workers_organisation' },
    ]);
  });
  const stored = async () => {
    const row = await practiceRepo.findPractice(db, seeded!.id);
    const { version, updatedAt, ...fields } = row!;
    return { fields, responsible: await practiceRepo.responsibleOf(db, seeded!.id) };
  };
  const storedBefore = await stored();
  const { page, errors } = await staffPage();
  const before = (await api(page, `/practices/${seeded!.id}`)).data;
  expect(before.regions.map((r: { code: string }) => r.code)).toEqual([
    'ilo-asia-pacific',
    'ilo-arab-states',
  ]);

  await page.goto(`/knowledge/${seeded!.id}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  // Every ILO region is offered, and the record's two are ticked.
  for (const region of [
    'Africa',
    'Americas',
    'Arab States',
    'Asia and the Pacific',
    'Europe and Central Asia',
  ])
    await page.getByRole('checkbox', { name: region, exact: true }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Arab States', exact: true }).isChecked()).toBe(true);
  await expectAccessible(page, 'practice form with every ILO region');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();

  const after = (await api(page, `/practices/${seeded!.id}`)).data;
  const { version: v0, updatedAt: u0, history: h0, ...kept } = before;
  const { version: v1, updatedAt: u1, history: h1, ...now } = after;
  expect(now).toEqual(kept);
  expect(await stored()).toEqual(storedBefore);
  expect(v1).toBeGreaterThan(v0);
  expect(errors).toEqual([]);
});

test('a publication is edited through its form without losing what the form does not show, then deleted after a confirmation', async () => {
  const db = tulay.running.database.db;
  const [org] = await db.select().from(organisations).limit(1);
  const { page, errors } = await staffPage();
  const theme = (await api(page, '/vocabularies/thematic_area/terms')).data[0].code as string;
  const [row] = await db
    .insert(publications)
    .values({
      typeCode: 'policy_brief',
      title: 'Wage theft in the Gulf corridors',
      titles: { ar: 'سرقة الأجور في ممرات الخليج', fil: 'Pagnanakaw ng sahod sa mga corridor ng Gulf' },
      abstract: 'What the network documented.',
      abstracts: { id: 'Apa yang didokumentasikan jaringan.' },
      authorOrganisationIds: [org!.id],
      publishedOn: '2024-05',
      languages: ['en', 'ar'],
      countries: ['PH', 'SA'],
      themes: [theme],
      isPublic: true,
    })
    .returning();
  const before = (await api(page, `/publications/${row!.id}`)).data;

  await page.goto(`/library/${row!.id}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit the publication' }).waitFor();
  await page.getByRole('button', { name: `Remove ${org!.name}` }).waitFor();
  await expectAccessible(page, 'publication form');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
  const { version: v0, updatedAt: u0, ...kept } = before;
  const { version: v1, updatedAt: u1, ...now } = (await api(page, `/publications/${row!.id}`)).data;
  expect(now).toEqual(kept);

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title').fill('Wage theft in the Gulf corridors, 2024');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { name: 'Wage theft in the Gulf corridors, 2024' }).waitFor();
  const edited = (await api(page, `/publications/${row!.id}`)).data;
  expect(edited.titles).toEqual(kept.titles);
  expect(edited.countries).toEqual(kept.countries);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this publication?' });
  await confirm.getByRole('button', { name: 'Delete the publication' }).waitFor();
  await expectAccessible(page, 'delete a publication');
  await confirm.getByRole('button', { name: 'Delete the publication' }).click();
  await page.getByRole('heading', { name: 'Library' }).waitFor();
  expect((await page.request.get(`/api/v1/publications/${row!.id}`)).status()).toBe(404);
  expect(errors).toEqual([]);
});
