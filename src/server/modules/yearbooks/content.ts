// What an edition says, built once from its chapters and the statistics: the same blocks feed the
// public web pages (html.ts) and the PDF (typesetEdition), so the two never disagree.
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { translate } from '../../platform/i18n/translate.ts';
import type {
  TypesetBlock as Block,
  TypesetChapter as DocChapter,
  TypesetEdition as DocEdition,
} from '../../platform/typeset/document.ts';
import { countryName } from '../geography/countries.ts';
import { barChart, formatNumber, lineChart, type Series } from '../statistics/charts.ts';
import type { ChapterRow, EditionRow } from './repository.ts';
import type { FigureRow } from './repository-figures.ts';
import * as figures from './repository-figures.ts';
import type { FigureSpec } from './schema.ts';

const SEXES = ['T', 'F', 'M'] as const;
type T = (s: string) => string;
const sexLabel = (t: T, sex: string) => (sex === 'F' ? t('Female') : sex === 'M' ? t('Male') : t('Total'));
const labelOf = (labels: Record<string, string>, locale: string, fallback: string) =>
  labels[locale] || labels.en || fallback;

/** "Source: …" naming every data set used, and saying so when any is demonstration data. */
function sourceOf(t: T, rows: { dataset: string; source: string; demonstration: boolean }[]) {
  const used = new Map(rows.map((r) => [r.dataset, r]));
  return [...used.values()]
    .map((d) => `${d.source}${d.demonstration ? ` (${t('demonstration data')})` : ''}`)
    .join('; ');
}

/** Text as the coordinator wrote it: blank lines part paragraphs, a line "## …" is a heading. */
export function textBlocks(body: string): Block[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) =>
      p.startsWith('## ') ? { kind: 'heading', text: p.slice(3).trim() } : { kind: 'paragraph', text: p },
    );
}

/** A series over periods by sex: a line chart (when there is more than one period) and its table. */
function seriesBlocks(t: T, locale: string, caption: string, rows: FigureRow[], chart = true): Block[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const sexes = SEXES.filter((s) => rows.some((r) => r.sex === s));
  const value = (p: string, s: string) => rows.find((r) => r.period === p && r.sex === s)?.value;
  const source = sourceOf(t, rows);
  const blocks: Block[] = [];
  if (chart && periods.length > 1) {
    const series: Series[] = sexes.map((s) => ({
      name: sexLabel(t, s),
      points: periods.flatMap((p) => (value(p, s) === undefined ? [] : [{ x: p, y: value(p, s)! }])),
    }));
    blocks.push({
      kind: 'figure',
      caption,
      svg: lineChart(caption, series, locale),
      alt: `${caption}: ${periods[0]}–${periods.at(-1)}`,
      source,
    });
  }
  blocks.push({
    kind: 'table',
    caption,
    columns: [t('Period'), ...sexes.map((s) => sexLabel(t, s))],
    rows: periods.map((p) => [
      p,
      ...sexes.map((s) => {
        const v = value(p, s);
        return v === undefined ? '–' : formatNumber(locale, v);
      }),
    ]),
    source,
  });
  return blocks;
}

/** Counterparts as bars (largest first) and a table. */
function counterpartBlocks(
  t: T,
  locale: string,
  caption: string,
  rows: { country: string; value: number; dataset: string; source: string; demonstration: boolean }[],
  chart = true,
): Block[] {
  if (rows.length === 0) return [];
  const items = rows.map((r) => ({ label: countryName(r.country, locale), value: r.value }));
  const source = sourceOf(t, rows);
  return [
    ...(chart
      ? [{ kind: 'figure' as const, caption, svg: barChart(caption, items, locale), alt: caption, source }]
      : []),
    {
      kind: 'table',
      caption,
      columns: [t('Country'), t('Migrants')],
      rows: items.map((i) => [i.label, formatNumber(locale, i.value)]),
      source,
    },
  ];
}

