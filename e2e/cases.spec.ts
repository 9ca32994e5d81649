import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { caseSupervisors } from '../src/server/modules/cases/schema.ts';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser, updateUser } from '../src/server/platform/auth/repository.ts';
import { newTotpSecret } from '../src/server/platform/auth/totp.ts';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  phoneContext,
  snapshot,
} from './support/browser.ts';
import { signIn } from './support/journeys.ts';
import { startTulay, type TestTulay } from './support/tulay.ts';

// Issue 5 journeys: a migrant asks for help in Arabic on a 360 px phone and comes back with the
// codes; a case worker of the destination organisation's intake desk reads it and replies; a
// case worker of another organisation cannot open it.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';
const used = new Set<number>();

async function caseWorker(organisationId: string, email: string, supervisor: boolean) {
  const db = tulay.running.database.db;
  const user = await insertUser(db, {
    organisationId,
    email,
    name: email.split('@')[0]!,
    role: 'case_worker',
    passwordHash: await hashPassword(PASSWORD),
  });
  const secret = newTotpSecret();
  await updateUser(db, user.id, { totpSecret: secret, totpEnabled: true });
  if (supervisor)
    await db.insert(caseSupervisors).values({ organisationId, userId: user.id, receivesIntake: true });
  return { email, secret };
}

beforeAll(async () => {
  tulay = await startTulay();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await tulay?.stop();
});

const message = 'لم يدفع لي صاحب العمل راتبي منذ ستة أشهر وأخذ جواز سفري';

test('a migrant asks for help in Arabic and comes back with the codes; only the intake desk sees it', async () => {
  const db = tulay.running.database.db;
  const [desk] = await db
    .insert(organisations)
    .values({ name: 'Gulf Migrant Legal Desk', countryCode: 'SA', published: true })
    .returning();
  const [elsewhere] = await db
    .insert(organisations)
    .values({ name: 'Kathmandu Rights Centre', countryCode: 'NP', published: true })
    .returning();
  const worker = await caseWorker(desk!.id, 'desk@example.org', true);
  const outsider = await caseWorker(elsewhere!.id, 'outsider@example.org', true);

  // The migrant, on a phone, in Arabic.
  const phone = await phoneContext(browser, tulay.url, 'ar');
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto('/get-help');
  await page.getByRole('button', { name: /^Language:|^اللغة/ }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await page.getByRole('heading', { name: 'اطلب المساعدة' }).waitFor();
  await page.getByRole('button', { name: 'خروج سريع' }).waitFor();
  await expectAccessible(page, 'get help (ar)');
  await page.getByLabel('ماذا حدث؟ كيف يمكننا المساعدة؟').fill(message);
  await page.getByRole('combobox', { name: 'البلد الذي تعمل فيه' }).click();
  await page.getByRole('option', { name: 'المملكة العربية السعودية' }).click();
  await page.getByRole('button', { name: 'إرسال' }).click();
  await page.getByRole('heading', { name: 'تلقينا طلبك' }).waitFor({ timeout: 60_000 });
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  const secret = (await page.getByTestId('secret').textContent())!.trim();
  expect(reference).toMatch(/^H-/);
  await expectAccessible(page, 'codes (ar)');
  await snapshot(page, 'get-help-codes-phone-ar');
  // Nothing of the request stays in the browser, and nothing went to another site.
  const stored = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
  expect(stored).toEqual({ local: [], session: [] });
  expect([...origins]).toEqual([new URL(tulay.url).origin]);
  await phone.close();

  // The intake desk's case worker sees it and replies.
  const staff = await (await browser.newContext({ baseURL: tulay.url })).newPage();
  await signIn(staff, worker.email, PASSWORD, { secret: worker.secret, used });
  await staff.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await staff.goto('/cases');
  await staff.getByRole('heading', { name: 'Cases' }).waitFor();
  await staff.getByRole('link', { name: /Get-help request/ }).click();
  await staff.getByText(message).waitFor();
  const caseUrl = staff.url();
  await staff.getByRole('combobox', { name: 'Kind of entry' }).click();
  await staff.getByRole('option', { name: 'Reply the client can read' }).click();
  await staff
    .getByRole('textbox', { name: /^Text/ })
    .fill('We received your message. A lawyer will call you.');
  await staff.getByRole('button', { name: 'Add to timeline' }).click();
  await staff.getByText('We received your message. A lawyer will call you.').waitFor();
  await expectAccessible(staff, 'case detail');

  // Staff open a case directly too; the client's name is shown to the team only.
  await staff.goto('/cases');
  await staff.getByRole('link', { name: 'New case' }).click();
  await staff
    .getByRole('textbox', { name: /^Short title without names/ })
    .fill('Unpaid wages, construction, Doha');
  await staff.getByRole('textbox', { name: 'Client name' }).fill('Ram Bahadur');
  await staff.getByRole('textbox', { name: /^Country of origin/ }).fill('np');
  await staff.getByRole('textbox', { name: /^Country of work/ }).fill('qa');
  await expectAccessible(staff, 'new case');
  await staff.getByRole('button', { name: 'Open case' }).click();
  await staff.getByRole('heading', { name: 'Unpaid wages, construction, Doha' }).waitFor();
  await staff.getByText('Ram Bahadur').waitFor();

  // A case worker of another organisation: nothing in the list, nothing at the direct URL.
  const other = await (await browser.newContext({ baseURL: tulay.url })).newPage();
  await signIn(other, outsider.email, PASSWORD, { secret: outsider.secret, used });
  await other.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await other.goto('/cases');
  await other.getByText('No cases.').waitFor();
  await other.goto(new URL(caseUrl).pathname);
  await other.getByRole('alert').getByText('Not found.').waitFor();

  // The migrant comes back on a fresh phone with the codes, reads the reply.
  const again = await phoneContext(browser, tulay.url, 'ar');
  const back = await again.newPage();
  await back.goto('/get-help/status');
  await back.getByLabel(/Reference code|الرمز المرجعي/).fill(reference.toLowerCase());
  await back.getByLabel(/Secret code|الرمز السري/).fill(secret);
  await back.getByRole('button', { name: /Open|فتح/ }).click();
  await back.getByText('We received your message. A lawyer will call you.').waitFor();
  await back.getByText(message).waitFor();
  await expectAccessible(back, 'status');
  expect(errors).toEqual([]);
});
