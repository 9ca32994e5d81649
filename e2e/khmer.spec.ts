import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { caseSupervisors } from '../src/server/modules/cases/schema.ts';
import { insertOrganisation } from '../src/server/modules/directory/repository.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  phoneContext,
  snapshot,
} from './support/browser.ts';
import { clippedText, expectNoClippedText } from './support/text-fit.ts';
import { startTulay, type TestTulay } from './support/tulay.ts';

// Issue 15: a migrant whose phone is set to Khmer (a script written without spaces, with marks
// stacked above and below the line) reaches the public pages on a 360 px screen: every page opens in
// Khmer from the phone's own language, fits the screen without cutting text off, and passes axe; the
// Get-help request is sent and followed up in Khmer.

let tulay: TestTulay;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const KHMER = /[\u1780-\u17FF]/;
const htmlAttributes = (p: Page) =>
  p.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
// Khmer for "I have not been paid for four months and my employer keeps my passport".
const message = 'ខ្ញុំមិនបានទទួលប្រាក់ខែអស់រយៈពេលបួនខែហើយ ហើយនិយោជករបស់ខ្ញុំរក្សាលិខិតឆ្លងដែនរបស់ខ្ញុំ';

beforeAll(async () => {
  tulay = await startTulay();
  browser = await launchBrowser();
  const db = tulay.running.database.db;
  // An intake desk in Malaysia receives the requests.
  const desk = await insertOrganisation(db, {
    name: 'Kuala Lumpur Migrant Desk',
    countryCode: 'MY',
    published: true,
  });
  const user = await insertUser(db, {
    organisationId: desk,
    email: 'desk@example.org',
    name: 'Desk',
    role: 'case_worker',
    passwordHash: await hashPassword('correct horse battery staple'),
  });
  await db.insert(caseSupervisors).values({ organisationId: desk, userId: user.id, receivesIntake: true });
  // The phone speaks Khmer (Cambodia): Accept-Language and navigator.languages say km-KH.
  context = await phoneContext(browser, tulay.url, 'km-KH');
  page = await context.newPage();
  errors = collectPageErrors(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await tulay?.stop();
});

test('the server-rendered public pages open in Khmer from the phone’s language and fit 360 px', async () => {
  for (const [path, heading] of [
    ['/search', 'ការអនុវត្តល្អ និងឯកសារបោះពុម្ពផ្សាយ'],
    ['/directory/public', 'បញ្ជីឈ្មោះអង្គការ'],
  ] as const) {
    await page.goto(path);
    expect(await htmlAttributes(page), path).toEqual({ lang: 'km', dir: 'ltr' });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // The frame of the public pages is Khmer: the site navigation and the sign-in link.
    await page.getByRole('navigation', { name: 'គេហទំព័រ' }).waitFor();
    await page.getByRole('link', { name: 'ចូលគណនី' }).waitFor();
    // The Khmer font stack and leading apply (system fonts only: nothing is downloaded).
    const body = await page.evaluate(() => {
      const s = getComputedStyle(document.body);
      return { font: s.fontFamily, ratio: Number.parseFloat(s.lineHeight) / Number.parseFloat(s.fontSize) };
    });
    expect(body.font).toMatch(/^"Noto Sans Khmer"/);
    expect(body.ratio).toBeGreaterThanOrEqual(1.8);
    await expectAccessible(page, `${path} (km)`);
    await expectNoClippedText(page, `${path} (km)`);
  }
  await snapshot(page, 'directory-phone-km');
});

test('the search page also fits 360 px in Burmese, Thai, Traditional Chinese and Urdu (right to left)', async () => {
  for (const [tag, lang, dir, font] of [
    ['my-MM', 'my', 'ltr', /^"Noto Sans Myanmar"/],
    ['th-TH', 'th', 'ltr', /^"Noto Sans Thai"/],
    ['zh-TW', 'zh-Hant', 'ltr', /"PingFang TC"/],
    ['ur-PK', 'ur', 'rtl', /^"Noto Nastaliq Urdu"/],
  ] as const) {
    const other = await phoneContext(browser, tulay.url, tag);
    const p = await other.newPage();
    await p.goto('/search');
    expect(await htmlAttributes(p), tag).toEqual({ lang, dir });
    expect(await p.evaluate(() => getComputedStyle(document.body).fontFamily), tag).toMatch(font);
    await expectAccessible(p, `/search (${lang})`);
    await expectNoClippedText(p, `/search (${lang})`);
    await other.close();
  }
});

test('the front door and the Get-help page speak Khmer, fit 360 px and pass axe', async () => {
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect((await htmlAttributes(page)).lang).toBe('km');
  await expectAccessible(page, 'front page (km)');
  await expectNoClippedText(page, 'front page (km)');

  await page.goto('/get-help');
  await page.getByRole('heading', { name: 'ស្នើសុំជំនួយ' }).waitFor();
  expect(await htmlAttributes(page)).toEqual({ lang: 'km', dir: 'ltr' });
  await page.getByRole('button', { name: 'ចាកចេញរហ័ស' }).waitFor();
  await page.getByRole('button', { name: 'ភាសា: ខ្មែរ' }).waitFor();
  await expectAccessible(page, 'get help (km)');
  await expectNoClippedText(page, 'get help (km)');
  // The language menu lists all eighteen languages, each in its own script, and fits the phone.
  await page.getByRole('button', { name: 'ភាសា: ខ្មែរ' }).click();
  const items = page.getByRole('menuitem');
  await expect.poll(() => items.count()).toBe(18);
  for (const name of ['မြန်မာ', '繁體中文', 'اردو', 'සිංහල', 'Tiếng Việt'])
    await items.getByText(name).waitFor();
  // Open, it stays on the screen (two columns, no scrolling).
  const menu = await page.getByRole('menu').boundingBox();
  expect(menu!.x).toBeGreaterThanOrEqual(0);
  expect(menu!.x + menu!.width).toBeLessThanOrEqual(360);
  expect(menu!.y + menu!.height).toBeLessThanOrEqual(740);
  await page.keyboard.press('Escape');
  await snapshot(page, 'get-help-phone-km');
});

test('a request is sent in Khmer and followed up with its two codes', async () => {
  await page.getByLabel('តើមានអ្វីកើតឡើង? តើយើងអាចជួយអ្វីបាន?').fill(message);
  await page.getByRole('combobox', { name: 'ប្រទេសដែលអ្នកធ្វើការ' }).click();
  await page.getByRole('option', { name: 'ម៉ាឡេស៊ី' }).click();
  await page.getByRole('combobox', { name: 'ការងាររបស់អ្នក' }).click();
  await page.getByRole('option', { name: 'ការងារបម្រើតាមផ្ទះ' }).click();
  await page.getByRole('button', { name: 'ផ្ញើ' }).click();
  await page.getByRole('heading', { name: 'យើងបានទទួលសំណើរបស់អ្នកហើយ' }).waitFor({ timeout: 60_000 });
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  const secret = (await page.getByTestId('secret').textContent())!.trim();
  expect(reference).toMatch(/^H-/);
  await expectAccessible(page, 'codes (km)');
  await expectNoClippedText(page, 'codes (km)');

  await page.goto('/get-help/status');
  await page.getByRole('heading', { name: 'សំណើរបស់អ្នក' }).waitFor();
  await page.getByRole('textbox', { name: 'លេខកូដយោង' }).fill(reference);
  await page.getByLabel('លេខកូដសម្ងាត់').fill(secret);
  await page.getByRole('button', { name: 'បើក' }).click();
  await page.getByText('បានទទួល៖ នឹងមាននរណាម្នាក់អានវាក្នុងពេលឆាប់ៗនេះ។').waitFor();
  await page.getByText(message).waitFor();
  await expectAccessible(page, 'status (km)');
  await expectNoClippedText(page, 'status (km)');
  // Wrong codes get the server's answer in Khmer (problem titles are translated too).
  await page.getByRole('button', { name: 'បិទ' }).click();
  await page.getByRole('textbox', { name: 'លេខកូដយោង' }).fill(reference);
  await page.getByLabel('លេខកូដសម្ងាត់').fill('WRONG-SECRET-CODE');
  await page.getByRole('button', { name: 'បើក' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  await expect.poll(() => alert.textContent()).toMatch(KHMER);
  await expectNoClippedText(page, 'status error (km)');
  await snapshot(page, 'get-help-status-phone-km');
  expect(errors.filter((e) => !/401|403|404|429/.test(e))).toEqual([]);
});

test('the text-fit check itself fails on Khmer cut off by a tight, clipping box', async () => {
  const probe = await context.newPage();
  await probe.setContent(
    `<html lang="km"><body><button style="overflow:hidden;line-height:1.1;font-size:16px">ស្នើសុំជំនួយ</button>
     <p style="overflow:hidden;white-space:nowrap;width:40px">ការងារបម្រើតាមផ្ទះ</p></body></html>`,
  );
  const found = (await clippedText(probe)).join('\n');
  expect(found).toContain('button "ស្នើសុំជំនួយ": line height');
  expect(found).toContain('p "ការងារបម្រើតាមផ្ទះ": cut off on the side');
  await probe.close();
});
