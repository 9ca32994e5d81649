import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { createAgreement, sampleAgreement } from './test-support.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

const post = (payload: unknown) =>
  t.request({ method: 'POST', url: '/api/v1/agreements', cookie: staff, payload: payload as object });
const count = async () =>
  Number((await t.database.pool.query('select count(*)::int as n from agreements')).rows[0].n);

describe('agreements refuse bad input with a precise 4xx and write nothing', () => {
  it.each([
    ['an unknown country', { partyCountries: ['XX'] }, 'body.partyCountries', 'unknown_code'],
    ['an unknown grouping', { partyGroupings: ['nowhere'] }, 'body.partyGroupings', 'unknown_code'],
    ['an unknown provision', { provisions: [{ code: 'free_lunch' }] }, 'body.provisions', 'unknown_code'],
    ['an impossible corridor', { corridors: ['PH-PH'] }, 'body.corridors', 'unknown_code'],
    ['an unknown publication', { documentIds: [randomUUID()] }, 'body.documentIds', 'unknown_code'],
    ['no party at all', { partyCountries: [] }, 'body.partyCountries', 'parties_required'],
    [
      'in force before signed',
      { signedOn: '2020-01-01', inForceOn: '2019-12-31' },
      'body.inForceOn',
      'dates_out_of_order',
    ],
    [
      'expiring before in force',
      { signedOn: null, inForceOn: '2020-01-01', expiresOn: '2019-01-01' },
      'body.expiresOn',
      'dates_out_of_order',
    ],
  ])('%s', async (_name, override, field, code) => {
    const before = await count();
    const res = await post({ ...sampleAgreement, ...override });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await count()).toBe(before);
  });

  it.each([
    ['a day that does not exist', { signedOn: '2023-02-30' }],
    ['a malformed date', { signedOn: '19/05/2013' }],
    ['an unknown type', { typeCode: 'treaty_of_friendship' }],
    ['an unknown status', { status: 'sort_of' }],
    ['an unknown field', { secret: 1 }],
    ['a NUL character', { title: 'Bad\u0000title' }],
    ['an unpaired surrogate', { title: 'Bad \ud800 title' }],
    ['a control character in a title', { title: 'Bell\u0007' }],
    ['an oversized title', { title: 'x'.repeat(301) }],
    ['an oversized summary', { summary: 'x'.repeat(20_001) }],
    ['a bad slug', { slug: '../etc/passwd' }],
    ['a lower-case country', { partyCountries: ['ph'] }],
    ['a document id that is not a uuid', { documentIds: ['nope'] }],
  ])('%s', async (_name, override) => {
    const before = await count();
    const res = await post({ ...sampleAgreement, ...override });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(await count()).toBe(before);
  });

  it('refuses malformed JSON and an oversized body', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/agreements',
      cookie: staff,
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(bad.statusCode).toBe(400);
    const huge = await post({ ...sampleAgreement, summary: 'x'.repeat(2_000_000) });
    expect([400, 413]).toContain(huge.statusCode);
  });

  it('stores hostile text as text and shows it escaped on the public page', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & \u202Eevil';
    const a = await createAgreement(t, staff, { title: `Hostile ${'<b>'}title`, summary: hostile });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/agreements/${a.id}/monitoring`,
      cookie: staff,
      payload: { observedOn: '2024-01-01', finding: hostile, sources: [{ title: hostile }] },
    });
    expect(res.statusCode).toBe(201);
    const html = (await t.request({ method: 'GET', url: `/agreements/${a.slug}` })).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>title');
    // JSON-LD cannot be closed early by text in it.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('refuses a monitoring source that is not http(s), a missing finding, and unknown ids', async () => {
    const a = await createAgreement(t, staff, { title: 'Monitoring target' });
    const send = (url: string, payload: object, method: 'POST' | 'PATCH' = 'POST') =>
      t.request({ method, url, cookie: staff, payload });
    const js = await send(`/api/v1/agreements/${a.id}/monitoring`, {
      observedOn: '2024-01-01',
      finding: 'x',
      sources: [{ title: 'x', url: 'javascript:alert(1)' }],
    });
    expect(js.statusCode).toBe(400);
    expect(
      (await send(`/api/v1/agreements/${a.id}/monitoring`, { observedOn: '2024-01-01', finding: '  ' }))
        .statusCode,
    ).toBe(400);
    const unknownPub = await send(`/api/v1/agreements/${a.id}/monitoring`, {
      observedOn: '2024-01-01',
      finding: 'x',
      publicationIds: [randomUUID()],
    });
    expect(unknownPub.statusCode).toBe(400);
    expect(unknownPub.json().errors[0].field).toBe('body.publicationIds');
    const noAgreement = await send(`/api/v1/agreements/${randomUUID()}/monitoring`, {
      observedOn: '2024-01-01',
      finding: 'x',
    });
    expect(noAgreement.statusCode).toBe(404);
    const noEntry = await send(
      `/api/v1/agreements/${a.id}/monitoring/${randomUUID()}`,
      { finding: 'x', version: 1 },
      'PATCH',
    );
    expect(noEntry.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/agreements/not-a-uuid' })).statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: `/api/v1/agreements/${randomUUID()}` })).statusCode).toBe(
      404,
    );
    expect((await t.request({ method: 'GET', url: '/api/v1/agreements?corridor=PHSA' })).statusCode).toBe(
      400,
    );
    expect((await t.request({ method: 'GET', url: '/agreements?status=bogus' })).statusCode).toBe(400);
  });

  it('checks the date order against the dates kept when an edit sends only one', async () => {
    const a = await createAgreement(t, staff, {
      title: 'Dates kept',
      signedOn: '2015-01-01',
      inForceOn: '2015-02-01',
    });
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}`,
      cookie: staff,
      payload: { expiresOn: '2014-12-31', version: a.version },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.expiresOn', code: 'dates_out_of_order' });
  });

  it('lets exactly one of two concurrent edits of the same version win; the other gets 409', async () => {
    const a = await createAgreement(t, staff, { title: 'Contended' });
    const edit = (title: string) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/agreements/${a.id}`,
        cookie: staff,
        payload: { title, version: a.version },
      });
    const results = await Promise.all([edit('First'), edit('Second')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const stored = (
      await t.request({ method: 'GET', url: `/api/v1/agreements/${a.id}`, cookie: staff })
    ).json().data;
    expect(stored.version).toBe(2);
  });

  it('gives two concurrent creations of the same title two addresses, or a 409, never a 500', async () => {
    const results = await Promise.all([
      post({ ...sampleAgreement, title: 'Twin agreement' }),
      post({ ...sampleAgreement, title: 'Twin agreement' }),
    ]);
    for (const r of results) expect([201, 409], r.body).toContain(r.statusCode);
    const slugs = results.filter((r) => r.statusCode === 201).map((r) => r.json().data.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const explicit = await post({ ...sampleAgreement, title: 'Other', slug: slugs[0] });
    expect(explicit.statusCode).toBe(409);
    expect(explicit.json().code).toBe('slug_taken');
  });
});
