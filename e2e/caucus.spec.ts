import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { insertEvent } from '../src/server/modules/events/repository.ts';
import { insertPerson } from '../src/server/modules/people/repository.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { popoloSchemas } from '../src/server/testing/popolo.ts';
import {
  collectPageErrors,
  expectAccessible,
  launchBrowser,
  phoneContext,
  sameSite,
} from './support/browser.ts';
import { signIn } from './support/journeys.ts';
import { startTulay, type TestTulay } from './support/tulay.ts';

// The caucus journey: the secretariat records a resolution adopted at a caucus meeting with two
// signatories (one signing in her seat), sees it on its page, and downloads the caucus as Popolo
// JSON, which validates against the vendored Popolo schemas. At 360 px with an accessibility audit.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  tulay = await startTulay();
  browser = await launchBrowser();
  const db = tulay.running.database.db;
  const org = async (name: string, typeCode: string, countryCode?: string) =>
    (await db.insert(organisations).values({ name, typeCode, countryCode, published: true }).returning())[0]!;
  const mfa = await org('Migrant Forum in Asia', 'network', 'PH');
  await org('Asian Inter-Parliamentary Caucus on Labor Migration', 'caucus');
  await org('House of Representatives of the Philippines', 'parliament', 'PH');
  await org('Example Party', 'political_party', 'PH');
  await insertPerson(db, { name: 'Maria Santos' });
  await insertPerson(db, { name: 'Sok Chenda' });
  await insertEvent(db, {
    slug: 'caucus-meeting-2011',
    kindCode: 'caucus_meeting',
    title: 'Caucus meeting in Phnom Penh',
    organisationId: mfa.id,
    timeZone: 'Asia/Phnom_Penh',
    startsAt: new Date('2011-11-14T02:00:00Z'),
    endsAt: new Date('2011-11-15T10:00:00Z'),
    visibility: 'public',
  });
  await insertUser(db, {
    organisationId: mfa.id,
    email: 'secretariat@example.org',
    name: 'Caucus Secretariat',
    role: 'secretariat',
    passwordHash: await hashPassword(PASSWORD),
  });
});

afterAll(async () => {
  await browser?.close();
  await tulay?.stop();
});

test('a caucus resolution with signatories exports as Popolo that validates against the schemas', async () => {
  const context = await phoneContext(browser, tulay.url);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, 'secretariat@example.org', PASSWORD);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();

  const people = (await (await page.request.get(`${tulay.url}/api/v1/people?limit=50`)).json()).data as {
    id: string;
    name: string;
  }[];
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  const partyId = (await (await page.request.get(`${tulay.url}/api/v1/caucus/options`)).json()).data
    .parties[0].id;

  await page.goto('/manage/caucus');
  await page.getByRole('heading', { name: 'Inter-parliamentary caucus' }).waitFor();
  // Maria's seat, through the seat dialog.
  await page.getByRole('button', { name: 'Add a seat in a parliament' }).click();
  const seat = page.getByRole('dialog');
  await seat.getByRole('combobox', { name: /^Member of parliament/ }).fill('Maria');
  await page.getByRole('option', { name: 'Maria Santos', exact: true }).click();
  await seat.getByLabel(/^Parliament/).selectOption({ label: 'House of Representatives of the Philippines' });
  await seat.getByLabel(/^Party/).selectOption({ label: 'Example Party' });
  await seat.getByLabel(/^Constituency/).fill('Quezon City, 1st District');
  await seat.getByLabel(/^From/).fill('2010');
  await expectAccessible(page, 'seat dialog');
  await seat.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Quezon City, 1st District', { exact: false }).waitFor();
  // Both members, through the membership dialog.
  for (const name of ['Maria Santos', 'Sok Chenda']) {
    await page.getByRole('button', { name: 'Add a member to the caucus' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^Member of parliament/ }).fill(name.split(' ')[0]!);
    await page.getByRole('option', { name, exact: true }).click();
    await dialog.getByLabel(/^From/).fill('2011');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('list', { name: 'Members of the caucus' }).getByText(name).waitFor();
  }
  await expectAccessible(page, 'caucus overview');

  await page.getByRole('link', { name: 'Record a resolution' }).click();
  await page.getByLabel('Title').fill('Resolution formalising the caucus');
  await page.getByLabel('Adopted on').fill('2011-11-14');
  await page
    .getByLabel('Adopted at the meeting')
    .selectOption({ label: 'Caucus meeting in Phnom Penh (2011-11-14)' });
  await page.getByLabel('Text').fill('The assembled members of parliament formalise the caucus.');
  const add = page.getByLabel('Add a signatory from the caucus members');
  for (const name of ['Maria Santos', 'Sok Chenda']) {
    await add.selectOption({ label: name });
    await page.getByRole('button', { name: 'Add signatory' }).click();
  }
  await page
    .getByLabel('Signed as (Maria Santos)')
    .selectOption({ label: 'House of Representatives of the Philippines, Quezon City, 1st District' });
  await page.getByLabel('Published on the public page').check();
  await expectAccessible(page, 'resolution form');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await page.getByRole('heading', { name: 'Resolution formalising the caucus' }).waitFor();
  await page
    .getByText('Maria Santos — Quezon City, 1st District, House of Representatives of the Philippines')
    .waitFor();
  await page.getByText('Sok Chenda', { exact: true }).waitFor();
  await expectAccessible(page, 'resolution page');

  await page.getByRole('link', { name: 'Inter-parliamentary caucus' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as Popolo JSON' }).click(),
  ]);
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<
    string,
    Record<string, unknown>[]
  >;
  const popolo = popoloSchemas();
  const schemaOf: Record<string, string> = {
    persons: 'person',
    organizations: 'organization',
    memberships: 'membership',
    posts: 'post',
    areas: 'area',
    events: 'event',
    motions: 'motion',
  };
  for (const [key, schema] of Object.entries(schemaOf))
    for (const record of doc[key]!)
      expect(popolo.check(record, schema), `${key} ${JSON.stringify(record)}`).toEqual([]);
  const motion = doc.motions!.find(
    (m) => m.text === 'The assembled members of parliament formalise the caucus.',
  )!;
  expect(motion).toMatchObject({ classification: 'resolution', date: '2011-11-14T00:00:00Z' });
  const votes = (motion.vote_events as { votes: { voter_id: string; group_id: string | null }[] }[])[0]!
    .votes;
  expect(votes).toEqual([
    expect.objectContaining({ voter_id: id('Maria Santos'), option: 'yes', group_id: partyId }),
    expect.objectContaining({ voter_id: id('Sok Chenda'), option: 'yes', group_id: null }),
  ]);
  expect(doc.events!.map((e) => e.id)).toContain(motion.legislative_session_id);

  // The same screen in Arabic reads right to left and stays accessible.
  const me = await page.request.patch(`${tulay.url}/api/v1/auth/me`, {
    headers: sameSite(tulay.url),
    data: { locale: 'ar' },
  });
  expect(me.status()).toBeLessThan(300);
  await page.evaluate(() => localStorage.setItem('tulay.locale', 'ar'));
  await page.goto('/manage/caucus');
  await page.getByRole('heading', { name: 'التكتل البرلماني الدولي' }).waitFor();
  expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  await expectAccessible(page, 'caucus overview (Arabic)');
  expect(errors).toEqual([]);
});
