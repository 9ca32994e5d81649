import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { exportCsv, exportRows } from './export.ts';
import { searchQuery } from './params.ts';
import { search } from './service.ts';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  // Public: the public sees public records; a signed-in person also sees private publications.
  app.get(
    '/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['search', 'public'],
        summary: 'Search good practices and publications: ranked hits with snippets and facet counts',
        querystring: searchQuery,
      },
    },
    async (request) => {
      const { format: _format, ...params } = request.query;
      return search(contextOf(request), params);
    },
  );

  app.get(
    '/search/export',
    {
      config: { access: 'public' },
      schema: {
        tags: ['search', 'public'],
        summary: 'Every record of a search exactly as filtered, as CSV (with record URLs) or JSON',
        querystring: searchQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...params } = request.query;
      const wantsCsv =
        format === 'csv' || (!format && String(request.headers.accept ?? '').includes('text/csv'));
      ctx.note({
        action: 'search.export',
        resourceType: 'search',
        details: { format: wantsCsv ? 'csv' : 'json', q: params.q },
      });
      if (wantsCsv) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="tulay-knowledge.csv"')
          .send(await exportCsv(ctx, params));
      }
      return reply
        .header('content-disposition', 'attachment; filename="tulay-knowledge.json"')
        .send({ data: await exportRows(ctx, params) });
    },
  );
};
