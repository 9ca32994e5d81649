import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '../../../shared/locales.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { countryByCode, countryName, resolveCountry } from './countries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const listIn = async (lang: string) => {
  const r = await t.request({
    method: 'GET',
    url: '/api/v1/geography/countries',
    headers: { 'accept-language': lang },
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().data as { alpha2: string; name: string }[];
};

describe('country names in the interface', () => {
  it('name Taiwan with its neutral short name in every language and keep the ISO code TW', () => {
    const tw = countryByCode('TW')!;
    expect(tw.alpha2).toBe('TW');
    expect(tw.alpha3).toBe('TWN');
    for (const name of Object.values(tw.names)) expect(name).not.toMatch(/province|provinsi|省|প্রদেশ/i);
    expect(countryName('TW', 'en')).toBe('Taiwan');
    for (const lang of LOCALE_CODES) expect(countryName('TW', lang)).not.toMatch(/province|প্রদেশ/i);
    // Spreadsheets that use the ISO long form still resolve to the same code.
    expect(resolveCountry('Taiwan, Province of China')).toBe('TW');
    expect(resolveCountry('Taiwan')).toBe('TW');
  });

  it('list countries in the order of their names in the UI language, not by code', async () => {
    for (const lang of ['en', 'id', 'ar', 'fil']) {
      const names = (await listIn(lang)).map((c) => c.name);
      const collator = new Intl.Collator(lang);
      expect(names).toEqual([...names].sort(collator.compare));
    }
    const en = await listIn('en');
    expect(en.find((c) => c.alpha2 === 'TW')!.name).toBe('Taiwan');
    // By code, Germany (DE) would come before Algeria (DZ) and the Emirates (AE) first of all.
    const at = (code: string) => en.findIndex((c) => c.alpha2 === code);
    expect(at('DZ')).toBeLessThan(at('DE'));
    expect(at('AE')).toBeGreaterThan(at('DE'));
  });
});
