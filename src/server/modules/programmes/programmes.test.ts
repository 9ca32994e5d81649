import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { people } from '../people/schema.ts';

// What a programme holds, its bad input (unknown ids, dates outside its period, hostile text,
// stale and concurrent writes), the publication form's programme, linked work and public pages.

let t: TestApp;
let staff: string;
let runner: string;
let partner: string;
let coordinatorKr: string;
let coordinatorJp: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
  runner = (await buildOrganisation(t, { name: 'Mission for Migrant Workers', published: true })).id;
  partner = (await buildOrganisation(t, { name: 'Migrante Korea' })).id;
  const [kr, jp] = await t.database.db
    .insert(people)
    .values([
      { name: 'Kim Area Coordinator', publicConsent: true },
      { name: 'Sato Unlisted Coordinator', publicConsent: false },
    ])
    .returning();
  coordinatorKr = kr!.id;
  coordinatorJp = jp!.id;
});
afterAll(() => t.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, cookie = staff) =>
  t.request({ method, url, cookie, ...(payload === undefined ? {} : { payload: payload as object }) });

let n = 0;
const base = (extra: object = {}) => ({
  name: `Domestic workers ${++n}`,
  runningOrganisationIds: [runner],
  periodStart: '2015',
  periodEnd: '2025-06',
  countries: ['KR', 'JP'],
  ...extra,
});

async function create(extra: object = {}) {
  const r = await send('POST', '/api/v1/programmes', base(extra));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().data;
}

