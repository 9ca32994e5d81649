import type { TypesetBlock, TypesetChapter, TypesetEdition } from './document.ts';

// Sample documents for the tests and the benchmark: every script an edition may hold, a vector chart,
// a table, and text that would be markup if it were ever read as Typst or HTML.

/** One sentence per script, each checked in the PDF's extracted text. */
export const SCRIPT_SAMPLES = {
  latin: 'Migrant workers deserve fair recruitment.',
  arabic: 'العمال المهاجرون',
  devanagari: 'प्रवासी श्रमिक',
  bengali: 'অভিবাসী শ্রমিক',
  thai: 'แรงงานข้ามชาติ',
  cjk: '移工權益',
} as const;

/** A bar chart as SVG, with text in it (drawn with the packaged fonts). */
export function barChart(values: number[], label = 'Migrant stock') {
  const bars = values
    .map((v, i) => `<rect x="${20 + i * 40}" y="${110 - v}" width="28" height="${v}" fill="#1f77b4"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${40 + values.length * 40} 130" width="${40 + values.length * 40}" height="130"><title>${label}</title>${bars}<text x="20" y="125" font-size="9" font-family="sans-serif">${label}</text></svg>`;
}

const WORDS =
  'Recruitment agencies in countries of origin charge fees that workers repay for months; the network records each case, the corridor it happened in and what the worker was owed.';

function chapterBlocks(n: number, paragraphs: number): TypesetBlock[] {
  return [
    ...Array.from({ length: paragraphs }, (_, i) => ({
      kind: 'paragraph' as const,
      text: `${WORDS} ${WORDS} (${n}.${i + 1})`,
    })),
    { kind: 'heading', text: `Deployments ${n}` },
    {
      kind: 'table',
      caption: `Deployments by year, chapter ${n}`,
      columns: ['Year', 'Women', 'Men', 'Total'],
      rows: Array.from({ length: 8 }, (_, i) => [String(2015 + i), '1,200', '900', '2,100']),
      source: 'Origin-country agency',
    },
    {
      kind: 'figure',
      caption: `Migrant stock by sex, chapter ${n}`,
      svg: barChart([40, 60, 80, 70, 90, 100]),
      alt: 'Bars rising from 40 to 100',
      source: 'UN DESA International Migrant Stock 2024',
    },
  ];
}

/** An edition of `chapters` chapters of about `paragraphs` paragraphs each (5 chapters × 9 ≈ 25 pages). */
export function sampleEdition(chapters: number, paragraphs = 9): TypesetEdition {
  const list: TypesetChapter[] = Array.from({ length: chapters }, (_, i) => ({
    title: `Country report ${i + 1}`,
    subtitle: 'Inflows, outflows and stocks',
    authors: ['Network coordinator'],
    blocks: chapterBlocks(i + 1, paragraphs),
  }));
  return {
    language: 'en',
    template: 'yearbook',
    title: 'Asian Migrant Yearbook',
    subtitle: 'Demonstration edition',
    year: 2026,
    publisher: 'Asian Migrant Centre',
    contributors: ['Ana Cruz', 'Rahul Sharma'],
    chapters: list,
  };
}
