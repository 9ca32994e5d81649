import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectPageErrors, DESKTOP, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { setUpFirstAdministrator } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

let tulay: TestTulay;
let browser: Browser;

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

// Filipino runs longest of the four languages: the screens must still fit a phone.
test('in Filipino, the administrator screens fit 360 px and stay accessible', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await setUpFirstAdministrator(page, tulay.setupLink, new Set(), false);
  await page.getByRole('button', { name: /^Language:/ }).click();
  await page.getByRole('menuitem', { name: 'Filipino' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fil');

  await page.goto('/account');
  await page.getByRole('heading', { name: 'Aking account' }).waitFor();
  await expectAccessible(page, 'account (fil)');
  await snapshot(page, 'account-phone-fil');

  await page.goto('/users');
  await page.getByRole('heading', { name: 'Mga user', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Mag-imbita ng tao' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ipadala ang imbitasyon' }).waitFor();
  await expectAccessible(page, 'invite (fil)');
  await page.screenshot({ path: '/tmp/tulay-invite-phone-fil.png' });
  await page.keyboard.press('Escape');

  await page.goto('/audit');
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await page.getByText('auth.setup').first().waitFor();
  await expectAccessible(page, 'audit log (fil)');
  await page.setViewportSize(DESKTOP);
  await snapshot(page, 'audit-desktop-fil');

  await page.goto('/account/two-factor');
  await page.getByRole('heading', { name: 'Aking account' }).waitFor({ state: 'detached' });
  await page.getByText('Naka-on na ang two-factor authentication.').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
