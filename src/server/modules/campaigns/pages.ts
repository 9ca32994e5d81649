import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { type Ctx, contextOf } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { countryName } from '../geography/countries.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { renderCampaignList, renderTracker, TRACKER_CSS } from './html.ts';
import { slug as slugSchema, trackerQuery } from './inputs.ts';
import { presentCampaign, type TrackerFilter, trackerOf } from './present.ts';
import * as repo from './repository.ts';
import { typeLabel } from './stages.ts';

const HTML = 'text/html; charset=utf-8';
const msg = (s: string) => s;
const slugParams = z.strictObject({ slug: slugSchema });

/** URLs of the public campaign pages, for the sitemap (absolute when `base` is given). */
export async function sitemapUrls(db: Tx, base = ''): Promise<string[]> {
  const rows = await repo.publishedSlugs(db);
  return [`${base}/campaigns`, ...rows.map((r) => `${base}/campaigns/${r.slug}`)];
}

/** A published campaign by its address; drafts do not exist for the public pages. */
async function published(ctx: Ctx, slug: string) {
  const row = await repo.findCampaignBySlug(ctx.database.db, slug);
  return row?.status === 'published' ? row : undefined;
}

function notFound(ctx: Ctx) {
  const title = translate(ctx.locale, msg('Not found.'));
  return page({
    locale: ctx.locale,
    title,
    body: `<h1>${esc(title)}</h1><p><a href="/campaigns">${esc(translate(ctx.locale, msg('Campaigns')))}</a></p>`,
  });
}

/** The campaign's tracker as data: the filters applied, every country row and the timeline. */
async function exportData(ctx: Ctx, row: repo.CampaignRow, filter: TrackerFilter) {
  const tracker = await trackerOf(ctx.database.db, row, ctx.locale, filter);
  return {
    campaign: {
      slug: row.slug,
      name: row.name,
      type: row.typeCode,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
    },
    filters: filter,
    stages: tracker.stages.map(({ code, localLabel, position }) => ({ code, label: localLabel, position })),
    countries: tracker.countries.map(({ colour: _c, stagePosition: _p, version: _v, ...r }) => r),
    timeline: tracker.timeline.map(({ recordedAt: _r, id: _i, ...e }) => e),
  };
}

/**
 * The public campaign pages, server-rendered without JavaScript: the list, each campaign's tracker
 * (map coloured by stage with its legend, a table that stands without the map, the timeline, the
 * signatories) and its exports, which follow the same filters as the page.
 */
export const campaignPages: FastifyPluginAsyncZod = async (app) => {
  app.get('/campaigns', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const ctx = contextOf(request);
    const rows = await repo.listCampaigns(ctx.database.db, {
      visibleTo: { statuses: ['published'] },
      limit: 200,
    });
    const body = renderCampaignList(
      ctx.locale,
      rows.map((r) => ({ ...r, typeLabel: typeLabel(r.typeCode, ctx.locale) })),
    );
    return reply
      .type(HTML)
      .header('cache-control', 'no-cache')
      .send(
        page({
          locale: ctx.locale,
          title: translate(ctx.locale, msg('Campaigns')),
          body,
          canonical: `${ctx.config.publicUrl}/campaigns`,
        }),
      );
  });

  app.get(
    '/campaigns/:slug',
    { config: { access: 'public' }, schema: { hide: true, params: slugParams, querystring: trackerQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await published(ctx, request.params.slug);
      if (!row) return reply.code(404).type(HTML).send(notFound(ctx));
      const c = await presentCampaign(ctx, row);
      const tracker = await trackerOf(ctx.database.db, row, ctx.locale, request.query);
      const countries = c.countryCodes
        .map((code) => ({ code, name: countryName(code, ctx.locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, ctx.locale));
      const signatories = await repo.endorsementsOf(ctx.database.db, row.id);
      const url = `${ctx.config.publicUrl}/campaigns/${row.slug}`;
      const dataset = {
        '@context': 'https://schema.org',
        '@type': 'Dataset',
        name: c.localName,
        description: c.localGoal || c.localName,
        url,
        isAccessibleForFree: true,
        creator: { '@type': 'Organization', name: c.organisationName },
        temporalCoverage: `${row.periodStart}/${row.periodEnd ?? '..'}`,
        spatialCoverage: countries.map((x) => ({ '@type': 'Country', name: x.name, identifier: x.code })),
        variableMeasured: tracker.stages.map((s) => s.localLabel),
        distribution: [
          { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: `${url}/tracker.csv` },
          { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: `${url}/tracker.json` },
        ],
      };
      return reply
        .type(HTML)
        .header('cache-control', 'no-cache')
        .send(
          page({
            locale: ctx.locale,
            title: c.localName,
            body: renderTracker(ctx.locale, c, tracker, countries, request.query, signatories),
            head: `${TRACKER_CSS}${jsonLd(dataset)}`,
            canonical: url,
          }),
        );
    },
  );

  app.get(
    '/campaigns/:slug/tracker.json',
    { config: { access: 'public' }, schema: { hide: true, params: slugParams, querystring: trackerQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await published(ctx, request.params.slug);
      if (!row) return reply.code(404).type(HTML).send(notFound(ctx));
      return reply
        .header('content-disposition', `attachment; filename="${row.slug}-tracker.json"`)
        .send(await exportData(ctx, row, request.query));
    },
  );

  app.get(
    '/campaigns/:slug/tracker.csv',
    { config: { access: 'public' }, schema: { hide: true, params: slugParams, querystring: trackerQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await published(ctx, request.params.slug);
      if (!row) return reply.code(404).type(HTML).send(notFound(ctx));
      const data = await exportData(ctx, row, request.query);
      const csv = toCsv(
        ['country', 'country_name', 'stage', 'stage_label', 'since', 'source_url', 'note', 'demonstration'],
        data.countries.map((r) => [
          r.country,
          r.countryName,
          r.stage,
          r.stageLabel,
          r.since,
          r.sourceUrl,
          r.note,
          r.demonstration,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${row.slug}-tracker.csv"`)
        .send(csv);
    },
  );
};
