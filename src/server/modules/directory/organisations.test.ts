import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { popoloSchemas } from '../../testing/popolo.ts';

let t: TestApp;
let staff: string;
let viewer: string;
const byName = async (name: string) => {
  const r = await t.request({
    method: 'GET',
    url: `/api/v1/organisations?q=${encodeURIComponent(name)}`,
    cookie: staff,
  });
  return r.json().data.find((o: { name: string }) => o.name === name);
};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
  viewer = await (await buildUser(t, { role: 'viewer' })).session();
});
afterAll(() => t.close());

const list = async (query: string, cookie = staff) => {
  const r = await t.request({ method: 'GET', url: `/api/v1/organisations?${query}`, cookie });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    data: { id: string; name: string; typeCode: string; abilities: Record<string, boolean> }[];
    nextCursor: string | null;
    total: number;
  };
};

describe('demo directory', () => {
  it('shows the networks of the seed documents with their secretariats', async () => {
    const networks = await list('type=network&limit=50');
    const names = networks.data.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Alliance of Marriage Migrants' Organizations for Rights and Empowerment",
        'Migrants Caucus on the ASEAN',
        'Migrant Forum in Asia',
        'Lawyers Beyond Borders',
        'Asian Inter-Parliamentary Caucus on Labor Migration',
      ]),
    );
    const lbb = await byName('Lawyers Beyond Borders');
    const profile = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${lbb.id}`, cookie: viewer })
    ).json().data;
    // The seed says Migrant Forum in Asia *established* LBB in 2011, not that it is its secretariat.
    expect(profile.members).toEqual([]);
    expect(profile.description).toContain('established by Migrant Forum in Asia (MFA) in 2011');
    const mfa = await byName('Migrant Forum in Asia');
    const mfaProfile = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${mfa.id}`, cookie: staff })
    ).json().data;
    expect(
      mfaProfile.memberOf.map(
        (m: { parentName: string; roleCode: string }) => `${m.roleCode}:${m.parentName}`,
      ),
    ).toEqual(['secretariat:Asian Inter-Parliamentary Caucus on Labor Migration']);
    const apmm = await byName('Asia Pacific Mission for Migrants');
    const apmmProfile = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${apmm.id}`, cookie: staff })
    ).json().data;
    expect(
      apmmProfile.memberOf
        .map((m: { parentName: string; roleCode: string }) => `${m.roleCode}:${m.parentName}`)
        .sort(),
    ).toEqual([
      "secretariat:Alliance of Marriage Migrants' Organizations for Rights and Empowerment",
      'secretariat:Migrants Caucus on the ASEAN',
    ]);
  });

  it('filters by region, grouping, network, role and date', async () => {
    expect((await list('region=apme')).data.map((o) => o.name)).toContain(
      'Asia Pacific Mission for Migrants',
    );
    expect((await list('grouping=asean')).data.map((o) => o.name)).toEqual([
      'Migrant Forum in Asia',
      'Migrants Caucus on the ASEAN',
    ]);
    const mfa = await byName('Migrant Forum in Asia');
    expect((await list(`network=${mfa.id}&role=partner`)).data.map((o) => o.name)).toEqual([
      'Asian Migrant Centre',
      'Diplomacy Training Program',
    ]);
    expect((await list(`network=${mfa.id}&activeOn=2000-01-01`)).data.map((o) => o.name)).toEqual([
      'Asian Migrant Centre',
    ]);
    expect((await list('country=AU')).data.map((o) => o.name)).toEqual([
      'Asia Pacific Mission for Migrants',
      'Diplomacy Training Program',
    ]);
    const bad = await t.request({
      method: 'GET',
      url: '/api/v1/organisations?region=atlantis',
      cookie: staff,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });

  it('pages with an opaque cursor', async () => {
    const first = await list('limit=3');
    expect(first.data).toHaveLength(3);
    expect(first.total).toBeGreaterThanOrEqual(8);
    const second = await list(`limit=3&cursor=${first.nextCursor}`);
    expect(second.data[0]!.name > first.data[2]!.name).toBe(true);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/organisations?cursor=bogus', cookie: staff }))
        .statusCode,
    ).toBe(400);
  });

  it('finds CJK and Thai names', async () => {
    await buildOrganisation(t, { name: '香港移工聯盟', searchText: '香港移工聯盟' });
    await buildOrganisation(t, { name: 'เครือข่ายแรงงานข้ามชาติ', searchText: 'เครือข่ายแรงงานข้ามชาติ' });
    expect((await list(`q=${encodeURIComponent('移工')}`)).data.map((o) => o.name)).toEqual(['香港移工聯盟']);
    expect((await list(`q=${encodeURIComponent('แรงงาน')}`)).data.map((o) => o.name)).toEqual([
      'เครือข่ายแรงงานข้ามชาติ',
    ]);
    expect((await list('q=mfa')).data.map((o) => o.name)).toContain('Migrant Forum in Asia');
    expect((await list('q=yearbook')).data.map((o) => o.name)).toContain('Asian Migrant Centre');
  });
});

describe('editing', () => {
  it('creates, updates and refuses a stale version with 409', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      cookie: staff,
      payload: {
        name: 'Kanlungan Centre',
        typeCode: 'migrant_organisation',
        countryCode: 'PH',
        countries: ['PH', 'HK'],
        corridors: ['PH-HK'],
        names: { fil: 'Sentro Kanlungan' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const org = created.json().data;
    expect(org).toMatchObject({ version: 1, typeLabel: 'Migrant organisation', countryName: 'Philippines' });
    expect((await list('corridor=PH-HK')).data.map((o) => o.name)).toEqual(['Kanlungan Centre']);
    const first = await t.request({
      method: 'PATCH',
      url: `/api/v1/organisations/${org.id}`,
      cookie: staff,
      payload: { foundedYear: 1989, version: 1 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toMatchObject({ foundedYear: 1989, version: 2, corridors: ['PH-HK'] });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/organisations/${org.id}`,
      cookie: staff,
      payload: { foundedYear: 1990, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('refuses unknown and retired vocabulary terms but keeps records that use a retired term', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      cookie: staff,
      payload: { name: 'X', typeCode: 'alien' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.typeCode', code: 'unknown_term' });
  });
});

