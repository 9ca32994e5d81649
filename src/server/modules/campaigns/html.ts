import { translate } from '../../platform/i18n/translate.ts';
import { worldMapSvg } from '../directory/map.ts';
import { esc } from '../search/html-layout.ts';
import type { presentCampaign, TrackerFilter, trackerOf } from './present.ts';

type Campaign = Awaited<ReturnType<typeof presentCampaign>>;
type Tracker = Awaited<ReturnType<typeof trackerOf>>;
type Signatory = { organisationId: string; organisationName: string; published: boolean; endorsedOn: string };

// Tables, the legend's swatches and the tags; logical properties keep right-to-left pages right.
export const TRACKER_CSS = `<style>
table.tracker{border-collapse:collapse;width:100%;background:#fff}table.tracker caption{text-align:start;font-weight:600;padding:4px 0}
table.tracker th,table.tracker td{border:1px solid #ccc;padding:6px 8px;text-align:start;vertical-align:top}
.table-wrap{overflow-x:auto}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px 16px}
.swatch{display:inline-block;width:1em;height:1em;border:1px solid #333;vertical-align:middle;margin-inline-end:6px}
.tag{display:inline-block;border-radius:10px;padding:0 8px;font-size:.85rem;margin-inline-start:6px;background:#fff3cd;color:#5c4400;border:1px solid #c9a227}
.notice{background:#fff3cd;border:1px solid #c9a227;border-radius:8px;padding:8px 12px}
.timeline{padding-inline-start:1.2em}.timeline li{margin-bottom:10px;overflow-wrap:anywhere}
figure.map{margin:0}figure.map svg{max-width:100%;height:auto;display:block}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:8px 0}form.filters label{display:block;font-weight:600}
form.filters select{padding:8px;font-size:1rem;max-width:100%}
</style>`;

