import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectPageErrors, expectAccessible, phoneContext, sameSite, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { enrolTwoFactor, setUpFirstAdministrator, signIn, signOut } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

let tulay: TestTulay;
let browser: Browser;

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function invite(page: Page, email: string, role: string) {
  await page.getByRole('button', { name: 'Invite someone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite someone' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Role').selectOption({ label: role });
  await expectAccessible(page, `invite form (${role})`);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByText(`Invitation sent to ${email}.`).waitFor();
}

/** Opens an emailed invitation in a fresh browser profile and creates the account. */
async function accept(link: string, name: string, password: string) {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(link);
  await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
  await page.getByRole('button', { name: 'Create my account' }).waitFor();
  await expectAccessible(page, 'invitation');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  return { context, page, errors };
}

// One journey in steps that share the browser state, so each step gets its own time budget
// (signing in again must wait for a fresh 30-second TOTP step).
let admin: Page;
let adminContext: BrowserContext;
let adminErrors: string[];

test('the administrator invites a secretariat member and a case worker', async () => {
  adminContext = await phoneContext(browser, tulay.url);
  admin = await adminContext.newPage();
  adminErrors = collectPageErrors(admin);
  await setUpFirstAdministrator(admin, tulay.setupLink, new Set());

  await admin.goto('/users');
  await admin.getByRole('heading', { name: 'Users', exact: true }).waitFor();
  await expectAccessible(admin, 'users');
  await invite(admin, 'dewi@example.org', 'Secretariat');
  await expectAccessible(admin, 'users after invitation');
  await invite(admin, 'rosa@example.org', 'Case worker');

  // A third invitation is sent again (a fresh link), then revoked: it leaves the pending list.
  await invite(admin, 'tomas@example.org', 'Viewer');
  const pending = admin.getByRole('region', { name: 'Pending invitations' });
  await pending.getByRole('button', { name: 'Send the invitation to tomas@example.org again' }).click();
  await pending.getByRole('status').getByText('Invitation sent to tomas@example.org.').waitFor();
  await pending.getByRole('button', { name: 'Revoke the invitation to tomas@example.org' }).click();
  const confirm = admin.getByRole('dialog', { name: 'Revoke this invitation?' });
  await confirm.getByRole('button', { name: 'Revoke invitation' }).waitFor();
  await expectAccessible(admin, 'revoke an invitation');
  await confirm.getByRole('button', { name: 'Revoke invitation' }).click();
  await pending.getByText('tomas@example.org', { exact: true }).waitFor({ state: 'detached' });
  await pending.getByText('rosa@example.org', { exact: true }).waitFor();

  await admin.getByRole('link', { name: 'See it in the outbox' }).click();
  await admin.getByRole('heading', { name: 'Outbox' }).waitFor();
  await admin.getByText('To: rosa@example.org').waitFor();
  await expectAccessible(admin, 'outbox');
  await snapshot(admin, 'outbox-phone-en');
});

test('the secretariat member accepts and lands on the home page, without user management', async () => {
  const secretariat = await accept(
    await tulay.linkFor('dewi@example.org'),
    'Dewi Lestari',
    'a long secretariat password',
  );
  await secretariat.page.getByRole('heading', { name: 'Welcome, Dewi Lestari' }).waitFor();
  await expectAccessible(secretariat.page, 'home (secretariat)');
  await secretariat.page.goto('/users');
  await secretariat.page.getByText('amihan@example.org').waitFor();
  expect(await secretariat.page.getByRole('button', { name: 'Invite someone' }).count()).toBe(0);
  expect(await secretariat.page.getByRole('button', { name: 'Suspend' }).count()).toBe(0);
  await expectAccessible(secretariat.page, 'users (secretariat)');
  expect(secretariat.errors).toEqual([]);
  await secretariat.context.close();
});

const CASE_WORKER_PASSWORD = 'a long case worker password';

test('the case worker must enrol 2FA first, then signs out and back in with password and code', async () => {
  const password = CASE_WORKER_PASSWORD;
  const caseWorker = await accept(await tulay.linkFor('rosa@example.org'), 'Rosa Dimaculangan', password);
  const page = caseWorker.page;
  await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
  expect(await page.getByRole('navigation').count()).toBe(0);
  await snapshot(page, 'enrolment-phone-en');
  const used = new Set<number>();
  const secret = await enrolTwoFactor(page, used);
  await page.getByRole('heading', { name: 'Welcome, Rosa Dimaculangan' }).waitFor();
  await expectAccessible(page, 'home (case worker)');
  await signOut(page);
  await expectAccessible(page, 'sign-in');

  // Signing in again takes the password and then a code from the app.
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('rosa@example.org');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('6-digit code').waitFor();
  await expectAccessible(page, 'sign-in second factor');
  await signIn(page, 'rosa@example.org', password, { secret, used });
  await page.getByRole('heading', { name: 'Welcome, Rosa Dimaculangan' }).waitFor();
  expect(caseWorker.errors).toEqual([]);
  await caseWorker.context.close();
});

test('after a 2FA reset with a reason, the case worker enrols again only through the emailed link', async () => {
  await admin.goto('/users');
  const rosa = admin.getByRole('listitem').filter({ hasText: 'rosa@example.org' });
  await rosa.getByRole('button', { name: 'Reset 2FA' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Reset two-factor authentication?' });
  await dialog.getByLabel('Reason').fill('Lost her phone; confirmed by a call to her office.');
  await expectAccessible(admin, 'reset 2FA with a reason');
  await dialog.getByRole('button', { name: 'Reset 2FA' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The password alone shows no enrolment: only the step that sends the link to her mailbox.
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'rosa@example.org', CASE_WORKER_PASSWORD);
  await page.getByText('Your two-factor authentication was reset').waitFor();
  expect(await page.getByTestId('totp-secret').count()).toBe(0);
  await expectAccessible(page, 'enrolment link step');
  await page.getByRole('button', { name: 'Email me the link' }).click();
  await page.getByText('Check your email and open the link within 24 hours.').waitFor();
  await page.goto(await tulay.linkFor('rosa@example.org'));
  await expect.poll(() => page.url()).not.toContain('#token=');
  await enrolTwoFactor(page, new Set());
  await page.getByRole('heading', { name: 'Welcome, Rosa Dimaculangan' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('a stale edit is refused: someone else changed the role since the list was loaded', async () => {
  await admin.goto('/users');
  const dewi = admin.getByRole('listitem').filter({ hasText: 'dewi@example.org' });
  await dewi.getByLabel('Role').waitFor();
  const listed = await admin.request.get(`${tulay.url}/api/v1/users?q=dewi`);
  const row = (await listed.json()).data[0];
  const changed = await admin.request.patch(`${tulay.url}/api/v1/users/${row.id}`, {
    headers: sameSite(tulay.url),
    data: { role: 'viewer', version: row.version },
  });
  expect(changed.status()).toBe(200);
  await dewi.getByLabel('Role').selectOption({ label: 'Member editor' });
  await admin.getByText('Someone else changed this record. Reload it and apply your change again.').waitFor();
  await expectAccessible(admin, 'users with a version conflict');
  await snapshot(admin, 'users-conflict-phone-en');
  await admin.getByRole('button', { name: 'Reload' }).click();
  await expect.poll(() => dewi.getByLabel('Role').inputValue()).toBe('viewer');
  expect(adminErrors).toEqual([]);
  await adminContext.close();
});
