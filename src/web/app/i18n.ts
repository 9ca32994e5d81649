import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, directionOf, isLocale, type Locale, matchLocale } from '../../shared/locales.ts';

// English text is the key, so English needs no catalog; the others load on demand as their own
// small chunks (a migrant's phone downloads only the language it uses). Every catalog file is found
// here by name, so a new language needs only its catalog and its line in shared/locales.ts.
const catalogs = import.meta.glob<{ default: Record<string, string> }>([
  '../../shared/locales/*.json',
  '!../../shared/locales/en.json',
]);
const catalogOf = (locale: Locale) => catalogs[`../../shared/locales/${locale}.json`];

const STORAGE_KEY = 'tulay.locale';

/** The language to start in: the last choice on this device, else the browser's, else English. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const code = matchLocale(tag);
    if (code) return code;
  }
  return DEFAULT_LOCALE;
}

/** Switches the interface language: loads its catalog, then sets <html lang dir>. */
export async function applyLocale(locale: Locale): Promise<void> {
  const load = catalogOf(locale);
  // A language listed before its catalog arrives shows English rather than failing.
  if (locale !== 'en' && load && !i18n.hasResourceBundle(locale, 'translation')) {
    i18n.addResourceBundle(locale, 'translation', (await load()).default, true, true);
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
