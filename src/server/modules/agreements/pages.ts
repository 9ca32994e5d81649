import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../platform/access/actor.ts';
import { type Ctx, contextOf } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { allCountries, countryName } from '../geography/countries.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { termsOf } from '../vocabularies/service.ts';
import { agreementQuery } from './inputs.ts';
import { STATUS_LABELS } from './labels.ts';
import type { PresentedAgreement, PresentedRow } from './present.ts';
import { getAgreementBySlug, listAgreements } from './service.ts';

const HTML = 'text/html; charset=utf-8';
const msg = (s: string) => s;
const pageQuery = agreementQuery.omit({ format: true, limit: true });
type PageQuery = z.infer<typeof pageQuery>;
/** What a GET form sends: every field, empty when "All" is chosen; checked by pageQuery once the empty ones are gone. */
const formQuery = z.strictObject(
  Object.fromEntries(Object.keys(pageQuery.shape).map((k) => [k, z.string().max(120).optional()])),
);

function readFilters(query: Record<string, string | undefined>): PageQuery {
  const parsed = pageQuery.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v)));
  if (parsed.success) return parsed.data;
  throw problems.validation(
    parsed.error.issues.map((i) => ({
      field: `querystring.${String(i.path[0] ?? '')}`,
      code: i.code,
      message: i.message,
    })),
  );
}

/** The pages show what the public sees, even to a signed-in reader: published agreements only. */
const asPublic = (ctx: Ctx): Ctx => ({ ...ctx, actor: PUBLIC });

const DEMO_NOTE = msg('Demonstration data: this record is not drawn from the seed documents.');

function options(values: [string, string][], selected?: string) {
  return values
    .map(
      ([v, label]) => `<option value="${esc(v)}"${v === selected ? ' selected' : ''}>${esc(label)}</option>`,
    )
    .join('');
}

function filterForm(
  locale: string,
  q: PageQuery,
  provisions: [string, string][],
  corridors: [string, string][],
) {
  const t = (s: string) => translate(locale, s);
  const collator = new Intl.Collator(locale);
  const countries = allCountries()
    .map((c) => [c.alpha2, countryName(c.alpha2, locale)] as [string, string])
    .sort((a, b) => collator.compare(a[1], b[1]));
  const select = (name: string, label: string, values: [string, string][], value?: string) =>
    `<p><label for="${name}">${esc(label)}</label><br><select id="${name}" name="${name}"><option value="">${esc(t('All'))}</option>${options(values, value)}</select></p>`;
  return `<form class="filters" method="get" action="/agreements">
${select('country', t('Country'), countries, q.country)}
${select('corridor', t('Corridor'), corridors, q.corridor)}
${select('provision', t('Provision'), provisions, q.provision)}
${select(
  'status',
  t('Status'),
  Object.entries(STATUS_LABELS).map(([k, v]) => [k, t(v)]),
  q.status,
)}
<button type="submit">${esc(t('Filter'))}</button></form>`;
}

function row(locale: string, a: PresentedRow) {
  const t = (s: string) => translate(locale, s);
  const parties = a.parties.map((p) => p.label).join(', ');
  return `<li class="hit"><h2><a href="/agreements/${esc(a.slug)}">${esc(a.localTitle)}</a></h2>
<p class="meta">${esc([a.typeLabel, a.statusLabel, parties, a.signedOn].filter(Boolean).join(' · '))}</p>
${a.corridors.length ? `<p class="meta">${esc(t('Corridors'))}: ${esc(a.corridors.map((c) => c.label).join('; '))}</p>` : ''}
${a.demonstration ? `<p class="meta"><strong>${esc(t(DEMO_NOTE))}</strong></p>` : ''}</li>`;
}

/** schema.org Legislation fits an agreement between states: its parties are its jurisdictions. */
function agreementJsonLd(a: PresentedAgreement, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': url,
    url,
    name: a.title,
    legislationType: a.typeLabel,
    ...(a.signedOn ? { legislationDate: a.signedOn } : {}),
    ...(a.inForceOn ? { legislationDateOfApplicability: a.inForceOn } : {}),
    ...(a.expiresOn ? { expires: a.expiresOn } : {}),
    legislationLegalForce:
      a.status === 'in_force' ? 'https://schema.org/InForce' : 'https://schema.org/NotInForce',
    legislationJurisdiction: a.parties.map((p) => p.label),
    keywords: a.provisions.map((p) => p.label),
    ...(a.summary ? { abstract: a.summary } : {}),
  };
}

