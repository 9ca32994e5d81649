import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reachChartSvg } from '../../../shared/reach-chart.ts';
import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { contextOf } from '../../platform/http/context.ts';
import { Problem } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import * as repo from './repository.ts';
import { getPublicProgramme, listPublicProgrammes } from './service.ts';

const HTML = 'text/html; charset=utf-8';
type Programme = Awaited<ReturnType<typeof getPublicProgramme>>;

/** The public addresses of programmes, for the sitemap: the list and every published programme. */
export async function sitemapUrls(db: Tx, publicUrl: string): Promise<string[]> {
  const rows = await repo.publishedProgrammes(db, 49_000);
  return [`${publicUrl}/programmes`, ...rows.map((r) => `${publicUrl}/programmes/${r.slug}`)];
}

const period = (p: { periodStart: string | null; periodEnd: string | null }, t: (s: string) => string) =>
  p.periodStart || p.periodEnd ? `${p.periodStart ?? '…'} – ${p.periodEnd ?? t('ongoing')}` : '';

const orgList = (orgs: { id: string; name: string; acronym: string | null; published?: boolean }[]) =>
  orgs
    .map((o) => {
      const name = esc(o.acronym ? `${o.name} (${o.acronym})` : o.name);
      return o.published ? `<a href="/directory/public/${o.id}">${name}</a>` : name;
    })
    .join(', ');

/** schema.org Project (an Organization kind): who runs it, where, on what, since when. */
function programmeJsonLd(p: Programme, url: string, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: p.localName,
    ...(p.localSummary ? { description: p.localSummary } : {}),
    url,
    ...(p.periodStart ? { foundingDate: p.periodStart } : {}),
    ...(p.periodEnd ? { dissolutionDate: p.periodEnd } : {}),
    parentOrganization: p.runningOrganisations.map((o) => ({
      '@type': 'Organization',
      name: o.name,
      ...(o.published ? { url: `${publicUrl}/directory/public/${o.id}` } : {}),
    })),
    ...(p.countries.length
      ? { areaServed: p.countries.map((c) => ({ '@type': 'Country', name: c.label })) }
      : {}),
    ...(p.themes.length ? { keywords: p.themes.map((x) => x.label).join(', ') } : {}),
  };
}

function renderProgramme(p: Programme, t: (s: string) => string): string {
  const facts = [
    [t('Run by'), orgList(p.runningOrganisations)],
    [t('Period'), esc(period(p, t))],
    [t('Countries'), esc(p.countries.map((c) => c.label).join(', '))],
    [t('Themes'), esc(p.themes.map((x) => x.label).join(', '))],
    [t('Target groups'), esc(p.targetGroups.map((x) => x.label).join(', '))],
    [t('Partners'), orgList(p.partnerOrganisations)],
    [t('Secretariat of'), orgList(p.secretariatOrganisations)],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join('');
  const people = p.people.length
    ? `<h2>${esc(t('People'))}</h2><ul>${p.people
        .map(
          (x) =>
            `<li>${esc(x.name)} · ${esc(x.label ?? (x.role === 'area_coordinator' ? t('Area coordinator') : t('Staff')))}${x.countryName ? `, ${esc(x.countryName)}` : ''}${x.startDate || x.endDate ? ` (${esc(period({ periodStart: x.startDate, periodEnd: x.endDate }, t))})` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  const reach = p.indicators
    .filter((i) => !i.withheld && i.values.length > 0)
    .map(
      (i) => `<section class="hit"><h3>${esc(i.localLabel)}</h3>${reachChartSvg(i.values, i.localLabel)}
<table style="border-collapse:collapse;margin-top:8px"><caption class="skip">${esc(i.localLabel)}</caption><thead><tr><th scope="col" style="padding:4px 12px;border-bottom:1px solid #999;text-align:start">${esc(t('Year'))}</th><th scope="col" style="padding:4px 12px;border-bottom:1px solid #999;text-align:start">${esc(t('Figure'))}</th></tr></thead><tbody>${i.values
        .map(
          (v) =>
            `<tr><th scope="row" style="padding:4px 12px;text-align:start">${v.year}</th><td style="padding:4px 12px">${v.value}</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table>${i.source !== 'manual' ? `<p class="meta">${esc(t('Computed from Tulay’s own records.'))}</p>` : ''}</section>`,
    )
    .join('');
  const linked = p.linkedWork
    .map((g) => {
      const items = g.items.filter((i) => i.publicHref);
      return items.length
        ? `<h2>${esc(t(g.heading))}</h2><ul>${items.map((i) => `<li><a href="${esc(i.publicHref)}">${esc(i.title)}</a>${i.note ? ` · ${esc(i.note)}` : ''}</li>`).join('')}</ul>`
        : '';
    })
    .join('');
  return `<p><a href="/programmes">${esc(t('Programmes'))}</a></p>
<h1>${esc(p.localName)}</h1>
${p.demonstration ? `<p class="hit"><strong>${esc(t('Demonstration data'))}.</strong> ${esc(t('Parts of this record are examples, not facts from the seed documents.'))}</p>` : ''}
<dl class="facts">${facts}</dl>
${p.localSummary ? `<p>${esc(p.localSummary)}</p>` : ''}
${people}
${reach ? `<h2>${esc(t('Reach'))}</h2>${reach}` : ''}
${linked}`;
}

/** Public programme pages, server-rendered, no JavaScript: the published list and each programme. */
export const programmePages: FastifyPluginAsyncZod = async (app) => {
  app.get('/programmes', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const ctx = contextOf(request);
    const t = (s: string) => translate(ctx.locale, s);
    const rows = await listPublicProgrammes(ctx);
    const items = rows
      .map(
        (p) => `<li class="hit"><h2><a href="/programmes/${esc(p.slug)}">${esc(p.localName)}</a></h2>
<p class="meta">${esc([p.runningOrganisations.map((o) => o.acronym ?? o.name).join(', '), period(p, t)].filter(Boolean).join(' · '))}</p>
${p.localSummary ? `<p>${esc(p.localSummary)}</p>` : ''}</li>`,
      )
      .join('');
    const body = `<h1>${esc(t('Programmes'))}</h1>
<ul style="list-style:none;padding:0">${items || `<li>${esc(t('No programmes are published yet.'))}</li>`}</ul>`;
    return reply
      .type(HTML)
      .header('cache-control', 'no-cache')
      .send(
        page({
          locale: ctx.locale,
          title: t('Programmes'),
          body,
          canonical: `${ctx.config.publicUrl}/programmes`,
        }),
      );
  });

  app.get(
    '/programmes/:slug',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.strictObject({ slug: z.string().max(200) }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      const p = await orNotFound(ctx, () => getPublicProgramme(ctx, request.params.slug));
      if (!p) {
        const title = t('Not found.');
        return reply
          .code(404)
          .type(HTML)
          .send(
            page({
              locale: ctx.locale,
              title,
              body: `<h1>${esc(title)}</h1><p><a href="/programmes">${esc(t('Programmes'))}</a></p>`,
            }),
          );
      }
      const url = `${ctx.config.publicUrl}/programmes/${p.slug}`;
      return reply.type(HTML).send(
        page({
          locale: ctx.locale,
          title: p.localName,
          body: renderProgramme(p, t),
          head: jsonLd(programmeJsonLd(p, url, ctx.config.publicUrl)),
          canonical: url,
        }),
      );
    },
  );
};

async function orNotFound<T>(_ctx: Ctx, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return undefined;
    throw error;
  }
}
