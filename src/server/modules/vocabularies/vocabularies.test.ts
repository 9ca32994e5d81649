import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/locales.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { codesUnder, matchTerm, resolveTerm, termsOf } from './service.ts';

const COMPLETE: string[] = LOCALES.filter((l) => l.complete).map((l) => l.code);

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
});
afterAll(() => t.close());

const csvUpload = (key: string, body: string, dryRun: boolean) =>
  t.request({
    method: 'POST',
    url: `/api/v1/vocabularies/${key}/import?dryRun=${dryRun}`,
    cookie: admin,
    payload: body,
    headers: { 'content-type': 'text/csv' },
  });

describe('vocabularies', () => {
  it('seeds organisation types and membership roles with labels in every UI language', async () => {
    const types = await termsOf(t.database.db, 'organisation_type', 'ar');
    expect(types.map((x) => x.code)).toEqual(
      expect.arrayContaining([
        'migrant_organisation',
        'ngo',
        'trade_union',
        'faith_group',
        'service_institution',
        'grassroots_organisation',
        'human_rights_group',
        'university',
        'government',
        'parliament',
        'international_organisation',
        'employers_organisation',
        'network',
        'platform',
        'caucus',
      ]),
    );
    expect(types.find((x) => x.code === 'trade_union')!.label).toBe('نقابة عمالية');
    // Every complete interface language has its label (the partial ones fall back to English).
    for (const term of types) expect(Object.keys(term.labels).sort()).toEqual(COMPLETE.toSorted());
    expect(types.find((x) => x.code === 'caucus')).toMatchObject({ parentCode: 'network', depth: 1 });
    const roles = await termsOf(t.database.db, 'membership_role');
    expect(roles.map((r) => r.code)).toEqual([
      'secretariat',
      'member',
      'partner',
      'area_coordinator',
      'focal_point',
      'observer',
      'staff',
    ]);
    expect((await codesUnder(t.database.db, 'organisation_type', 'network')).sort()).toEqual([
      'caucus',
      'network',
      'platform',
    ]);
    expect(matchTerm(types, 'Serikat pekerja')?.code).toBe('trade_union');
  });

  it('edits terms at any depth and retires one without breaking records that use it', async () => {
    const add = (code: string, parentCode?: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/vocabularies/organisation_type/terms',
        cookie: admin,
        payload: { code, parentCode, labels: { en: code } },
      });
    expect((await add('level1', 'caucus')).statusCode).toBe(201);
    const deep = await add('level2', 'level1');
    expect(deep.json().data).toMatchObject({ depth: 3, parentCode: 'level1' });
    expect(await codesUnder(t.database.db, 'organisation_type', 'network')).toContain('level2');
    const org = await buildOrganisation(t, { name: 'Uses level2', typeCode: 'level2' });
    const retired = await t.request({
      method: 'PATCH',
      url: '/api/v1/vocabularies/organisation_type/terms/level2',
      cookie: admin,
      payload: { retired: true, version: 1 },
    });
    expect(retired.statusCode).toBe(200);
    expect((await termsOf(t.database.db, 'organisation_type')).map((x) => x.code)).not.toContain('level2');
    expect(await resolveTerm(t.database.db, 'organisation_type', 'level2')).toMatchObject({ retired: true });
    const shown = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${org.id}`, cookie: admin })
    ).json().data;
    expect(shown.typeLabel).toBe('level2');
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/organisations/${org.id}`,
      cookie: admin,
      payload: { acronym: 'L2', version: 1 },
    });
    expect(edit.statusCode).toBe(200);
    const newUse = await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      cookie: admin,
      payload: { name: 'New', typeCode: 'level2' },
    });
    expect(newUse.json().errors[0].code).toBe('retired_term');
    const stale = await t.request({
      method: 'PATCH',
      url: '/api/v1/vocabularies/organisation_type/terms/level2',
      cookie: admin,
      payload: { retired: false, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('exports and imports CSV (code, parent code, label per language), all or nothing', async () => {
    const exported = await t.request({
      method: 'GET',
      url: '/api/v1/vocabularies/membership_role/terms?format=csv',
      cookie: admin,
    });
    expect(exported.statusCode).toBe(200);
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      `code,parent_code,position,${COMPLETE.map((l) => `label_${l}`).join(',')},scope_note,retired`,
    );
    const same = await csvUpload('membership_role', exported.body, true);
    expect(same.json().data).toMatchObject({ created: [], updated: [] });
    const csv =
      'code,parent_code,label_en,label_fil\ncoordinator_general,,General coordinator,Pangkalahatang koordinador\ncountry_coordinator,coordinator_general,Country coordinator,\n';
    const dry = (await csvUpload('membership_role', csv, true)).json().data;
    expect(dry).toMatchObject({
      dryRun: true,
      created: ['coordinator_general', 'country_coordinator'],
      errors: [],
    });
    expect((await termsOf(t.database.db, 'membership_role')).map((x) => x.code)).not.toContain(
      'country_coordinator',
    );
    expect((await csvUpload('membership_role', csv, false)).statusCode).toBe(200);
    expect(await resolveTerm(t.database.db, 'membership_role', 'country_coordinator')).toMatchObject({
      parentCode: 'coordinator_general',
      depth: 1,
    });
    const bad = await csvUpload('membership_role', 'code,label_en\nok_one,OK\nBAD CODE,Bad\n', false);
    expect(bad.statusCode).toBe(422);
    expect(await resolveTerm(t.database.db, 'membership_role', 'ok_one')).toBeUndefined();
    const loop = await csvUpload(
      'membership_role',
      'code,parent_code,label_en\na_loop,b_loop,A\nb_loop,a_loop,B\n',
      false,
    );
    // A loop is found before anything is written, the same in the dry run: every line in it is named.
    expect(loop.statusCode).toBe(422);
    expect(loop.json().errors.map((e: { code: string }) => e.code)).toEqual(['cycle', 'cycle']);
    expect(await resolveTerm(t.database.db, 'membership_role', 'a_loop')).toBeUndefined();
  });

  it('leaves what a CSV has no column for as it is, and puts new terms last', async () => {
    const arabic = 'code,label_en,label_ar\ncountry_coordinator,Country coordinator,منسق قطري\n';
    expect((await csvUpload('membership_role', arabic, false)).statusCode).toBe(200);
    const before = await resolveTerm(t.database.db, 'membership_role', 'country_coordinator');
    expect(before).toMatchObject({ parentCode: 'coordinator_general', labels: { ar: 'منسق قطري' } });
    // Only codes and Indonesian labels: nothing may move, lose a label or come back from retirement.
    const csv = 'code,label_id\ncountry_coordinator,Koordinator negara\nlast_added,\n';
    const refused = (await csvUpload('membership_role', csv, true)).json().data;
    expect(refused.errors).toEqual([
      expect.objectContaining({ field: 'line 3.label_en', code: 'missing_label' }),
    ]);
    const fixed =
      'code,label_en,label_id\ncountry_coordinator,Country coordinator,Koordinator negara\nlast_added,Last added,\n';
    expect((await csvUpload('membership_role', fixed, false)).statusCode).toBe(200);
    const after = await resolveTerm(t.database.db, 'membership_role', 'country_coordinator');
    expect(after).toMatchObject({ parentCode: 'coordinator_general', depth: 1, position: before?.position });
    expect(after?.labels).toMatchObject({ en: 'Country coordinator', id: 'Koordinator negara' });
    expect(after?.labels.ar).toBe('منسق قطري');
    const roots = (await termsOf(t.database.db, 'membership_role')).filter((x) => x.depth === 0);
    expect(roots.at(-1)?.code).toBe('last_added');
  });
});
