import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../files/extract.ts';
import type { TypesetEdition } from './document.ts';
import { SCRIPT_SAMPLES, sampleEdition } from './fixtures.ts';
import { closeTypesetting, typesetCertificate, typesetEdition } from './typeset.ts';

// Issue 13 (PDF editions) and issue 12 (certificates): what a reader of the PDF finds in it, read
// back with the library's own PDF extractor, and what the engine refuses.

async function pages(pdf: Uint8Array) {
  const { text } = await extractText('pdf', Buffer.from(pdf));
  return text.split('\n\f\n');
}

/** The names of the fonts a PDF embeds (FontFile2 beside a subset-tagged FontName). */
function embeddedFonts(pdf: Uint8Array) {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...raw.matchAll(/\/FontName\s*\/([A-Z]{6})\+([\w-]+)/g)].map((m) => ({
    subset: m[1] ?? '',
    name: m[2] ?? '',
  }));
}

/**
 * The text of the PDF's ActualText spans: where one glyph stands for several letters (a conjunct, a
 * reordered vowel sign), the engine writes the cluster's letters there, which readers such as
 * poppler and Acrobat use and pdf.js does not.
 */
function actualTexts(pdf: Uint8Array) {
  const raw = Buffer.from(pdf);
  const latin1 = raw.toString('latin1');
  const found: string[] = [];
  for (const m of latin1.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(raw.subarray(start, latin1.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    for (const a of content.matchAll(/\/ActualText <FEFF([0-9A-F]*)>/g))
      found.push(Buffer.from(a[1]!, 'hex').swap16().toString('utf16le'));
  }
  return found.join(' ');
}

/** The letters of `sample` (as many times as it has them) that `text` lacks. */
function missingLetters(text: string, sample: string) {
  const have = new Map<string, number>();
  for (const ch of text) have.set(ch, (have.get(ch) ?? 0) + 1);
  return [...sample.replace(/\s/g, '')].filter((ch) => {
    const n = have.get(ch) ?? 0;
    have.set(ch, n - 1);
    return n <= 0;
  });
}

const multiScript: TypesetEdition = {
  ...sampleEdition(2, 6),
  chapters: [
    ...sampleEdition(2, 6).chapters,
    {
      title: 'Scripts of the region',
      blocks: Object.values(SCRIPT_SAMPLES).map((text) => ({ kind: 'paragraph' as const, text })),
    },
  ],
};

let yearbook: string[];
let yearbookPdf: Uint8Array;
const progress: number[] = [];

beforeAll(async () => {
  yearbookPdf = await typesetEdition(multiScript, { onProgress: (f) => progress.push(f) });
  yearbook = await pages(yearbookPdf);
});
afterAll(() => closeTypesetting());

describe('a yearbook edition', () => {
  it('has a title page, the contributors and a table of contents with page numbers', () => {
    expect(yearbook[0]).toContain('Asian Migrant Yearbook');
    expect(yearbook[0]).toContain('Asian Migrant Centre');
    expect(yearbook[1]).toMatch(/Contributors[\s\S]*Ana Cruz[\s\S]*Rahul Sharma/);
    const contents = yearbook[2]!;
    expect(contents).toContain('Contents');
    for (const title of ['Country report 1', 'Country report 2', 'Scripts of the region']) {
      const entry = new RegExp(`${title}[ .]*\\D*?(\\d+)`).exec(contents);
      expect(entry, title).not.toBeNull();
      // The page the TOC names is the page the chapter starts on.
      const page = Number(entry![1]);
      expect(yearbook[page - 1]!.trimStart().startsWith(title), `${title} on page ${page}`).toBe(true);
    }
  });

  it('runs a header with the edition and the chapter on pages after a chapter starts, and numbers pages', () => {
    const later = yearbook.findIndex((p, i) => i > 3 && p.startsWith('Asian Migrant Yearbook · 2026'));
    expect(later).toBeGreaterThan(3);
    expect(yearbook[later]).toMatch(/^Asian Migrant Yearbook · 2026 Country report \d/);
    expect(yearbook[later]!.trimEnd()).toMatch(new RegExp(`${later + 1}$`));
  });

  it('captions tables and figures, with their sources, and draws the chart as vectors', () => {
    const all = yearbook.join('\n');
    expect(all).toContain('Table 1: Deployments by year, chapter 1');
    expect(all).toContain('Chart 1: Migrant stock by sex, chapter 1');
    expect(all).toContain('Source: UN DESA International Migrant Stock 2024');
    // The chart's own text is text in the PDF (vectors, not a picture of it).
    expect(all).toContain('Migrant stock');
    expect(Buffer.from(yearbookPdf).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('renders every script, in fonts from the packages, embedded as subsets', () => {
    const all = `${yearbook.join('\n')} ${actualTexts(yearbookPdf)}`;
    expect(all).toContain(SCRIPT_SAMPLES.latin);
    expect(all).toContain(SCRIPT_SAMPLES.cjk);
    // Shaped scripts come back from pdf.js as glyph clusters in visual order, with some clusters only
    // in ActualText: their letters, not the exact string, are looked for (docs/decisions/typesetting-engine.md).
    for (const script of ['arabic', 'devanagari', 'bengali', 'thai'] as const)
      expect(missingLetters(all, SCRIPT_SAMPLES[script]), script).toEqual([]);
    const fonts = embeddedFonts(yearbookPdf);
    const names = new Set(fonts.map((f) => f.name));
    for (const family of ['NotoSans-Regular', 'NotoSansArabic-Regular', 'NotoSansBengali-Regular']) {
      expect(names, family).toContain(family);
    }
    expect([...names].some((n) => n.startsWith('NotoSansThai'))).toBe(true);
    expect([...names].some((n) => n.startsWith('NotoSansTC'))).toBe(true);
    // Only the packaged families: no font the machine happens to have.
    for (const name of names) expect(name).toMatch(/^NotoSans/);
    expect(
      Buffer.from(yearbookPdf)
        .toString('latin1')
        .match(/\/FontFile2/g)?.length,
    ).toBe(fonts.length);
  });

  it('reports progress from 0 to 1, in order', () => {
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});

describe('a policy brief in Arabic', () => {
  it('runs right to left on the short template: no title page, no contents, chapters one after another', async () => {
    const pdf = await typesetEdition({
      language: 'ar',
      template: 'brief',
      title: 'موجز السياسات',
      publisher: 'مركز المهاجرين الآسيوي',
      year: 2026,
      contributors: [],
      chapters: [
        { title: 'الفصل الأول', blocks: [{ kind: 'paragraph', text: SCRIPT_SAMPLES.arabic }] },
        { title: 'Second chapter', blocks: [{ kind: 'paragraph', text: SCRIPT_SAMPLES.latin }] },
      ],
    });
    const text = await pages(pdf);
    expect(text).toHaveLength(1);
    expect(text[0]).not.toContain('المحتويات');
    expect(text[0]).toContain('Second chapter');
    expect(missingLetters(`${text[0]} ${actualTexts(pdf)}`, 'موجز السياسات الفصل الأول')).toEqual([]);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Lang \(ar\)/);
  });
});

describe('a certificate', () => {
  it('is A4 landscape, in the participant language, with the dates written for it', async () => {
    const pdf = await typesetCertificate({
      language: 'zh-Hant',
      participantName: '陳美玲',
      courseTitle: '移工權益培訓',
      cohortLabel: '2026 春季班',
      startDate: '2026-03-01',
      endDate: '2026-03-05',
      place: '台北',
      issuer: 'Migrant Forum in Asia',
      certificateNumber: 'MFA-2026-0042',
      issuedOn: '2026-03-06',
    });
    const [page, ...rest] = await pages(pdf);
    expect(rest).toHaveLength(0);
    for (const text of ['結業證書', '陳美玲', '移工權益培訓', '2026 春季班', '台北', 'MFA-2026-0042'])
      expect(page, text).toContain(text);
    // Digits and ideographs are set in different fonts, which the extractor parts with spaces.
    const compact = page!.replace(/\s/g, '');
    expect(compact).toContain('2026年3月1日至2026年3月5日');
    expect(compact).toContain('發證日期2026年3月6日');
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.2\d*\]/);
  });
});
