import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { termsOf } from '../vocabularies/service.ts';
import { organisationListQuery } from './inputs.ts';
import { getPublicOrganisation, listPublicOrganisations } from './public.ts';

const HTML = 'text/html; charset=utf-8';
const pageQuery = organisationListQuery.pick({
  q: true,
  type: true,
  country: true,
  grouping: true,
  cursor: true,
});

/**
 * The public directory as plain server-rendered HTML (no JavaScript): published organisations with
 * search and filters, the member map, and organisation pages carrying schema.org JSON-LD.
 */
export const directoryPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/directory/public',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: pageQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      const result = await listPublicOrganisations(ctx, { ...request.query, limit: 50 });
      const types = await termsOf(ctx.database.db, 'organisation_type', ctx.locale);
      const query = new URLSearchParams(
        Object.entries(request.query).filter(([k, v]) => v && k !== 'cursor') as [string, string][],
      );
      const options = types
        .map(
          (x) =>
            `<option value="${esc(x.code)}"${x.code === request.query.type ? ' selected' : ''}>${'· '.repeat(x.depth)}${esc(x.label)}</option>`,
        )
        .join('');
      const items = result.data
        .map(
          (
            o,
          ) => `<li class="hit"><h2><a href="/directory/public/${o.id}">${esc(o.name)}</a>${o.acronym ? ` (${esc(o.acronym)})` : ''}</h2>
<p class="meta">${esc([o.typeLabel, o.countryName, o.foundedYear].filter(Boolean).join(' · '))}</p></li>`,
        )
        .join('');
      const next = result.nextCursor
        ? `<p><a class="button" href="?${esc(new URLSearchParams({ ...Object.fromEntries(query), cursor: result.nextCursor }).toString())}">${esc(t('Next page'))}</a></p>`
        : '';
      const body = `<h1>${esc(t('Directory of organisations'))}</h1>
<form class="search" role="search" method="get" action="/directory/public">
<label for="q" class="skip">${esc(t('Search'))}</label><input type="search" id="q" name="q" value="${esc(request.query.q ?? '')}" placeholder="${esc(t('Name or acronym'))}">
<label for="type">${esc(t('Type'))}</label><select id="type" name="type"><option value="">${esc(t('All types'))}</option>${options}</select>
<button type="submit">${esc(t('Search'))}</button></form>
<figure><img src="/api/v1/public/organisations/map.svg?${esc(query.toString())}" alt="${esc(t('Map of the organisations listed'))}" width="960" height="500" style="max-width:100%;height:auto"></figure>
<ul style="list-style:none;padding:0">${items || `<li>${esc(t('No organisations match.'))}</li>`}</ul>${next}`;
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: t('Directory of organisations'),
            body,
            canonical: `${ctx.config.publicUrl}/directory/public`,
          }),
        );
    },
  );

  app.get(
    '/directory/public/:id',
    {
      config: { access: 'public' },
      schema: { hide: true, params: idParams },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      const o = await getPublicOrganisation(ctx, request.params.id);
      const links = (list: typeof o.memberOf, side: 'parent' | 'member') =>
        list
          .map((m) => {
            const id = side === 'parent' ? m.parentId : m.organisationId;
            const name = side === 'parent' ? m.parentName : m.memberName;
            const dates = [m.startDate, m.endDate].filter(Boolean).join(' – ');
            return `<li><a href="/directory/public/${id}">${esc(name)}</a> · ${esc(m.roleLabel)}${dates ? ` (${esc(dates)})` : ''}</li>`;
          })
          .join('');
      const facts = [
        [t('Type'), o.typeLabel],
        [t('Headquarters'), o.countryName],
        [t('Founded'), o.foundedYear],
        [
          t('Website'),
          o.website ? `<a href="${esc(o.website)}" rel="nofollow noopener">${esc(o.website)}</a>` : null,
        ],
      ]
        .filter(([, v]) => v)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${k === t('Website') ? v : esc(v)}</dd>`)
        .join('');
      const body = `<p><a href="/directory/public">${esc(t('Directory of organisations'))}</a></p>
<h1>${esc(o.name)}${o.acronym ? ` (${esc(o.acronym)})` : ''}</h1>
<dl class="facts">${facts}</dl>
${o.description ? `<p>${esc(o.description)}</p>` : ''}
${o.memberOf.length ? `<h2>${esc(t('Member of'))}</h2><ul>${links(o.memberOf, 'parent')}</ul>` : ''}
${o.members.length ? `<h2>${esc(t('Members'))}</h2><ul>${links(o.members, 'member')}</ul>` : ''}
${o.people.length ? `<h2>${esc(t('People'))}</h2><ul>${o.people.map((p) => `<li>${esc(p.name)} · ${esc(p.label ?? p.roleLabel)}</li>`).join('')}</ul>` : ''}`;
      return reply
        .type(HTML)
        .send(page({ locale: ctx.locale, title: o.name, body, head: jsonLd(o.jsonLd), canonical: o.url }));
    },
  );
};
