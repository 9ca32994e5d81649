import { createRequire } from 'node:module';
import countryCodes from 'i18n-iso-countries';
import { LOCALE_CODES } from '../../../shared/locales.ts';

// Country codes and names come from `i18n-iso-countries` (ISO 3166-1 alpha-2/alpha-3, numeric = UN M49
// for countries), not from a hand-kept list. Languages the package lacks (Filipino, Burmese, Sinhala,
// Nepali, Traditional Chinese: its `zh` is Simplified) take the names of Node's own ICU data
// (Intl.DisplayNames, CLDR's short forms), and English only where ICU has none either. The languages
// added with the eastern and South Asian catalogs take CLDR's short forms first too: the package
// calls Hong Kong "Hong Kong SAR China" in Malay and Thai, where migrants and their flyers say "Hong
// Kong". English, Indonesian, Arabic and Bengali keep the package's names they always had.
const require = createRequire(import.meta.url);
const NAME_LANGUAGES = [...new Set(['en', ...LOCALE_CODES, 'vi', 'th', 'bn', 'ko', 'ja', 'zh', 'ms'])];
const registered: string[] = [];
for (const lang of NAME_LANGUAGES) {
  try {
    countryCodes.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    registered.push(lang);
  } catch {
    // not shipped by the package: names fall back to English
  }
}

export interface Country {
  alpha2: string;
  alpha3: string;
  /** UN M49 numeric code, three digits. */
  m49: string;
  /** The name in every UI language (English where the package has no translation). */
  names: Record<string, string>;
}

/**
 * Names the interface shows instead of the package's ISO 3166 long form. Taiwan keeps its ISO code
 * TW, but the interface uses the neutral short name in every language rather than "Taiwan, Province
 * of China" (English, Bengali) or "中国台湾省" (Chinese). Imports still read the long forms.
 */
const INTERFACE_NAMES: Record<string, Record<string, string>> = {
  TW: { en: 'Taiwan', bn: 'তাইওয়ান', zh: '台湾', ko: '대만' },
};

/** A region's name from ICU in `lang`, or undefined when ICU only echoes the code back. */
function icuName(lang: string, alpha2: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'region', style: 'short', fallback: 'none' }).of(
      alpha2,
    );
    return name && name !== alpha2 ? name : undefined;
  } catch {
    return undefined;
  }
}
const registeredSet = new Set(registered);
const PACKAGE_FIRST = new Set(['en', 'id', 'ar', 'bn', 'zh']);

const byAlpha2 = new Map<string, Country>();
for (const alpha2 of Object.keys(countryCodes.getAlpha2Codes()).sort()) {
  const own = INTERFACE_NAMES[alpha2] ?? {};
  const english = own.en ?? countryCodes.getName(alpha2, 'en') ?? alpha2;
  const names: Record<string, string> = {};
  for (const lang of NAME_LANGUAGES) {
    const packaged = registeredSet.has(lang) ? countryCodes.getName(alpha2, lang) : undefined;
    names[lang] = PACKAGE_FIRST.has(lang)
      ? (own[lang] ?? packaged ?? icuName(lang, alpha2) ?? english)
      : (own[lang] ?? icuName(lang, alpha2) ?? packaged ?? english);
  }
  byAlpha2.set(alpha2, {
    alpha2,
    alpha3: countryCodes.alpha2ToAlpha3(alpha2) ?? '',
    m49: countryCodes.alpha2ToNumeric(alpha2) ?? '',
    names,
  });
}

/** Every ISO 3166-1 country, ordered by alpha-2 code. */
export function allCountries(): Country[] {
  return [...byAlpha2.values()];
}

export function countryByCode(alpha2: string): Country | undefined {
  return byAlpha2.get(alpha2.toUpperCase());
}

export function isCountryCode(code: string): boolean {
  return byAlpha2.has(code);
}

/** A country's name in `locale`, falling back to English and then to the code itself. */
export function countryName(alpha2: string | null | undefined, locale = 'en'): string {
  if (!alpha2) return '';
  const c = byAlpha2.get(alpha2);
  return c?.names[locale] ?? c?.names.en ?? alpha2;
}

/**
 * Reads what a person or a spreadsheet wrote for a country: alpha-2, alpha-3, M49 number, or a name
 * in any registered language ("Korea, Republic of", "South Korea", "Hong Kong, China").
 */
export function resolveCountry(input: string | null | undefined): string | undefined {
  const text = input?.trim();
  if (!text) return undefined;
  const upper = text.toUpperCase();
  if (upper.length === 2 && byAlpha2.has(upper)) return upper;
  if (upper.length === 3 && /^[A-Z]{3}$/.test(upper)) return countryCodes.alpha3ToAlpha2(upper) ?? undefined;
  if (/^\d{1,3}$/.test(upper)) return countryCodes.numericToAlpha2(upper.padStart(3, '0')) ?? undefined;
  for (const candidate of [text, text.replace(/,\s*China$/i, ''), text.replace(/\s*\((.+)\)$/, ', $1')]) {
    for (const lang of registered) {
      const code = countryCodes.getAlpha2Code(candidate, lang);
      if (code) return code;
    }
  }
  return undefined;
}

/** A migration corridor, origin → destination, written 'PH-HK'. */
export interface Corridor {
  origin: string;
  destination: string;
}

export function parseCorridor(text: string): Corridor | undefined {
  const match = /^([A-Z]{2})-([A-Z]{2})$/.exec(text.trim().toUpperCase());
  if (!match || !byAlpha2.has(match[1]!) || !byAlpha2.has(match[2]!) || match[1] === match[2])
    return undefined;
  return { origin: match[1]!, destination: match[2]! };
}

export function corridorCode(c: Corridor): string {
  return `${c.origin}-${c.destination}`;
}
