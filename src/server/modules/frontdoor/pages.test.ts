import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/locales.ts';
import { SitemapRegistry } from '../../platform/sitemap/registry.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let published: string;
let hidden: string;
beforeAll(async () => {
  t = await createTestApp();
  published = (await buildOrganisation(t, { name: 'Published Org', published: true })).id;
  hidden = (await buildOrganisation(t, { name: 'Hidden Org', published: false })).id;
});
afterAll(() => t.close());

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('front door', () => {
  it('puts Get-help first, then search, then the directory, with no script at all', async () => {
    const res = await t.request({ method: 'GET', url: '/', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers.vary).toContain('Accept-Language');
    const body = main(res.body);
    const help = body.indexOf('href="/en/get-help"');
    const search = body.indexOf('action="/search"');
    const directory = body.indexOf('href="/directory/public"');
    expect(help).toBeGreaterThan(-1);
    expect(search).toBeGreaterThan(help);
    expect(directory).toBeGreaterThan(search);
    expect(body).toContain('href="/sign-in"');
    expect(res.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('follows Accept-Language at / and the address at /<lang>/, with lang and dir right', async () => {
    const arabic = await t.request({
      method: 'GET',
      url: '/',
      headers: { 'accept-language': 'ar,en;q=0.5' },
    });
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('href="/ar/get-help"');
    for (const { code, dir } of LOCALES) {
      const res = await t.request({ method: 'GET', url: `/${code}/`, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${code}" dir="${dir}">`);
      expect(res.body).toContain(`href="/${code}/get-help"`);
      expect(res.body).toContain(`<link rel="canonical" href="${t.config.publicUrl}/${code}/">`);
    }
    const bare = await t.request({ method: 'GET', url: '/fil' });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/fil/');
  });

  it('is the same anonymous page for signed-in staff, whose way in is the sign-in link', async () => {
    const user = await buildUser(t, { role: 'viewer', totp: false, name: 'Private Name' });
    const res = await t.request({ method: 'GET', url: '/', cookie: await user.session() });
    expect(main(res.body)).toContain('href="/sign-in"');
    expect(res.body).not.toContain('Private Name');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers hostile query strings and unknown languages without a 500', async () => {
    expect((await t.request({ method: 'GET', url: '/?q=<script>' })).statusCode).toBe(200);
    const odd = await t.request({ method: 'GET', url: '/', headers: { 'accept-language': '<x>;q=abc,,*' } });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('<html lang="en" dir="ltr">');
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt is plain text pointing at the sitemap', async () => {
    const res = await t.request({ method: 'GET', url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(/^User-agent: \*$/m);
    expect(res.body).toMatch(/^Disallow: \/api\/$/m);
    expect(res.body).toContain(`Sitemap: ${t.config.publicUrl}/sitemap.xml`);
  });

  it('the sitemap lists the front door and Get-help per language, search and published directory pages', async () => {
    const res = await t.request({ method: 'GET', url: '/sitemap.xml' });
    expect(res.headers['content-type']).toContain('application/xml');
    const base = t.config.publicUrl;
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${base}/`);
    for (const { code } of LOCALES) {
      expect(locs).toContain(`${base}/${code}/`);
      expect(locs).toContain(`${base}/${code}/get-help`);
    }
    expect(locs).toContain(`${base}/search`);
    expect(locs).toContain(`${base}/directory/public`);
    expect(locs).toContain(`${base}/directory/public/${published}`);
    expect(locs).not.toContain(`${base}/directory/public/${hidden}`);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('the registry takes entries from any module, escapes them and drops duplicates', async () => {
    const registry = new SitemapRegistry()
      .add('a', async () => [{ path: '/x?a=1&b=2' }, { path: '/y', lastmod: new Date(0) }])
      .add('b', async () => [{ path: '/y' }, { path: 'https://elsewhere.example/z' }]);
    const xml = await registry.render({ config: { publicUrl: 'https://tulay.example' } } as never);
    expect(xml).toContain('<loc>https://tulay.example/x?a=1&amp;b=2</loc>');
    expect(xml).toContain('<loc>https://tulay.example/y</loc><lastmod>1970-01-01T00:00:00.000Z</lastmod>');
    expect(xml.match(/\/y</g)?.length).toBe(1);
    expect(xml).toContain('<loc>https://elsewhere.example/z</loc>');
    expect(registry.names()).toEqual(['a', 'b']);
  });
});
