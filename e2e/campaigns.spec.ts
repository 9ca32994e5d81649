import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { insertOrganisation } from '../src/server/modules/directory/repository.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { collectPageErrors, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// The campaign journey: secretariat staff start a ratification campaign in two countries, move
// Indonesia to "bill filed" and then to "ratified" with its date, source and note, and the public
// tracker's map, legend, table and timeline show it, also right to left, with no JavaScript.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  // The demo data too, for the C189 tracker the issue asks for.
  ({ tulay, browser } = await startJourney({ demo: true }));
  const db = tulay.running.database.db;
  const organisationId = await insertOrganisation(db, {
    name: 'Migrant Forum in Asia',
    typeCode: 'network',
    published: true,
  });
  await insertUser(db, {
    organisationId,
    email: 'tracker@example.org',
    name: 'Tala Tracker',
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

async function moveIndonesia(page: Page, stage: string | undefined, date: string, note: string) {
  await page.getByRole('button', { name: 'Move Indonesia', exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (stage) await dialog.getByLabel('New stage').selectOption({ label: stage });
  await dialog.getByLabel('Date').fill(date);
  await dialog.getByLabel('Source (web address)').fill('https://example.org/parliament-record');
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  return dialog;
}

test('a campaign tracker moves a country from "bill filed" to "ratified", and the public map and table show it', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'tracker@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  await page.goto('/advocacy/campaigns');
  await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();
  await expectAccessible(page, 'campaign list');

  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel('Name').fill('Ratify C189 in Southeast Asia');
  await page.getByLabel('Address of the public page').fill('c189-southeast-asia');
  await page.getByLabel('Goal').fill('Every country ratifies the Domestic Workers Convention.');
  await page.getByLabel('Status').selectOption({ label: 'Published' });
  await page.getByLabel('Starts').fill('2011-06-16');
  await pick(page, 'Countries it runs in', 'Indonesia', 'Indon');
  await pick(page, 'Countries it runs in', 'Malaysia', 'Malay');
  await expectAccessible(page, 'campaign form');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Ratify C189 in Southeast Asia' }).waitFor();

  // Editing keeps what the form does not change: the stages and the countries stay.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('textbox', { name: 'Stage 3' }).waitFor();
  await expectAccessible(page, 'campaign edit form');
  await page.getByLabel('Goal').fill('Every country in Southeast Asia ratifies C189.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Every country in Southeast Asia ratifies C189.').waitFor();
  await page.getByText('Not ratified → Campaign active → Bill filed → Ratified → In force').waitFor();

  const row = page.locator('li[data-country="ID"]');
  await row.getByText('Not ratified').waitFor();
  let dialog = await moveIndonesia(page, 'Bill filed', '2019-03-01', 'Bill filed in parliament');
  await dialog.getByRole('button', { name: 'Record the change' }).click();
  await row.getByText('Bill filed · 2019-03-01').waitFor();

  // Going back is refused unless marked as a correction: the form says why.
  dialog = await moveIndonesia(page, 'Campaign active', '2019-04-01', 'Oops');
  await dialog.getByRole('button', { name: 'Record the change' }).click();
  await dialog.getByText(/Mark it as a correction/).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expectAccessible(page, 'campaign page');
  // From "bill filed" the form offers "ratified" as the next stage.
  dialog = await moveIndonesia(page, undefined, '2020-05-20', 'Ratification deposited');
  expect(await dialog.getByLabel('New stage').inputValue()).toBe('ratified');
  await expectAccessible(page, 'move a country');
  await dialog.getByRole('button', { name: 'Record the change' }).click();
  await row.getByText('Ratified · 2020-05-20').waitFor();
  await page.getByText('2020-05-20 · Indonesia: Bill filed → Ratified').waitFor();
  await expectAccessible(page, 'campaign page');
  await snapshot(page, 'campaign-staff');
  // The same screen right to left, in Arabic, with its stages translated.
  await page.getByRole('button', { name: /^Language:/ }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.locator('li[data-country="ID"]').getByText('صودق عليها · 2020-05-20').waitFor();
  await expectAccessible(page, 'campaign page (Arabic)');
  await page.getByRole('button', { name: /: العربية$/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
  expect(errors).toEqual([]);

  // The public tracker: no JavaScript, the map coloured by stage, the legend, the table, the timeline.
  const visitor = await (await phoneContext(browser, tulay.url)).newPage();
  let scripts = 0;
  visitor.on('request', (r) => {
    if (r.resourceType() === 'script') scripts += 1;
  });
  await visitor.goto('/campaigns');
  await visitor.getByRole('link', { name: 'Ratify C189 in Southeast Asia' }).click();
  await visitor.getByRole('heading', { name: 'Ratify C189 in Southeast Asia' }).waitFor();
  const ratifiedColour = await visitor
    .locator('.legend li[data-stage="ratified"] .swatch')
    .evaluate((e) => getComputedStyle(e).backgroundColor);
  const shape = visitor.locator('svg path[data-country="ID"]');
  expect(await shape.getAttribute('data-stage')).toBe('ratified');
  expect(await shape.evaluate((e) => getComputedStyle(e).fill)).toBe(ratifiedColour);
  expect(await visitor.locator('svg path[data-country="MY"]').getAttribute('data-stage')).toBe(
    'not_ratified',
  );
  expect(await visitor.locator('.legend li[data-stage="ratified"]').textContent()).toContain('(1)');
  const publicRow = visitor.locator('table tr[data-country="ID"]');
  expect(await publicRow.textContent()).toContain('Ratified');
  expect(await publicRow.textContent()).toContain('2020-05-20');
  const latest = await visitor.locator('ol.timeline li').first().textContent();
  expect(latest).toContain('Indonesia: Bill filed → Ratified');
  expect(latest).toContain('Ratification deposited');
  await expectAccessible(visitor, 'public tracker');
  await snapshot(visitor, 'campaign-public');

  // The filter narrows the table and the export alike.
  await visitor.getByLabel('Stage', { exact: true }).selectOption({ label: 'Ratified' });
  await visitor.getByRole('button', { name: 'Filter' }).click();
  await expect.poll(() => visitor.url()).toContain('stage=ratified');
  await visitor.waitForLoadState();
  await expect.poll(() => visitor.locator('table tbody tr').count()).toBe(1);
  const csv = await visitor.request.get(
    await visitor
      .getByRole('link', { name: 'CSV' })
      .getAttribute('href')
      .then((h) => h!),
  );
  expect((await csv.text()).trim().split('\r\n')).toHaveLength(2);
  expect(scripts).toBe(0);

  const arabic = await (await phoneContext(browser, tulay.url, 'ar')).newPage();
  await arabic.goto('/campaigns/c189-southeast-asia');
  expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await arabic.locator('table tr[data-country="ID"]').textContent()).toContain('صودق عليها');
  await expectAccessible(arabic, 'public tracker (Arabic)');
});

test('the public C189 tracker shows the sourced facts and marks the rest as demonstration', async () => {
  const page = await (await phoneContext(browser, tulay.url)).newPage();
  await page.goto('/campaigns/c189-ratification');
  await page.getByRole('heading', { name: 'Ratify the Domestic Workers Convention (ILO C189)' }).waitFor();
  await page.getByRole('note').getByText('Demonstration data.').waitFor();
  const philippines = page.locator('table tr[data-country="PH"]');
  expect(await philippines.textContent()).toContain('In force');
  expect(await philippines.locator('.tag').count()).toBe(0);
  expect(await philippines.getByRole('link', { name: 'Source' }).getAttribute('href')).toContain(
    'normlex.ilo.org',
  );
  expect(await page.locator('table tr[data-country="JP"] .tag').textContent()).toBe('Demonstration');
  expect(await page.locator('svg [data-country="PH"]').first().getAttribute('data-stage')).toBe('in_force');
  await expectAccessible(page, 'public C189 tracker');
  await snapshot(page, 'campaign-c189');
});
