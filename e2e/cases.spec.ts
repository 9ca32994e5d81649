import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { caseSupervisors } from '../src/server/modules/cases/schema.ts';
import { insertOrganisation } from '../src/server/modules/directory/repository.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser, updateUser } from '../src/server/platform/auth/repository.ts';
import { newTotpSecret } from '../src/server/platform/auth/totp.ts';
import { collectPageErrors, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// Issue 5 journeys: a migrant asks for help in Arabic on a 360 px phone and comes back with the
// codes; a case worker of the destination organisation's intake desk takes the case, records the
// client's consent and refers it to a lawyer in the origin country, who accepts; a lawyer of a
// third organisation cannot reach it by any route.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';
const used = new Set<number>();

async function caseWorker(
  organisationId: string,
  email: string,
  supervisor: boolean,
  role: 'case_worker' | 'administrator' = 'case_worker',
) {
  const db = tulay.running.database.db;
  const user = await insertUser(db, {
    organisationId,
    email,
    name: email.split('@')[0]!,
    role,
    passwordHash: await hashPassword(PASSWORD),
  });
  const secret = newTotpSecret();
  await updateUser(db, user.id, { totpSecret: secret, totpEnabled: true });
  if (supervisor)
    await db.insert(caseSupervisors).values({ organisationId, userId: user.id, receivesIntake: true });
  return { email, secret };
}

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

const message = 'لم يدفع لي صاحب العمل راتبي منذ ستة أشهر وأخذ جواز سفري';

test('a migrant asks for help in Arabic; the desk refers the case with consent to Nepal, where it is accepted; a third lawyer finds nothing', async () => {
  const db = tulay.running.database.db;
  // Through the directory's repository, so the organisations are searchable like any other.
  const organisation = (name: string, countryCode: string) =>
    insertOrganisation(db, { name, countryCode, published: true });
  const desk = await organisation('Gulf Migrant Legal Desk', 'SA');
  const origin = await organisation('Kathmandu Rights Centre', 'NP');
  const elsewhere = await organisation('Manila Migrant Legal Aid', 'PH');
  const worker = await caseWorker(desk, 'desk@example.org', true);
  const originLawyer = await caseWorker(origin, 'origin@example.org', true);
  const outsider = await caseWorker(elsewhere, 'outsider@example.org', true);

  // The migrant, on a phone, in Arabic.
  const phone = await phoneContext(browser, tulay.url, 'ar');
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  // The server-rendered Get-help page, reached by the browser's language; each page links to the
  // same page in every language, named in its own script.
  await page.goto('/get-help');
  expect(new URL(page.url()).pathname).toBe('/ar/get-help');
  await page.getByRole('link', { name: 'नेपाली' }).click();
  await page.getByRole('heading', { name: 'सहायता माग्नुहोस्' }).waitFor();
  await page.getByRole('link', { name: 'तुरुन्तै बाहिर निस्कनुहोस्' }).waitFor();
  await expectAccessible(page, 'get help (ne)');
  await page.getByRole('link', { name: 'বাংলা' }).click();
  await page.getByRole('heading', { name: 'সাহায্য চান' }).waitFor();
  await page.getByRole('link', { name: 'العربية' }).click();
  await page.getByRole('heading', { name: 'اطلب المساعدة' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await page.getByRole('link', { name: 'خروج سريع' }).waitFor();
  await expectAccessible(page, 'get help (ar)');
  await page.getByLabel('ماذا حدث؟ كيف يمكننا المساعدة؟').fill(message);
  await page.getByLabel('البلد الذي تعمل فيه').selectOption('SA');
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
  // Countries are chosen by name, never typed as a code.
  await staff.getByRole('combobox', { name: 'Country of origin' }).fill('Nepal');
  await staff.getByRole('option', { name: 'Nepal', exact: true }).click();
  await staff.getByRole('combobox', { name: 'Country of work' }).fill('Qatar');
  await staff.getByRole('option', { name: 'Qatar', exact: true }).click();
  await expectAccessible(staff, 'new case');
  await staff.getByRole('button', { name: 'Open case' }).click();
  await staff.getByRole('heading', { name: 'Unpaid wages, construction, Doha' }).waitFor();
  await staff.getByText('Ram Bahadur').waitFor();

  // Back on the help request: the client agreed to share it with the lawyers in Nepal.
  await staff.goto(new URL(caseUrl).pathname);
  const consent = staff.getByRole('form', { name: 'Record consent' });
  await consent.getByLabel('Purpose').selectOption('sharing');
  await consent.getByLabel('Find an organisation').fill('Kathmandu');
  await expect
    .poll(() => consent.getByLabel('Share with organisation').locator('option').first().textContent())
    .toContain('Kathmandu Rights Centre');
  await consent.getByLabel('How it was given').selectOption('recorded_call');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await staff
    .getByRole('list', { name: 'Consent' })
    .getByText(/Kathmandu Rights Centre/)
    .waitFor();

  // Evidence, then the referral to the origin country.
  await staff.getByLabel('Evidence file', { exact: true }).setInputFiles({
    name: 'payslip.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Salary withheld since January'),
  });
  await staff.getByRole('button', { name: 'Upload' }).click();
  const fileLink = staff.getByRole('link', { name: /payslip\.txt/ });
  await fileLink.waitFor();
  const fileUrl = (await fileLink.getAttribute('href'))!;
  const refer = staff.getByRole('form', { name: 'Refer the case' });
  await refer.getByLabel('Find an organisation').fill('Kathmandu');
  await expect
    .poll(() => refer.getByLabel('Refer to organisation').locator('option').first().textContent())
    .toContain('Kathmandu Rights Centre');
  // The request's own words are on the timeline: share it, with the evidence.
  await refer.getByLabel('Timeline', { exact: true }).check();
  await refer.getByLabel('Evidence files').check();
  await refer.getByLabel('Note for the receiver').fill('Client is back in Nepal; please meet her.');
  await expectAccessible(staff, 'case detail with consent and referral');
  await refer.getByRole('button', { name: 'Send referral' }).click();
  await staff.getByRole('list', { name: 'Referrals' }).getByText('Waiting for an answer').waitFor();

  // Anonymised statistics: no client here consented to statistical use, so nothing is counted; the
  // page says how figures are protected, and the empty table does not tell 0 from 1–4 cases.
  await staff.getByRole('link', { name: 'Case statistics' }).click();
  await staff.getByRole('heading', { name: 'Case statistics' }).waitFor();
  await staff.getByText(/^Figures below 5 are hidden/).waitFor();
  await staff
    .getByText('Nothing to show yet: no 5 consented cases share all their characteristics.')
    .waitFor();
  await expectAccessible(staff, 'case statistics');

  // The lawyer in the origin country reads what is shared and accepts.
  const lawyer = await (await browser.newContext({ baseURL: tulay.url })).newPage();
  await signIn(lawyer, originLawyer.email, PASSWORD, { secret: originLawyer.secret, used });
  await lawyer.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await lawyer.goto('/cases');
  await lawyer.getByRole('heading', { name: 'Referrals waiting for your answer' }).waitFor();
  await lawyer.getByText('Client is back in Nepal; please meet her.').waitFor();
  await expectAccessible(lawyer, 'incoming referrals');
  await lawyer.getByRole('button', { name: /^Accept referral/ }).click();
  await lawyer
    .getByRole('heading', { name: 'Referrals waiting for your answer' })
    .waitFor({ state: 'detached' });
  await lawyer.getByRole('link', { name: /Get-help request/ }).click();
  await lawyer.getByText('Referred to you: you see only what is shared').waitFor();
  await lawyer.getByText(message).waitFor();
  await lawyer.getByRole('link', { name: /payslip\.txt/ }).waitFor();
  expect(await lawyer.getByText('Ram Bahadur').count()).toBe(0);
  await staff.goto(new URL(caseUrl).pathname);
  await staff.getByRole('list', { name: 'Referrals' }).getByText('Accepted').waitFor();

  // A lawyer of a third organisation: not in the list, not in search, not at the direct URL, the
  // export or the attachment URL.
  const other = await (await browser.newContext({ baseURL: tulay.url })).newPage();
  await signIn(other, outsider.email, PASSWORD, { secret: outsider.secret, used });
  await other.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await other.goto('/cases');
  await other.getByText('No cases.').waitFor();
  await other.getByLabel('Search').fill('Get-help');
  await other.getByText('No cases.').waitFor();
  await other.goto(new URL(caseUrl).pathname);
  await other.getByRole('alert').getByText('Not found.').waitFor();
  const caseId = new URL(caseUrl).pathname.split('/').pop();
  for (const path of [`/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/export`, fileUrl]) {
    expect((await other.request.get(path)).status(), path).toBe(404);
  }
  const exported = await other.request.get('/api/v1/cases?format=csv');
  expect(exported.status()).toBe(200);
  expect(await exported.text()).not.toContain('Get-help');

  // The migrant comes back on a fresh phone with the codes, reads the reply.
  const again = await phoneContext(browser, tulay.url, 'ar');
  const back = await again.newPage();
  await back.goto('/get-help/status');
  await back.getByLabel('الرمز المرجعي').fill(reference.toLowerCase());
  await back.getByLabel('الرمز السري').fill(secret);
  await back.getByRole('button', { name: 'فتح' }).click();
  await back.getByText('We received your message. A lawyer will call you.').waitFor();
  await back.getByText(message).waitFor();
  await expectAccessible(back, 'status');
  expect(errors).toEqual([]);
});

test('an administrator names who supervises the organisation’s cases and who keeps its intake desk', async () => {
  const organisation = await insertOrganisation(tulay.running.database.db, {
    name: 'Jeddah Workers Help Desk',
    countryCode: 'SA',
    published: true,
  });
  const admin = await caseWorker(organisation, 'admin@jeddah.example.org', false, 'administrator');
  await caseWorker(organisation, 'amina@jeddah.example.org', false);
  const page = await (await browser.newContext({ baseURL: tulay.url })).newPage();
  await signIn(page, admin.email, PASSWORD, { secret: admin.secret, used });
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await page.getByRole('link', { name: 'Case supervisors', exact: true }).click();
  await page.getByText('No case supervisors yet.').waitFor();
  await page.getByLabel('Colleague').selectOption({ label: 'amina (amina@jeddah.example.org)' });
  await page.getByLabel('Intake desk: receives Get-help requests').check();
  await page.getByRole('button', { name: 'Name supervisor' }).click();
  const list = page.getByRole('list', { name: 'Supervisors' });
  await list.getByText('amina@jeddah.example.org').waitFor();
  await list.getByText('Intake desk').waitFor();
  await expectAccessible(page, 'case supervisors');
  await page.getByRole('button', { name: 'Stop amina supervising' }).click();
  await page.getByText('No case supervisors yet.').waitFor();
  // Administrators run the platform; they do not read cases.
  expect(await page.getByRole('link', { name: 'Cases', exact: true }).count()).toBe(0);
});
