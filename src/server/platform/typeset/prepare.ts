import { matchLocale } from '../../../shared/locales.ts';
import { translate } from '../i18n/translate.ts';
import type { TypesetCertificate, TypesetEdition } from './document.ts';
import { TypesetError } from './errors.ts';
import { FONT_FAMILIES } from './fonts.ts';

// Turns a document into the JSON the Typst templates read: labels translated, dates formatted,
// direction decided, and every string made safe to carry (the templates place strings as text, so
// nothing here escapes markup; it only removes what no PDF should hold).

const msg = (s: string) => s;

/** Limits that keep one request from asking for a book of unbounded size. */
export const DOCUMENT_LIMITS = {
  chapters: 200,
  blocksPerChapter: 2_000,
  tableCells: 20_000,
  svgBytes: 2_000_000,
  /** The whole document as JSON. */
  totalBytes: 30_000_000,
};

const RTL = new Set(['ar', 'ur', 'fa', 'ps', 'he', 'yi', 'dv', 'sd', 'ug', 'ckb']);

/** Language and region as Typst wants them (ISO 639 and ISO 3166 codes), and the direction. */
export function languageOf(tag: string) {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag || 'en');
  } catch {
    throw new TypesetError('invalid', `Not a language tag: ${JSON.stringify(tag).slice(0, 40)}`);
  }
  const lang = locale.language.toLowerCase();
  return {
    locale: locale.baseName,
    lang: /^[a-z]{2,3}$/.test(lang) ? lang : 'en',
    dir: RTL.has(lang) ? 'rtl' : 'ltr',
  } as const;
}

/** Text as text: no NUL or other control characters, no lone surrogates, line ends as \n. */
export function clean(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new TypesetError('invalid', `${field} must be text.`);
  // String.prototype.toWellFormed (Node 20) is past the ES2023 lib the project compiles against.
  return (
    (value as string & { toWellFormed(): string })
      .toWellFormed()
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  );
}

const optional = (value: unknown, field: string) =>
  value === undefined || value === null ? null : clean(value, field);

/** Labels come from the interface's catalogs (zh-TW → zh-Hant, tl → fil); others fall back to English. */
const label = (locale: string, text: string, values: Record<string, string> = {}) =>
  translate(matchLocale(locale) ?? 'en', text, values);

export function prepareEdition(doc: TypesetEdition) {
  if (!doc || typeof doc !== 'object') throw new TypesetError('invalid', 'No document.');
  if (doc.template !== 'yearbook' && doc.template !== 'brief')
    throw new TypesetError('invalid', 'The template is "yearbook" or "brief".');
  if (!Array.isArray(doc.chapters) || doc.chapters.length > DOCUMENT_LIMITS.chapters)
    throw new TypesetError('invalid', `An edition has at most ${DOCUMENT_LIMITS.chapters} chapters.`);
  const { locale, lang, dir } = languageOf(doc.language);
  const year = doc.year === undefined || doc.year === null ? null : Number(doc.year);
  if (year !== null && !Number.isInteger(year))
    throw new TypesetError('invalid', 'The year is a whole number.');
  const title = clean(doc.title, 'title');
  const chapters = doc.chapters.map((c, i) => prepareChapter(c, i));
  const data = {
    template: doc.template,
    lang,
    dir,
    fonts: FONT_FAMILIES,
    title,
    subtitle: optional(doc.subtitle, 'subtitle'),
    year,
    publisher: clean(doc.publisher, 'publisher'),
    running: [title, year === null ? '' : String(year)].filter(Boolean).join(' · '),
    contributors: (doc.contributors ?? []).map((c, i) => clean(c, `contributors[${i}]`)),
    labels: {
      contents: label(locale, msg('Contents')),
      contributors: label(locale, msg('Contributors')),
      source: label(locale, msg('Source')),
      figure: label(locale, msg('Chart')),
      table: label(locale, msg('Table')),
    },
    chapters,
  };
  return checkSize(data);
}

function prepareChapter(c: TypesetEdition['chapters'][number], i: number) {
  const at = `chapters[${i}]`;
  if (!c || !Array.isArray(c.blocks)) throw new TypesetError('invalid', `${at} has no blocks.`);
  if (c.blocks.length > DOCUMENT_LIMITS.blocksPerChapter)
    throw new TypesetError('invalid', `${at} has more than ${DOCUMENT_LIMITS.blocksPerChapter} blocks.`);
  return {
    title: clean(c.title, `${at}.title`),
    subtitle: optional(c.subtitle, `${at}.subtitle`),
    authors: (c.authors ?? []).map((a, j) => clean(a, `${at}.authors[${j}]`)),
    blocks: c.blocks.map((b, j) => prepareBlock(b, `${at}.blocks[${j}]`)),
  };
}

