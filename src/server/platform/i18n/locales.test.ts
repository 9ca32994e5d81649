import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, matchLocale, negotiateLocale } from '../../../shared/locales.ts';
import { defaultMapping, isTarget } from '../../modules/directory/import-rows.ts';
import { allCountries, countryName } from '../../modules/geography/countries.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { SCRIPT_FONTS_CSS } from './script-fonts.ts';
import { translate } from './translate.ts';

// Issue 15: eighteen interface languages, and everything keyed by language works with the new codes.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the interface languages', () => {
  it('are eighteen, each named in its own script, with Urdu and Arabic right-to-left', () => {
    expect(LOCALES.map((l) => l.code)).toEqual([
      'en',
      'fil',
      'id',
      'ms',
      'vi',
      'th',
      'km',
      'my',
      'ne',
      'bn',
      'si',
      'ta',
      'hi',
      'ur',
      'ar',
      'zh-Hant',
      'ja',
      'ko',
    ]);
    expect(LOCALES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ur', 'ar']);
    expect(LOCALES.find((l) => l.code === 'zh-Hant')?.complete).toBe(true);
    // Names in their own script: none of the non-Latin languages is named in Latin letters.
    for (const l of LOCALES.filter((l) => !['en', 'fil', 'id', 'ms', 'vi'].includes(l.code)))
      expect(l.name, l.code).not.toMatch(/[A-Za-z]/);
  });
});

describe('Accept-Language negotiation', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK,zh;q=0.9,en;q=0.8', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-CN', 'zh-Hant'],
    ['my-MM', 'my'],
    ['km-KH,km;q=0.9', 'km'],
    ['fil-PH', 'fil'],
    ['tl', 'fil'],
    ['in-ID', 'id'],
    ['ms-MY', 'ms'],
    ['si-LK', 'si'],
    ['ur-PK', 'ur'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['vi-VN', 'vi'],
    ['th-TH', 'th'],
    ['de-DE, ta;q=0.5', 'ta'],
    ['en;q=0.1, hi;q=0.9', 'hi'],
    // Weight zero means "not this one".
    ['ne;q=0, bn', 'bn'],
    // Equal weights keep the browser's order.
    ['ko, ja', 'ko'],
    ['xx-YY, *', DEFAULT_LOCALE],
    // Names of object properties are no languages.
    ['constructor, __proto__, toString', DEFAULT_LOCALE],
    ['hasOwnProperty;q=0.9, valueOf-XX', DEFAULT_LOCALE],
    ['', DEFAULT_LOCALE],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('matches tags case-insensitively and refuses the unknown', () => {
    expect(matchLocale('ZH-hant')).toBe('zh-Hant');
    expect(matchLocale('zh_TW')).toBe('zh-Hant');
    expect(matchLocale('kmr')).toBeUndefined();
    expect(negotiateLocale('a'.repeat(5000))).toBe(DEFAULT_LOCALE);
  });

  it('answers problems in the negotiated language, Khmer and Traditional Chinese included', async () => {
    for (const [header, title] of [
      ['km-KH', 'សូមចូលគណនី។'],
      ['zh-TW', '請登入。'],
      ['my-MM', 'ကျေးဇူးပြု၍ အကောင့်ဝင်ပါ။'],
    ] as const) {
      const r = await t.request({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { 'accept-language': header },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().title).toBe(title);
    }
  });
});