/** The public tracker of one campaign: facts, the map with its legend, the table, the timeline, the signatories. */
export function renderTracker(
  locale: string,
  c: Campaign,
  tracker: Tracker,
  allCountries: { code: string; name: string }[],
  filter: TrackerFilter,
  signatories: Signatory[],
): string {
  const t = (s: string, v?: Record<string, string | number>) => translate(locale, s, v);
  const query = new URLSearchParams(
    Object.entries(filter).filter(([, v]) => v) as [string, string][],
  ).toString();
  const suffix = query ? `?${query}` : '';
  const demoTag = `<span class="tag">${esc(t('Demonstration'))}</span>`;
  const period = `${c.periodStart} – ${c.periodEnd ?? t('ongoing')}`;
  const facts = [
    [t('Type'), esc(c.typeLabel)],
    [t('Run by'), esc(c.organisationName)],
    [t('Programme'), c.programmeName ? esc(c.programmeName) : ''],
    [t('Period'), esc(period)],
    [
      t('Statement'),
      c.statementId && c.statementIsPublic
        ? `<a href="/publications/${esc(c.statementId)}">${esc(c.statementTitle)}</a>`
        : esc(c.statementTitle ?? ''),
    ],
    [t('Signatories'), esc(String(signatories.length))],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join('');
  const fills = new Map(
    tracker.countries.map((r) => [
      r.country,
      {
        fill: r.colour,
        title: `${r.countryName}: ${r.stageLabel}${r.demonstration ? ` (${t('Demonstration')})` : ''}`,
        data: { stage: r.stage },
      },
    ]),
  );
  const mapTitle = t('Map of the countries by stage');
  const legend = tracker.stages
    .map(
      (s) =>
        `<li data-stage="${esc(s.code)}"><span class="swatch" style="background:${esc(s.colour)}"></span>${esc(s.localLabel)} <span class="count">(${s.count})</span></li>`,
    )
    .join('');
  const stageOptions = tracker.stages
    .map(
      (s) =>
        `<option value="${esc(s.code)}"${s.code === filter.stage ? ' selected' : ''}>${esc(s.localLabel)}</option>`,
    )
    .join('');
  const countryOptions = allCountries
    .map(
      (x) =>
        `<option value="${esc(x.code)}"${x.code === filter.country ? ' selected' : ''}>${esc(x.name)}</option>`,
    )
    .join('');
  const source = (url: string | null) =>
    url ? `<a href="${esc(url)}" rel="nofollow noopener">${esc(t('Source'))}</a>` : '';
  const rows = tracker.countries
    .map(
      (r) => `<tr data-country="${esc(r.country)}"><th scope="row">${esc(r.countryName)}</th>
<td><span class="swatch" style="background:${esc(r.colour)}"></span>${esc(r.stageLabel)}${r.demonstration ? demoTag : ''}</td>
<td>${r.since ? `<time datetime="${esc(r.since)}">${esc(r.since)}</time>` : '—'}</td><td>${source(r.sourceUrl)}</td><td>${esc(r.note)}</td></tr>`,
    )
    .join('');
  const timeline = tracker.timeline
    .map(
      (
        e,
      ) => `<li><time datetime="${esc(e.date)}">${esc(e.date)}</time> · <strong>${esc(e.countryName)}</strong>: ${esc(e.fromStageLabel ?? '')} → ${esc(e.stageLabel)}${e.demonstration ? demoTag : ''}${e.correction ? `<span class="tag">${esc(t('Correction'))}</span>` : ''}
${e.note ? `<br>${esc(e.note)}` : ''}${e.sourceUrl ? `<br>${source(e.sourceUrl)}: <span class="meta">${esc(e.sourceUrl)}</span>` : ''}</li>`,
    )
    .join('');
  const signed = signatories
    .map(
      (s) =>
        `<li>${s.published ? `<a href="/directory/public/${esc(s.organisationId)}">${esc(s.organisationName)}</a>` : esc(s.organisationName)} <span class="meta">(${esc(s.endorsedOn)})</span></li>`,
    )
    .join('');
  return `<p><a href="/campaigns">${esc(t('Campaigns'))}</a></p>
<h1>${esc(c.localName)}</h1>
${c.localGoal ? `<p>${esc(c.localGoal)}</p>` : ''}
${
  tracker.hasDemonstration
    ? `<p class="notice" role="note"><strong>${esc(t('Demonstration data.'))}</strong> ${esc(t('Entries marked “Demonstration” are examples, not facts. Only entries without the mark are facts, and each cites its source.'))}</p>`
    : ''
}
<dl class="facts">${facts}</dl>
<form class="filters" method="get" action="/campaigns/${esc(c.slug)}">
<div><label for="stage">${esc(t('Stage'))}</label><select id="stage" name="stage"><option value="">${esc(t('All stages'))}</option>${stageOptions}</select></div>
<div><label for="country">${esc(t('Country'))}</label><select id="country" name="country"><option value="">${esc(t('All countries'))}</option>${countryOptions}</select></div>
<button type="submit">${esc(t('Filter'))}</button></form>
<p>${esc(t('Download'))}: <a href="/campaigns/${esc(c.slug)}/tracker.csv${esc(suffix)}">CSV</a> · <a href="/campaigns/${esc(c.slug)}/tracker.json${esc(suffix)}">JSON</a></p>
<h2>${esc(t('Map'))}</h2>
<figure class="map">${worldMapSvg(fills, locale, mapTitle, { zoom: true })}<figcaption><h3 id="legend">${esc(t('Legend'))}</h3><ul class="legend" aria-labelledby="legend">${legend}</ul></figcaption></figure>
<h2 id="countries">${esc(t('Countries'))}</h2>
<div class="table-wrap"><table class="tracker" aria-labelledby="countries"><thead><tr><th scope="col">${esc(t('Country'))}</th><th scope="col">${esc(t('Stage'))}</th><th scope="col">${esc(t('Since'))}</th><th scope="col">${esc(t('Source'))}</th><th scope="col">${esc(t('Note'))}</th></tr></thead>
<tbody>${rows || `<tr><td colspan="5">${esc(t('No countries match.'))}</td></tr>`}</tbody></table></div>
<h2>${esc(t('Timeline'))}</h2>
${timeline ? `<ol class="timeline" reversed>${timeline}</ol>` : `<p>${esc(t('No stage changes recorded yet.'))}</p>`}
<h2>${esc(t('Signatories'))} (${signatories.length})</h2>
${signed ? `<ul>${signed}</ul>` : `<p>${esc(t('No organisation has signed yet.'))}</p>`}`;
}

/** The list of published campaigns. */
export function renderCampaignList(
  locale: string,
  rows: {
    slug: string;
    name: string;
    names: Record<string, string>;
    typeLabel: string;
    organisationName: string;
    countryCount: number;
    endorsementCount: number;
  }[],
): string {
  const t = (s: string, v?: Record<string, string | number>) => translate(locale, s, v);
  const items = rows
    .map(
      (
        r,
      ) => `<li class="hit"><h2><a href="/campaigns/${esc(r.slug)}">${esc(r.names[locale] || r.name)}</a></h2>
<p class="meta">${esc([r.typeLabel, r.organisationName, t('{{n}} countries', { n: r.countryCount }), t('{{n}} signatories', { n: r.endorsementCount })].join(' · '))}</p></li>`,
    )
    .join('');
  return `<h1>${esc(t('Campaigns'))}</h1>
<p>${esc(t('Where each campaign stands, country by country.'))}</p>
<ul style="list-style:none;padding:0">${items || `<li>${esc(t('No campaigns yet.'))}</li>`}</ul>`;
}
