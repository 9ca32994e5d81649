import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectPageErrors, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { clippedText, expectNoClippedText } from './support/text-fit.ts';
import type { TestTulay } from './support/tulay.ts';

// Issue 15: a migrant whose phone is set to Khmer (a script written without spaces, with marks
// stacked above and below the line) reaches the public pages on a 360 px screen: every page opens in
// Khmer from the phone's own language, fits the screen without cutting text off, and passes axe.

let tulay: TestTulay;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const htmlAttributes = (p: Page) =>
  p.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
  // The phone speaks Khmer (Cambodia): Accept-Language and navigator.languages say km-KH.
  context = await phoneContext(browser, tulay.url, 'km-KH');
  page = await context.newPage();
  errors = collectPageErrors(page);
});

afterAll(async () => {
  await context?.close();
  await stopJourney({ tulay, browser });
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

test('the Get-help page speaks Khmer, fits 360 px and passes axe; the language menu fits the phone', async () => {
  await page.goto('/get-help');
  await page.waitForURL(/\/km\/get-help$/);
  await page.getByRole('heading', { name: 'ស្នើសុំជំនួយ' }).waitFor();
  expect(await htmlAttributes(page)).toEqual({ lang: 'km', dir: 'ltr' });
  await page.getByRole('link', { name: 'ចាកចេញរហ័ស' }).waitFor();
  await expectAccessible(page, 'get help (km)');
  await expectNoClippedText(page, 'get help (km)');
  await snapshot(page, 'get-help-phone-km');
  // (Sending a request in Khmer and following it up: e2e/get-help.spec.ts.)

  // The staff sign-in page's language menu lists all eighteen languages, each in its own script,
  // and fits the phone.
  await page.goto('/sign-in');
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
