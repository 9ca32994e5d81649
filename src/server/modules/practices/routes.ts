import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, labelMap, line, text, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import './policy.ts';
import { PRACTICE_STATUSES } from './schema.ts';
import * as service from './service.ts';
import { comment, TRANSITIONS, type TransitionAction, transition } from './workflow.ts';

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
const richText = text(200_000);
const labels = (value: z.ZodType<string>) => labelMap(value, 30);
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
const url = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'An http(s) address');

const practiceFields = {
  title: line(300),
  titles: labels(line(300)).optional(),
  description: richText.optional(),
  descriptions: labels(richText).optional(),
  organisationId: uuid.optional(),
  responsible: z
    .array(z.strictObject({ organisationId: uuid, typeCode: code.optional() }))
    .max(50)
    .optional(),
  regions: z.array(code).max(10).optional(),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(250)
    .optional(),
  themes: z.array(code).max(50).optional(),
  mlflm: z.array(code).max(200).optional(),
  documentIds: z.array(uuid).max(100).optional(),
  periodStart: partialDate.nullable().optional(),
  periodEnd: partialDate.nullable().optional(),
  sources: z
    .array(z.strictObject({ title: line(500), url: url.optional() }))
    .max(50)
    .optional(),
};

export const practiceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/practices',
    {
      config: { access: { resource: 'practice', action: 'list' } },
      schema: {
        tags: ['practices'],
        summary: 'Good practices this person may see (staff: all; member editors: their own and published)',
        querystring: z.strictObject({
          status: z.enum(PRACTICE_STATUSES).optional(),
          organisationId: uuid.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
      },
    },
    async (request) => service.listPractices(contextOf(request), request.query),
  );

  app.post(
    '/practices',
    {
      config: { access: { resource: 'practice', action: 'create' } },
      schema: {
        tags: ['practices'],
        summary: 'Propose a good practice (a draft)',
        body: z.strictObject(practiceFields),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createPractice(contextOf(request), request.body) }),
  );

  // Public: a published practice is readable by anyone; the service hides drafts as 404.
  app.get(
    '/practices/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['practices', 'public'],
        summary: 'A good practice (published ones are public)',
        params: idParams,
      },
    },
    async (request) => ({ data: await service.getPractice(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/practices/:id',
    {
      config: { access: { resource: 'practice', action: 'update' } },
      schema: {
        tags: ['practices'],
        summary: 'Edit a practice (proposers while it is a draft or sent back; staff always)',
        params: idParams,
        body: z.strictObject({ ...practiceFields, title: line(300).optional(), version }),
      },
    },
    async (request) => ({
      data: await service.updatePractice(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/practices/:id',
    {
      config: { access: { resource: 'practice', action: 'delete' } },
      schema: {
        tags: ['practices'],
        summary: 'Delete a draft',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await service.deletePractice(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/practices/:id/transitions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['practices'],
        summary: 'Submit, request changes, publish, reject or unpublish a practice',
        params: idParams,
        body: z.strictObject({
          action: z.enum(Object.keys(TRANSITIONS) as [TransitionAction, ...TransitionAction[]]),
          comment: text(5000, { trim: true }).optional(),
          version,
        }),
      },
    },
    async (request) => ({ data: await transition(contextOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/practices/:id/comments',
    {
      config: { access: { resource: 'practice', action: 'comment' } },
      schema: {
        tags: ['practices'],
        summary: 'Add a review comment',
        params: idParams,
        body: z.strictObject({ comment: text(5000, { trim: true }).min(1) }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await comment(contextOf(request), request.params.id, request.body.comment) }),
  );
};
