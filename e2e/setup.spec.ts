import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectPageErrors, DESKTOP, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
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

test('the first administrator sets up Tulay from the printed link, enrols 2FA and lands on the home page', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const used = new Set<number>();

  // Before setup, the front door's staff link leads to a sign-in page that points to the setup link.
  await page.goto('/');
  await page.getByRole('link', { name: 'Staff of member organisations: sign in' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByText('Tulay is not set up yet').waitFor();
  await expectAccessible(page, 'sign-in before setup');

  await setUpFirstAdministrator(page, tulay.setupLink, used);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/home');
  await page.getByText(ADMIN.organisation).first().waitFor();
  // The setup checklist: the organisation set up is the default intake, with nobody on its desk yet.
  const checklist = page.getByRole('list', { name: 'Setup checklist' });
  await checklist.getByRole('heading', { name: 'Intake desk' }).waitFor();
  await checklist.getByText(`Requests no desk covers go to ${ADMIN.organisation}, but nobody`).waitFor();
  for (const name of ['Mail', 'Case keys', 'Backups'])
    await checklist.getByRole('heading', { name }).waitFor();
  await checklist.getByRole('link', { name: 'Open Intake desk' }).click();
  await page.getByRole('heading', { name: 'Where Get-help requests go' }).waitFor();
  await page
    .getByText(`Requests for a country without an intake desk go to ${ADMIN.organisation}.`)
    .waitFor();
  await page.getByRole('form', { name: 'Change the default intake' }).waitFor();
  await expectAccessible(page, 'case supervisors with intake routing');
  await page.goto('/home');
  await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
  await expectAccessible(page, 'home');
  await snapshot(page, 'home-phone-en');

  // The burger opens the navigation on a phone; every area the administrator may use is there.
  await page.getByRole('button', { name: 'Open navigation' }).click();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const name of ['Home', 'Users', 'Audit log', 'Outbox', 'My account']) {
    await nav.getByRole('link', { name }).waitFor();
  }
  await expectAccessible(page, 'navigation open');
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await page.getByText('auth.setup').first().waitFor();
  await expectAccessible(page, 'audit log');

  await page.goto('/account');
  await page.getByRole('heading', { name: 'My account' }).waitFor();
  await page.getByText('This device').waitFor();
  await expectAccessible(page, 'account');
  await snapshot(page, 'account-phone-en');

  await page.setViewportSize(DESKTOP);
  await page.goto('/home');
  await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
  await snapshot(page, 'home-desktop-en');
  await page.goto('/users');
  await page.getByRole('heading', { name: 'Roles and two-factor authentication' }).waitFor();
  await snapshot(page, 'users-desktop-en');

  // The setup link is single-use.
  await page.goto(tulay.setupLink);
  await page.getByText('Tulay is already set up').waitFor();

  expect(errors).toEqual([]);
  await context.close();
});