describe('pages and accounts in the new languages', () => {
  it('a public page carries lang and dir, the frame in that language, and the per-script fonts', async () => {
    for (const [header, lang, dir, signIn] of [
      ['zh-TW', 'zh-Hant', 'ltr', '登入'],
      ['km', 'km', 'ltr', 'ចូលគណនី'],
      ['ja', 'ja', 'ltr', 'ログイン'],
    ] as const) {
      const r = await t.request({ method: 'GET', url: '/search', headers: { 'accept-language': header } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(r.body).toContain(`>${signIn}</a>`);
    }
    expect(SCRIPT_FONTS_CSS).toContain(':root:lang(km){--tulay-font:');
    expect(SCRIPT_FONTS_CSS).not.toMatch(/\/\*|url\(/); // no comments, and no font is downloaded
  });

  it('an account can choose Traditional Chinese or Khmer, but not a language Tulay lacks', async () => {
    const cookie = await (await buildUser(t, { role: 'viewer' })).session();
    for (const locale of ['zh-Hant', 'km']) {
      const r = await t.request({ method: 'PATCH', url: '/api/v1/auth/me', cookie, payload: { locale } });
      expect(r.statusCode, r.body).toBeLessThan(300);
      const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
      expect(me.json().data.locale).toBe(locale);
    }
    // The account's language wins over the browser's for a signed-in person.
    const problem = await t.request({
      method: 'GET',
      url: '/api/v1/users/00000000-0000-0000-0000-000000000000',
      cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(problem.json().title).toMatch(/[\u1780-\u17FF]/);
    for (const locale of ['zh', 'zh-hant', 'ZH-HANT', 'xx', '']) {
      const r = await t.request({ method: 'PATCH', url: '/api/v1/auth/me', cookie, payload: { locale } });
      expect(r.statusCode, locale).toBe(400);
    }
  });

  it('translate() fills placeholders in every language and falls back to English for a missing catalog', () => {
    expect(translate('zh-Hant', 'Welcome, {{name}}', { name: 'Ana' })).toBe('歡迎，Ana');
    expect(translate('si', 'Welcome, {{name}}', { name: 'Ana' })).toMatch(/Ana/);
    expect(translate('km', 'Your case is closed.')).toBe('ករណីរបស់អ្នកត្រូវបានបិទ។');
  });
});

describe('country names per language', () => {
  it('every language has a name for every country, in its own script where the script is not Latin', () => {
    const countries = allCountries();
    for (const { code } of LOCALES) {
      const english = countries.filter((c) => c.names[code] === c.names.en).length;
      // Latin-script languages share many names with English (Oman, Qatar); the others share almost none.
      if (!['en', 'fil', 'id', 'ms', 'vi'].includes(code)) expect(english, code).toBeLessThan(5);
    }
    expect(countryName('HK', 'zh-Hant')).toBe('香港');
    expect(countryName('TW', 'zh-Hant')).toBe('台灣');
    expect(countryName('SG', 'my')).toBe('စင်္ကာပူ');
    expect(countryName('SA', 'km')).toBe('អារ៉ាប៊ីសាអូឌីត');
    // CLDR's short form, not "Hong Kong SAR China".
    expect(countryName('HK', 'ms')).toBe('Hong Kong');
    expect(countryName('HK', 'th')).toBe('ฮ่องกง');
  });

  it('the countries list comes sorted by the Traditional Chinese and Khmer names', async () => {
    for (const lang of ['zh-TW', 'km']) {
      const r = await t.request({
        method: 'GET',
        url: '/api/v1/geography/countries',
        headers: { 'accept-language': lang },
      });
      expect(r.statusCode).toBe(200);
      const names = (r.json().data as { name: string }[]).map((c) => c.name);
      const locale = lang === 'zh-TW' ? 'zh-Hant' : lang;
      expect(names).toEqual([...names].sort(new Intl.Collator(locale).compare));
      expect(names).toContain(lang === 'zh-TW' ? '台灣' : 'ហុងកុង');
    }
  });
});

describe('case vocabularies in Traditional Chinese, a complete language', () => {
  it('every sector and violation type has a zh-Hant label, which a zh-Hant account reads', async () => {
    const { rows } = await t.database.pool.query(
      `select vocabulary_key, code from vocabulary_terms
        where vocabulary_key in ('case_sector', 'case_violation') and not labels ? 'zh-Hant'`,
    );
    expect(rows).toEqual([]);
    const cookie = await (await buildUser(t, { role: 'case_worker' })).session();
    await t.request({ method: 'PATCH', url: '/api/v1/auth/me', cookie, payload: { locale: 'zh-Hant' } });
    const r = await t.request({ method: 'GET', url: '/api/v1/vocabularies/case_violation/terms', cookie });
    expect(r.statusCode, r.body).toBe(200);
    const labels = (r.json().data as { code: string; label: string }[]).map((term) => [
      term.code,
      term.label,
    ]);
    expect(labels).toContainEqual(['liberty.passport_confiscation', '護照遭扣留']);
    expect(labels.length).toBeGreaterThanOrEqual(32);
  });
});

describe('imports keyed by language', () => {
  it('a name_zh_hant column (as headers are lowered) fills the Traditional Chinese name', () => {
    const mapping = defaultMapping(['name', 'name_zh-Hant', 'Name_KM', 'name_pt_br'], ['name'], {}, true);
    expect(mapping).toEqual({
      name: 'name',
      'name_zh-Hant': 'name_zh-Hant',
      Name_KM: 'name_km',
      name_pt_br: '',
    });
    expect(isTarget('name_zh-Hant', ['name'], true)).toBe(true);
    expect(isTarget('name_zh-hant', ['name'], true)).toBe(false);
  });
});
