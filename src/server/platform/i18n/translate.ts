import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LOCALE, LOCALE_CODES, type Locale } from '../../../shared/locales.ts';

const catalogDir = fileURLToPath(new URL('../../../shared/locales', import.meta.url));

// English text is the key; a catalog maps it to the translation. Missing entries fall back to English.
const catalogs = new Map<string, Record<string, string>>(
  readdirSync(catalogDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(`${catalogDir}/${f}`, 'utf8'))]),
);

/** Translates one English source string into `locale`, filling `{{name}}` placeholders. */
export function translate(
  locale: string,
  text: string,
  values: Record<string, string | number> = {},
): string {
  const translated = catalogs.get(locale)?.[text] || text;
  return translated.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const base = tag.split('-')[0] === 'tl' ? 'fil' : tag.split('-')[0];
    const match = LOCALE_CODES.find((c) => c === tag || c === base);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
