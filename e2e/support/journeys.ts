import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './browser.ts';
import { freshCode } from './totp.ts';

export const ADMIN = {
  organisation: 'Mission for Migrant Workers',
  name: 'Amihan Reyes',
  email: 'amihan@example.org',
  password: 'correct horse battery staple',
};

/** Reads the secret shown on the enrolment screen, types a code and keeps the recovery codes. */
export async function enrolTwoFactor(page: Page, used: Set<number>, check = true): Promise<string> {
  const secretBox = page.getByTestId('totp-secret');
  await secretBox.waitFor();
  if (check) await expectAccessible(page, 'two-factor enrolment');
  const secret = (await secretBox.getAttribute('data-secret'))!;
  await page.getByLabel('6-digit code').fill(await freshCode(secret, used));
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
  if (check) await expectAccessible(page, 'recovery codes');
  await page.getByLabel('I have saved these codes somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return secret;
}

/** First-administrator setup through the printed link, then the 2FA enrolment administrators owe. */
export async function setUpFirstAdministrator(
  page: Page,
  setupLink: string,
  used: Set<number>,
  check = true,
) {
  await page.goto(setupLink);
  await page.getByRole('heading', { name: 'Set up Tulay' }).waitFor();
  // The token must leave the address bar as soon as the page has read it.
  await expect.poll(() => page.url()).not.toContain('#token=');
  if (check) await expectAccessible(page, 'setup');
  await page.getByLabel('Organisation name').fill(ADMIN.organisation);
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create administrator account' }).click();
  await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
  const secret = await enrolTwoFactor(page, used, check);
  await page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` }).waitFor();
  return secret;
}

/** Signs in through the form, with a TOTP code when the account has 2FA. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  totp?: { secret: string; used: Set<number> },
) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (totp) {
    await page.getByLabel('6-digit code').fill(await freshCode(totp.secret, totp.used));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
}

/** Signs out from the account menu in the header. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}
