import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, directionOf, LOCALE_CODES, type Locale } from '../../shared/locales.ts';

// English text is the key, so English needs no catalog; the others load on demand as their own
// small chunks (a migrant's phone downloads only the language it uses).
const catalogs: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Record<string, string> }>> = {
  fil: () => import('../../shared/locales/fil.json'),
  id: () => import('../../shared/locales/id.json'),
  ar: () => import('../../shared/locales/ar.json'),
  ne: () => import('../../shared/locales/ne.json'),
  bn: () => import('../../shared/locales/bn.json'),
  si: () => import('../../shared/locales/si.json'),
  ta: () => import('../../shared/locales/ta.json'),
  hi: () => import('../../shared/locales/hi.json'),
  ur: () => import('../../shared/locales/ur.json'),
};

const STORAGE_KEY = 'tulay.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value);
}

/** The language to start in: the last choice on this device, else the browser's, else English. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    const code = base === 'tl' ? 'fil' : base;
    if (isLocale(code)) return code;
  }
  return DEFAULT_LOCALE;
}

/** Switches the interface language: loads its catalog, then sets <html lang dir>. */
export async function applyLocale(locale: Locale): Promise<void> {
  if (locale !== 'en' && !i18n.hasResourceBundle(locale, 'translation')) {
    const catalog = (await catalogs[locale]()).default;
    i18n.addResourceBundle(locale, 'translation', catalog, true, true);
  }
  await i18n.changeLanguage(locale);
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export async function initI18n(): Promise<Locale> {
  const locale = initialLocale();
  await i18n.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: false,
    resources: { en: { translation: {} } },
    keySeparator: false,
    nsSeparator: false,
    // An untranslated (empty) entry shows the English text rather than nothing.
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });
  await applyLocale(locale);
  return locale;
}
