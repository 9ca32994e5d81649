import type { Browser } from 'playwright-core';
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
import { followUpHelpRequest, openGetHelp, submitHelpRequest } from './support/get-help.ts';
import { startTulay, type TestTulay } from './support/tulay.ts';

// Issue 15: a Pakistani worker in Saudi Arabia asks for help in Urdu, on a 360 px phone. The page
// must be right-to-left and in Urdu throughout, pass axe, accept the request, and show its state
// when the worker comes back with the codes.

let tulay: TestTulay;
let browser: Browser;

beforeAll(async () => {
  tulay = await startTulay();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await tulay?.stop();
});

const URDU = /[\u0600-\u06FF]/;
const message = 'میرے کفیل نے چار مہینے سے تنخواہ نہیں دی اور میرا پاسپورٹ رکھ لیا ہے';

test('a worker asks for help in Urdu: the page is right-to-left, accessible at 360 px, and the request is accepted', async () => {
  // Someone must receive requests on this version: an intake desk in the destination country.
  const db = tulay.running.database.db;
  const desk = await insertOrganisation(db, {
    name: 'Riyadh Workers Desk',
    countryCode: 'SA',
    published: true,
  });
  const user = await insertUser(db, {
    organisationId: desk,
    email: 'desk@riyadh.example.org',
    name: 'desk',
    role: 'case_worker',
    passwordHash: await hashPassword('correct horse battery staple'),
  });
  await db.insert(caseSupervisors).values({ organisationId: desk, userId: user.id, receivesIntake: true });

  const phone = await phoneContext(browser, tulay.url, 'ur-PK');
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  await openGetHelp(page, 'ur');
  expect(
    await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })),
  ).toEqual({ lang: 'ur', dir: 'rtl' });
  // Right-to-left for real: the heading starts from the right edge of the screen.
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(heading!.x + heading!.width).toBeGreaterThan(300);
  // No English left on the page a worker reads: the brand name aside, and the bots' trap field,
  // which is hidden from sight and from assistive technology.
  const text = (
    await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const hidden of body.querySelectorAll('[aria-hidden="true"], style, script, noscript'))
        hidden.remove();
      return body.textContent ?? '';
    })
  ).replace(/Tulay/g, '');
  expect(text).toMatch(URDU);
  expect(text.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
  await expectAccessible(page, 'get help (ur)');
  await snapshot(page, 'get-help-phone-ur');

  const codes = await submitHelpRequest(page, 'ur', {
    message,
    destination: 'Saudi Arabia',
    sector: 'Domestic work',
  });
  expect(codes.reference).toMatch(/^H-/);
  await expectAccessible(page, 'codes (ur)');
  await snapshot(page, 'get-help-codes-phone-ur');

  await followUpHelpRequest(page, 'ur', codes);
  await page.getByText(message).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await expectAccessible(page, 'status (ur)');
  await phone.close();
  expect(errors).toEqual([]);
});
