import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { type Ctx, contextOf } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { toXlsx } from '../directory/tabular.ts';
import { esc, jsonLd, page } from '../search/html-layout.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import { detailBody, filterForm, listItem, recommendationJsonLd, statusLabel } from './html.ts';
import * as repo from './repository.ts';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from './schema.ts';
import * as service from './service.ts';

const HTML = 'text/html; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE_SIZE = 50;
/** An export holds at most this many rows; a larger selection asks for narrower filters. */
const EXPORT_LIMIT = 10_000;
// Filters come from links people share: unknown values match nothing rather than failing.
const trackerQuery = z.strictObject({
  country: z.string().max(2).optional(),
  status: z.string().max(32).optional(),
  theme: z.string().max(64).optional(),
  dialogue: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(2000).optional(),
});
type TrackerQuery = z.infer<typeof trackerQuery>;

function filterOf(q: TrackerQuery) {
  const status = RECOMMENDATION_STATUSES.find((s) => s === q.status);
  return {
    country: q.country || undefined,
    theme: q.theme || undefined,
    // A status or dialogue that cannot exist matches nothing (never every row).
    status: q.status && !status ? ('none' as RecommendationStatus) : status,
    dialogue: q.dialogue
      ? UUID.test(q.dialogue)
        ? q.dialogue
        : '00000000-0000-0000-0000-000000000000'
      : undefined,
  };
}

const keep = (q: TrackerQuery) =>
  new URLSearchParams(
    Object.entries(q).filter(([k, v]) => v && k !== 'page') as [string, string][],
  ).toString();

const HEADER = [
  'id',
  'text',
  'status',
  'status_since',
  'addressee',
  'dialogue',
  'dialogue_date',
  'themes',
  'countries',
  'demonstration',
  'url',
];
// HXL hashtags, so humanitarian tools read the columns without a mapping.
const HXL = [
  '#meta+id',
  '#description',
  '#status',
  '#date+status',
  '#org+addressee',
  '#event+name',
  '#date+event',
  '#sector',
  '#country+code',
  '#meta+demonstration',
  '#meta+url',
];

async function exportRows(ctx: Ctx, q: TrackerQuery) {
  const { data } = await service.listRecommendations(
    ctx,
    { ...filterOf(q), limit: EXPORT_LIMIT, offset: 0 },
    { publicOnly: true },
  );
  return data.map((r) => [
    r.id,
    r.text,
    r.status,
    r.statusSince ?? '',
    r.addressee.name,
    r.dialogue.title,
    r.dialogue.startsAt.slice(0, 10),
    r.themes.map((x) => x.code).join('; '),
    r.countries.map((c) => c.code).join('; '),
    r.demonstration ? 'yes' : '',
    `${ctx.config.publicUrl}/recommendations/${r.id}`,
  ]);
}

function sendPage(
  reply: import('fastify').FastifyReply,
  ctx: Ctx,
  title: string,
  body: string,
  options: { status?: number; head?: string; canonical?: string } = {},
) {
  return reply
    .code(options.status ?? 200)
    .type(HTML)
    .header('cache-control', 'no-cache')
    .send(page({ locale: ctx.locale, title, body, head: options.head, canonical: options.canonical }));
}

/** The public tracker's addresses for the sitemap: the list and each public recommendation. */
export async function sitemapUrls(database: Database, publicUrl: string): Promise<string[]> {
  const rows = await repo.listRecommendations(database.db, {
    visibleTo: { publicOnly: true },
    limit: 5000,
    offset: 0,
  });
  return [`${publicUrl}/recommendations`, ...rows.map((r) => `${publicUrl}/recommendations/${r.id}`)];
}

/**
 * The public recommendations tracker as server-rendered HTML (no JavaScript): the list filtered by
 * country, status, theme and dialogue with CSV and XLSX exports of the same selection, and each
 * recommendation's page with its history and public evidence. Only public dialogues appear.
 */
export const recommendationPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/recommendations',
    { config: { access: 'public' }, schema: { hide: true, querystring: trackerQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      const q = request.query;
      const pageNo = q.page ?? 1;
      const [themes, dialogues] = await Promise.all([
        termsOf(ctx.database.db, 'thematic_area', ctx.locale),
        repo.listDialogues(ctx.database.db, { publicOnly: true }),
      ]);
      const result = await service.listRecommendations(
        ctx,
        { ...filterOf(q), limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE },
        { publicOnly: true },
      );
      const kept = keep(q);
      const next = result.hasMore
        ? `<p><a class="button" href="?${esc(`${kept ? `${kept}&` : ''}page=${pageNo + 1}`)}">${esc(t('Next page'))}</a></p>`
        : '';
      const body = `<h1>${esc(t('Recommendations'))}</h1>
<p>${esc(t('Recommendations adopted in dialogues with governments and their missions, and how far each has come.'))}</p>
${filterForm(
  q,
  ctx.locale,
  themes,
  dialogues.map((d) => ({ id: d.id, title: labelOf(d.titles, ctx.locale, d.title) })),
  RECOMMENDATION_STATUSES,
)}
<p>${esc(t('Download this selection'))}: <a href="/recommendations.csv${kept ? `?${esc(kept)}` : ''}">CSV</a> · <a href="/recommendations.xlsx${kept ? `?${esc(kept)}` : ''}">XLSX</a></p>
<ul style="list-style:none;padding:0">${result.data.map((r) => listItem(r, ctx.locale)).join('') || `<li>${esc(t('No recommendations match.'))}</li>`}</ul>${next}`;
      return sendPage(reply, ctx, t('Recommendations'), body, {
        canonical: `${ctx.config.publicUrl}/recommendations`,
      });
    },
  );

  app.get(
    '/recommendations.csv',
    { config: { access: 'public' }, schema: { hide: true, querystring: trackerQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="recommendations.csv"')
        .send(toCsv(HEADER, await exportRows(ctx, request.query), [HXL]));
    },
  );

  app.get(
    '/recommendations.xlsx',
    { config: { access: 'public' }, schema: { hide: true, querystring: trackerQuery } },
    async (request, reply) => {
      const ctx = contextOf(request);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="recommendations.xlsx"')
        .send(await toXlsx('Recommendations', HEADER, await exportRows(ctx, request.query), [HXL]));
    },
  );

  app.get(
    '/recommendations/:id',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.strictObject({ id: z.string().max(64) }) },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const t = (s: string) => translate(ctx.locale, s);
      const r = UUID.test(request.params.id)
        ? await service.publicRecommendation(ctx, request.params.id)
        : undefined;
      if (!r)
        return sendPage(
          reply,
          ctx,
          t('Not found.'),
          `<h1>${esc(t('Not found.'))}</h1><p><a href="/recommendations">${esc(t('All recommendations'))}</a></p>`,
          { status: 404 },
        );
      const url = `${ctx.config.publicUrl}/recommendations/${r.id}`;
      return sendPage(
        reply,
        ctx,
        `${t('Recommendation')}: ${statusLabel(r.status, ctx.locale)}`,
        detailBody(r, ctx.locale),
        {
          head: jsonLd(recommendationJsonLd(r, url, ctx.config.publicUrl)),
          canonical: url,
        },
      );
    },
  );
};
