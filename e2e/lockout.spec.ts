import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectPageErrors, expectAccessible, phoneContext } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { ADMIN, setUpFirstAdministrator, signIn, signOut } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

let tulay: TestTulay;
let browser: Browser;

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

test('repeated wrong passwords make this address wait; a password reset lets the owner straight back in', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const used = new Set<number>();
  const secret = await setUpFirstAdministrator(page, tulay.setupLink, used);
  await signOut(page);

  const email = page.getByRole('textbox', { name: 'Email', exact: true });
  const password = page.getByRole('textbox', { name: 'Password', exact: true });
  const submit = page.getByRole('button', { name: 'Sign in' });
  const wrong = page.getByRole('alert').filter({ hasText: 'The email or password is not right.' });
  // Five failures are free; the sixth makes this address wait for this account.
  for (let attempt = 1; attempt <= 6; attempt++) {
    await email.fill(ADMIN.email);
    await password.fill(`wrong password ${attempt}`);
    // Wait for this attempt's answer before the next: the alert of the previous one looks the same.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
      submit.click(),
    ]);
    expect(answer.status()).toBe(401);
    await wrong.waitFor();
  }
  await expectAccessible(page, 'sign-in with a wrong password');

  await password.fill(ADMIN.password);
  await submit.click();
  await page
    .getByRole('alert')
    .filter({
      hasText: 'Too many attempts. Wait a moment and try again.',
    })
    .waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await expectAccessible(page, 'sign-in throttled');

  // The way out is offered right there.
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
  await expectAccessible(page, 'forgot password');

  // A password reset lifts the wait: the link arrives by email (here: the outbox).
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(ADMIN.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await page.getByText('Check your email').waitFor();
  await expectAccessible(page, 'reset link sent');
  await page.goto(await tulay.linkFor(ADMIN.email));
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await expect.poll(() => page.url()).not.toContain('#token=');
  await expectAccessible(page, 'choose a new password');
  const newPassword = 'a brand new password for amihan';
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await page.getByText('Your password is changed').waitFor();
  await page.getByRole('link', { name: 'Sign in with your new password' }).click();
  await signIn(page, ADMIN.email, newPassword, { secret, used });
  await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
