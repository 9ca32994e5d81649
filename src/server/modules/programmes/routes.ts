import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { createBody, listQuery, updateBody, versionBody } from './inputs.ts';
import './policy.ts';
import * as service from './service.ts';

/** The programme API: thin handlers, one use case each (service.ts). */
export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes',
    {
      config: { access: { resource: 'programme', action: 'list' } },
      schema: {
        tags: ['programmes'],
        summary: 'Programmes, drafts included, with filters (signed-in staff)',
        querystring: listQuery,
      },
    },
    async (request) => service.listProgrammes(contextOf(request), request.query),
  );

  app.get(
    '/programmes/choices',
    {
      config: { access: { resource: 'programme', action: 'list' } },
      schema: { tags: ['programmes'], summary: 'Every programme by name, for pickers' },
    },
    async (request) => ({ data: await service.programmeChoices(contextOf(request)) }),
  );

  app.post(
    '/programmes',
    {
      config: { access: { resource: 'programme', action: 'create' } },
      schema: { tags: ['programmes'], summary: 'Create a programme (a draft)', body: createBody },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createProgramme(contextOf(request), request.body) }),
  );

  // Public: a published programme is readable by anyone; the service answers others 404.
  app.get(
    '/programmes/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['programmes', 'public'],
        summary: 'A programme (published ones are public)',
        params: idParams,
      },
    },
    async (request) => ({ data: await service.getProgramme(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/programmes/:id',
    {
      config: { access: { resource: 'programme', action: 'update' } },
      schema: {
        tags: ['programmes'],
        summary: 'Edit a programme; lists sent replace the stored ones, fields left out are kept',
        params: idParams,
        body: updateBody,
      },
    },
    async (request) => ({
      data: await service.updateProgramme(contextOf(request), request.params.id, request.body),
    }),
  );

  for (const action of ['publish', 'archive'] as const) {
    app.post(
      `/programmes/:id/${action}`,
      {
        config: { access: { resource: 'programme', action } },
        schema: {
          tags: ['programmes'],
          summary: action === 'publish' ? 'Publish a programme' : 'Archive a programme',
          params: idParams,
          body: versionBody,
        },
      },
      async (request) => ({
        data: await service.setStatus(contextOf(request), request.params.id, action, request.body.version),
      }),
    );
  }

  app.delete(
    '/programmes/:id',
    {
      config: { access: { resource: 'programme', action: 'delete' } },
      schema: {
        tags: ['programmes'],
        summary: 'Delete a draft or archived programme',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await service.deleteProgramme(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};
