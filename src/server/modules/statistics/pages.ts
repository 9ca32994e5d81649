import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { contextOf } from '../../platform/http/context.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { countryName } from '../geography/countries.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { barChart, dataTable, lineChart, type Series } from './charts.ts';
import { areasWithFigures, type ViewFigure } from './repository-views.ts';
import { listDatasets } from './service.ts';
import { areaProfile, corridorView, labelOf, statisticsIndex } from './views.ts';

const HTML = 'text/html; charset=utf-8';
const STYLE = `<style>.table-wrap{overflow-x:auto;margin:8px 0 16px}table{border-collapse:collapse;background:#fff;min-width:50%}caption{text-align:start;font-weight:600;padding:4px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:start}td.num{text-align:end;font-variant-numeric:tabular-nums}.figure{display:grid;gap:8px}.figure>div{min-width:0}@media(min-width:900px){.figure{grid-template-columns:1fr 1fr;align-items:start}}.demo{background:#fff4d6;border:1px solid #b58100;padding:8px 12px;border-radius:6px}.sources li{margin-bottom:6px}</style>`;

type T = (s: string) => string;
const SEXES = ['T', 'F', 'M'] as const;
const sexLabel = (t: T, sex: string) => (sex === 'F' ? t('Female') : sex === 'M' ? t('Male') : t('Total'));

// These pages have no session (sessions are read for /api only): they show published data sets,
// the same to everyone. Staff see drafts and the case counts of the corridors in the app.

/**
 * One series (an indicator, a classification, a data set): a chart over time by sex when there is
 * more than one period, and its table, with the source named under both.
 */
function indicatorSection(t: T, locale: string, heading: string, figures: ViewFigure[] | AggregateFigure[]) {
  const periods = [...new Set(figures.map((f) => f.period))].sort();
  const sexes = SEXES.filter((s) => figures.some((f) => f.sex === s));
  const value = (period: string, sex: string) =>
    figures.find((f) => f.period === period && f.sex === sex)?.value;
  const series: Series[] = sexes.map((s) => ({
    name: sexLabel(t, s),
    points: periods.flatMap((p) => (value(p, s) === undefined ? [] : [{ x: p, y: value(p, s)! }])),
  }));
  const unit = figures[0]?.unit ? ` (${figures[0].unit})` : '';
  const chart = periods.length > 1 ? lineChart(`${heading}${unit}`, series, locale) : '';
  // The caption names the source too: two data sets may give the same indicator for one country.
  const table = dataTable(
    `${heading}${unit} · ${figures[0]?.dataset ?? ''}`,
    [t('Period'), ...sexes.map((s) => sexLabel(t, s))],
    periods.map((p) => [p, ...sexes.map((s) => value(p, s) ?? '–')]),
    locale,
  );
  const source = `<p class="meta">${esc(t('Source'))}: ${esc(figures[0]?.dataset ?? '')}</p>`;
  return `<section><h3>${esc(heading)}</h3><div class="figure">${chart ? `<div>${chart}</div>` : ''}<div>${table}</div></div>${source}</section>`;
}

type AggregateFigure = Awaited<ReturnType<typeof areaProfile>>['totals'][number];

