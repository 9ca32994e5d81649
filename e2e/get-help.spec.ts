import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { caseSupervisors } from '../src/server/modules/cases/schema.ts';
import { insertOrganisation } from '../src/server/modules/directory/repository.ts';
import { countryName } from '../src/server/modules/geography/countries.ts';
import { insertUser } from '../src/server/platform/auth/repository.ts';
import { translate } from '../src/server/platform/i18n/translate.ts';
import { directionOf, LOCALE_CODES } from '../src/shared/locales.ts';
import { collectPageErrors, expectAccessible, phoneContext, snapshot } from './support/browser.ts';
import { startJourney, stopJourney } from './support/journey.ts';
import type { TestTulay } from './support/tulay.ts';

// The light Get-help pages on a 360 px phone: a request to Singapore sent and followed up on the
// status page, with axe on every screen; and a request written offline, kept encrypted on the
// phone, that goes out by itself when the connection comes back.

let tulay: TestTulay;
let browser: Browser;

beforeAll(async () => {
  ({ tulay, browser } = await startJourney());
  // Someone receives requests (routing a request nobody's desk covers is the secretariat's intake).
  const db = tulay.running.database.db;
  const organisationId = await insertOrganisation(db, {
    name: 'Singapore Migrant Help Desk',
    countryCode: 'SG',
    published: true,
  });
  const user = await insertUser(db, {
    organisationId,
    email: 'desk@sg.example.org',
    name: 'desk',
    role: 'case_worker',
    passwordHash: 'not used',
  });
  await db.insert(caseSupervisors).values({ organisationId, userId: user.id, receivesIntake: true });
});

afterAll(async () => {
  await stopJourney({ tulay, browser });
});

// Urdu (right-to-left) and Khmer (no spaces between words) once the catalogs have them.
const languages = ['ur', 'km'].filter((l) => (LOCALE_CODES as readonly string[]).includes(l));
if (!languages.length) languages.push('ar');

test.each(languages)('on a phone in %s, a request to Singapore is sent and followed up', async (lang) => {
  const t = (s: string) => translate(lang, s);
  const phone = await phoneContext(browser, tulay.url, lang);
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto(`/${lang}/get-help`);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    lang,
    directionOf(lang),
  ]);
  await page.getByRole('heading', { name: t('Ask for help') }).waitFor();
  await expectAccessible(page, `get help (${lang})`);
  await page
    .getByLabel(t('What happened? How can we help?'))
    .fill('Agency took my passport. I work in Jurong.');
  // The country is found by typing its name in the page's language.
  await page.getByLabel(t('Find your country')).fill(countryName('SG', lang));
  expect(await page.getByLabel(t('Country where you work')).inputValue()).toBe('SG');
  await page.getByLabel(t('Your work')).selectOption('construction');
  await page.getByRole('button', { name: t('Send') }).click();
  await page.getByRole('heading', { name: t('We received your request') }).waitFor({ timeout: 60_000 });
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  const secret = (await page.getByTestId('secret').textContent())!.trim();
  expect(reference).toMatch(/^H-[0-9A-Z]{8}$/);
  await expectAccessible(page, `codes (${lang})`);
  await snapshot(page, `get-help-codes-${lang}`);

  // Followed up on the status page, with the codes written down.
  await page.getByRole('link', { name: t('Read the answer to your request') }).click();
  await page.getByLabel(t('Reference code')).fill(reference);
  await page.getByLabel(t('Secret code')).fill(secret);
  await expectAccessible(page, `status form (${lang})`);
  await page.getByRole('button', { name: t('Open') }).click();
  await page.getByText('Agency took my passport. I work in Jurong.').waitFor();
  await page.getByText(t('Received: someone will read it soon.')).waitFor();
  await page.getByLabel(t('Add information')).fill('My new number is +65 8123 4567');
  await page.getByRole('button', { name: t('Send') }).click();
  await page.getByText('My new number is +65 8123 4567').waitFor();
  await expectAccessible(page, `status (${lang})`);
  await snapshot(page, `get-help-status-${lang}`);

  const stored = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
  expect(stored).toEqual({ local: [], session: [], databases: [] });
  expect([...origins]).toEqual([new URL(tulay.url).origin]);
  expect(errors).toEqual([]);
  await phone.close();
});

