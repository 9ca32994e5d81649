import { translate } from '../../platform/i18n/translate.ts';
import { esc } from './html-layout.ts';
import { queryString, type SearchQuery } from './params.ts';
import type { FacetName } from './repository.ts';
import type { search } from './service.ts';

// On a phone the filters fold into one "Filters" line so the first result shows without
// scrolling; from 800 px they stand open beside the results (::details-content shows a closed
// <details>' content; a browser without it keeps the fold, which still works).
const FILTERS_STYLE = `<style>
details.filters>summary{cursor:pointer;padding:10px 12px;border:1px solid #666;border-radius:6px;background:#fff;font-weight:600}
@media(min-width:800px){details.filters>summary{display:none}details.filters::details-content{content-visibility:visible;display:contents}}
</style>`;

type Result = Awaited<ReturnType<typeof search>>;

const msg = (s: string) => s;
/** Facets in the order the page shows them, with their headings. */
const FACET_HEADINGS: [FacetName, string][] = [
  ['kind', msg('Kind')],
  ['type', msg('Type')],
  ['region', msg('ILO region')],
  ['grouping', msg('Grouping')],
  ['country', msg('Country')],
  ['theme', msg('Thematic area')],
  ['principle', msg('MLFLM principle')],
  ['orgType', msg('Organisation type')],
  ['language', msg('Language')],
  ['year', msg('Year')],
];

/** The search parameters as they go back into URLs (without paging). */
function stateOf(query: SearchQuery): Record<string, string | string[] | undefined> {
  const { limit: _l, cursor: _c, format: _f, ...rest } = query;
  return rest as Record<string, string | string[] | undefined>;
}

function toggled(state: Record<string, string | string[] | undefined>, facet: string, value: string) {
  const current = (state[facet] as string[] | undefined) ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [facet]: next };
}

/** The public search page: a GET form, facet links that encode the filters, ranked hits with marked snippets. */
export function renderSearch(locale: string, query: SearchQuery, result: Result): string {
  const t = (s: string, v: Record<string, string | number> = {}) => translate(locale, s, v);
  const state = stateOf(query);
  const facets = FACET_HEADINGS.filter(([name]) => result.facets[name]?.length)
    .map(([name, heading]) => {
      const items = (result.facets[name] ?? []).slice(0, name === 'country' ? 40 : 15);
      return `<h2 id="f-${name}">${esc(t(heading))}</h2><ul aria-labelledby="f-${name}">${items
        .map(
          (f) =>
            `<li><a href="/search${esc(queryString(toggled(state, name, f.value)))}"${f.selected ? ' aria-current="true"' : ''}>${f.selected ? '✓ ' : ''}${esc(f.label)}</a> <span class="count">(${f.count})</span></li>`,
        )
        .join('')}</ul>`;
    })
    .join('');
  const hits = result.data
    .map(
      (
        h,
      ) => `<article class="hit"><h2><a href="/${h.kind === 'practice' ? 'practices' : 'publications'}/${esc(h.id)}">${h.titleHtml}</a></h2>
<p class="meta">${esc(h.type.label)}${h.year ? ` · ${h.year}` : ''}${h.themes.length ? ` · ${esc(h.themes.map((x) => x.label).join(', '))}` : ''}</p>
<p>${h.snippetHtml}</p></article>`,
    )
    .join('');
  const qs = queryString(state);
  const exportLinks = `<p class="meta">${esc(t('Share or export this search:'))} <a href="/search${esc(qs)}">${esc(t('Link'))}</a> · <a href="/api/v1/search/export${esc(queryString({ ...state, format: 'csv' }))}">CSV</a> · <a href="/api/v1/search/export${esc(queryString({ ...state, format: 'json' }))}">JSON</a></p>`;
  const next = result.nextCursor
    ? `<p><a class="button" rel="next" href="/search${esc(queryString({ ...state, cursor: result.nextCursor }))}">${esc(t('More results'))}</a></p>`
    : '';
  return `<h1>${esc(t('Good practices and publications'))}</h1>
<form class="search" role="search" method="get" action="/search">
<label for="q" class="skip">${esc(t('Search'))}</label>
<input type="search" id="q" name="q" value="${esc(query.q ?? '')}" placeholder="${esc(t('e.g. "domestic workers" -Qatar'))}">
${Object.entries(state)
  .filter(([k]) => k !== 'q')
  .flatMap(([k, v]) =>
    (Array.isArray(v) ? v : v ? [v] : []).map(
      (x) => `<input type="hidden" name="${esc(k)}" value="${esc(x)}">`,
    ),
  )
  .join('')}
<button type="submit">${esc(t('Search'))}</button>
</form>
${FILTERS_STYLE}
<div class="layout">
<details class="filters"><summary>${esc(t('Filters'))}</summary>
<nav class="facets" aria-label="${esc(t('Filters'))}">${facets || `<p>${esc(t('No filters'))}</p>`}</nav>
</details>
<section aria-labelledby="results-heading">
<h2 id="results-heading">${esc(t('{{count}} results', { count: result.total }))}</h2>
${exportLinks}
${hits || `<p>${esc(t('Nothing matches this search.'))}</p>`}
${next}
</section>
</div>`;
}