describe('exports', () => {
  it('exports exactly the filtered list as CSV with HXL and neutralised formulas', async () => {
    await buildOrganisation(t, {
      name: '=HYPERLINK("http://evil.example","click")',
      searchText: '=hyperlink',
      countryCode: 'AU',
      published: false,
    });
    const r = await t.request({
      method: 'GET',
      url: '/api/v1/organisations?country=AU',
      cookie: staff,
      headers: { accept: 'text/csv' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,url,name,/);
    expect(lines[1]).toMatch(/^#org\+id,#meta\+url,#org\+name/);
    expect(lines).toHaveLength(2 + 3);
    expect(r.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(r.body).toContain('http://localhost:3000/directory/organisations/');
    const json = await list('country=AU');
    expect(json.data).toHaveLength(3);
  });

  it('exports XLSX', async () => {
    const r = await t.request({
      method: 'GET',
      url: '/api/v1/organisations?format=xlsx&type=network',
      cookie: viewer,
    });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('exports Popolo JSON that validates against the Popolo schemas', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/organisations?format=popolo', cookie: staff });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.organizations.length).toBeGreaterThanOrEqual(8);
    expect(body.memberships.length).toBe(5);
    const popolo = popoloSchemas();
    for (const o of body.organizations) expect(popolo.check(o, 'organization')).toEqual([]);
    for (const m of body.memberships) expect(popolo.check(m, 'membership')).toEqual([]);
    // The validator really checks draft-03: a broken record fails.
    expect(popolo.check({ founding_date: 'yesterday' }, 'organization')).not.toEqual([]);
    expect(popolo.check({ contact_details: [{ type: 'email' }] }, 'organization')).not.toEqual([]);
  });
});

describe('public directory', () => {
  it('lists published organisations only and serves schema.org JSON-LD', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/public/organisations?limit=100' });
    expect(r.statusCode).toBe(200);
    const names = r.json().data.map((o: { name: string }) => o.name);
    expect(names).toContain('Migrant Forum in Asia');
    expect(names).not.toContain('香港移工聯盟');
    const mfa = r.json().data.find((o: { name: string }) => o.name === 'Migrant Forum in Asia');
    const page = (await t.request({ method: 'GET', url: `/api/v1/public/organisations/${mfa.id}` })).json()
      .data;
    expect(page.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Migrant Forum in Asia',
      foundingDate: '1994',
    });
    expect(page.members.map((m: { memberName: string }) => m.memberName).sort()).toEqual([
      'Asian Migrant Centre',
      'Diplomacy Training Program',
    ]);
    const hidden = await buildOrganisation(t, { name: 'Private one', published: false });
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/public/organisations/${hidden.id}` })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/organisations' })).statusCode).toBe(401);
  });

  it('counts organisations per country for the map', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/public/organisations/map?grouping=asean' });
    expect(r.statusCode).toBe(200);
    const counts = Object.fromEntries(
      r.json().data.map((c: { country: string; n: number }) => [c.country, c.n]),
    );
    expect(counts.PH).toBe(2);
    expect(counts.HK).toBe(1);
    expect(counts.AU).toBeUndefined();
  });
});
