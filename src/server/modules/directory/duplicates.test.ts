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
