import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { buildWorld, createCaseTestApp, openCase, person } from '../cases/test-support.ts';
import { createAgreement } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
let staff: string;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
  staff = w.admin.cookie;
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

describe('agreements register', () => {
  it('creates an agreement with parties, provisions and corridors, edits it with its version, and deletes it', async () => {
    const created = await createAgreement(t, staff, { title: 'Édition Agreement: PH ⇄ SA' });
    expect(created.slug).toBe('edition-agreement-ph-sa');
    const read = (await get(`/api/v1/agreements/${created.id}`, staff)).json().data;
    expect(read).toMatchObject({
      typeCode: 'bilateral_labour_agreement',
      status: 'in_force',
      parties: [
        { kind: 'country', code: 'PH', label: 'Philippines' },
        { kind: 'country', code: 'SA', label: 'Saudi Arabia' },
      ],
      provisions: [
        { code: 'covers_domestic_workers', label: 'Covers domestic workers' },
        { code: 'standard_contract', note: 'Article 3', label: 'Standard employment contract' },
      ],
      corridors: [{ code: 'PH-SA', label: 'Philippines → Saudi Arabia' }],
      abilities: { update: true, delete: true, monitor: true },
    });
    // Same title again: a free address is chosen, never a clash.
    expect((await createAgreement(t, staff, { title: 'Édition Agreement: PH ⇄ SA' })).slug).toBe(
      'edition-agreement-ph-sa-2',
    );
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${created.id}`,
      cookie: staff,
      payload: { status: 'expired', expiresOn: '2020-01-01', version: created.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // Fields not sent stay as they were.
    expect(edited.json().data).toMatchObject({ status: 'expired', signedOn: '2013-05-19', version: 2 });
    const stale = await t.request({
      method: 'DELETE',
      url: `/api/v1/agreements/${created.id}?version=1`,
      cookie: staff,
    });
    expect(stale.statusCode).toBe(409);
    const gone = await t.request({
      method: 'DELETE',
      url: `/api/v1/agreements/${created.id}?version=2`,
      cookie: staff,
    });
    expect(gone.statusCode).toBe(204);
    expect((await get(`/api/v1/agreements/${created.id}`, staff)).statusCode).toBe(404);
  });

  it('keeps dated monitoring entries with sources and linked publications', async () => {
    const a = await createAgreement(t, staff, { title: 'Monitored agreement' });
    const pub = (
      await t.request({
        method: 'POST',
        url: '/api/v1/publications',
        cookie: staff,
        payload: { typeCode: 'research', title: 'Policy brief on the agreement', isPublic: true },
      })
    ).json().data;
    const added = await t.request({
      method: 'POST',
      url: `/api/v1/agreements/${a.id}/monitoring`,
      cookie: staff,
      payload: {
        observedOn: '2024-03-01',
        finding: 'The standard contract is not enforced.',
        sources: [{ title: 'Field report', url: 'https://example.org/report' }],
        publicationIds: [pub.id],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const entry = added.json().data;
    const read = (await get(`/api/v1/agreements/${a.id}`)).json().data;
    expect(read.monitoring).toEqual([
      expect.objectContaining({
        observedOn: '2024-03-01',
        publications: [{ id: pub.id, title: 'Policy brief on the agreement', isPublic: true }],
      }),
    ]);
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}/monitoring/${entry.id}`,
      cookie: staff,
      payload: { finding: 'Now enforced.', version: entry.version },
    });
    expect(edit.json().data).toMatchObject({
      finding: 'Now enforced.',
      observedOn: '2024-03-01',
      version: 2,
    });
    const again = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}/monitoring/${entry.id}`,
      cookie: staff,
      payload: { finding: 'Lost update', version: entry.version },
    });
    expect(again.statusCode).toBe(409);
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/agreements/${a.id}/monitoring/${entry.id}?version=2`,
      cookie: staff,
    });
    expect(del.statusCode).toBe(204);
  });

  it('filters by country, corridor, provision and status, and the exports follow the filters', async () => {
    await createAgreement(t, staff, {
      title: 'Nepal Qatar filter target',
      partyCountries: ['NP', 'QA'],
      corridors: ['NP-QA'],
      provisions: [{ code: 'recruitment_fees' }],
      status: 'signed',
    });
    await createAgreement(t, staff, {
      title: 'ASEAN filter target',
      partyCountries: [],
      partyGroupings: ['asean'],
      corridors: ['ID-MY'],
      provisions: [{ code: 'social_security' }],
      status: 'negotiating',
      signedOn: null,
      inForceOn: null,
    });
    const titles = async (query: string) =>
      (await get(`/api/v1/agreements?${query}`, staff)).json().data.map((a: { title: string }) => a.title);
    expect(await titles('corridor=NP-QA')).toEqual(['Nepal Qatar filter target']);
    expect(await titles('country=QA')).toEqual(['Nepal Qatar filter target']);
    // A country matches through the corridors too, not only as a party.
    expect(await titles('country=ID')).toEqual(['ASEAN filter target']);
    expect(await titles('provision=social_security')).toEqual(['ASEAN filter target']);
    expect(await titles('status=signed&corridor=NP-QA')).toEqual(['Nepal Qatar filter target']);
    expect(await titles('status=expired&corridor=NP-QA')).toEqual([]);
    const csv = await get('/api/v1/agreements?corridor=NP-QA&format=csv', staff);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('NP-QA');
    // The public register's filter form sends every field, the unused ones empty.
    const page = await get('/agreements?country=&corridor=NP-QA&provision=&status=');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nepal Qatar filter target');
    expect(page.body).not.toContain('ASEAN filter target');
    expect(page.body).toContain('href="/api/v1/agreements?corridor=NP-QA&amp;format=csv"');
    const json = await get('/api/v1/agreements?provision=social_security&format=json', staff);
    expect(json.headers['content-disposition']).toContain('agreements.json');
    expect(json.json().data).toHaveLength(1);
  });

  it('shows the public only published agreements, and public documents only', async () => {
    const hidden = await createAgreement(t, staff, { title: 'Draft agreement', published: false });
    const priv = (
      await t.request({
        method: 'POST',
        url: '/api/v1/publications',
        cookie: staff,
        payload: { typeCode: 'research', title: 'Internal text', isPublic: false },
      })
    ).json().data;
    const shown = await createAgreement(t, staff, { title: 'Public agreement', documentIds: [priv.id] });
    expect((await get(`/api/v1/agreements/${hidden.id}`)).statusCode).toBe(404);
    const viewer = await person(t, 'viewer', w.third.id);
    expect((await get(`/api/v1/agreements/${hidden.id}`, viewer.cookie)).statusCode).toBe(200);
    const pub = (await get(`/api/v1/agreements/${shown.id}`)).json().data;
    expect(pub.documents).toEqual([]);
    expect(pub.documentIds).toEqual([]);
    expect(pub.abilities).toEqual({
      list: false,
      read: false,
      create: false,
      update: false,
      delete: false,
      monitor: false,
    });
    const list = (await get('/api/v1/agreements')).json().data.map((a: { title: string }) => a.title);
    expect(list).toContain('Public agreement');
    expect(list).not.toContain('Draft agreement');
    const html = await get('/agreements');
    expect(html.body).toContain('Public agreement');
    expect(html.body).not.toContain('Draft agreement');
    expect((await get(`/agreements/${hidden.slug}`)).statusCode).toBe(404);
  });

  it('shows the protected case statistics of its corridors, never a small count', async () => {
    const consented = async (origin: string, destination: string) => {
      const kase = await openCase(t, w.worker.cookie, {
        originCountry: origin,
        destinationCountry: destination,
        sector: 'domestic_work',
      });
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${kase.id}/consents`,
        cookie: w.worker.cookie,
        payload: { purpose: 'statistics', obtainedOn: '2026-01-01', method: 'written' },
      });
    };
    for (let i = 0; i < 7; i++) await consented('LK', 'KW');
    for (let i = 0; i < 3; i++) await consented('LK', 'OM');
    const a = await createAgreement(t, staff, {
      title: 'Sri Lanka Gulf statistics',
      partyCountries: ['LK', 'KW', 'OM'],
      corridors: ['LK-KW', 'LK-OM'],
    });
    const read = (await get(`/api/v1/agreements/${a.id}`)).json().data;
    // 7 rounds down to 5; 3 is below 5 and shown as 0 ("fewer than 5"), never as 3.
    expect(read.statistics).toEqual({
      roundedTo: 5,
      data: [
        { corridor: 'LK-KW', cases: 5 },
        { corridor: 'LK-OM', cases: 0 },
      ],
    });
    // The same figure as the staff statistics give.
    const staffFigures = (await get('/api/v1/case-statistics?by=corridor', staff)).json().data;
    expect(staffFigures).toContainEqual({ corridor: 'LK>KW', cases: 5 });
    const html = (await get(`/agreements/${a.slug}`)).body;
    expect(html).toContain('fewer than 5');
    expect(html).toContain('"@type":"Legislation"');
  });

  it('lists the sitemap addresses of published agreements', async () => {
    const { sitemapUrls } = await import('./service.ts');
    const a = await createAgreement(t, staff, { title: 'Sitemap agreement' });
    const urls = await sitemapUrls(t.database, 'https://tulay.example');
    expect(urls).toContain('https://tulay.example/agreements');
    expect(urls).toContain(`https://tulay.example/agreements/${a.slug}`);
    expect(urls.some((u) => u.endsWith('/draft-agreement'))).toBe(false);
  });
});
