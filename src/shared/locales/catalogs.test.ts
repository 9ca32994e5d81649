import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LOCALES } from '../locales.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(`${dir}/${locale}.json`, 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const en = read('en');

describe('translation catalogs', () => {
  test('English maps every key to itself', () => {
    expect(Object.entries(en).filter(([k, v]) => k !== v)).toEqual([]);
  });

  const others = LOCALES.filter((l) => l.code !== 'en');
  for (const locale of others.filter((l) => l.complete).map((l) => l.code)) {
    test(`${locale} translates every English key, keeping the {{placeholders}}`, () => {
      const catalog = read(locale);
      const missing = Object.keys(en).filter(
        (k) => typeof catalog[k] !== 'string' || catalog[k]!.trim() === '',
      );
      expect(missing, `untranslated in ${locale}.json (run npm run i18n:extract, then translate)`).toEqual(
        [],
      );
      const broken = Object.keys(en).filter(
        (k) => placeholders(k).join() !== placeholders(catalog[k]!).join(),
      );
      expect(broken, `placeholders differ in ${locale}.json`).toEqual([]);
      expect(
        Object.keys(catalog).filter((k) => !(k in en)),
        `stale keys in ${locale}.json`,
      ).toEqual([]);
    });
  }

  for (const locale of others.filter((l) => !l.complete).map((l) => l.code)) {
    test(`${locale} (partial) keeps the {{placeholders}} and holds no stale keys`, () => {
      const catalog = read(locale);
      expect(Object.keys(catalog).length, `${locale}.json translates nothing`).toBeGreaterThan(0);
      expect(Object.keys(catalog).filter((k) => !(k in en))).toEqual([]);
      expect(
        Object.keys(catalog).filter((k) => placeholders(k).join() !== placeholders(catalog[k]!).join()),
      ).toEqual([]);
    });
  }

  // Check mode also fails while a partial language misses a string of the Get-help pages.
  test('the catalogs hold every string the sources use (extractor in check mode)', () => {
    const run = spawnSync(process.execPath, ['scripts/extract-strings.mjs', '--check'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });
});
