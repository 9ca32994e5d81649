import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import config from '../../../scripts/extract-strings.config.mjs';
import { extractKeys } from '../../../scripts/extract-strings.mjs';
import { LOCALES } from '../locales.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const catalogFile = (locale: string) => `${dir}/${locale}.json`;
const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(catalogFile(locale), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
// Tags that are markup, not words: a translation keeps them as they are.
const tags = (text: string) => [...text.matchAll(/<\/?\w+>/g)].map((m) => m[0]).sort();

const en = read('en');
const complete = LOCALES.filter((l) => l.complete && l.code !== 'en').map((l) => l.code as string);
const partial = LOCALES.filter((l) => !l.complete).map((l) => l.code as string);

/** Translations that are the English text again: left as placeholder English, not translated. */
function leftInEnglish(catalog: Record<string, string>): string[] {
  // Names and codes may stay as they are (Tulay, "United Arab Emirates", "Email"), but a phrase of
  // three words or more with ordinary lowercase words in it may not.
  return Object.entries(catalog)
    .filter(([key, value]) => value === key && key.split(/\s+/).length >= 3 && /(^|\s)[a-z]{2,}/.test(key))
    .map(([key]) => key);
}

describe('translation catalogs', () => {
  test('English maps every key to itself', () => {
    expect(Object.entries(en).filter(([k, v]) => k !== v)).toEqual([]);
  });

  test('the extractor lists the same complete and partial languages as shared/locales.ts', () => {
    expect([...config.locales].sort()).toEqual(['en', ...complete].sort());
    expect([...config.partialLocales].sort()).toEqual([...partial].sort());
  });

  for (const locale of complete) {
    test(`${locale} translates every English key, keeping the {{placeholders}}`, () => {
      const catalog = read(locale);
      const missing = Object.keys(en).filter(
        (k) => typeof catalog[k] !== 'string' || catalog[k]!.trim() === '',
      );
      expect(missing, `untranslated in ${locale}.json (run npm run i18n:extract, then translate)`).toEqual(
        [],
      );
      const broken = Object.keys(en).filter(
        (k) =>
          placeholders(k).join() !== placeholders(catalog[k]!).join() ||
          tags(k).join() !== tags(catalog[k]!).join(),
      );
      expect(broken, `placeholders differ in ${locale}.json`).toEqual([]);
      expect(
        Object.keys(catalog).filter((k) => !(k in en)),
        `stale keys in ${locale}.json`,
      ).toEqual([]);
      expect(leftInEnglish(catalog), `English left in ${locale}.json`).toEqual([]);
    });
  }

  test('every public language translates every string of the public pages', async () => {
    const publicKeys = await extractKeys(config.partialMustCover);
    expect(publicKeys.length).toBeGreaterThan(50);
    const gaps = Object.fromEntries(
      [...complete, ...partial]
        .map((locale) => [locale, publicKeys.filter((k) => !read(locale)[k]?.trim())] as const)
        .filter(([, missing]) => missing.length > 0),
    );
    expect(gaps, 'public strings missing per language').toEqual({});
    // The eighteen languages of the public pages.
    expect(complete.length + partial.length + 1).toBeGreaterThanOrEqual(18);
  });

  for (const locale of partial) {
    test(`${locale} (partial) keeps the {{placeholders}} and holds no stale keys or English`, () => {
      const catalog = read(locale);
      expect(Object.keys(catalog).length, `${locale}.json translates nothing`).toBeGreaterThan(0);
      expect(Object.keys(catalog).filter((k) => !(k in en))).toEqual([]);
      expect(
        Object.keys(catalog).filter((k) => placeholders(k).join() !== placeholders(catalog[k]!).join()),
      ).toEqual([]);
      expect(leftInEnglish(catalog), `English left in ${locale}.json`).toEqual([]);
    });
  }

  // Check mode also fails while a complete language leaves a string empty or a partial one misses a
  // string of the public pages.
  test('the catalogs hold every string the sources use (extractor in check mode)', () => {
    const run = spawnSync(process.execPath, ['scripts/extract-strings.mjs', '--check'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });
});
