import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { countryByCode, parseCorridor, resolveCountry } from './countries.ts';
import { BUILT_IN_GROUPINGS, iloRegionOfCountry } from './groupings.ts';
import { countriesIn } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('geography', () => {
  it('has every ISO country with alpha-3, M49 and names in the UI languages', () => {
    expect(countryByCode('PH')).toMatchObject({
      alpha3: 'PHL',
      m49: '608',
      // Filipino takes CLDR's names (the package has none): Pilipinas, not the English fallback.
      names: { en: 'Philippines', id: 'Filipina', fil: 'Pilipinas', 'zh-Hant': '菲律賓' },
    });
    expect(countryByCode('AE')!.names.ar).toBe('الإمارات العربية المتحدة');
    expect(resolveCountry('Korea, Republic of')).toBe('KR');
    expect(resolveCountry('Hong Kong, China')).toBe('HK');
    expect(resolveCountry('Atlantis')).toBeUndefined();
    expect(parseCorridor('np-qa')).toEqual({ origin: 'NP', destination: 'QA' });
    expect(parseCorridor('PH-PH')).toBeUndefined();
  });

  it('puts every country in at most one ILO region, the ILO way', () => {
    expect(iloRegionOfCountry('EG')).toBe('ilo-africa');
    expect(iloRegionOfCountry('QA')).toBe('ilo-arab-states');
    expect(iloRegionOfCountry('KZ')).toBe('ilo-europe-central-asia');
    expect(iloRegionOfCountry('NZ')).toBe('ilo-asia-pacific');
    expect(iloRegionOfCountry('BR')).toBe('ilo-americas');
    const ilo = BUILT_IN_GROUPINGS.filter((g) => g.kind === 'ilo_region');
    const all = ilo.flatMap((g) => g.countries);
    expect(new Set(all).size).toBe(all.length);
  });

  it('serves groupings and the network regions staff keep', async () => {
    expect(await countriesIn(t.database.db, 'gcc')).toEqual(['AE', 'BH', 'KW', 'OM', 'QA', 'SA']);
    expect(await countriesIn(t.database.db, 'apme')).toEqual(['AU', 'JP', 'KR', 'NZ', 'TW']);
    const r = await t.request({
      method: 'GET',
      url: '/api/v1/geography/groupings',
      headers: { 'accept-language': 'id' },
    });
    const codes = r.json().data.map((g: { code: string }) => g.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'ilo-africa',
        'asean',
        'saarc',
        'gcc',
        'colombo-process',
        'abu-dhabi-dialogue',
        'apme',
      ]),
    );
    expect(r.json().data.find((g: { code: string }) => g.code === 'ilo-asia-pacific').label).toBe(
      'Asia dan Pasifik',
    );
    const staff = await (await buildUser(t, { role: 'secretariat' })).session();
    const apme = r.json().data.find((g: { code: string }) => g.code === 'apme');
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/geography/regions/${apme.id}`,
      cookie: staff,
      payload: { countries: [...apme.countries, 'HK'], version: apme.version },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data.countries).toContain('HK');
    const asean = r.json().data.find((g: { code: string }) => g.code === 'asean');
    expect(asean.abilities).toMatchObject({ update: false });
    const countries = await t.request({
      method: 'GET',
      url: '/api/v1/geography/countries',
      headers: { 'accept-language': 'ar' },
    });
    expect(countries.json().data.find((c: { alpha2: string }) => c.alpha2 === 'JO').name).toBe('الأردن');
  });
});
