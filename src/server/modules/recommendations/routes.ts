import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, labelMap, text, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import * as dialogues from './dialogues.ts';
import { RECOMMENDATION_STATUSES } from './schema.ts';
import * as service from './service.ts';

const recText = text(10_000, { trim: true, plain: true }).pipe(z.string().min(1));
const code = z
  .string()
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/);
const country = z.string().regex(/^[A-Z]{2}$/);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'A real date');
const link = z
  .string()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/ }));

const fields = {
  eventId: uuid,
  text: recText,
  texts: labelMap(text(10_000, { trim: true, plain: true }), 30).optional(),
  addresseeId: uuid,
  themes: z.array(code).max(30).optional(),
  countries: z.array(country).max(60).optional(),
};

export const listQuery = z.strictObject({
  dialogue: uuid.optional(),
  country: country.optional(),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  theme: code.optional(),
  addressee: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const updateParams = z.strictObject({ id: uuid, updateId: uuid });

export const recommendationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/recommendations',
    {
      config: { access: { resource: 'recommendation', action: 'list' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Recommendations of dialogues this person may see, filtered',
        querystring: listQuery,
      },
    },
    async (request) => service.listRecommendations(contextOf(request), request.query),
  );

  app.get(
    '/recommendations/options',
    {
      config: { access: { resource: 'recommendation', action: 'list' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Dialogues, government counterparts and themes for forms',
      },
    },
    async (request) => ({ data: await dialogues.options(contextOf(request)) }),
  );

  app.post(
    '/recommendations',
    {
      config: { access: { resource: 'recommendation', action: 'create' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Record a recommendation a dialogue adopted (status proposed)',
        body: z.strictObject(fields),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createRecommendation(contextOf(request), request.body) }),
  );

  app.get(
    '/recommendations/:id',
    {
      config: { access: { resource: 'recommendation', action: 'read' } },
      schema: { tags: ['recommendations'], summary: 'A recommendation with its history', params: idParams },
    },
    async (request) => ({ data: await service.getRecommendation(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/recommendations/:id',
    {
      config: { access: { resource: 'recommendation', action: 'update' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Edit a recommendation (its status changes only through updates)',
        params: idParams,
        body: z.strictObject({
          ...fields,
          eventId: uuid.optional(),
          text: recText.optional(),
          addresseeId: uuid.optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await service.updateRecommendation(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/recommendations/:id',
    {
      config: { access: { resource: 'recommendation', action: 'delete' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Delete a recommendation with its history',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await service.deleteRecommendation(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/recommendations/:id/updates',
    {
      config: { access: { resource: 'recommendation', action: 'track' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Record a dated status update with a note and evidence',
        params: idParams,
        body: z.strictObject({
          status: z.enum(RECOMMENDATION_STATUSES),
          date: day,
          note: text(5000, { trim: true, plain: true }).pipe(z.string().min(1)),
          documentId: uuid.nullable().optional(),
          evidenceUrl: link.nullable().optional(),
          version,
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await service.recordUpdate(contextOf(request), request.params.id, request.body) }),
  );

  app.delete(
    '/recommendations/:id/updates/:updateId',
    {
      config: { access: { resource: 'recommendation', action: 'track' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Undo the latest update',
        params: updateParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request) => ({
      data: await service.undoUpdate(
        contextOf(request),
        request.params.id,
        request.params.updateId,
        request.query.version,
      ),
    }),
  );

  app.get(
    '/dialogues/:id/counterparts',
    {
      config: { access: { resource: 'event', action: 'list' } },
      schema: {
        tags: ['recommendations'],
        summary: 'The government counterparts of a dialogue',
        params: idParams,
      },
    },
    async (request) => ({ data: await dialogues.getCounterparts(contextOf(request), request.params.id) }),
  );

  app.put(
    '/dialogues/:id/counterparts',
    {
      config: { access: { resource: 'event', action: 'update' } },
      schema: {
        tags: ['recommendations'],
        summary: 'Set the government counterparts of a dialogue, in order',
        params: idParams,
        body: z.strictObject({ organisationIds: z.array(uuid).max(50), version }),
      },
    },
    async (request) => ({
      data: await dialogues.setCounterparts(
        contextOf(request),
        request.params.id,
        request.body.organisationIds,
        request.body.version,
      ),
    }),
  );
};
