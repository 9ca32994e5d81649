import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import * as eventsRepo from '../src/server/modules/events/repository.ts';
import { instantOf } from '../src/server/modules/events/zones.ts';
import { publications } from '../src/server/modules/library/schema.ts';
import * as repo from '../src/server/modules/recommendations/repository.ts';
import { recommendationUpdates } from '../src/server/modules/recommendations/schema.ts';
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

// The recommendations journey: on a dialogue's page a staff member opens a proposed recommendation
// and records that the mission accepted it, with a public document and a link as evidence; the
// public tracker shows it, at 360 px and in Arabic (right to left).

let tulay: TestTulay;
let browser: Browser;
let eventId: string;
let recommendationId: string;
const PASSWORD = 'correct horse battery staple';
const TEXT = 'Give detained migrant workers consular assistance with interpreters.';

beforeAll(async () => {
  tulay = await startTulay();
  browser = await launchBrowser();
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Migrant Forum in Asia', acronym: 'MFA', typeCode: 'network', published: true })
    .returning();
  const [mission] = await db
    .insert(organisations)
    .values({
      name: 'Embassy of the Philippines in Amman',
      typeCode: 'embassy',
      countryCode: 'JO',
      published: true,
    })
    .returning();
  await insertUser(db, {
    organisationId: org!.id,
    email: 'staff@example.org',
    name: 'Dewi Staff',
    role: 'secretariat',
    passwordHash: await hashPassword(PASSWORD),
  });
  const dialogue = await eventsRepo.insertEvent(db, {
    slug: 'dialogue-amman-2024',
    kindCode: 'dialogue',
    title: 'Dialogue with missions in Amman',
    organisationId: org!.id,
    city: 'Amman',
    countryCode: 'JO',
    timeZone: 'Asia/Amman',
    startsAt: instantOf('2024-03-20T09:00', 'Asia/Amman')!,
    endsAt: instantOf('2024-03-20T17:00', 'Asia/Amman')!,
    visibility: 'public',
  });
  eventId = dialogue.id;
  await repo.replaceCounterparts(db, eventId, [mission!.id]);
  await db
    .insert(publications)
    .values({ typeCode: 'policy_brief', title: 'Circular on consular assistance', isPublic: true });
  recommendationId = (
    await repo.insertRecommendation(db, {
      eventId,
      text: TEXT,
      addresseeId: mission!.id,
      themes: ['protection'],
      countries: ['JO'],
    })
  ).id;
});

afterAll(async () => {
  await browser?.close();
  await tulay?.stop();
});

test('a dialogue’s recommendation moves from proposed to accepted with evidence, and the public tracker shows it', async () => {
  const page = await (await phoneContext(browser, tulay.url)).newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'staff@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  await page.goto(`/convenings/${eventId}`);
  await page
    .getByRole('list', { name: 'Counterparts' })
    .getByText('Embassy of the Philippines in Amman')
    .waitFor();
  const listed = page.getByRole('list', { name: 'Recommendations' });
  await listed.getByText('Proposed').waitFor();
  await expectAccessible(page, 'dialogue page');
  // The form a new recommendation is written in (checked, not filled: the story starts from one).
  await page.getByRole('link', { name: 'Add a recommendation' }).click();
  await page.getByRole('form', { name: 'New recommendation' }).waitFor();
  expect(await page.getByLabel(/^Dialogue/).inputValue()).toBe(eventId);
  await expectAccessible(page, 'recommendation form');
  await page.goBack();
  await listed.getByRole('link', { name: TEXT }).click();

  await page.getByRole('heading', { name: 'Recommendation', exact: true }).waitFor();
  const form = page.getByRole('form', { name: 'Record an update' });
  expect(await form.getByLabel(/^New status/).inputValue()).toBe('accepted');
  await form.getByLabel(/^Note/).fill('The embassy accepted the recommendation in its reply.');
  await form
    .getByLabel('Evidence: a public document of the library')
    .selectOption({ label: 'Circular on consular assistance' });
  await form.getByLabel('Evidence: a link').fill('https://example.org/reply');
  await expectAccessible(page, 'record an update');
  await form.getByRole('button', { name: 'Record the update' }).click();
  const history = page.getByRole('list', { name: 'History' });
  await history.getByText(/Proposed → Accepted/).waitFor();
  await history.getByRole('link', { name: 'Circular on consular assistance' }).waitFor();
  await expectAccessible(page, 'recommendation with its history');
  await snapshot(page, 'recommendation-staff');
  const [update] = await tulay.running.database.db.select().from(recommendationUpdates);
  expect(update).toMatchObject({
    fromStatus: 'proposed',
    status: 'accepted',
    evidenceUrl: 'https://example.org/reply',
  });
  expect(errors).toEqual([]);

  // The public tracker, on a phone: filtered to accepted recommendations, then the record itself.
  const phone = await (await phoneContext(browser, tulay.url)).newPage();
  await phone.goto('/recommendations');
  await phone.getByLabel('Status').selectOption('accepted');
  await phone.getByRole('button', { name: 'Filter' }).click();
  await phone.getByRole('link', { name: TEXT }).click();
  await phone.getByRole('heading', { name: 'Recommendation' }).waitFor();
  await phone.getByText('The embassy accepted the recommendation in its reply.').waitFor();
  await phone.getByRole('link', { name: 'https://example.org/reply' }).waitFor();
  expect(await phone.locator('script:not([type="application/ld+json"])').count()).toBe(0);
  await expectAccessible(phone, 'public recommendation');

  const arabic = await (await phoneContext(browser, tulay.url, 'ar')).newPage();
  await arabic.goto(`/recommendations/${recommendationId}`);
  expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
  await arabic.getByRole('heading', { name: 'توصية' }).waitFor();
  expect(await arabic.locator('dl').textContent()).toContain('مقبولة');
  await expectAccessible(arabic, 'public recommendation (Arabic)');
  await snapshot(arabic, 'recommendation-public-ar');
}, 300_000);
