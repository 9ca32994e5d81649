import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { organisations } from '../src/server/modules/directory/schema.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { insertUser, updateUser } from '../src/server/platform/auth/repository.ts';
import { newTotpSecret } from '../src/server/platform/auth/totp.ts';
import { collectPageErrors, expectAccessible, phoneContext, sameSite } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import { signIn } from './support/journeys.ts';
import type { TestTulay } from './support/tulay.ts';

// Administrators keep the controlled vocabularies in the app: add a term with labels in several
// languages, edit it, retire it, export the vocabulary as CSV and import new terms (preview first);
// a member editor reads the terms through the forms but cannot reach these screens or change them.

let tulay: TestTulay;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';
const used = new Set<number>();
let adminSecret = '';
const TERMS = '/api/v1/vocabularies/organisation_type/terms';

beforeAll(async () => {
  ({ tulay, browser } = await startJourney({ demo: true }));
  const db = tulay.running.database.db;
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Secretariat office', typeCode: 'ngo' })
    .returning();
  const admin = await insertUser(db, {
    organisationId: org!.id,
    email: 'lakan@example.org',
    name: 'Lakan Admin',
    // Vocabularies are shared by the whole platform: a network administrator keeps them.
    role: 'network_administrator',
    passwordHash: await hashPassword(PASSWORD),
  });
  // Administrators owe two-factor authentication: enrolled already, so sign-in asks for a code.
  adminSecret = newTotpSecret();
  await updateUser(db, admin.id, { totpSecret: adminSecret, totpEnabled: true });
  await insertUser(db, {
    organisationId: org!.id,
    email: 'editor@example.org',
    name: 'Member Editor',
    role: 'member_editor',
    passwordHash: await hashPassword(PASSWORD),
  });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

// One journey in steps sharing the browser, so each step has its own time budget on a busy machine.
let context: BrowserContext;
let page: Page;
let errors: string[];
const term = (code: string) => page.getByTestId(`term-${code}`);

test('an administrator opens the vocabularies and adds a term with English and Filipino labels', async () => {
  context = await phoneContext(browser, tulay.url);
  page = await context.newPage();
  errors = collectPageErrors(page);
  await signIn(page, 'lakan@example.org', PASSWORD, { secret: adminSecret, used });
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  await page
    .getByRole('main')
    .getByRole('link', { name: /^Vocabularies/ })
    .click();
  await page.getByRole('heading', { name: 'Vocabularies', level: 1 }).waitFor();
  await page
    .getByRole('list', { name: 'Vocabularies' })
    .getByText('Organisation types', { exact: true })
    .waitFor();
  await expectAccessible(page, 'vocabularies list');
  const create = page.getByRole('form', { name: 'Create a vocabulary' });
  await create.getByRole('textbox', { name: 'Key' }).fill('skill_area');
  await create.getByRole('textbox', { name: 'Label in English' }).fill('Skill areas');
  await create.getByRole('textbox', { name: 'Label in Filipino' }).fill('Mga larangan ng kasanayan');
  await create.getByRole('button', { name: 'Create vocabulary' }).click();
  await page.getByRole('link', { name: 'Skill areas', exact: true }).waitFor();
  // The same key again is a conflict the form explains.
  await create.getByRole('textbox', { name: 'Key' }).fill('skill_area');
  await create.getByRole('textbox', { name: 'Label in English' }).fill('Skill areas again');
  await create.getByRole('button', { name: 'Create vocabulary' }).click();
  await create.getByRole('alert').getByText('A vocabulary with this key already exists.').waitFor();

  await page.getByRole('link', { name: 'Organisation types', exact: true }).click();
  await page.getByRole('heading', { name: 'Organisation types', level: 1 }).waitFor();
  await term('trade_union').getByText('Trade union').waitFor();
  await expectAccessible(page, 'vocabulary terms');

  const add = page.getByRole('form', { name: 'Add a term' });
  await add.getByRole('textbox', { name: 'Code' }).fill('domestic_workers_group');
  await add.getByRole('textbox', { name: 'Label in English' }).fill('Domestic workers group');
  await add.getByRole('textbox', { name: 'Label in Filipino' }).fill('Grupo ng mga kasambahay');
  await add.getByLabel('Parent term').selectOption('network');
  await add.getByRole('button', { name: 'Add term' }).click();
  await term('domestic_workers_group').getByText('Domestic workers group').waitFor();
  // Placed in the tree under "network", after the terms already there.
  const codes = await page
    .locator('[data-testid^="term-"]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')!.slice(5)));
  expect(codes.indexOf('domestic_workers_group')).toBeGreaterThan(codes.indexOf('caucus'));
  const saved = await (await page.request.get(`${TERMS}?includeRetired=true`)).json();
  expect(saved.data.find((x: { code: string }) => x.code === 'domestic_workers_group')).toMatchObject({
    parentCode: 'network',
    depth: 1,
    labels: { en: 'Domestic workers group', fil: 'Grupo ng mga kasambahay' },
  });
});

