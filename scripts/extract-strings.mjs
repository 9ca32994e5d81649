#!/usr/bin/env node
// Extracts every translatable string (English text as key) from the web app and the server with
// i18next-parser's lexers, and writes src/shared/locales/<lang>.json: English maps each key to
// itself, other languages keep their translations and get "" for new keys; partial languages
// (config.partialLocales) keep only the keys they translate; removed keys go away; keys are sorted
// so diffs stay readable.
//   node scripts/extract-strings.mjs          update the catalogs
//   node scripts/extract-strings.mjs --check  change nothing; exit 1 if any catalog is out of date, a
//                                             complete one leaves a string empty, or a partial one
//                                             misses a string of the public pages
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parser as Parser } from 'i18next-parser';
import config from './extract-strings.config.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every key found in the sources (or in `only`, repository-relative paths), sorted. */
export async function extractKeys(only) {
  const lexer = (name) => [{ lexer: name, functions: config.functions }];
  const parser = new Parser({ lexers: { ts: lexer('JavascriptLexer'), tsx: lexer('JsxLexer') } });
  const problems = [];
  // Dynamic keys such as t(capability.navLabel) are deliberate: their text is marked with msg() where written.
  parser.on('warning', (w) => {
    if (!String(w).startsWith('Key is not a string literal')) problems.push(w);
  });
  parser.on('error', (e) => problems.push(String(e)));
  const keys = new Set();
  const files = only
    ? only.map((file) => join(repo, file))
    : config.input.flatMap(({ dir, extensions }) =>
        [...walk(join(repo, dir))].filter(
          (file) => extensions.some((e) => file.endsWith(e)) && !config.ignore.some((re) => re.test(file)),
        ),
      );
  for (const file of files) {
    for (const entry of parser.parse(readFileSync(file, 'utf8'), file)) keys.add(entry.key);
  }
  if (problems.length) console.warn(problems.map((p) => `warning: ${p}`).join('\n'));
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every file below a directory (Node 20 has no fs.glob). */
function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function catalogPath(locale) {
  return join(repo, config.output, `${locale}.json`);
}

function readCatalog(locale) {
  try {
    return JSON.parse(readFileSync(catalogPath(locale), 'utf8'));
  } catch {
    return {};
  }
}

/** The catalog a locale should have for these keys, keeping existing translations. */
export function mergeCatalog(locale, keys, existing) {
  if (config.partialLocales.includes(locale)) {
    const translated = (key) => typeof existing[key] === 'string' && existing[key] !== '';
    return Object.fromEntries(keys.filter(translated).map((key) => [key, existing[key]]));
  }
  return Object.fromEntries(
    keys.map((key) => [
      key,
      locale === config.sourceLocale ? key : typeof existing[key] === 'string' ? existing[key] : '',
    ]),
  );
}

async function main() {
  const check = process.argv.includes('--check') || process.argv.includes('--dry-run');
  const keys = await extractKeys();
  let stale = 0;
  for (const locale of [...config.locales, ...config.partialLocales]) {
    const partial = config.partialLocales.includes(locale);
    const before = readCatalog(locale);
    const after = mergeCatalog(locale, keys, before);
    const text = `${JSON.stringify(after, null, 2)}\n`;
    const added = Object.keys(after).filter((k) => !(k in before)).length;
    const removed = Object.keys(before).filter((k) => !(k in after)).length;
    const untranslated = partial
      ? keys.length - Object.keys(after).length
      : Object.values(after).filter((v) => v === '').length;
    const file = relative(repo, catalogPath(locale));
    const changed = readFileSafe(catalogPath(locale)) !== text;
    if (changed) stale += 1;
    console.log(
      `${file}: ${keys.length} keys, ${added} new, ${removed} removed, ${untranslated} untranslated` +
        (partial ? ' (partial: English for the rest)' : ''),
    );
    if (!check && changed) writeFileSync(catalogPath(locale), text);
  }
  if (check && stale) {
    console.error(`${stale} catalog(s) out of date: run npm run i18n:extract`);
    process.exitCode = 1;
  }
  // A complete language translates every string: an empty entry fails the check, as a gap would.
  for (const locale of config.locales.filter((l) => l !== config.sourceLocale)) {
    const empty = Object.entries(mergeCatalog(locale, keys, readCatalog(locale))).filter(
      ([, v]) => !v.trim(),
    );
    if (!empty.length) continue;
    console.error(`${locale}.json leaves ${empty.length} string(s) untranslated:`);
    for (const [key] of empty.slice(0, 20)) console.error(`  ${JSON.stringify(key)}`);
    if (empty.length > 20) console.error(`  … and ${empty.length - 20} more`);
    if (check) process.exitCode = 1;
  }
  const uncovered = await partialGaps();
  for (const [locale, missing] of uncovered) {
    console.error(`${locale}.json lacks ${missing.length} string(s) of the public pages:`);
    for (const key of missing) console.error(`  ${JSON.stringify(key)}`);
  }
  if (check && uncovered.length) process.exitCode = 1;
}

/** Partial languages that miss a string of the files they must cover in full, with those strings. */
async function partialGaps() {
  const required = await extractKeys(config.partialMustCover);
  return config.partialLocales
    .map((locale) => {
      const catalog = readCatalog(locale);
      return [locale, required.filter((key) => !catalog[key])];
    })
    .filter(([, missing]) => missing.length > 0);
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
