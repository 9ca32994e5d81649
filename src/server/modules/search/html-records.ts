import { translate } from '../../platform/i18n/translate.ts';
import type { presentPublication } from '../library/present.ts';
import type { presentPractice } from '../practices/present.ts';
import { esc, jsonLd } from './html-layout.ts';

type Practice = Awaited<ReturnType<typeof presentPractice>>;
type Publication = Awaited<ReturnType<typeof presentPublication>>;

const chips = (items: { label: string }[]) =>
  `<ul class="chips">${items.map((i) => `<li>${esc(i.label)}</li>`).join('')}</ul>`;

function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join('')}</dl>`;
}

/** A published good practice, with its description (sanitised when saved) and schema.org data. */
export function renderPractice(
  locale: string,
  p: Practice,
  baseUrl: string,
  documents: { id: string; title: string }[],
): { title: string; body: string; head: string } {
  const t = (s: string) => translate(locale, s);
  const url = `${baseUrl}/practices/${p.id}`;
  const title = p.localTitle;
  const translations = Object.entries(p.titles).filter(([lang]) => lang !== locale);
  const body = `<p class="meta"><a href="/search?kind=practice">${esc(t('Good practices'))}</a></p>
<h1>${esc(title)}</h1>
${facts([
  [
    t('Responsible organisations'),
    p.responsible.map((r) => `${esc(r.name)} (${esc(r.type.label)})`).join('; '),
  ],
  [t('ILO regions'), p.regions.length ? chips(p.regions) : ''],
  [t('Countries'), p.countries.length ? chips(p.countries) : ''],
  [t('Thematic areas'), p.themes.length ? chips(p.themes) : ''],
  [t('MLFLM'), esc(p.mlflm.map((m) => m.label).join('; '))],
  [t('Period'), esc([p.periodStart, p.periodEnd].filter(Boolean).join(' – '))],
])}
<h2>${esc(t('Description'))}</h2>
<div class="rich">${p.localDescription}</div>
${documents.length ? `<h2>${esc(t('Documents'))}</h2><ul>${documents.map((d) => `<li><a href="/publications/${esc(d.id)}">${esc(d.title)}</a></li>`).join('')}</ul>` : ''}
${p.sources.length ? `<h2>${esc(t('Sources'))}</h2><ul>${p.sources.map((s) => `<li>${s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer nofollow">${esc(s.title)}</a>` : esc(s.title)}</li>`).join('')}</ul>` : ''}
${translations.length ? `<h2>${esc(t('Other languages'))}</h2><ul>${translations.map(([lang, text]) => `<li lang="${esc(lang)}">${esc(text)}</li>`).join('')}</ul>` : ''}`;
  const head = jsonLd({
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: p.title,
    genre: 'Good practice',
    inLanguage: 'en',
    datePublished: p.publishedAt,
    dateModified: p.updatedAt,
    author: p.responsible.map((r) => ({ '@type': 'Organization', name: r.name })),
    about: p.themes.map((x) => x.label),
    spatialCoverage: p.countries.map((c) => ({ '@type': 'Country', name: c.label, identifier: c.code })),
    temporalCoverage: p.periodStart ? `${p.periodStart}/${p.periodEnd ?? '..'}` : undefined,
  });
  return { title, body, head };
}

const size = (bytes: number) =>
  bytes > 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** A publication with its files: download links and a preview of each file's first page. */
export function renderPublication(
  locale: string,
  p: Publication,
  baseUrl: string,
): { title: string; body: string; head: string } {
  const t = (s: string) => translate(locale, s);
  const url = `${baseUrl}/publications/${p.id}`;
  // The newest version of each file is offered first; older versions stay downloadable.
  const latest = new Map<string, (typeof p.files)[number]>();
  for (const f of p.files)
    if (!latest.has(f.fileGroupId) || latest.get(f.fileGroupId)!.versionNo < f.versionNo)
      latest.set(f.fileGroupId, f);
  const files = [...latest.values()]
    .map((f) => {
      const older = p.files.filter((o) => o.fileGroupId === f.fileGroupId && o.id !== f.id);
      return `<li><a href="${esc(f.downloadUrl)}" download>${esc(f.fileName)}</a> <span class="count">(${esc(size(f.byteSize))}${f.pageCount ? `, ${f.pageCount} ${esc(t('pages'))}` : ''}${f.versionNo > 1 ? `, ${esc(t('version'))} ${f.versionNo}` : ''})</span>
<br><img class="preview" src="${esc(f.previewUrl)}" width="298" height="421" loading="lazy" alt="${esc(`${t('First page of')} ${f.fileName}`)}">
${older.length ? `<br>${esc(t('Earlier versions'))}: ${older.map((o) => `<a href="${esc(o.downloadUrl)}">${esc(t('version'))} ${o.versionNo}</a>`).join(', ')}` : ''}</li>`;
    })
    .join('');
  const body = `<p class="meta"><a href="/search?kind=publication">${esc(t('Publications'))}</a></p>
<h1>${esc(p.localTitle)}</h1>
${facts([
  [t('Type'), esc(p.type.label)],
  [t('Authors'), esc(p.authors.map((a) => a.name).join('; '))],
  [t('Date'), esc(p.publishedOn ?? '')],
  [t('Countries'), p.countries.length ? chips(p.countries) : ''],
  [t('Thematic areas'), p.themes.length ? chips(p.themes) : ''],
  [t('Languages'), esc(p.languages.join(', '))],
])}
${p.localAbstract ? `<h2>${esc(t('Abstract'))}</h2><p>${esc(p.localAbstract).replace(/\n/g, '<br>')}</p>` : ''}
<h2>${esc(t('Files'))}</h2>
${files ? `<ul class="files">${files}</ul>` : `<p>${esc(t('No files yet.'))}</p>`}`;
  const typeMap: Record<string, string> = {
    research: 'ScholarlyArticle',
    policy_brief: 'Report',
    yearbook: 'Periodical',
    country_report: 'Report',
    thematic_report: 'Report',
    statement: 'CreativeWork',
    training_material: 'LearningResource',
  };
  const head = jsonLd({
    '@context': 'https://schema.org',
    '@type': typeMap[p.type.code] ?? 'CreativeWork',
    '@id': url,
    url,
    name: p.title,
    abstract: p.abstract || undefined,
    datePublished: p.publishedOn ?? undefined,
    inLanguage: p.languages,
    author: p.authors.map((a) => ({
      '@type': a.kind === 'person' ? 'Person' : 'Organization',
      name: a.name,
    })),
    about: p.themes.map((x) => x.label),
    spatialCoverage: p.countries.map((c) => ({ '@type': 'Country', name: c.label, identifier: c.code })),
    encoding: [...latest.values()].map((f) => ({
      '@type': 'MediaObject',
      contentUrl: `${baseUrl}${f.downloadUrl}`,
      encodingFormat: f.mediaType.split(';')[0],
      name: f.fileName,
    })),
  });
  return { title: p.localTitle, body, head };
}
