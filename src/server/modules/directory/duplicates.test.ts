import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { searchTextOf } from './repository.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

const org = (name: string, values: Record<string, unknown> = {}) =>
  buildOrganisation(t, { name, searchText: searchTextOf({ name }), ...values });

describe('duplicates and merge', () => {
  it('finds similar names within one country only', async () => {
    await org('Mission for Migrant Workers', { countryCode: 'HK' });
    await org('Mission for Migrant Workers (HK)', { countryCode: 'HK' });
    await org('Mission for Migrant Workers', { countryCode: 'JP' });
    await org('Completely different', { countryCode: 'HK' });
    const r = await t.request({
      method: 'GET',
      url: '/api/v1/organisations/duplicates?threshold=0.5',
      cookie: staff,
    });
    expect(r.statusCode).toBe(200);
    const pairs = r.json().data;
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ countryCode: 'HK' });
    const similar = await t.request({
      method: 'GET',
      url: `/api/v1/organisations/similar?name=${encodeURIComponent('Mission for Migrant Worker')}&country=JP`,
      cookie: staff,
    });
    expect(similar.json().data.map((o: { countryCode: string }) => o.countryCode)).toEqual(['JP']);
  });

  it('pages through the scan and finds every similar pair once, as comparing all pairs would', async () => {
    const stems = ['Pravasi Nepali Coordination', 'Bangladesh Ovibashi Mohila', 'Lanka Migrant Welfare'];
    const ids = new Set<string>();
    for (const [i, country] of ['NP', 'BD', 'LK'].entries()) {
      for (const suffix of ['Committee', 'Committe', 'Committee (Main)', 'Society', 'Union of Workers']) {
        ids.add((await org(`${stems[i]} ${suffix}`, { countryCode: country })).id);
      }
      ids.add((await org(`Unrelated ${i} Xylophone Guild`, { countryCode: country })).id);
    }
    const merged = await org('Pravasi Nepali Coordination Committee', { countryCode: 'NP' });
    await t.database.pool.query('update organisations set merged_into_id = $1 where id = $2', [
      [...ids][0],
      merged.id,
    ]);
    // Every same-country pair over the threshold, computed the slow way.
    const expected = await t.database.pool.query(
      `select least(a.id::text, b.id::text) || '|' || greatest(a.id::text, b.id::text) as pair
       from organisations a join organisations b on a.id < b.id and a.country_code = b.country_code
       where a.id = any($1::uuid[]) and b.id = any($1::uuid[]) and similarity(lower(a.name), lower(b.name)) >= 0.5`,
      [[...ids]],
    );
    expect(expected.rows.length).toBeGreaterThan(6);
    const found: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await t.request({
        method: 'GET',
        url: `/api/v1/organisations/duplicates?threshold=0.5&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        cookie: staff,
      });
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json() as { data: { aId: string; bId: string }[]; nextCursor: string | null };
      for (const p of body.data) {
        if (ids.has(p.aId) && ids.has(p.bId)) found.push([p.aId, p.bId].sort().join('|'));
        expect(p.aId === merged.id || p.bId === merged.id).toBe(false);
      }
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(pages).toBeGreaterThan(3);
    expect(found.sort()).toEqual(expected.rows.map((r) => r.pair).sort());

    const bad = await t.request({
      method: 'GET',
      url: '/api/v1/organisations/duplicates?cursor=bm90LWEtY3Vyc29y',
      cookie: staff,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'querystring.cursor', code: 'invalid_cursor' });
  });

  it('merges a duplicate, keeping memberships and a link to the survivor', async () => {
    const network = await org('Regional network', { typeCode: 'network' });
    const survivor = await org('Kanlungan Center Foundation', { countryCode: 'PH', countries: ['PH'] });
    const duplicate = await org('Kanlungan Centre Foundation', {
      countryCode: 'PH',
      countries: ['HK'],
      website: 'https://kanlungan.example',
      acronym: 'KCFI',
    });
    for (const [member, role] of [
      [duplicate.id, 'member'],
      [survivor.id, 'member'],
    ] as const) {
      const m = await t.request({
        method: 'POST',
        url: '/api/v1/memberships',
        cookie: staff,
        payload: { organisationId: member, parentId: network.id, roleCode: role, startDate: '2015' },
      });
      expect(m.statusCode).toBe(201);
    }
    await t.request({
      method: 'POST',
      url: '/api/v1/memberships',
      cookie: staff,
      payload: {
        organisationId: duplicate.id,
        parentId: network.id,
        roleCode: 'focal_point',
        startDate: '2018',
      },
    });
    const merged = await t.request({
      method: 'POST',
      url: `/api/v1/organisations/${survivor.id}/merge`,
      cookie: staff,
      payload: { duplicateId: duplicate.id, version: 1, duplicateVersion: 1 },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const data = merged.json().data;
    expect(data).toMatchObject({
      acronym: 'KCFI',
      website: 'https://kanlungan.example',
      countries: ['HK', 'PH'],
      version: 2,
    });
    expect(data.names.other).toBe('Kanlungan Centre Foundation');
    expect(data.memberOf.map((m: { roleCode: string }) => m.roleCode).sort()).toEqual([
      'focal_point',
      'member',
    ]);
    const old = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${duplicate.id}`, cookie: staff })
    ).json().data;
    expect(old.mergedIntoId).toBe(survivor.id);
    const listed = (
      await t.request({ method: 'GET', url: '/api/v1/organisations?q=kanlungan', cookie: staff })
    ).json().data;
    expect(listed.map((o: { id: string }) => o.id)).toEqual([survivor.id]);
    const later = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${survivor.id}`, cookie: staff })
    ).json().data;
    expect(later.history.map((h: { action: string }) => h.action)).toContain('organisation.merge');
    const again = await t.request({
      method: 'PATCH',
      url: `/api/v1/organisations/${duplicate.id}`,
      cookie: staff,
      payload: { acronym: 'X', version: 2 },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a stale merge without changing anything', async () => {
    const a = await org('Stale A');
    const b = await org('Stale B');
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/organisations/${a.id}/merge`,
      cookie: staff,
      payload: { duplicateId: b.id, version: 7, duplicateVersion: 1 },
    });
    expect(r.statusCode).toBe(409);
    const stillThere = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${b.id}`, cookie: staff })
    ).json().data;
    expect(stillThere.mergedIntoId).toBeNull();
  });
});
