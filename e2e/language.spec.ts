import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  collectPageErrors,
  DESKTOP,
  expectAccessible,
  PHONE,
  phoneContext,
  sameSite,
  snapshot,
} from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { ADMIN, setUpFirstAdministrator } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

let tulay: TestTulay;
let browser: Browser;

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

const ARABIC = /[\u0600-\u06FF]/;
const htmlAttributes = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

// One journey in steps sharing the browser, so each step has its own time budget on a busy machine.
let context: BrowserContext;
let page: Page;
let errors: string[];

test('switching to Arabic turns the whole interface right-to-left and mirrors the layout', async () => {
  context = await phoneContext(browser, tulay.url);
  page = await context.newPage();
  errors = collectPageErrors(page);
  await setUpFirstAdministrator(page, tulay.setupLink, new Set());
  expect(await htmlAttributes(page)).toEqual({ lang: 'en', dir: 'ltr' });

  await page.getByRole('button', { name: /^Language:/ }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await expect.poll(() => htmlAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  const heading = page.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.textContent()).toMatch(ARABIC);
  expect(await heading.textContent()).toContain(ADMIN.name);
  await expectAccessible(page, 'home in Arabic');
  await snapshot(page, 'home-phone-ar');

  // Mirrored: on a wide screen the navigation sits on the right and the brand starts from the right.
  await page.setViewportSize(DESKTOP);
  const nav = await page.getByRole('navigation').boundingBox();
  expect(nav!.x).toBeGreaterThan(DESKTOP.width / 2);
  const brand = await page.locator('header a').first().boundingBox();
  expect(brand!.x).toBeGreaterThan(DESKTOP.width / 2);
  await snapshot(page, 'home-desktop-ar');
});

test('the choice is saved with the account, and every screen stays accessible in Arabic', async () => {
  // Saved with the account: a reload (and any other device) opens in Arabic.
  await page.reload();
  await expect.poll(() => htmlAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  await page.goto('/account');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(ARABIC);
  await snapshot(page, 'account-desktop-ar');
  await page.setViewportSize(PHONE);
  await expectAccessible(page, 'account in Arabic');
  await page.goto('/users');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(ARABIC);
  await expectAccessible(page, 'users in Arabic');
});

test('signed out, the device keeps Arabic and the server answers problems in Arabic', async () => {
  // Signed out, the choice stays on this device, and the server answers problems in Arabic too.
  await page.request.post(`${tulay.url}/api/v1/auth/logout`, { headers: sameSite(tulay.url) });
  await page.goto('/sign-in');
  await expect.poll(() => htmlAttributes(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  await page.locator('input[type=email]').fill(ADMIN.email);
  await page.locator('input[type=password]').fill('not the password at all');
  await page.locator('button[type=submit]').click();
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(ARABIC);
  await expectAccessible(page, 'sign-in in Arabic with an error');
  await snapshot(page, 'sign-in-phone-ar');
  expect(errors).toEqual([]);
  await context.close();
});
