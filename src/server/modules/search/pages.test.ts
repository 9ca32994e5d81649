import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../platform/files/fixtures.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody, tempDataDir } from '../library/testing.ts';

let t: TestApp;
let publicationId: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true, config: { DATA_DIR: tempDataDir() } });
  const cookie = await (await buildUser(t, { role: 'administrator' })).session();
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/publications',
    cookie,
    payload: {
      typeCode: 'country_report',
      title: 'Country report: Nepal </script><script>alert(1)</script>',
      abstract: 'Outflows & stocks',
      isPublic: true,
      countries: ['NP'],
      languages: ['en', 'ne'],
      publishedOn: '2009',
    },
  });
  publicationId = r.json().data.id;
  const { payload, headers } = multipartBody({ name: 'nepal.pdf', bytes: makePdf(['Nepal outflows 2008']) });
  await t.request({
    method: 'POST',
    url: `/api/v1/publications/${publicationId}/files`,
    cookie,
    payload,
    headers,
  });
  await t.request({
    method: 'POST',
    url: '/api/v1/publications',
    cookie,
    payload: { typeCode: 'statement', title: 'Internal statement draft', isPublic: false },
  });
});
afterAll(() => t.close());

describe('public knowledge pages', () => {
  it('the search page works without JavaScript: facets are links that encode the filters', async () => {
    const r = await t.request({ method: 'GET', url: '/search?region=ilo-asia-pacific&theme=protection' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(r.body).toContain('Migrant Forum in Asia (MFA)');
    expect(r.body).toMatch(/aria-current="true">✓ Asia and the Pacific/);
    expect(r.body).toContain(
      '/api/v1/search/export?region=ilo-asia-pacific&amp;theme=protection&amp;format=csv',
    );
    const q = await t.request({ method: 'GET', url: '/search?q=%22Lawyers+Beyond+Borders%22' });
    expect(q.body).toContain('<mark>Lawyers</mark>');
  });

  it('a practice page carries its facts and JSON-LD; a publication page its files, preview and escaped title', async () => {
    const search = await t.request({
      method: 'GET',
      url: '/api/v1/search',
      query: { q: 'Lawyers Beyond Borders' },
    });
    const id = search.json().data[0].id;
    const practice = await t.request({ method: 'GET', url: `/practices/${id}` });
    expect(practice.statusCode).toBe(200);
    expect(practice.body).toContain('Civil society');
    expect(practice.body).toContain('9.(b)');
    expect(practice.body).toContain('Asian Migrant Yearbook: special edition on migration and development');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(practice.body)![1]!);
    expect(ld['@type']).toBe('CreativeWork');
    expect(ld.author[0].name).toBe('Migrant Forum in Asia');
    const publication = await t.request({ method: 'GET', url: `/publications/${publicationId}` });
    expect(publication.statusCode).toBe(200);
    expect(publication.body).not.toContain('<script>alert(1)');
    expect(publication.body).toContain('nepal.pdf');
    expect(publication.body).toMatch(/<img class="preview" src="\/api\/v1\/files\/[0-9a-f-]+\/preview"/);
    const ld2 = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(publication.body)![1]!;
    expect(ld2).not.toContain('</script>');
    expect(JSON.parse(ld2)['@type']).toBe('Report');
  });

  it('a missing or unpublished record page is a readable 404 page', async () => {
    const r = await t.request({ method: 'GET', url: '/practices/00000000-0000-4000-8000-000000000000' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('<h1>Not found.</h1>');
  });

  it("pages follow the reader's language and direction", async () => {
    const r = await t.request({ method: 'GET', url: '/search', headers: { 'accept-language': 'ar' } });
    expect(r.body).toContain('<html lang="ar" dir="rtl">');
    expect(r.body).toContain('آسيا والمحيط الهادئ');
  });

  it('sitemap and Atom feed list public records only', async () => {
    const sitemap = await t.request({ method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain(`/publications/${publicationId}`);
    expect(sitemap.body).toMatch(/\/practices\/[0-9a-f-]{36}/);
    const feed = await t.request({ method: 'GET', url: '/feeds/publications.atom' });
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('Country report: Nepal &lt;/script&gt;');
    expect(feed.body).not.toContain('Internal statement draft');
  });

  it('exports a search exactly as filtered, as CSV with record URLs and as JSON', async () => {
    const csv = await t.request({
      method: 'GET',
      url: '/api/v1/search/export?region=ilo-asia-pacific&theme=protection&format=csv',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'kind,id,url,title,type,year,regions,countries,groupings,themes,principles,organisation_types,languages,public',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^practice,[0-9a-f-]+,http:\/\/localhost:3000\/practices\/[0-9a-f-]+,Migrant Forum in Asia \(MFA\),Good practice,1994,/,
    );
    const json = await t.request({ method: 'GET', url: '/api/v1/search/export?country=NP&format=json' });
    const rows = json.json().data;
    const api = (await t.request({ method: 'GET', url: '/api/v1/search?country=NP&limit=100' })).json();
    expect(rows.map((r: { id: string }) => r.id).sort()).toEqual(
      api.data.map((r: { id: string }) => r.id).sort(),
    );
    expect(rows.length).toBe(api.total);
  });
});
