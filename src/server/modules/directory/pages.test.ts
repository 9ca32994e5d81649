import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('public directory pages and the map', () => {
  it('renders the public directory and an organisation page with schema.org JSON-LD', async () => {
    const list = await t.request({ method: 'GET', url: '/directory/public?q=forum' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain('Migrant Forum in Asia');
    const id = /href="\/directory\/public\/([0-9a-f-]{36})"/.exec(list.body)![1];
    const profile = await t.request({
      method: 'GET',
      url: `/directory/public/${id}`,
      headers: { 'accept-language': 'ar' },
    });
    expect(profile.body).toContain('<html lang="ar" dir="rtl">');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(profile.body)![1]!);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Migrant Forum in Asia',
    });
    // Its one secretariat role in the seed (it established Lawyers Beyond Borders; it is not its secretariat).
    expect(profile.body).toContain('Asian Inter-Parliamentary Caucus on Labor Migration');
  });

  it('draws the member map offline as SVG, public and filtered', async () => {
    const svg = await t.request({
      method: 'GET',
      url: '/api/v1/public/organisations/map.svg?grouping=asean',
    });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/<svg[^>]+role="img"/);
    expect(svg.body).toMatch(/data-country="PH"><title>Philippines: 2<\/title>/);
    expect(svg.body).toMatch(/data-country="HK"><title>Hong Kong: 1<\/title>/);
    expect(svg.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect((await t.request({ method: 'GET', url: '/api/v1/organisations/map.svg' })).statusCode).toBe(401);
    const cookie = await (await buildUser(t, { role: 'viewer' })).session();
    const staffMap = await t.request({
      method: 'GET',
      url: '/api/v1/organisations/map.svg?region=apme',
      cookie,
    });
    expect(staffMap.body).toMatch(/data-country="AU"><title>Australia: 2<\/title>/);
  });
});