/** Figures grouped into series: one per indicator, classification and data set (sources never mix in a line). */
function byIndicator<F extends { indicator: string; classification: string; dataset: string }>(
  figures: F[],
): F[][] {
  const groups = new Map<string, F[]>();
  for (const f of figures) {
    const key = [f.indicator, f.classification, f.dataset].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

function sections(t: T, locale: string, figures: ViewFigure[]) {
  return byIndicator(figures)
    .map((group) => {
      const first = group[0]!;
      const label = labelOf(first.labels, locale, first.indicator);
      return indicatorSection(
        t,
        locale,
        first.classification ? `${label}: ${first.classification}` : label,
        group,
      );
    })
    .join('');
}

function counterpartChart(
  t: T,
  locale: string,
  heading: string,
  rows: { country: string; value: number; period: string; dataset: string }[],
) {
  if (rows.length === 0) return '';
  const items = rows.map((r) => ({ label: countryName(r.country, locale), value: r.value }));
  const title = `${heading}, ${rows[0]!.period}`;
  return `<section><h3>${esc(title)}</h3><div class="figure"><div>${barChart(title, items, locale)}</div><div>${dataTable(
    title,
    [t('Country'), t('Migrants'), t('Source')],
    rows.map((r) => [countryName(r.country, locale), r.value, r.dataset]),
    locale,
  )}</div></div></section>`;
}

function sourcesSection(t: T, figures: { dataset: string; source?: string; demonstration?: boolean }[]) {
  const used = new Map<string, { source?: string; demonstration?: boolean }>();
  for (const f of figures) used.set(f.dataset, f);
  if (used.size === 0) return '';
  const demo = [...used.values()].some((d) => d.demonstration)
    ? `<p class="demo">${esc(t('Some figures on this page are demonstration data, not statistics.'))}</p>`
    : '';
  return `<section><h2>${esc(t('Sources'))}</h2>${demo}<ul class="sources">${[...used.entries()]
    .map(
      ([code, d]) =>
        `<li><a href="/statistics#${esc(code)}">${esc(code)}</a>${d.source ? `: ${esc(d.source)}` : ''}${d.demonstration ? ` (${esc(t('demonstration data'))})` : ''}</li>`,
    )
    .join('')}</ul></section>`;
}

function exportsLine(t: T, query: string) {
  return `<p>${esc(t('Download these figures'))}: <a href="/api/v1/statistics/observations.csv?${esc(query)}">CSV</a> · <a href="/api/v1/statistics/observations.xlsx?${esc(query)}">XLSX</a></p>`;
}

export const statisticsPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/statistics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const ctx = contextOf(request);
    const t: T = (s) => translate(ctx.locale, s);
    const [datasets, areas] = [await listDatasets(ctx), await statisticsIndex(ctx)];
    const countries = areas
      .filter((a) => /^[A-Z]{2}$/.test(a.area))
      .map((a) => ({ ...a, name: countryName(a.area, ctx.locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, ctx.locale));
    const list = datasets
      .map(
        (
          d,
        ) => `<li class="hit" id="${esc(d.code)}"><h2>${esc(labelOf(d.titles, ctx.locale, d.code))}${d.published ? '' : ` <span class="count">(${esc(t('not published'))})</span>`}</h2>
${d.demonstration ? `<p class="demo">${esc(t('Demonstration data, not statistics.'))}</p>` : ''}
<dl class="facts"><dt>${esc(t('Source'))}</dt><dd>${esc(d.source)}</dd>${d.citation ? `<dt>${esc(t('Citation'))}</dt><dd>${esc(d.citation)}</dd>` : ''}${d.licence ? `<dt>${esc(t('Licence'))}</dt><dd>${esc(d.licence)}</dd>` : ''}${d.retrievedOn ? `<dt>${esc(t('Retrieved'))}</dt><dd>${esc(d.retrievedOn)}</dd>` : ''}${d.url ? `<dt>${esc(t('Link'))}</dt><dd><a href="${esc(d.url)}" rel="noopener">${esc(d.url)}</a></dd>` : ''}<dt>${esc(t('Figures'))}</dt><dd>${esc(d.observations ?? 0)}</dd></dl></li>`,
      )
      .join('');
    const body = `<h1>${esc(t('Migration statistics'))}</h1>
<h2>${esc(t('Country profiles'))}</h2>
${countries.length ? `<ul class="chips">${countries.map((c) => `<li><a href="/statistics/${esc(c.area)}">${esc(c.name)}</a></li>`).join('')}</ul>` : `<p>${esc(t('No figures are published yet.'))}</p>`}
<h2>${esc(t('Data sets'))}</h2><ul style="list-style:none;padding:0">${list}</ul>`;
    const ld = datasets.map((d) => ({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: labelOf(d.titles, ctx.locale, d.code),
      creditText: d.citation || d.source,
      license: d.licence || undefined,
      url: `${ctx.config.publicUrl}/statistics#${d.code}`,
      isBasedOn: d.url || undefined,
    }));
    return reply
      .type(HTML)
      .header('cache-control', 'no-cache')
      .send(
        page({
          locale: ctx.locale,
          title: t('Migration statistics'),
          body,
          head: `${STYLE}${jsonLd(ld)}`,
          canonical: `${ctx.config.publicUrl}/statistics`,
        }),
      );
  });

  app.get(
    '/statistics/corridors/:corridor',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.strictObject({ corridor: z.string().max(20) }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t: T = (s) => translate(ctx.locale, s);
      const view = await corridorView(ctx, request.params.corridor);
      const title = `${t('Migration statistics')}: ${view.origin} → ${view.destination}`;
      const body = `<h1>${esc(title)}</h1>
${view.figures.length ? sections(t, ctx.locale, view.figures) : `<p>${esc(t('No figures for this corridor yet.'))}</p>`}
${exportsLine(t, `area=${view.corridor.destination}&counterpart=${view.corridor.origin}`)}
${sourcesSection(t, view.figures)}`;
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title,
            body,
            head: STYLE,
            canonical: `${ctx.config.publicUrl}/statistics/corridors/${view.code}`,
          }),
        );
    },
  );

  app.get(
    '/statistics/:area',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.strictObject({ area: z.string().max(64) }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t: T = (s) => translate(ctx.locale, s);
      const profile = await areaProfile(ctx, request.params.area);
      const { area } = profile;
      const stock = profile.own.filter((f) => f.flow === 'stock' && !f.network);
      const flows = profile.own.filter((f) => (f.flow === 'inflow' || f.flow === 'outflow') && !f.network);
      const network = profile.own.filter((f) => f.network);
      const other = profile.own.filter((f) => f.flow === 'other' && !f.network);
      const title = `${t('Migration statistics')}: ${area.name}`;
      const aggregates = byIndicator(profile.totals)
        .map((group) =>
          indicatorSection(
            t,
            ctx.locale,
            `${labelOf(group[0]!.labels, ctx.locale, group[0]!.indicator)} (${t('sum of member countries')})`,
            group,
          ),
        )
        .join('');
      const empty =
        !profile.own.length &&
        !profile.totals.length &&
        !profile.origins.length &&
        !profile.destinations.length;
      const body = `<h1>${esc(title)}</h1>
${empty ? `<p>${esc(t('No figures for this area yet.'))}</p>` : ''}
${stock.length ? `<h2>${esc(t('Migrant stock by sex'))}</h2>${sections(t, ctx.locale, stock)}` : ''}
${counterpartChart(t, ctx.locale, t('Top countries of origin'), profile.origins)}
${counterpartChart(t, ctx.locale, t('Top countries of destination'), profile.destinations)}
${flows.length ? `<h2>${esc(t('Inflows and outflows'))}</h2>${sections(t, ctx.locale, flows)}` : ''}
${network.length ? `<h2>${esc(t('The network’s own figures'))}</h2>${sections(t, ctx.locale, network)}` : ''}
${other.length ? `<h2>${esc(t('Other figures'))}</h2>${sections(t, ctx.locale, other)}` : ''}
${aggregates ? `<h2>${esc(t('Member countries together'))}</h2><p class="meta">${esc(t('Sums of the figures member countries report; a period where fewer members report is not comparable.'))}</p>${aggregates}` : ''}
${empty ? '' : exportsLine(t, `area=${area.code}`)}
${sourcesSection(t, profile.own)}`;
      const ld = {
        '@context': 'https://schema.org',
        '@type': 'Dataset',
        name: title,
        spatialCoverage: { '@type': 'Place', name: area.name },
        url: `${ctx.config.publicUrl}/statistics/${area.code}`,
      };
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title,
            body,
            head: `${STYLE}${jsonLd(ld)}`,
            canonical: `${ctx.config.publicUrl}/statistics/${area.code}`,
          }),
        );
    },
  );
};

/** The public statistics pages, for the site map: the front page and every area with published figures. */
export async function sitemapUrls(db: Tx): Promise<string[]> {
  const areas = await areasWithFigures(db, true);
  return ['/statistics', ...areas.map((a) => `/statistics/${a.area}`)];
}
