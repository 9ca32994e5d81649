import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { collectPageErrors, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// The directory journeys: secretariat staff import organisations (preview → commit), create a
// network, add member organisations with roles, filter the list and export exactly what is shown,
// and look at the member map; every screen passes axe at 360 px.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney({ demo: true }));
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Secretariat office', typeCode: 'ngo' })
    .returning();
  await insertUser(db, {
    organisationId: org!.id,
    email: 'dewi@example.org',
    name: 'Dewi Staff',
    role: 'secretariat',
    passwordHash: await hashPassword(PASSWORD),
  });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function staffPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'dewi@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { page, errors };
}

test('import a CSV (preview → commit), create a network, add members with roles', async () => {
  const { page, errors } = await staffPage();
  await page.goto('/directory');
  await page.getByRole('heading', { name: 'Directory', exact: true }).waitFor();
  await page.getByRole('list', { name: 'Organisations' }).getByText('Migrant Forum in Asia').waitFor();
  await expectAccessible(page, 'directory list');

  const csv = join(tmpdir(), `tulay-import-${Date.now()}.csv`);
  writeFileSync(
    csv,
    '\uFEFFexternal_id,name,type,country,description\n' +
      'kr-1,Migrants Trade Union,Trade union,Korea (Republic of),"Union of migrant workers,\nSeoul"\n' +
      'jp-1,Japan Migrant Solidarity,ngo,JP,=HYPERLINK("http://evil.example")\n' +
      'tw-1,Taiwan Migrant Workers Association,Migrant organisation,TW,\n',
  );
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import organisations' }).waitFor();
  await page.getByLabel('File (CSV or XLSX, up to 50 MB)').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('New: 3');
  await expectAccessible(page, 'import preview');
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await page.getByText('3 added, 0 changed, 0 unchanged.').waitFor();
  await expectAccessible(page, 'import done');

  await page.goto('/directory/organisations/new');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Asia Pacific Migrant Network');
  await page.getByLabel('Type').selectOption('network');
  await page.getByLabel('Headquarters country').selectOption('HK');
  await page.getByLabel('Show in the public directory').check();
  await page.getByRole('textbox', { name: 'Filipino' }).fill('Network ng mga Migrante sa Asya Pasipiko');
  await page.getByRole('combobox', { name: 'Countries where active' }).fill('Philipp');
  await page
    .getByRole('listbox', { name: 'Countries where active' })
    .getByRole('option', { name: 'Philippines' })
    .click();
  await page.getByLabel('Origin').selectOption('PH');
  await page.getByLabel('Destination').selectOption('HK');
  await page.getByRole('button', { name: 'Add corridor' }).click();
  await page.getByRole('list', { name: 'Corridors' }).getByText('Philippines → Hong Kong').waitFor();
  await page.getByRole('button', { name: 'Add a contact point' }).click();
  await page.getByLabel('Contact 1', { exact: true }).fill('secretariat@apmn.example');
  await expectAccessible(page, 'new organisation');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Asia Pacific Migrant Network' }).waitFor();
  for (const fact of [
    'Network ng mga Migrante sa Asya Pasipiko',
    'Philippines → Hong Kong',
    'secretariat@apmn.example',
  ])
    await page.getByText(fact).waitFor();

  for (const [name, role] of [
    ['Migrants Trade Union', 'partner'],
    ['Japan Migrant Solidarity', 'area_coordinator'],
  ] as const) {
    await page.getByLabel('Find an organisation').fill(name.split(' ').slice(0, 2).join(' '));
    await expect
      .poll(() => page.getByLabel('Member organisation').locator('option').first().textContent())
      .toContain(name);
    await page.getByLabel('Role', { exact: true }).selectOption(role);
    await page.getByLabel('Since (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2024-05');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('list', { name: 'Members' }).getByText(name).waitFor();
  }
  await expect
    .poll(() => page.getByRole('list', { name: 'Members' }).textContent())
    .toContain('Area coordinator');
  await expectAccessible(page, 'network profile');
  await snapshot(page, 'directory-network');
  expect(errors).toEqual([]);
});

