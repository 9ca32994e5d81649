import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import * as eventsRepo from '../src/server/modules/events/repository.ts';
import { eventAttendance, eventParticipants } from '../src/server/modules/events/schema.ts';
import { instantOf } from '../src/server/modules/events/zones.ts';
import { people } from '../src/server/modules/people/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { outbox } from '../src/server/platform/mail/schema.ts';
import { collectPageErrors, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// The events journey: a staff member creates a training course with two sessions and invites three
// directory people (the invitations wait in the outbox); someone registers for another public event
// from a 360 px phone (the public pages carry no script); staff record their attendance.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';
const YEAR = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Migrant Forum in Asia', acronym: 'MFA', typeCode: 'network', published: true })
    .returning();
  await insertUser(db, {
    organisationId: org!.id,
    email: 'staff@example.org',
    name: 'Dewi Staff',
    role: 'secretariat',
    passwordHash: await hashPassword(PASSWORD),
  });
  const invitees: [string, string][] = [
    ['Ana Reyes', 'ana@example.org'],
    ['Budi Santoso', 'budi@example.org'],
    ['Chandra Lal', 'chandra@example.org'],
  ];
  for (const [name, email] of invitees)
    await db.insert(people).values({ name, email, searchText: name.toLowerCase() });
  await eventsRepo.insertEvent(db, {
    slug: `consultation-${YEAR}`,
    kindCode: 'consultation',
    title: 'Consultation on domestic workers’ rights',
    organisationId: org!.id,
    city: 'Kuala Lumpur',
    countryCode: 'MY',
    timeZone: 'Asia/Kuala_Lumpur',
    startsAt: instantOf(`${YEAR}-05-04T09:00`, 'Asia/Kuala_Lumpur')!,
    endsAt: instantOf(`${YEAR}-05-05T17:00`, 'Asia/Kuala_Lumpur')!,
    capacity: 50,
    visibility: 'public',
  });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

async function pick(page: Page, label: string, option: string, typed: string) {
  const input = page.getByLabel(label, { exact: true }).first();
  await input.click({ force: true });
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('staff create a training with two sessions and invite three people; the public registers from a phone; attendance is recorded', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'staff@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  await page.goto('/convenings');
  await page.getByRole('heading', { name: 'Events', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Consultation on domestic workers’ rights' }).waitFor();
  await expectAccessible(page, 'events list');
  await page.getByLabel('View').selectOption('month');
  await page.getByLabel('Month', { exact: true }).fill(`${YEAR}-05`);
  await page
    .getByRole('list', { name: new RegExp(`${YEAR}`) })
    .getByRole('link', { name: /Consultation/ })
    .first()
    .waitFor();
  await expectAccessible(page, 'events month');

  await page.goto('/convenings/new');
  await page.getByLabel(/^Kind/).selectOption('training_course');
  await page
    .getByLabel(/^Title/)
    .first()
    .fill('Human rights training for advocates');
  await page.getByLabel('Starts (local time)').first().fill(`${YEAR}-03-16T09:00`);
  await page.getByLabel('Ends (local time)').first().fill(`${YEAR}-03-17T17:00`);
  await page.getByLabel(/^Time zone of the event/).selectOption('Asia/Manila');
  await page.getByLabel('City', { exact: true }).fill('Manila');
  await page.getByLabel('Visibility', { exact: true }).selectOption('public');
  for (const [i, [title, start, end]] of [
    ['Rights of migrant workers', `${YEAR}-03-16T09:00`, `${YEAR}-03-16T12:00`],
    ['Advocacy with missions', `${YEAR}-03-17T09:00`, `${YEAR}-03-17T12:00`],
  ].entries()) {
    await page.getByRole('button', { name: 'Add a session' }).click();
    const session = page.getByRole('group', { name: `Session ${i + 1}` });
    await session.getByLabel('Session title').fill(title!);
    await session.getByLabel('Starts (local time)').fill(start!);
    await session.getByLabel('Ends (local time)').fill(end!);
  }
  await expectAccessible(page, 'event form');
  await page.getByRole('button', { name: 'Create the event' }).click();
  await page.getByRole('heading', { name: 'Human rights training for advocates' }).waitFor();
  await page.getByText('Advocacy with missions').waitFor();

  for (const [name, typed] of [
    ['Ana Reyes', 'Ana'],
    ['Budi Santoso', 'Budi'],
    ['Chandra Lal', 'Chandra'],
  ])
    await pick(page, 'People to invite', name!, typed!);
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await page.getByRole('list', { name: 'Participants' }).getByText('Chandra Lal').waitFor();
  await expect
    .poll(() => page.getByRole('list', { name: 'Participants' }).getByRole('listitem').count())
    .toBe(3);
  await expectAccessible(page, 'event page with participants');
  const db = tulay.running.database.db;
  const mails = await db.select().from(outbox);
  expect(mails.map((m) => m.toAddress).sort()).toEqual([
    'ana@example.org',
    'budi@example.org',
    'chandra@example.org',
  ]);
  expect(mails.every((m) => /\/rsvp\?token=/.test(m.bodyText))).toBe(true);
  const invited = await db.select().from(eventParticipants);
  expect(invited.map((p) => p.status)).toEqual(['invited', 'invited', 'invited']);

  // Someone registers for the other public event from a 360 px phone.
  const publicContext = await browser.newContext({
    baseURL: tulay.url,
    viewport: { width: 360, height: 740 },
  });
  const phone = await publicContext.newPage();
  const thirdParty: string[] = [];
  phone.on('request', (r) => {
    if (!r.url().startsWith(tulay.url)) thirdParty.push(r.url());
  });
  await phone.goto('/events');
  await phone.getByRole('link', { name: 'Consultation on domestic workers’ rights' }).click();
  await phone.getByRole('heading', { name: 'Consultation on domestic workers’ rights' }).waitFor();
  // The page is plain HTML: no script other than its JSON-LD data block.
  expect(await phone.locator('script:not([type="application/ld+json"])').count()).toBe(0);
  await expectAccessible(phone, 'public event page');
  await phone.getByLabel(/Your name/).fill('Siti Aminah');
  await phone.getByLabel(/Email/).fill('siti@example.org');
  await phone.getByLabel('Language needs').fill('Bahasa Indonesia interpretation');
  await phone.getByRole('button', { name: 'Register' }).click();
  await phone.getByText('Please agree to the storing of your details').waitFor();
  await expectAccessible(phone, 'registration form with an error');
  await phone.getByLabel(/I agree/).check();
  await phone.getByRole('button', { name: 'Register' }).click();
  await phone.getByRole('heading', { name: 'You are registered' }).waitFor();
  await snapshot(phone, 'event-registered');
  expect(thirdParty).toEqual([]);

  // Staff record the registrant's attendance on the first day.
  const registrant = (await db.select().from(eventParticipants)).find((p) => p.email === 'siti@example.org');
  expect(registrant).toMatchObject({
    status: 'registered',
    languageNeeds: 'Bahasa Indonesia interpretation',
  });
  await page.goto('/convenings');
  await page.getByRole('link', { name: 'Consultation on domestic workers’ rights' }).click();
  await page.getByRole('list', { name: 'Participants' }).getByText('Siti Aminah').waitFor();
  await page.getByRole('checkbox', { name: `Siti Aminah: ${YEAR}-05-04` }).click();
  await expect.poll(async () => (await db.select().from(eventAttendance)).length).toBe(1);
  await expect
    .poll(() => page.getByRole('checkbox', { name: `Siti Aminah: ${YEAR}-05-04` }).isChecked())
    .toBe(true);
  await expectAccessible(page, 'attendance');
  await snapshot(page, 'event-attendance');
  expect(errors).toEqual([]);
}, 420_000);
