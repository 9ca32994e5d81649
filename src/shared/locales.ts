/**
 * The interface languages. Complete ones translate every string (a test holds them to it); partial
 * ones translate the pages migrants use to ask for help and fall back to English string by string
 * elsewhere. `scripts/extract-strings.config.mjs` lists the same split.
 */
export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr', complete: true },
  { code: 'fil', name: 'Filipino', dir: 'ltr', complete: true },
  { code: 'id', name: 'Bahasa Indonesia', dir: 'ltr', complete: true },
  { code: 'ar', name: 'العربية', dir: 'rtl', complete: true },
  { code: 'ne', name: 'नेपाली', dir: 'ltr', complete: true },
  { code: 'bn', name: 'বাংলা', dir: 'ltr', complete: true },
  { code: 'si', name: 'සිංහල', dir: 'ltr', complete: false },
  { code: 'ta', name: 'தமிழ்', dir: 'ltr', complete: false },
  { code: 'hi', name: 'हिन्दी', dir: 'ltr', complete: false },
  { code: 'ur', name: 'اردو', dir: 'rtl', complete: false },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];
export const LOCALE_CODES = LOCALES.map((l) => l.code) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = 'en';

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
}
