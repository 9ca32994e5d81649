import { translate } from '../../platform/i18n/translate.ts';
import { allCountries, countryName } from '../geography/countries.ts';
import { esc } from '../search/html-layout.ts';
import type { RecommendationStatus } from './schema.ts';
import type { PresentedRecommendation, RecommendationListItem } from './service.ts';

// Pieces of the public recommendations tracker: the filter form, a list item, a recommendation's
// history with its evidence, and schema.org JSON-LD.

/** A status in the page's language. */
export function statusLabel(status: RecommendationStatus, locale: string): string {
  const t = (s: string) => translate(locale, s);
  const labels: Record<RecommendationStatus, string> = {
    proposed: t('Proposed'),
    accepted: t('Accepted'),
    in_progress: t('In progress'),
    implemented: t('Implemented'),
    rejected: t('Rejected'),
  };
  return labels[status];
}

export interface TrackerFilter {
  country?: string;
  status?: string;
  theme?: string;
  dialogue?: string;
}

export function filterForm(
  f: TrackerFilter,
  locale: string,
  themes: { code: string; label: string }[],
  dialogues: { id: string; title: string }[],
  statuses: readonly RecommendationStatus[],
) {
  const t = (s: string) => translate(locale, s);
  const option = (value: string, label: string, selected?: string) =>
    `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`;
  const countries = allCountries()
    .map((c) => ({ code: c.alpha2, name: countryName(c.alpha2, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map((c) => option(c.code, c.name, f.country))
    .join('');
  return `<form class="search" method="get" action="/recommendations" aria-label="${esc(t('Filter recommendations'))}">
<label for="country">${esc(t('Country'))}</label><select id="country" name="country"><option value="">${esc(t('All countries'))}</option>${countries}</select>
<label for="status">${esc(t('Status'))}</label><select id="status" name="status"><option value="">${esc(t('All statuses'))}</option>${statuses.map((s) => option(s, statusLabel(s, locale), f.status)).join('')}</select>
<label for="theme">${esc(t('Theme'))}</label><select id="theme" name="theme"><option value="">${esc(t('All themes'))}</option>${themes.map((x) => option(x.code, x.label, f.theme)).join('')}</select>
<label for="dialogue">${esc(t('Dialogue'))}</label><select id="dialogue" name="dialogue"><option value="">${esc(t('All dialogues'))}</option>${dialogues.map((d) => option(d.id, d.title, f.dialogue)).join('')}</select>
<button type="submit">${esc(t('Filter'))}</button></form>`;
}

const demoMark = (locale: string) => ` · <strong>${esc(translate(locale, 'Demonstration data'))}</strong>`;

export function listItem(r: RecommendationListItem, locale: string) {
  const t = (s: string) => translate(locale, s);
  const places = r.countries.map((c) => c.name).join(', ');
  return `<li class="hit"><h2><a href="/recommendations/${esc(r.id)}">${esc(r.text.length > 200 ? `${r.text.slice(0, 200)}…` : r.text)}</a></h2>
<p class="meta"><strong>${esc(statusLabel(r.status, locale))}</strong>${r.statusSince ? ` (${esc(r.statusSince)})` : ''} · ${esc(t('To'))}: ${esc(r.addressee.name)} · ${esc(r.dialogue.title)}${places ? ` · ${esc(places)}` : ''}${r.demonstration ? demoMark(locale) : ''}</p></li>`;
}

/** The recommendation's facts and its history, latest first, with public evidence only. */
export function detailBody(r: PresentedRecommendation, locale: string) {
  const t = (s: string) => translate(locale, s);
  const facts = [
    [t('Status'), `${statusLabel(r.status, locale)}${r.statusSince ? ` (${r.statusSince})` : ''}`],
    [t('Addressed to'), r.addressee.name],
    [t('Dialogue'), r.dialogue.title],
    [t('Themes'), r.themes.map((x) => x.label).join(', ')],
    [t('Countries'), r.countries.map((c) => c.name).join(', ')],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('');
  const history = r.updates
    .map((u) => {
      const evidence = [
        u.document ? `<a href="/publications/${esc(u.document.id)}">${esc(u.document.title)}</a>` : '',
        u.evidenceUrl
          ? `<a href="${esc(u.evidenceUrl)}" rel="noopener nofollow">${esc(u.evidenceUrl)}</a>`
          : '',
      ].filter(Boolean);
      return `<li><p><time datetime="${esc(u.date)}">${esc(u.date)}</time>: <strong>${esc(statusLabel(u.status, locale))}</strong>${u.demonstration ? demoMark(locale) : ''}</p>
<p dir="auto">${esc(u.note)}</p>${evidence.length ? `<p>${esc(t('Evidence'))}: ${evidence.join(' · ')}</p>` : ''}</li>`;
    })
    .join('');
  return `<p><a href="/recommendations">${esc(t('All recommendations'))}</a></p>
<h1>${esc(t('Recommendation'))}</h1>
${r.demonstration ? `<p><strong>${esc(t('Demonstration data'))}</strong>: ${esc(t('The seed documents do not state this recommendation; it is invented for the demonstration.'))}</p>` : ''}
<blockquote><p dir="auto">${esc(r.localText)}</p></blockquote>
<dl>${facts}</dl>
<p><a href="/events/${esc(r.dialogue.slug)}">${esc(t('About the dialogue'))}</a></p>
<h2>${esc(t('History'))}</h2>
${history ? `<ol reversed>${history}</ol>` : `<p>${esc(t('No updates yet.'))}</p>`}`;
}

/**
 * schema.org has no type for a recommendation: a CreativeWork recorded at the dialogue (an Event),
 * with its status as creativeWorkStatus and the evidence as citations, is the closest fit.
 */
export function recommendationJsonLd(r: PresentedRecommendation, url: string, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    text: r.localText,
    creativeWorkStatus: r.status,
    dateModified: r.updatedAt,
    recordedAt: { '@type': 'Event', name: r.dialogue.title, url: `${publicUrl}/events/${r.dialogue.slug}` },
    about: r.addressee.name ? { '@type': 'Organization', name: r.addressee.name } : undefined,
    keywords: r.themes.map((x) => x.label).join(', ') || undefined,
    spatialCoverage: r.countries.map((c) => ({ '@type': 'Country', name: c.name, identifier: c.code })),
    citation: r.updates.flatMap((u) => [
      ...(u.evidenceUrl ? [u.evidenceUrl] : []),
      ...(u.document ? [`${publicUrl}/publications/${u.document.id}`] : []),
    ]),
    url,
  };
}