test('filter the list, export exactly what is shown, and view the map', async () => {
  const { page, errors } = await staffPage();
  await page.goto('/directory');
  await page.getByLabel('Region or grouping').selectOption('apme');
  await page.getByLabel('Type').selectOption('trade_union');
  await expect
    .poll(() => page.getByTestId('result-count').textContent(), { timeout: 15_000 })
    .toBe('1 organisations');
  const shown = await page.getByRole('list', { name: 'Organisations' }).getByRole('link').allTextContents();
  expect(shown).toEqual(['Migrants Trade Union']);
  const href = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
  expect(href).toContain('region=apme');
  const csv = await (await page.request.get(href!)).text();
  const names = csv
    .trim()
    .split('\r\n')
    .slice(2)
    .map((line) => line.split(',')[2]);
  expect(names).toEqual(shown);

  await page.getByLabel('Type').selectOption('');
  await page.getByLabel('Region or grouping').selectOption('');
  await page.getByLabel('Search').fill('japan');
  await expect
    .poll(() => page.getByTestId('result-count').textContent(), { timeout: 15_000 })
    .toBe('1 organisations');
  const exported = await (
    await page.request.get((await page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!)
  ).text();
  expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"")"`);

  await page.getByLabel('Search').fill('');
  await page.getByLabel('Corridor from').selectOption('PH');
  await page.getByLabel('Corridor to').selectOption('HK');
  await expect
    .poll(() => page.getByTestId('result-count').textContent(), { timeout: 15_000 })
    .toBe('1 organisations');
  expect(page.url()).toContain('corridor=PH-HK');
  expect(await page.getByRole('list', { name: 'Organisations' }).getByRole('link').allTextContents()).toEqual(
    ['Asia Pacific Migrant Network'],
  );
  await page.getByLabel('Corridor from').selectOption('');
  await page.getByLabel('Show map').check();
  const map = page.getByTestId('member-map');
  await expect
    .poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expectAccessible(page, 'directory with map');
  await snapshot(page, 'directory-map');
  expect(errors).toEqual([]);
});

test('the public directory lists published organisations with JSON-LD and works without scripts', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('/directory/public?q=network');
  expect(await page.locator('script[src]').count()).toBe(0);
  await expectAccessible(page, 'public directory');
  await page.getByRole('link', { name: 'Asia Pacific Migrant Network' }).click();
  await page.getByRole('heading', { name: 'Asia Pacific Migrant Network' }).waitFor();
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ '@type': 'Organization', name: 'Asia Pacific Migrant Network' });
  await expectAccessible(page, 'public organisation page');
  await snapshot(page, 'directory-public');
  expect(errors).toEqual([]);
  await context.close();
});

test('correct the column mapping of an import, then find the duplicates it made and merge them', async () => {
  const { page, errors } = await staffPage();
  const csv = join(tmpdir(), `tulay-mapping-${Date.now()}.csv`);
  writeFileSync(
    csv,
    'Ref,Organisation,Land,Remarks\n' +
      'ph-1,Kanlungan Centre Foundation,PH,first entry\n' +
      'ph-2,Kanlungan Center Foundation Inc,PH,typed again\n',
  );
  await page.goto('/directory/import');
  await page.getByLabel('File (CSV or XLSX, up to 50 MB)').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  // "Organisation" is a known synonym of name; "Ref" and "Land" are not, so they start unmapped.
  const columns = page.getByRole('region', { name: 'Columns' });
  await expect.poll(() => columns.getByLabel('Organisation').inputValue()).toBe('name');
  expect(await columns.getByLabel('Ref').inputValue()).toBe('');
  expect(await columns.getByLabel('Land').locator('option[value="name"]').isDisabled()).toBe(true);
  await columns.getByLabel('Ref').selectOption('external_id');
  await columns.getByLabel('Land').selectOption('country');
  await expectAccessible(page, 'import column mapping');
  await snapshot(page, 'directory-import-mapping');
  await columns.getByRole('button', { name: 'Preview again with these columns' }).click();
  await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('New: 2');
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await page.getByText('2 added, 0 changed, 0 unchanged.').waitFor();

  await page.goto('/directory');
  await page.getByRole('link', { name: 'Possible duplicates' }).click();
  await page.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
  await page.getByLabel('Country').selectOption('PH');
  const pairs = page.getByRole('list', { name: 'Possible duplicates' });
  await pairs.getByRole('link', { name: 'Kanlungan Center Foundation Inc' }).waitFor();
  await expectAccessible(page, 'possible duplicates');
  await pairs.getByRole('button', { name: /^Compare and merge Kanlungan/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare and merge' });
  await dialog.getByRole('radio', { name: 'Kanlungan Centre Foundation' }).check();
  await expect.poll(() => dialog.textContent()).toContain('ph-2');
  await expectAccessible(page, 'merge dialog');
  await snapshot(page, 'directory-merge');
  await dialog.getByRole('button', { name: 'Merge into Kanlungan Centre Foundation' }).click();
  await dialog.getByText('Merged').waitFor();
  await dialog.getByRole('link', { name: 'Kanlungan Centre Foundation' }).click();
  await page.getByRole('heading', { name: 'Kanlungan Centre Foundation' }).waitFor();

  // The duplicate stays as a pointer; the pair no longer shows.
  await page.goto('/directory/duplicates');
  await page.getByLabel('Country').selectOption('PH');
  await page.getByText('No possible duplicates at this similarity.').waitFor();
  const merged = await (await page.request.get('/api/v1/organisations?q=Kanlungan')).json();
  expect(merged.data.map((o: { name: string }) => o.name)).toEqual(['Kanlungan Centre Foundation']);
  expect(errors).toEqual([]);
});
