import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { agreementsCsv } from './export.ts';
import {
  agreementCreate,
  agreementQuery,
  agreementUpdate,
  monitoringCreate,
  monitoringUpdate,
} from './inputs.ts';
import * as service from './service.ts';

const tags = ['agreements'];
const entryParams = z.strictObject({ id: uuid, entryId: uuid });
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

/** The agreements register: list (filters and exports), read, write, monitoring entries. Thin: parse → use case. */
export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  // Public: without a session only published agreements are listed (the service decides).
  app.get(
    '/agreements',
    {
      config: { access: 'public' },
      schema: {
        tags: [...tags, 'public'],
        summary:
          'Agreements by country, corridor, provision, status and type; ?format=csv|json downloads exactly this list',
        querystring: agreementQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const rows = await service.listAgreements(contextOf(request), filters);
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="agreements.csv"')
          .send(agreementsCsv(rows));
      if (format === 'json') reply.header('content-disposition', 'attachment; filename="agreements.json"');
      return { data: rows };
    },
  );

  app.get(
    '/agreements/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: [...tags, 'public'],
        summary: 'An agreement with its provisions, corridors, monitoring and corridor case statistics',
        params: idParams,
      },
    },
    async (request) => ({ data: await service.getAgreement(contextOf(request), request.params.id) }),
  );

  app.post(
    '/agreements',
    {
      config: { access: { resource: 'agreement', action: 'create' } },
      schema: { tags, summary: 'Add an agreement to the register', body: agreementCreate },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createAgreement(contextOf(request), request.body) }),
  );

  app.patch(
    '/agreements/:id',
    {
      config: { access: { resource: 'agreement', action: 'update' } },
      schema: {
        tags,
        summary: 'Edit an agreement (names the version it read)',
        params: idParams,
        body: agreementUpdate,
      },
    },
    async (request) => ({
      data: await service.updateAgreement(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/agreements/:id',
    {
      config: { access: { resource: 'agreement', action: 'delete' } },
      schema: {
        tags,
        summary: 'Remove an agreement and its monitoring entries',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deleteAgreement(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/agreements/:id/monitoring',
    {
      config: { access: { resource: 'agreement', action: 'monitor' } },
      schema: { tags, summary: 'Add a dated monitoring finding', params: idParams, body: monitoringCreate },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await service.addMonitoring(contextOf(request), request.params.id, request.body) }),
  );

  app.patch(
    '/agreements/:id/monitoring/:entryId',
    {
      config: { access: { resource: 'agreement', action: 'monitor' } },
      schema: { tags, summary: 'Edit a monitoring finding', params: entryParams, body: monitoringUpdate },
    },
    async (request) => ({
      data: await service.updateMonitoring(
        contextOf(request),
        request.params.id,
        request.params.entryId,
        request.body,
      ),
    }),
  );

  app.delete(
    '/agreements/:id/monitoring/:entryId',
    {
      config: { access: { resource: 'agreement', action: 'monitor' } },
      schema: {
        tags,
        summary: 'Remove a monitoring finding',
        params: entryParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deleteMonitoring(
        contextOf(request),
        request.params.id,
        request.params.entryId,
        request.query.version,
      );
      return reply.code(204).send();
    },
  );
};
