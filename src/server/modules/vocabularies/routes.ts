import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { labelMap, line, text } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import * as service from './service.ts';
import { exportVocabularyCsv, importVocabularyCsv } from './transfer.ts';

const key = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/);
const code = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/);
/** Labels by language code; English is required when a term is created. */
export const labels = labelMap(line(200), 40);
const keyParams = z.strictObject({ key });
const termParams = z.strictObject({ key, code });

export const vocabularyRoutes: FastifyPluginAsyncZod = async (app) => {
  // Vocabulary CSV uploads are small files sent as the body itself.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/vocabularies',
    {
      config: { access: 'public' },
      schema: { tags: ['vocabularies'], summary: 'Controlled vocabularies' },
    },
    async (request) => ({ data: await service.listVocabularies(contextOf(request)) }),
  );

  app.post(
    '/vocabularies',
    {
      config: { access: { resource: 'vocabulary', action: 'create' } },
      schema: {
        tags: ['vocabularies'],
        summary: 'Create a vocabulary',
        body: z.strictObject({
          key,
          labels: labels.refine((l) => Boolean(l.en), 'English label required'),
          description: line(1000).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createVocabulary(contextOf(request), request.body) }),
  );

  app.get(
    '/vocabularies/:key/terms',
    {
      config: { access: 'public' },
      schema: {
        tags: ['vocabularies'],
        summary: 'Terms of a vocabulary as an ordered tree (depth, parentCode); CSV with ?format=csv',
        params: keyParams,
        querystring: z.strictObject({
          includeRetired: z.enum(['true', 'false']).optional(),
          format: z.enum(['json', 'csv']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const wantsCsv =
        request.query.format === 'csv' || String(request.headers.accept ?? '').startsWith('text/csv');
      if (wantsCsv) {
        const csv = await exportVocabularyCsv(ctx, request.params.key);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${request.params.key}.csv"`)
          .send(csv);
      }
      return {
        data: await service.listTermsFor(ctx, request.params.key, request.query.includeRetired === 'true'),
      };
    },
  );

  app.post(
    '/vocabularies/:key/terms',
    {
      config: { access: { resource: 'vocabulary', action: 'update' } },
      schema: {
        tags: ['vocabularies'],
        summary: 'Add a term',
        params: keyParams,
        body: z.strictObject({
          code,
          parentCode: code.nullable().optional(),
          position: z.number().int().min(0).max(1_000_000).optional(),
          labels: labels.refine((l) => Boolean(l.en), 'English label required'),
          scopeNote: text(2000).nullable().optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await service.createTerm(contextOf(request), request.params.key, request.body) }),
  );

  app.patch(
    '/vocabularies/:key/terms/:code',
    {
      config: { access: { resource: 'vocabulary', action: 'update' } },
      schema: {
        tags: ['vocabularies'],
        summary: 'Change, move or retire a term (records keep using a retired term)',
        params: termParams,
        body: z.strictObject({
          parentCode: code.nullable().optional(),
          position: z.number().int().min(0).max(1_000_000).optional(),
          labels: labels.refine((l) => Boolean(l.en), 'English label required').optional(),
          scopeNote: text(2000).nullable().optional(),
          retired: z.boolean().optional(),
          version: z.number().int().min(1),
        }),
      },
    },
    async (request) => ({
      data: await service.updateTermFor(
        contextOf(request),
        request.params.key,
        request.params.code,
        request.body,
      ),
    }),
  );

  app.post(
    '/vocabularies/:key/import',
    {
      config: { access: { resource: 'vocabulary', action: 'import' } },
      schema: {
        tags: ['vocabularies'],
        summary: 'Import terms from CSV (code, parent_code, label_<lang>…); ?dryRun=true previews',
        params: keyParams,
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType();
      return {
        data: await importVocabularyCsv(
          contextOf(request),
          request.params.key,
          request.body,
          request.query.dryRun === 'true',
        ),
      };
    },
  );
};
