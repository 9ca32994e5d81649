import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDemoData } from '../src/server/demo/seed.ts';
import { solve } from '../src/server/modules/cases/intake-pow.ts';
import { caseSupervisors } from '../src/server/modules/cases/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser, updateUser } from '../src/server/platform/auth/repository.ts';
import { newTotpSecret } from '../src/server/platform/auth/totp.ts';
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
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// Issue 15, the public side: on a fresh install (no demo data, no account, no intake desk) the
// front door leads to Get-help and a request is accepted; on a 360 px phone the first search
// result shows without scrolling past the filters and the staff case list fits.

let tulay: TestTulay;
let browser: Browser;
let reference = '';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

/** The element's box lies inside the first screen of a phone: seen without scrolling. */
async function inFirstViewport(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, `${selector} is drawn`).not.toBeNull();
  expect(box!.y + box!.height, `${selector} ends within the first screen`).toBeLessThanOrEqual(PHONE.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
}

test('fresh install: the front door leads to Get-help, and a request is accepted with nothing configured', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Tulay: help and knowledge for migrant workers' }).waitFor();
  // Get-help is the first link of the page's content, and on the first screen.
  const first = await page.locator('main a').first().getAttribute('href');
  expect(first).toBe('/en/get-help');
  await inFirstViewport(page, 'main a[href="/en/get-help"]');
  await page.getByRole('link', { name: 'Staff of member organisations: sign in' }).waitFor();
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
  await expectAccessible(page, 'front door');
  await snapshot(page, 'front-door-phone-en');

  await page.goto('/ar/');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await inFirstViewport(page, 'main a[href="/ar/get-help"]');
  await expectAccessible(page, 'front door (ar)');
  await snapshot(page, 'front-door-phone-ar');

  // The search form of the front door leads to the public search.
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search' }).fill('wages');
  await page.getByRole('button', { name: 'Search' }).first().click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/search');

  const robots = await page.request.get('/robots.txt');
  expect(robots.headers()['content-type']).toContain('text/plain');
  expect(await robots.text()).toContain('/sitemap.xml');
  expect(await (await page.request.get('/sitemap.xml')).text()).toContain('/en/get-help');

  // No organisation, no account, no desk: the request is still accepted (the API the Get-help
  // pages call), and lands in the network secretariat's intake the install set up.
  const { challenge, bits } = (await (await page.request.get('/api/v1/intake/challenge')).json()).data;
  const res = await page.request.post('/api/v1/intake/requests', {
    headers: sameSite(tulay.url),
    data: {
      challenge,
      nonce: solve(challenge, bits),
      language: 'en',
      message: 'My passport was taken.',
      destinationCountry: 'SG',
    },
  });
  expect(res.status()).toBe(201);
  reference = (await res.json()).data.reference;
  const landed = await tulay.running.database.db.execute<{ name: string }>(
    sql`select o.name from cases c join organisations o on o.id = c.organisation_id where c.reference = ${reference}`,
  );
  expect(landed.rows[0]?.name).toBe('Network secretariat');
  expect(errors).toEqual([]);
  await context.close();
});

test('on a 360 px phone the first search result shows above the folded filters, and the case list fits', async () => {
  await loadDemoData(tulay.running.database);
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  await page.goto('/search');
  await page.locator('.hit').first().waitFor();
  expect(await page.locator('details.filters').getAttribute('open')).toBeNull();
  await snapshot(page, 'search-phone-en');
  // The first result's title and the start of its text: seen without scrolling.
  await inFirstViewport(page, '.hit h2');
  await inFirstViewport(page, '.hit .meta');
  await expectAccessible(page, 'search (phone)');
  // Opened, the filters are there; on a wide screen they stand open beside the results.
  await page.getByText('Filters', { exact: true }).click();
  await page.locator('nav.facets a').first().waitFor({ state: 'visible' });
  await page.setViewportSize(DESKTOP);
  await page.reload();
  await page.locator('nav.facets a').first().waitFor({ state: 'visible' });
  await snapshot(page, 'search-desktop-en');

  // A case worker on the default intake's desk reads the list on the phone.
  const db = tulay.running.database.db;
  const org = await db.execute<{ id: string }>(
    sql`select id from organisations where name = 'Network secretariat'`,
  );
  const organisationId = org.rows[0]!.id;
  const password = 'correct horse battery staple';
  const user = await insertUser(db, {
    organisationId,
    email: 'desk@example.org',
    name: 'Intake Desk Worker With A Rather Long Name',
    role: 'case_worker',
    passwordHash: await hashPassword(password),
  });
  const secret = newTotpSecret();
  await updateUser(db, user.id, { totpSecret: secret, totpEnabled: true });
  await db.insert(caseSupervisors).values({ organisationId, userId: user.id, receivesIntake: true });
  await page.setViewportSize(PHONE);
  await signIn(page, 'desk@example.org', password, { secret, used: new Set() });
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/home');
  await page.goto('/cases');
  await page
    .getByRole('link', { name: /Get-help request/ })
    .first()
    .waitFor();
  const clipped = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1);
      })
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join('.')} ${Math.round(e.getBoundingClientRect().left)}-${Math.round(e.getBoundingClientRect().right)}`,
      )
      .slice(0, 5);
  });
  await snapshot(page, 'cases-phone-en');
  expect(clipped, 'case list elements outside the 360 px screen').toEqual([]);
  await expectAccessible(page, 'case list (phone)');
  await context.close();
});
