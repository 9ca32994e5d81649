import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, line } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { contactPoint, countryCode, isoDate, longText, termCode } from '../directory/inputs.ts';
import * as service from './service.ts';

const personFields = {
  name: line(200),
  sortName: line(200).nullable().optional(),
  honorificPrefix: line(50).nullable().optional(),
  summary: longText(2000).nullable().optional(),
  countryCode: countryCode.nullable().optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/))
    .max(30)
    .optional(),
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()./-]+$/)
    .nullable()
    .optional(),
  contactDetails: z.array(contactPoint).max(20).optional(),
  publicConsent: z.boolean().optional(),
  externalId: line(100).nullable().optional(),
};

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people',
    {
      config: { access: { resource: 'person', action: 'list' } },
      schema: {
        tags: ['directory'],
        summary: 'People of the directory, filtered; ?format=csv|xlsx|popolo exports the same list',
        querystring: z.strictObject({
          q: line(200).optional(),
          country: countryCode.optional(),
          region: z
            .string()
            .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)
            .optional(),
          organisation: z.uuid().optional(),
          role: termCode.optional(),
          activeOn: isoDate.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
          format: z.enum(['json', 'csv', 'xlsx', 'popolo']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const wantsCsv = String(request.headers.accept ?? '').startsWith('text/csv');
      const result = await service.listPeople(contextOf(request), {
        ...request.query,
        format: request.query.format ?? (wantsCsv ? 'csv' : 'json'),
      });
      if (result.kind === 'file') {
        return reply
          .type(result.contentType)
          .header('content-disposition', `attachment; filename="${result.fileName}"`)
          .send(result.body);
      }
      return result.body;
    },
  );

  app.get(
    '/people/:id',
    {
      config: { access: { resource: 'person', action: 'read' } },
      schema: { tags: ['directory'], summary: 'A person with posts and affiliations', params: idParams },
    },
    async (request) => ({ data: await service.getPerson(contextOf(request), request.params.id) }),
  );

  app.post(
    '/people',
    {
      config: { access: { resource: 'person', action: 'create' } },
      schema: { tags: ['directory'], summary: 'Add a person', body: z.strictObject(personFields) },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createPerson(contextOf(request), request.body) }),
  );

  app.patch(
    '/people/:id',
    {
      config: { access: { resource: 'person', action: 'update' } },
      schema: {
        tags: ['directory'],
        summary: 'Change a person (stale version → 409)',
        params: idParams,
        body: z.strictObject({
          ...personFields,
          name: personFields.name.optional(),
          version: z.number().int().min(1),
        }),
      },
    },
    async (request) => ({
      data: await service.updatePerson(contextOf(request), request.params.id, request.body),
    }),
  );
};