const fieldsOf = (r: { json(): { errors?: { field: string; code: string }[] } }) =>
  (r.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('a programme and what it holds', () => {
  it('keeps its organisations by role, coordinators per country, vocabulary terms and indicators', async () => {
    const p = await create({
      names: { fil: 'Mga kasambahay', ar: 'عمال المنازل' },
      summary: 'Recognition of domestic work as work.',
      themes: ['domestic_work', 'ratification'],
      targetGroups: ['domestic_workers'],
      partnerOrganisationIds: [partner],
      secretariatOrganisationIds: [partner],
      people: [
        { personId: coordinatorKr, role: 'area_coordinator', countryCode: 'KR', startDate: '2016-03' },
        {
          personId: coordinatorJp,
          role: 'area_coordinator',
          countryCode: 'JP',
          startDate: '2018',
          endDate: '2020',
        },
      ],
      indicators: [
        {
          label: 'People trained',
          labels: { fil: 'Mga nasanay' },
          source: 'manual',
          values: [
            { year: 2019, value: 40 },
            { year: 2020, value: 55 },
          ],
        },
        { label: 'Cases handled', source: 'cases_handled' },
      ],
    });
    expect(p.status).toBe('draft');
    expect(p.slug).toMatch(/^domestic-workers-\d+$/);
    expect(p.runningOrganisations.map((o: { id: string }) => o.id)).toEqual([runner]);
    expect(p.partnerOrganisations[0].name).toBe('Migrante Korea');
    expect(p.secretariatOrganisations[0].id).toBe(partner);
    expect(p.people.map((x: { countryCode: string }) => x.countryCode)).toEqual(['KR', 'JP']);
    expect(p.themes.map((x: { label: string }) => x.label)).toEqual([
      'Domestic work as work',
      'Ratification campaigns',
    ]);
    expect(p.indicators[0].values).toEqual([
      { year: 2019, value: 40 },
      { year: 2020, value: 55 },
    ]);
    // A secretariat member may read the protected case statistics: computed, not withheld.
    expect(p.indicators[1]).toMatchObject({ source: 'cases_handled', withheld: false, values: [] });
    expect(p.abilities).toMatchObject({ update: true, publish: true, archive: true, delete: true });

    const listed = await send(
      'GET',
      `/api/v1/programmes?targetGroup=domestic_workers&country=KR&q=${encodeURIComponent(p.name)}`,
    );
    expect(listed.json().data.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const other = await send('GET', '/api/v1/programmes?country=QA');
    expect(other.json().data.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('an edit keeps what it does not send, and replaces the lists it sends', async () => {
    const p = await create({ partnerOrganisationIds: [partner], themes: ['women'] });
    const r = await send('PATCH', `/api/v1/programmes/${p.id}`, { themes: ['research'], version: p.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().data.partnerOrganisations).toHaveLength(1);
    expect(r.json().data.themes.map((x: { code: string }) => x.code)).toEqual(['research']);
    expect(r.json().data.version).toBe(p.version + 1);
  });
});

describe('bad input gets a precise 4xx and writes nothing', () => {
  it.each([
    [
      'an unknown running organisation',
      { runningOrganisationIds: ['00000000-0000-4000-8000-000000000000'] },
      'body.runningOrganisationIds:unknown_code',
    ],
    [
      'an unknown partner',
      { partnerOrganisationIds: ['00000000-0000-4000-8000-000000000000'] },
      'body.partnerOrganisationIds:unknown_code',
    ],
    [
      'an unknown person',
      { people: [{ personId: '00000000-0000-4000-8000-000000000000', role: 'staff' }] },
      'body.people.0.personId:unknown_code',
    ],
    ['an unknown theme', { themes: ['astrology'] }, 'body.themes:unknown_code'],
    ['an unknown target group', { targetGroups: ['everyone'] }, 'body.targetGroups:unknown_code'],
    ['a country that is no country', { countries: ['XX'] }, 'body.countries:unknown_code'],
    [
      'a period that ends before it starts',
      { periodStart: '2020', periodEnd: '2019-12' },
      'body.periodEnd:period_order',
    ],
    [
      'a role that starts before the period',
      { people: [{ personId: 'KR', role: 'staff', startDate: '2014-12' }] },
      'body.people.0.startDate:outside_period',
    ],
    [
      'a role that ends after the period',
      { people: [{ personId: 'KR', role: 'staff', endDate: '2025-07-01' }] },
      'body.people.0.endDate:outside_period',
    ],
    [
      'an area coordinator without a country',
      { people: [{ personId: 'KR', role: 'area_coordinator' }] },
      'body.people.0.countryCode:required',
    ],
    [
      'an area coordinator of a country not covered',
      { people: [{ personId: 'KR', role: 'area_coordinator', countryCode: 'QA' }] },
      'body.people.0.countryCode:country_not_covered',
    ],
    [
      'a figure for a year outside the period',
      { indicators: [{ label: 'Trained', source: 'manual', values: [{ year: 2030, value: 1 }] }] },
      'body.indicators.0.values:outside_period',
    ],
    [
      'two figures for one year',
      {
        indicators: [
          {
            label: 'Trained',
            source: 'manual',
            values: [
              { year: 2016, value: 1 },
              { year: 2016, value: 2 },
            ],
          },
        ],
      },
      'body.indicators.0.values:duplicate_year',
    ],
    [
      'typed figures for a computed indicator',
      { indicators: [{ label: 'Cases', source: 'cases_handled', values: [{ year: 2016, value: 1 }] }] },
      'body.indicators.0.values:computed_indicator',
    ],
  ])('%s', async (_label, extra, expected) => {
    const body = JSON.parse(
      JSON.stringify(base(extra))
        .replaceAll('"KR","role"', `"${coordinatorKr}","role"`)
        .replaceAll('"personId":"KR"', `"personId":"${coordinatorKr}"`),
    );
    const before = (await send('GET', '/api/v1/programmes?limit=200')).json().data.length;
    const r = await send('POST', '/api/v1/programmes', body);
    expect(r.statusCode, r.body).toBe(400);
    expect(fieldsOf(r)).toContain(expected);
    expect((await send('GET', '/api/v1/programmes?limit=200')).json().data.length).toBe(before);
  });

  it.each([
    ['a NUL in the name', { name: 'Bad\u0000name' }],
    ['an unpaired surrogate', { name: 'Bad \ud800 name' }],
    ['a name too long', { name: 'x'.repeat(301) }],
    ['no running organisation', { runningOrganisationIds: [] }],
    ['an unknown field', { budget: 1 }],
    ['a malformed slug', { slug: '../../etc' }],
    ['an impossible date', { periodStart: '2021-02-30' }],
    [
      'a negative figure',
      { indicators: [{ label: 'x', source: 'manual', values: [{ year: 2016, value: -1 }] }] },
    ],
    ['an unknown indicator source', { indicators: [{ label: 'x', source: 'guess' }] }],
  ])('refuses %s', async (_label, extra) => {
    const r = await send('POST', '/api/v1/programmes', { ...base(), ...extra });
    expect(r.statusCode, r.body).toBe(400);
  });

  it('answers 404 for an unknown programme, read, edited, published or deleted', async () => {
    const id = '00000000-0000-4000-8000-00000000abcd';
    expect((await send('GET', `/api/v1/programmes/${id}`)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/v1/programmes/${id}`, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect((await send('POST', `/api/v1/programmes/${id}/publish`, { version: 1 })).statusCode).toBe(404);
    expect((await send('DELETE', `/api/v1/programmes/${id}?version=1`)).statusCode).toBe(404);
    expect((await send('GET', '/api/v1/programmes/not-a-uuid')).statusCode).toBe(400);
  });

  it('numbers a slug made from a taken name, and refuses a taken slug asked for with 409', async () => {
    const a = await create({ name: 'Same name' });
    const b = await create({ name: 'Same name' });
    expect([a.slug, b.slug]).toEqual(['same-name', 'same-name-2']);
    await create({ slug: 'one-address' });
    const r = await send('POST', '/api/v1/programmes', base({ slug: 'one-address' }));
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('slug_taken');
  });

  it('a new period that leaves a coordinator outside it is refused, and nothing changes', async () => {
    const p = await create({
      people: [{ personId: coordinatorKr, role: 'area_coordinator', countryCode: 'KR', startDate: '2016' }],
    });
    const r = await send('PATCH', `/api/v1/programmes/${p.id}`, { periodStart: '2017', version: p.version });
    expect(r.statusCode).toBe(400);
    expect(fieldsOf(r)).toContain('body.people.0.startDate:outside_period');
    const now = (await send('GET', `/api/v1/programmes/${p.id}`)).json().data;
    expect(now.periodStart).toBe('2015');
    expect(now.version).toBe(p.version);
  });

  it('a stale version gets 409, and of two concurrent edits exactly one wins', async () => {
    const p = await create();
    const first = await send('PATCH', `/api/v1/programmes/${p.id}`, { name: 'First', version: p.version });
    expect(first.statusCode).toBe(200);
    const stale = await send('PATCH', `/api/v1/programmes/${p.id}`, { name: 'Stale', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const v = first.json().data.version;
    const results = await Promise.all(
      ['A', 'B', 'C'].map((name) =>
        send('PATCH', `/api/v1/programmes/${p.id}`, {
          name,
          themes: [name === 'A' ? 'women' : 'research'],
          version: v,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const stored = (await send('GET', `/api/v1/programmes/${p.id}`)).json().data;
    const winner = results.find((r) => r.statusCode === 200)!.json().data;
    expect(stored.name).toBe(winner.name);
    expect(stored.themes).toEqual(winner.themes);
    const publish = await Promise.all(
      [1, 2].map(() => send('POST', `/api/v1/programmes/${p.id}/publish`, { version: stored.version })),
    );
    expect(publish.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('publications, linked work and the public pages', () => {
  it('a publication names an existing programme or is refused, and shows on the programme', async () => {
    const p = await create();
    const bad = await send('POST', '/api/v1/publications', {
      typeCode: 'research',
      title: 'Nowhere',
      programmeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toContain('body.programmeId:unknown_code');
    const good = await send('POST', '/api/v1/publications', {
      typeCode: 'research',
      title: 'Domestic workers in Korea',
      programmeId: p.id,
      isPublic: true,
    });
    expect(good.statusCode, good.body).toBe(201);
    const page = (await send('GET', `/api/v1/programmes/${p.id}`)).json().data;
    expect(page.linkedWork).toEqual([
      expect.objectContaining({
        kind: 'publications',
        items: [expect.objectContaining({ title: 'Domestic workers in Korea' })],
      }),
    ]);
    const del = await send('DELETE', `/api/v1/programmes/${p.id}?version=${page.version}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('programme_in_use');
    const choices = (await send('GET', '/api/v1/programmes/choices')).json().data;
    expect(choices.map((c: { id: string }) => c.id)).toContain(p.id);
  });

  it('the public sees published programmes only, escaped, with JSON-LD and consenting people only', async () => {
    const p = await create({
      name: '<script>alert(1)</script> Marriage migrants',
      slug: 'marriage-migrants-test',
      secretariatOrganisationIds: [partner],
      people: [
        { personId: coordinatorKr, role: 'area_coordinator', countryCode: 'KR' },
        { personId: coordinatorJp, role: 'area_coordinator', countryCode: 'JP' },
      ],
      indicators: [
        { label: 'Organisations formed', source: 'manual', values: [{ year: 2016, value: 3 }] },
        { label: 'Cases handled', source: 'cases_handled' },
      ],
    });
    expect((await t.request({ method: 'GET', url: '/programmes/marriage-migrants-test' })).statusCode).toBe(
      404,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/programmes/${p.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/programmes' })).body).not.toContain(
      'marriage-migrants-test',
    );
    await send('POST', `/api/v1/programmes/${p.id}/publish`, { version: p.version });

    const list = await t.request({ method: 'GET', url: '/programmes' });
    expect(list.body).toContain('href="/programmes/marriage-migrants-test"');
    const html = (await t.request({ method: 'GET', url: '/programmes/marriage-migrants-test' })).body;
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Marriage migrants');
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    expect(ld).toMatchObject({
      '@type': 'Project',
      parentOrganization: [{ name: 'Mission for Migrant Workers' }],
    });
    expect(html).toContain('Kim Area Coordinator');
    expect(html).not.toContain('Sato Unlisted Coordinator');
    expect(html).toContain('Migrante Korea'); // the secretariat it holds, by name (not a public directory entry)
    expect(html).toContain('<svg');
    expect(html).toContain(
      '<th scope="row" style="padding:4px 12px;text-align:start">2016</th><td style="padding:4px 12px">3</td>',
    );
    expect(html).not.toContain('Cases handled'); // computed from case statistics: not for the public

    const api = (await t.request({ method: 'GET', url: `/api/v1/programmes/${p.id}` })).json().data;
    expect(api.people.map((x: { name: string }) => x.name)).toEqual(['Kim Area Coordinator']);
    expect(api.corridorCases).toBeNull();
  });
});