test('a request cut off mid-submission waits on the phone, encrypted, opens offline, and is sent when the connection returns', async () => {
  const phone = await phoneContext(browser, tulay.url, 'fil');
  const page = await phone.newPage();
  const errors = collectPageErrors(page);
  const t = (s: string) => translate('fil', s);
  await page.goto('/fil/get-help');
  // The service worker keeps the page: it opens again without a connection.
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.ready).active))
    .toBe(true);
  await expect
    .poll(() =>
      page.evaluate(
        async () => (await caches.keys()).length > 0 && (await caches.match('/fil/get-help')) !== undefined,
      ),
    )
    .toBe(true);
  // The connection drops mid-submission: after the challenge and the proof of work, as the
  // request itself goes out.
  const words = 'Hindi ako pinapasahod ng amo ko sa Taiwan';
  await page.getByLabel(t('What happened? How can we help?')).fill(words);
  await page.getByLabel(t('Country where you work')).selectOption('TW');
  await phone.route('**/api/v1/intake/requests', async (route) => {
    await phone.setOffline(true);
    await route.abort('internetdisconnected');
  });
  await page.getByRole('button', { name: t('Send') }).click();
  const waiting = page.getByText(
    t(
      'You are offline. Your request is kept on this phone, encrypted, and will be sent as soon as you are connected.',
    ),
  );
  await waiting.waitFor();
  await expectAccessible(page, 'waiting offline');
  await snapshot(page, 'get-help-waiting-fil');
  // What waits is ciphertext under a key no script can read out.
  const kept = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('tulay-get-help');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const read = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((resolve) => {
        const r = op(db.transaction(store).objectStore(store));
        r.onsuccess = () => resolve(r.result);
      });
    const rows = await read('outbox', (s) => s.getAll());
    const key = await read<CryptoKey>('keys', (s) => s.get('k'));
    db.close();
    return {
      count: rows.length,
      bytes: rows.map((r) => [...new Uint8Array(r.data as ArrayBuffer)]),
      algorithm: key.algorithm.name,
      extractable: key.extractable,
    };
  });
  expect(kept.count).toBe(1);
  expect(kept.algorithm).toBe('AES-GCM');
  expect(kept.extractable).toBe(false);
  expect(Buffer.from(kept.bytes[0]!).toString('utf8')).not.toContain('Taiwan');

  // Still offline, the page opens again from the service worker and still says it is waiting.
  await phone.unrouteAll();
  await page.reload();
  await page.getByRole('heading', { name: t('Ask for help') }).waitFor();
  await waiting.waitFor();
  await phone.setOffline(false);
  await page.getByRole('heading', { name: t('We received your request') }).waitFor({ timeout: 60_000 });
  await waiting.waitFor({ state: 'hidden' });
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^H-[0-9A-Z]{8}$/);
  await expectAccessible(page, 'sent after reconnecting');
  const { rows } = await tulay.running.database.pool.query<{ destination_country: string }>(
    'select destination_country from cases where reference = $1',
    [reference],
  );
  expect(rows).toEqual([{ destination_country: 'TW' }]);
  // Sent: nothing of it stays on the phone.
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  // The quick exit leaves for a neutral page in place of this one: Back does not come here. (The
  // neutral site is answered inside the browser: the test makes no request to another site.)
  await phone.route('https://www.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>weather</title>' }),
  );
  await page.getByRole('link', { name: t('Quick exit') }).click();
  await page.waitForURL(/^https:\/\/www\.google\.com\//);
  await page.goBack();
  expect(page.url()).not.toContain('/get-help');
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  await phone.close();
});
