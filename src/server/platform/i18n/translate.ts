import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

// Accept-Language is negotiated in shared/locales.ts, the same rules the web app applies to the browser's languages.
export { negotiateLocale } from '../../../shared/locales.ts';
