import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/schemas.ts';
import { type Ctx, contextOf } from '../../platform/http/context.ts';
import { Problem } from '../../platform/http/problem.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { getPublication } from '../library/service.ts';
import { getPractice } from '../practices/service.ts';
import { publicationsFeed } from './feeds.ts';
import { esc, page } from './html-layout.ts';
import { renderPractice, renderPublication } from './html-records.ts';
import { renderSearch } from './html-search.ts';
import { searchQuery } from './params.ts';
import { search } from './service.ts';

const HTML = 'text/html; charset=utf-8';
const msg = (s: string) => s;

/** A record page that does not exist (or is not public) answers a readable HTML 404, not JSON. */
async function orNotFound<T>(ctx: Ctx, reply: FastifyReply, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof Problem) || error.status !== 404) throw error;
    const title = translate(ctx.locale, msg('Not found.'));
    const body = `<h1>${esc(title)}</h1><p><a href="/search">${esc(translate(ctx.locale, msg('Search good practices and publications')))}</a></p>`;
    await reply
      .code(404)
      .type(HTML)
      .send(page({ locale: ctx.locale, title, body }));
    return undefined;
  }
}

/**
 * The public knowledge pages, rendered on the server as plain HTML (no JavaScript at all): search
 * with facets, good-practice and publication pages with JSON-LD, the sitemap and an Atom feed.
 * Errors are problems like everywhere else (the JSON API is the contract; these pages are its view).
 */
export const knowledgePages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: searchQuery },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format: _f, ...params } = request.query;
      const result = await search(ctx, params);
      const html = page({
        locale: ctx.locale,
        title: 'Search',
        body: renderSearch(ctx.locale, request.query, result),
        canonical: `${ctx.config.publicUrl}/search`,
      });
      return reply.type(HTML).header('cache-control', 'no-cache').send(html);
    },
  );

  app.get(
    '/practices/:id',
    {
      config: { access: 'public' },
      schema: { hide: true, params: idParams },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const practice = await orNotFound(ctx, reply, () => getPractice(ctx, request.params.id));
      if (!practice) return reply;
      const documents = [];
      for (const id of practice.documentIds) {
        const doc = await getPublication(ctx, id).catch(() => undefined);
        if (doc) documents.push({ id: doc.id, title: doc.localTitle });
      }
      const view = renderPractice(ctx.locale, practice, ctx.config.publicUrl, documents);
      return reply.type(HTML).send(
        page({
          locale: ctx.locale,
          ...view,
          canonical: `${ctx.config.publicUrl}/practices/${practice.id}`,
        }),
      );
    },
  );

  app.get(
    '/publications/:id',
    {
      config: { access: 'public' },
      schema: { hide: true, params: idParams },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const publication = await orNotFound(ctx, reply, () => getPublication(ctx, request.params.id));
      if (!publication) return reply;
      const view = renderPublication(ctx.locale, publication, ctx.config.publicUrl);
      return reply.type(HTML).send(
        page({
          locale: ctx.locale,
          ...view,
          canonical: `${ctx.config.publicUrl}/publications/${publication.id}`,
        }),
      );
    },
  );

  app.get(
    '/feeds/publications.atom',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) =>
      reply.type('application/atom+xml; charset=utf-8').send(await publicationsFeed(contextOf(request))),
  );
};