function agreementBody(locale: string, a: PresentedAgreement) {
  const t = (s: string) => translate(locale, s);
  const facts = [
    [t('Type'), a.typeLabel],
    [t('Status'), a.statusLabel],
    [t('Parties'), a.parties.map((p) => p.label).join(', ')],
    [t('Signed'), a.signedOn],
    [t('In force'), a.inForceOn],
    [t('Expires'), a.expiresOn],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('');
  const provisions = a.provisions
    .map((p) => `<li>${esc(p.label)}${p.note ? ` — ${esc(p.note)}` : ''}</li>`)
    .join('');
  const figures = a.statistics.data
    .map(
      (f) =>
        `<tr><th scope="row">${esc(a.corridors.find((c) => c.code === f.corridor)?.label ?? f.corridor)}</th><td>${
          f.cases > 0
            ? esc(f.cases)
            : esc(translate(locale, 'fewer than {{n}}', { n: a.statistics.roundedTo }))
        }</td></tr>`,
    )
    .join('');
  const docs = (list: { id: string; title: string }[]) =>
    list.map((d) => `<a href="/publications/${esc(d.id)}">${esc(d.title)}</a>`).join(', ');
  const monitoring = a.monitoring
    .map(
      (m) => `<li><p><strong><time datetime="${esc(m.observedOn)}">${esc(m.observedOn)}</time></strong></p>
<p style="white-space:pre-line">${esc(m.finding)}</p>
${m.sources.length ? `<p class="meta">${esc(t('Sources'))}: ${m.sources.map((s) => (s.url ? `<a href="${esc(s.url)}" rel="nofollow noopener">${esc(s.title)}</a>` : esc(s.title))).join('; ')}</p>` : ''}
${m.publications.length ? `<p class="meta">${esc(t('Publications'))}: ${docs(m.publications)}</p>` : ''}</li>`,
    )
    .join('');
  return `<p><a href="/agreements">${esc(t('Agreements register'))}</a></p>
<h1>${esc(a.localTitle)}</h1>
${a.demonstration ? `<p><strong>${esc(t(DEMO_NOTE))}</strong></p>` : ''}
<dl class="facts">${facts}</dl>
${a.summary ? `<p style="white-space:pre-line">${esc(a.summary)}</p>` : ''}
${a.documents.length ? `<h2>${esc(t('Text of the agreement'))}</h2><p>${docs(a.documents)}</p>` : ''}
<h2>${esc(t('Provisions'))}</h2>${provisions ? `<ul>${provisions}</ul>` : `<p>${esc(t('None recorded.'))}</p>`}
<h2>${esc(t('Corridors and their cases'))}</h2>
${
  figures
    ? `<table><caption>${esc(t('Legal-aid cases in the corridors this agreement governs'))}</caption><thead><tr><th scope="col">${esc(t('Corridor'))}</th><th scope="col">${esc(t('Cases'))}</th></tr></thead><tbody>${figures}</tbody></table>
<p class="meta">${esc(translate(locale, 'Figures below {{n}} are hidden, and every figure and total is added up from groups of cases that share all their characteristics, each group rounded down to a multiple of {{n}}, so that no one can be identified, not even by comparing tables. Figures can therefore be lower than the real number of cases.', { n: a.statistics.roundedTo }))}</p>`
    : `<p>${esc(t('None recorded.'))}</p>`
}
<h2>${esc(t('Monitoring'))}</h2>${monitoring ? `<ul>${monitoring}</ul>` : `<p>${esc(t('No findings yet.'))}</p>`}`;
}

/** The public agreements register: server-rendered HTML, no scripts, filters as a plain GET form. */
export const agreementPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agreements',
    { config: { access: 'public' }, schema: { hide: true, querystring: formQuery } },
    async (request, reply) => {
      const ctx = asPublic(contextOf(request));
      const t = (s: string) => translate(ctx.locale, s);
      const q = readFilters(request.query as Record<string, string | undefined>);
      const rows = await listAgreements(ctx, { ...q, limit: 500 });
      // The corridor list is every corridor of a published agreement, so every choice finds something.
      const everyCorridor =
        q.corridor || q.country || q.provision || q.status || q.type
          ? await listAgreements(ctx, { limit: 1000 })
          : rows;
      const corridors = new Map(everyCorridor.flatMap((a) => a.corridors.map((c) => [c.code, c.label])));
      const provisions = (await termsOf(ctx.database.db, 'agreement_provision', ctx.locale)).map(
        (x) => [x.code, x.label] as [string, string],
      );
      const query = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]);
      const exportLink = (format: string) =>
        `/api/v1/agreements?${esc(new URLSearchParams({ ...Object.fromEntries(query), format }).toString())}`;
      const body = `<h1>${esc(t('Agreements register'))}</h1>
<p>${esc(t('Bilateral labour agreements, memoranda of understanding, economic partnership agreements and regional instruments that the network monitors.'))}</p>
${filterForm(
  ctx.locale,
  q,
  provisions,
  [...corridors.entries()].sort((a, b) => a[1].localeCompare(b[1])),
)}
<p>${esc(t('Download this list'))}: <a href="${exportLink('csv')}">CSV</a> · <a href="${exportLink('json')}">JSON</a></p>
<ul style="list-style:none;padding:0" aria-label="${esc(t('Agreements'))}">${rows.map((a) => row(ctx.locale, a)).join('') || `<li>${esc(t('No agreements match.'))}</li>`}</ul>`;
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: t('Agreements register'),
            body,
            canonical: `${ctx.config.publicUrl}/agreements`,
          }),
        );
    },
  );

  app.get(
    '/agreements/:slug',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.strictObject({ slug: z.string().max(200) }) },
    },
    async (request, reply) => {
      const ctx = asPublic(contextOf(request));
      const t = (s: string) => translate(ctx.locale, s);
      let a: PresentedAgreement;
      try {
        a = await getAgreementBySlug(ctx, request.params.slug);
      } catch (error) {
        if (!(error instanceof Problem) || error.status !== 404) throw error;
        const title = t(msg('Not found.'));
        const body = `<h1>${esc(title)}</h1><p><a href="/agreements">${esc(t('Agreements register'))}</a></p>`;
        return reply
          .code(404)
          .type(HTML)
          .send(page({ locale: ctx.locale, title, body }));
      }
      const url = `${ctx.config.publicUrl}/agreements/${a.slug}`;
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: a.localTitle,
            body: agreementBody(ctx.locale, a),
            head: jsonLd(agreementJsonLd(a, url)),
            canonical: url,
          }),
        );
    },
  );
};