/** The blocks of one chosen figure; none when its filters match no published observation. */
export async function figureBlocks(tx: Tx, spec: FigureSpec, locale: string): Promise<Block[]> {
  const t: T = (s) => translate(locale, s);
  const rows = await figures.figureRows(tx, spec);
  if (rows.length === 0) return [];
  const first = rows[0]!;
  const area = /^[A-Z]{2}$/.test(spec.area) ? countryName(spec.area, locale) : spec.area;
  const unit = first.unit ? ` (${first.unit})` : '';
  const caption =
    spec.caption ||
    `${labelOf(first.labels, locale, first.indicator)}${unit}: ${area}${
      spec.counterpart && spec.counterpart !== '*' ? ` ← ${countryName(spec.counterpart, locale)}` : ''
    }`;
  if (spec.counterpart === '*') {
    // One bar per counterpart in the latest period (totals only).
    const latest = rows
      .map((r) => r.period)
      .sort()
      .at(-1)!;
    const top = rows
      .filter((r) => r.period === latest && r.sex === 'T')
      .sort((a, b) => b.value - a.value)
      .slice(0, 15)
      .map((r) => ({ ...r, country: r.counterpart }));
    return counterpartBlocks(t, locale, `${caption}, ${latest}`, top, spec.display !== 'table');
  }
  if (spec.display === 'bar') {
    const latest = rows
      .map((r) => r.period)
      .sort()
      .at(-1)!;
    const items = rows
      .filter((r) => r.period === latest)
      .map((r) => ({ label: sexLabel(t, r.sex), value: r.value }));
    return [
      {
        kind: 'figure',
        caption: `${caption}, ${latest}`,
        svg: barChart(caption, items, locale),
        alt: caption,
        source: sourceOf(t, rows),
      },
      ...seriesBlocks(t, locale, caption, rows, false),
    ];
  }
  return seriesBlocks(t, locale, caption, rows, spec.display === 'line');
}

/** A country report's statistical section: stock by sex over time, top origins and destinations, flows. */
export async function countryBlocks(tx: Tx, country: string, locale: string): Promise<Block[]> {
  const t: T = (s) => translate(locale, s);
  const own = await figures.countryFlows(tx, country);
  const blocks: Block[] = [];
  const groups = new Map<string, typeof own>();
  for (const r of own) {
    const key = [r.flow, r.indicator, r.dataset].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const stock = [...groups.values()].filter((g) => g[0]!.flow === 'stock');
  const flows = [...groups.values()].filter((g) => g[0]!.flow !== 'stock');
  if (stock.length) blocks.push({ kind: 'heading', text: t('Migrant stock by sex') });
  for (const g of stock)
    blocks.push(...seriesBlocks(t, locale, labelOf(g[0]!.labels, locale, g[0]!.indicator), g));
  const origins = await figures.topCounterparts(tx, country, 'origins');
  const destinations = await figures.topCounterparts(tx, country, 'destinations');
  if (origins.length) {
    const heading = `${t('Top countries of origin')}, ${origins[0]!.period}`;
    blocks.push({ kind: 'heading', text: heading }, ...counterpartBlocks(t, locale, heading, origins));
  }
  if (destinations.length) {
    const heading = `${t('Top countries of destination')}, ${destinations[0]!.period}`;
    blocks.push({ kind: 'heading', text: heading }, ...counterpartBlocks(t, locale, heading, destinations));
  }
  if (flows.length) blocks.push({ kind: 'heading', text: t('Inflows and outflows') });
  for (const g of flows)
    blocks.push(...seriesBlocks(t, locale, labelOf(g[0]!.labels, locale, g[0]!.indicator), g));
  return blocks;
}

/** One chapter's blocks: the text first, then its statistics (country) or its chosen figures. */
export async function chapterBlocks(tx: Tx, chapter: ChapterRow, locale: string): Promise<Block[]> {
  const blocks = textBlocks(chapter.body);
  if (chapter.kind === 'country' && chapter.countryCode)
    blocks.push(...(await countryBlocks(tx, chapter.countryCode, locale)));
  for (const spec of chapter.figures) blocks.push(...(await figureBlocks(tx, spec, locale)));
  return blocks;
}

/** The whole edition as the typesetter takes it. */
export async function editionDocument(
  tx: Tx,
  edition: EditionRow,
  chapters: ChapterRow[],
  names: { publisher: string; contributors: string[]; coordinators: Map<string, string> },
): Promise<DocEdition> {
  const out: DocChapter[] = [];
  for (const c of chapters) {
    const coordinator = c.coordinatorUserId ? names.coordinators.get(c.coordinatorUserId) : undefined;
    out.push({
      title: c.title,
      ...(c.kind === 'country' && c.countryCode
        ? { subtitle: countryName(c.countryCode, edition.language) }
        : {}),
      ...(coordinator ? { authors: [coordinator] } : {}),
      blocks: await chapterBlocks(tx, c, edition.language),
    });
  }
  return {
    language: edition.language,
    template: edition.kind,
    title: edition.title,
    ...(edition.subtitle ? { subtitle: edition.subtitle } : {}),
    year: edition.year,
    publisher: names.publisher,
    contributors: names.contributors,
    chapters: out,
  };
}

/** A fingerprint of the document: a PDF made from another fingerprint is out of date. */
export const documentHash = (doc: DocEdition) =>
  createHash('sha256')
    // Chart element ids are random per drawing; they say nothing about the content.
    .update(JSON.stringify(doc).replace(/(id|aria-labelledby)=\\"c[a-z0-9]+\\"/g, ''))
    .digest('hex');