test('edits the label, meets a conflicting edit, and retires the term', async () => {
  await term('domestic_workers_group').getByRole('button', { name: 'Edit Domestic workers group' }).click();
  const edit = page.getByRole('form', { name: 'Edit “Domestic workers group”' });
  await edit.getByRole('textbox', { name: 'Label in English' }).fill('Domestic worker collective');
  await expectAccessible(page, 'edit term');
  await edit.getByRole('button', { name: 'Save term' }).click();
  await term('domestic_workers_group').getByText('Domestic worker collective').waitFor();
  await expect.poll(() => edit.count()).toBe(0);

  // Someone else changes the term while this form is open: the save is refused, not lost silently.
  await term('domestic_workers_group')
    .getByRole('button', { name: /^Edit / })
    .click();
  const again = page.getByRole('form', { name: 'Edit “Domestic worker collective”' });
  await again.getByRole('textbox', { name: 'Scope note' }).fill('Groups of domestic workers.');
  const current = (await (await page.request.get(`${TERMS}?includeRetired=true`)).json()).data.find(
    (x: { code: string }) => x.code === 'domestic_workers_group',
  );
  const other = await page.request.patch(`${TERMS}/domestic_workers_group`, {
    headers: sameSite(tulay.url),
    data: { position: current.position + 1, version: current.version },
  });
  expect(other.status()).toBe(200);
  await again.getByRole('button', { name: 'Save term' }).click();
  await again.getByRole('alert').getByText('Someone else changed this record').waitFor();
  await expectAccessible(page, 'edit conflict');
  // The list has been refreshed meanwhile, so saving again applies the change on the new version.
  await again.getByRole('button', { name: 'Save term' }).click();
  // Wait for the form to close: until then the note is also the text of its own textarea.
  await expect.poll(() => again.count()).toBe(0);
  await term('domestic_workers_group').getByText('Groups of domestic workers.').waitFor();

  await term('domestic_workers_group')
    .getByRole('button', { name: 'Retire Domestic worker collective' })
    .click();
  await term('domestic_workers_group').getByText('Retired', { exact: true }).waitFor();
  await term('domestic_workers_group')
    .getByRole('button', { name: 'Restore Domestic worker collective' })
    .waitFor();
  // Retired terms leave the pickers of other screens but stay listed here.
  const active = await (await page.request.get(TERMS)).json();
  expect(active.data.map((x: { code: string }) => x.code)).not.toContain('domestic_workers_group');
  await expectAccessible(page, 'retired term');
  // From the top, so the fixed header is not painted over the middle of the full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/vocab-360.png', fullPage: true });
});

test('exports the vocabulary as CSV and imports a new term after a preview', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('organisation_type.csv');
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported).toContain('domestic_workers_group');
  expect(exported).toContain('Grupo ng mga kasambahay');

  const csv = join(tmpdir(), `tulay-vocabulary-${Date.now()}.csv`);
  writeFileSync(
    csv,
    'code,parent_code,label_en,label_fil\nseafarers_association,,Seafarers association,Samahan ng mga marino\n',
  );
  await page.getByLabel('CSV file').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect.poll(() => page.getByTestId('vocabulary-import-summary').textContent()).toContain('New: 1');
  await page.getByText('seafarers_association').waitFor();
  await expect.poll(() => term('seafarers_association').count()).toBe(0);
  await expectAccessible(page, 'import preview');
  await page.getByRole('button', { name: 'Import 1 terms' }).click();
  await page.getByText('1 added, 0 changed, 0 unchanged.').waitFor();
  await term('seafarers_association').getByText('Seafarers association').waitFor();
  await expectAccessible(page, 'import done');
});

test('the vocabulary page reads right to left in Arabic and still passes axe at 360 px', async () => {
  await page.getByRole('button', { name: /^Language:/ }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await expect
    .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
    .toEqual(['ar', 'rtl']);
  await page.getByRole('heading', { name: 'أنواع المنظمات', level: 1 }).waitFor();
  await term('trade_union').getByText('نقابة عمالية').waitFor();
  await expectAccessible(page, 'vocabulary terms (Arabic)');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/vocab-360-ar.png', fullPage: true });
  // Back to English for the account, so the choice does not follow into other runs of this page.
  await page.getByRole('button', { name: /^(Language|اللغة)/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  expect(errors).toEqual([]);
  await context.close();
});

test('a member editor reads the terms but cannot open these screens or change a term', async () => {
  const own = await phoneContext(browser, tulay.url);
  const editor = await own.newPage();
  await signIn(editor, 'editor@example.org', PASSWORD);
  await editor.getByRole('heading', { name: /Welcome/ }).waitFor();
  expect(await editor.getByRole('link', { name: /^Vocabularies/ }).count()).toBe(0);
  await editor.goto('/vocabularies/organisation_type');
  await editor.getByRole('heading', { name: 'Page not found' }).waitFor();
  expect(await editor.getByRole('button', { name: /^Edit / }).count()).toBe(0);
  const listed = await (await editor.request.get(TERMS)).json();
  expect(listed.data.find((x: { code: string }) => x.code === 'ngo').abilities.update).toBe(false);
  const refused = await editor.request.patch(`${TERMS}/ngo`, {
    headers: sameSite(tulay.url),
    data: { labels: { en: 'Changed' }, version: 1 },
  });
  expect(refused.status()).toBe(403);
  const refusedAdd = await editor.request.post(TERMS, {
    headers: sameSite(tulay.url),
    data: { code: 'sneaky', labels: { en: 'Sneaky' } },
  });
  expect(refusedAdd.status()).toBe(403);
  await expectAccessible(editor, 'vocabularies refused');
  await own.close();
});
