import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directionOf, LOCALE_CODES, LOCALES } from '../../../shared/locales.ts';
import { buildOrganisation } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/harness.ts';
import { allCountries, countryName } from '../geography/countries.ts';
import { solve } from './intake-pow.ts';
import { buildWorld, createCaseTestApp } from './test-support.ts';

// The server-rendered Get-help pages: language and direction per address, language links, the
// whole page without JavaScript, every destination, and the form and status page posted as plain
// HTML forms (what a phone without scripts does).

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
  // A published organisation working on the Philippines–Hong Kong corridor: Hong Kong is covered.
  await buildOrganisation(t, {
    name: 'Mission for Migrant Workers',
    countryCode: 'PH',
    corridors: ['PH-HK'],
    published: true,
  });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });
const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
const htmlTag = (html: string) => html.match(/<html[^>]*>/)![0];
/** The option values of one <optgroup>, in page order. */
const group = (html: string, label: string) =>
  [
    ...html
      .split(`<optgroup label="${label}">`)[1]!
      .split('</optgroup>')[0]!
      .matchAll(/value="([^"]*)"/g),
  ].map((m) => m[1]!);

describe('the Get-help pages', () => {
  it('render in every interface language with its lang and dir, linking to every other language', async () => {
    for (const { code } of LOCALES) {
      for (const path of ['/get-help', '/get-help/status']) {
        const res = await get(`/${code}${path}`);
        expect(res.statusCode, `/${code}${path}`).toBe(200);
        expect(res.headers['content-type']).toContain('text/html');
        expect(htmlTag(res.body)).toBe(`<html lang="${code}" dir="${directionOf(code)}">`);
        for (const other of LOCALES) {
          // Each language named in its own script, pointing at the same page in that language.
          expect(res.body).toContain(`<a href="/${other.code}${path}" lang="${other.code}"`);
          expect(res.body).toContain(`>${other.name}</a>`);
        }
      }
    }
  });

  it('render Arabic right-to-left, in Arabic', async () => {
    const res = await get('/ar/get-help');
    expect(htmlTag(res.body)).toBe('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('اطلب المساعدة');
    expect(res.body).toContain('خروج سريع');
  });

  it.skipIf(!LOCALE_CODES.includes('ur' as never))('render Urdu right-to-left', async () => {
    const res = await get('/ur/get-help');
    expect(htmlTag(res.body)).toBe('<html lang="ur" dir="rtl">');
  });

  it('are complete without JavaScript: the form, the quick exit as a link, and what needs a script said', async () => {
    const { body } = await get('/en/get-help');
    expect(body).toContain('<form id="ask-form" method="post" action="/en/get-help">');
    expect(body).toMatch(/<textarea id="message" name="message" required/);
    expect(body).toContain('<a class="exit" id="quick-exit" href="https://www.google.com/search?q=weather"');
    expect(body).toContain('<noscript><p class="note">Sending this form needs JavaScript');
    // No third-party request: the only off-site address is the quick exit's destination.
    const external = [...body.matchAll(/(?:src|href|action)="(https?:[^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((u) => !u.startsWith(t.config.publicUrl));
    expect(external).toEqual(['https://www.google.com/search?q=weather']);
    // Built without the web app here, so no script at all, and the page still says everything.
    expect(body).not.toContain('<script');
    expect(body).toContain('<link rel="manifest" href="/en/get-help/manifest.webmanifest">');
  });

  it('offer every country, sorted by its localised name, the network’s first, and another country', async () => {
    const { body } = await get('/ar/get-help');
    const all = group(body, 'كل البلدان');
    expect(new Set(all)).toEqual(new Set(allCountries().map((c) => c.alpha2)));
    for (const code of ['SG', 'TW', 'KR', 'JP', 'TH', 'IL', 'SA', 'HK', 'NP']) expect(all).toContain(code);
    const collator = new Intl.Collator('ar');
    const names = all.map((code) => countryName(code, 'ar'));
    expect(names).toEqual([...names].sort(collator.compare));
    expect(body).toContain(`>${countryName('SG', 'ar')}</option>`);
    // Covered: the intake desk's country and the corridor's destination (not the unpublished ones').
    const covered = group(body, 'حيث تعمل شبكتنا');
    expect(covered).toEqual(expect.arrayContaining(['SA', 'HK', 'PH']));
    expect(covered).not.toContain('NP');
    expect(body.indexOf('حيث تعمل شبكتنا')).toBeLessThan(body.indexOf('كل البلدان'));
    expect(body).toContain('<option value="other">بلد آخر</option>');
  });

  it('send /get-help to the browser’s language, and answer an unknown language with a page', async () => {
    const ar = await get('/get-help', { 'accept-language': 'ar-SA,ar;q=0.9,en;q=0.5' });
    expect([ar.statusCode, ar.headers.location]).toEqual([302, '/ar/get-help']);
    expect(ar.headers.vary).toContain('accept-language');
    const none = await get('/get-help/status');
    expect([none.statusCode, none.headers.location]).toEqual([302, '/en/get-help/status']);
    const unknown = await get('/xx/get-help');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');
    expect((await get('/EN/get-help')).statusCode).toBe(200);
  });

  it('describe an installable app per language, scoped to its pages', async () => {
    const res = await get('/ar/get-help/manifest.webmanifest');
    expect(res.headers['content-type']).toContain('application/manifest+json');
    expect(res.json()).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      start_url: '/ar/get-help',
      scope: '/ar/get-help',
      display: 'standalone',
    });
    expect(res.json().name).toContain('اطلب المساعدة');
  });
});

describe('requests to any destination', () => {
  async function ask(destinationCountry: unknown) {
    const { challenge, bits } = (await get('/api/v1/intake/challenge')).json().data;
    return t.request({
      method: 'POST',
      url: '/api/v1/intake/requests',
      payload: {
        challenge,
        nonce: solve(challenge, bits),
        language: 'ur',
        message: 'Help',
        destinationCountry,
      },
    });
  }

  it('accepts a request to Singapore, and to another country', async () => {
    const sg = await ask('SG');
    expect(sg.statusCode).toBe(201);
    const other = await ask('other');
    expect(other.statusCode).toBe(201);
    const rows = (
      await t.database.db.execute(
        sql`select destination_country from cases where source = 'intake' order by created_at desc limit 2`,
      )
    ).rows as { destination_country: string | null }[];
    expect(rows.map((r) => r.destination_country)).toEqual([null, 'SG']);
  });

  it('refuses what is not a country', async () => {
    for (const bad of ['ZZ', 'sg', 'SGP', '', 'Other', 42])
      expect((await ask(bad)).statusCode, String(bad)).toBe(400);
  });
});

describe('the pages without a script', () => {
  it('keep what was typed and say that sending needs JavaScript when the proof of work is on', async () => {
    const page = (await get('/en/get-help')).body;
    const challenge = page.match(/name="challenge" value="([^"]+)"/)![1]!;
    const res = await form('/en/get-help', {
      challenge,
      nonce: '',
      message: 'My boss keeps my passport </textarea><script>alert(1)</script>',
      destinationCountry: 'SG',
      sector: 'domestic_work',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('role="alert"');
    expect(res.body).toMatch(/role="alert"[^>]*>Sending this form needs JavaScript/);
    expect(res.body).toContain('My boss keeps my passport &lt;/textarea&gt;&lt;script&gt;');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('<option value="SG" selected>Singapore</option>');
    expect(res.body).toContain('<option value="domestic_work" selected>');
  });

  it('refuse oversized, malformed and cross-site posts precisely', async () => {
    const challenge = (await get('/en/get-help')).body.match(/name="challenge" value="([^"]+)"/)![1]!;
    const long = await form('/en/get-help', { challenge, nonce: '0', message: 'x'.repeat(5001) });
    expect([400]).toContain(long.statusCode);
    const huge = await form('/en/get-help', { message: 'x'.repeat(70_000) });
    expect(huge.statusCode).toBe(413);
    const elsewhere = await form(
      '/en/get-help/status',
      { reference: 'H-AAAA', secret: 'x' },
      {
        origin: 'https://evil.example',
      },
    );
    expect(elsewhere.statusCode).toBe(403);
    const missing = await form('/en/get-help/status', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('This reference code and secret do not match a request.');
  });

  it('open a request with its codes, show the replies, and add information', async () => {
    const { challenge, bits } = (await get('/api/v1/intake/challenge')).json().data;
    const { reference, secret } = (
      await t.request({
        method: 'POST',
        url: '/api/v1/intake/requests',
        payload: {
          challenge,
          nonce: solve(challenge, bits),
          language: 'ar',
          message: 'راتبي لم يدفع',
          destinationCountry: 'SA',
        },
      })
    ).json().data;
    const wrong = await form('/ar/get-help/status', { reference, secret: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('role="alert"');
    const open = await form('/ar/get-help/status', { reference: reference.toLowerCase(), secret });
    expect(open.statusCode).toBe(200);
    expect(open.headers['cache-control']).toBe('no-store');
    expect(htmlTag(open.body)).toBe('<html lang="ar" dir="rtl">');
    expect(open.body).toContain('راتبي لم يدفع');
    const added = await form('/ar/get-help/status', { reference, secret, message: 'رقمي الجديد 0501234567' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('رقمي الجديد 0501234567');
    const kase = (await t.request({ method: 'GET', url: '/api/v1/cases', cookie: w.supervisor.cookie }))
      .json()
      .data.find((c: { reference: string }) => c.reference === reference);
    const events = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}/events`, cookie: w.supervisor.cookie })
    ).json().data;
    expect(events.at(-1).text).toBe('رقمي الجديد 0501234567');
  });
});

describe('with the proof of work switched off', () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await createCaseTestApp({ INTAKE_POW_BITS: 0 });
    await buildWorld(open);
  });
  afterAll(() => open.close());

  it('accepts the form posted without a script and shows the codes once', async () => {
    const page = (await open.request({ method: 'GET', url: '/ne/get-help' })).body;
    expect(page).not.toContain('<noscript>');
    const challenge = page.match(/name="challenge" value="([^"]+)"/)![1]!;
    const fields = {
      challenge,
      nonce: '0',
      message: 'मेरो तलब दिइएको छैन',
      destinationCountry: 'other',
      website: '',
    };
    const res = await open.request({
      method: 'POST',
      url: '/ne/get-help',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/data-testid="reference">H-[0-9A-Z]{8}</);
    expect(res.body).toMatch(/data-testid="secret">([0-9A-Z]{4}-){4}[0-9A-Z]{4}</);
    // The same form twice is refused: the challenge is spent.
    const again = await open.request({
      method: 'POST',
      url: '/ne/get-help',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('मेरो तलब दिइएको छैन');

    // Two posts of one form at the same moment: one request, and one precise refusal.
    const fresh = (await open.request({ method: 'GET', url: '/en/get-help' })).body.match(
      /name="challenge" value="([^"]+)"/,
    )![1]!;
    const both = await Promise.all(
      [1, 2].map(() =>
        open.request({
          method: 'POST',
          url: '/en/get-help',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ ...fields, challenge: fresh }).toString(),
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});