function prepareBlock(b: TypesetEdition['chapters'][number]['blocks'][number], at: string) {
  switch (b?.kind) {
    case 'heading':
      return { kind: 'heading', text: clean(b.text, `${at}.text`) };
    case 'paragraph':
      // A blank line starts a new paragraph; a single line end is a space, as in a web page.
      return {
        kind: 'paragraph',
        paragraphs: clean(b.text, `${at}.text`)
          .split(/\n[ \t]*\n\s*/)
          .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
          .filter(Boolean),
      };
    case 'table': {
      if (!Array.isArray(b.columns) || b.columns.length === 0 || !Array.isArray(b.rows))
        throw new TypesetError('invalid', `${at} needs columns and rows.`);
      const width = b.columns.length;
      if (width * (b.rows.length + 1) > DOCUMENT_LIMITS.tableCells)
        throw new TypesetError('invalid', `${at} has more than ${DOCUMENT_LIMITS.tableCells} cells.`);
      return {
        kind: 'table',
        caption: clean(b.caption, `${at}.caption`),
        columns: b.columns.map((c, k) => clean(c, `${at}.columns[${k}]`)),
        // A short row is filled with empty cells and a long one cut, so the grid stays a grid.
        rows: b.rows.map((row, r) => {
          if (!Array.isArray(row)) throw new TypesetError('invalid', `${at}.rows[${r}] is not a row.`);
          return Array.from({ length: width }, (_, k) => clean(row[k] ?? '', `${at}.rows[${r}][${k}]`));
        }),
        source: optional(b.source, `${at}.source`),
      };
    }
    case 'figure': {
      const svg = clean(b.svg, `${at}.svg`);
      if (Buffer.byteLength(svg) > DOCUMENT_LIMITS.svgBytes)
        throw new TypesetError(
          'invalid',
          `${at}: the chart is larger than ${DOCUMENT_LIMITS.svgBytes} bytes.`,
        );
      return {
        kind: 'figure',
        caption: clean(b.caption, `${at}.caption`),
        svg: withoutExternalReferences(svg),
        alt: clean(b.alt, `${at}.alt`),
        source: optional(b.source, `${at}.source`),
      };
    }
    default:
      throw new TypesetError('invalid', `${at} is not a heading, paragraph, table or figure.`);
  }
}

/**
 * A chart is drawn from its own markup only: no linked image, file or URL is followed (the engine
 * would read a path from the server's disk), no entity declared.
 */
function withoutExternalReferences(svg: string) {
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) throw new TypesetError('invalid', 'A chart may not declare entities.');
  return svg.replace(/<image\b[^>]*?(\/>|>[\s\S]*?<\/image>)/gi, '');
}

function formatDate(iso: unknown, locale: string, field: string) {
  const value = clean(iso, field);
  const [, y, mo, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? [];
  const date = y && mo && d ? new Date(Date.UTC(+y, +mo - 1, +d)) : null;
  // Date.UTC rolls 2026-02-31 over into March: a day that changed was not a real date.
  if (!date || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d))
    throw new TypesetError('invalid', `${field} is not a date (YYYY-MM-DD).`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function prepareCertificate(doc: TypesetCertificate) {
  if (!doc || typeof doc !== 'object') throw new TypesetError('invalid', 'No certificate.');
  const { locale, lang, dir } = languageOf(doc.language);
  const start = formatDate(doc.startDate, locale, 'startDate');
  const end = formatDate(doc.endDate, locale, 'endDate');
  const issuedOn = formatDate(doc.issuedOn, locale, 'issuedOn');
  const number = clean(doc.certificateNumber, 'certificateNumber');
  const data = {
    lang,
    dir,
    fonts: FONT_FAMILIES,
    heading: label(locale, msg('Certificate of completion')),
    certifies: label(locale, msg('This certifies that')),
    completed: label(locale, msg('has completed the course')),
    participantName: clean(doc.participantName, 'participantName'),
    courseTitle: clean(doc.courseTitle, 'courseTitle'),
    cohortLabel: optional(doc.cohortLabel, 'cohortLabel'),
    period: start === end ? start : label(locale, msg('from {{start}} to {{end}}'), { start, end }),
    place: optional(doc.place, 'place'),
    issuer: clean(doc.issuer, 'issuer'),
    issuedLine: label(locale, msg('Issued on {{date}}'), { date: issuedOn }),
    numberLine: label(locale, msg('Certificate number {{number}}'), { number }),
  };
  return checkSize(data);
}

function checkSize(data: object) {
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > DOCUMENT_LIMITS.totalBytes)
    throw new TypesetError('too_large', `The document is larger than ${DOCUMENT_LIMITS.totalBytes} bytes.`);
  return json;
}
