import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import * as eventsRepo from '../src/server/modules/events/repository.ts';
import { eventAttendance, eventParticipants } from '../src/server/modules/events/schema.ts';
import { instantOf } from '../src/server/modules/events/zones.ts';
import { people } from '../src/server/modules/people/schema.ts';
import { trainingFollowUps } from '../src/server/modules/trainings/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  phoneContext,
  snapshot,
} from './support/browser.ts';
import { signIn } from './support/journeys.ts';
import { startTulay, type TestTulay } from './support/tulay.ts';

// The trainings journey (issue 12): a staff member creates a training with two sessions and invites
// three directory people; someone registers for another public event from a 360 px phone;
// attendance is recorded; the training becomes a cohort of a course, completion is marked, and the
// 6-month follow-up appears in the staff member's task list.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';
const YEAR = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  tulay = await startTulay();
  browser = await launchBrowser();
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
  for (const [name, email] of [
    ['Ana Reyes', 'ana@example.org'],
    ['Budi Santoso', 'budi@example.org'],
    ['Chandra Lal', 'chandra@example.org'],
  ])
    await db.insert(people).values({ name: name!, email, searchText: name!.toLowerCase() });
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
  await browser?.close();
  await tulay?.stop();
});

async function pick(page: Page, label: string, option: string, typed: string) {
  const input = page.getByLabel(label, { exact: true }).first();
  await input.click({ force: true });
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('a training with two sessions and three invitees; a phone registration; attendance; completion; a 6-month follow-up task', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const db = tulay.running.database.db;
  await signIn(page, 'staff@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();

  // The training, as an event of kind "training course" with two sessions.
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
  await page.getByRole('button', { name: 'Create the event' }).click();
  await page.getByRole('heading', { name: 'Human rights training for advocates' }).waitFor();
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

  // Someone registers for another public event from a 360 px phone, with no script and no third party.
  const phone = await (
    await browser.newContext({ baseURL: tulay.url, viewport: { width: 360, height: 740 } })
  ).newPage();
  const thirdParty: string[] = [];
  phone.on('request', (r) => {
    if (!r.url().startsWith(tulay.url)) thirdParty.push(r.url());
  });
  await phone.goto(`/events/consultation-${YEAR}`);
  await phone.getByLabel(/Your name/).fill('Siti Aminah');
  await phone.getByLabel(/Email/).fill('siti@example.org');
  await phone.getByLabel(/I agree/).check();
  await phone.getByRole('button', { name: 'Register' }).click();
  await phone.getByRole('heading', { name: 'You are registered' }).waitFor();
  await expectAccessible(phone, 'registered from a phone');
  expect(thirdParty).toEqual([]);
  expect(
    (await db.select().from(eventParticipants)).find((p) => p.email === 'siti@example.org')?.status,
  ).toBe('registered');

  // Attendance of the training's first session.
  await page.getByRole('checkbox', { name: 'Ana Reyes: Rights of migrant workers' }).click();
  await expect.poll(async () => (await db.select().from(eventAttendance)).length).toBe(1);

  // The course, with the training as its cohort.
  await page.goto('/trainings');
  await page.getByRole('heading', { name: 'Training courses' }).waitFor();
  await expectAccessible(page, 'training courses');
  await page.getByRole('link', { name: 'New training course' }).click();
  await page.getByLabel(/^Title/).fill('Human rights training programme');
  await page.getByLabel('Issuer printed on certificates').fill('Migrant Forum in Asia');
  await expectAccessible(page, 'course form');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Human rights training programme' }).waitFor();
  await page
    .getByLabel('Training-course event')
    .selectOption({ label: `Human rights training for advocates (${YEAR}-03-16)` });
  await page.getByLabel('Cohort label').fill('Cohort 1');
  await page.getByRole('button', { name: 'Add the cohort' }).click();
  await page.getByRole('link', { name: 'Cohort 1 · Human rights training for advocates' }).click();

  // Completion: Ana completed; her follow-ups are scheduled.
  const ana = page.getByRole('form', { name: 'Completion of Ana Reyes' });
  await ana.getByLabel('Completion').selectOption('completed');
  await ana.getByLabel('Sex').selectOption('female');
  await ana.getByLabel('Country').selectOption('PH');
  await expectAccessible(page, 'cohort completion');
  await ana.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`6 months (${YEAR}-09-17)`).waitFor();
  expect((await db.select().from(trainingFollowUps)).map((f) => f.monthsAfter).sort((a, b) => a - b)).toEqual(
    [3, 6, 12],
  );

  // The 6-month follow-up is a task in the staff member's list.
  await page.getByRole('navigation', { name: 'Trainings' }).getByRole('link', { name: 'Follow-ups' }).click();
  await page.getByText('6-month follow-up of Ana Reyes').waitFor();
  await expectAccessible(page, 'follow-up tasks');
  await snapshot(page, 'training-follow-ups');
  expect(errors).toEqual([]);
}, 420_000);
