import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { labels } from '../vocabularies/routes.ts';
import * as service from './service.ts';

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const countries = z.array(countryCode).max(300);
const regionCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/);

export const geographyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/geography/countries',
    {
      config: { access: 'public' },
      schema: {
        tags: ['geography'],
        summary: 'ISO 3166-1 countries with alpha-3, UN M49 and names in every UI language',
      },
    },
    async (request) => ({ data: service.listCountries(request.locale) }),
  );

  app.get(
    '/geography/groupings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['geography'],
        summary:
          'ILO regions, inter-governmental groupings and the network’s own regions, with member countries',
        querystring: z.strictObject({
          kind: z.enum(['ilo_region', 'grouping', 'network_region']).optional(),
        }),
      },
    },
    async (request) => ({ data: await service.listGroupings(contextOf(request), request.query.kind) }),
  );

  app.get(
    '/geography/groupings/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['geography'],
        summary: 'One region or grouping',
        params: z.strictObject({ code: regionCode }),
      },
    },
    async (request) => ({ data: await service.getGrouping(contextOf(request), request.params.code) }),
  );

  app.post(
    '/geography/regions',
    {
      config: { access: { resource: 'geoRegion', action: 'create' } },
      schema: {
        tags: ['geography'],
        summary: 'Add a region of the network',
        body: z.strictObject({
          code: regionCode,
          labels: labels.refine((l) => Boolean(l.en), 'English label required'),
          countries,
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createRegion(contextOf(request), request.body) }),
  );

  app.patch(
    '/geography/regions/:id',
    {
      config: { access: { resource: 'geoRegion', action: 'update' } },
      schema: {
        tags: ['geography'],
        summary: 'Rename a region or change its countries',
        params: idParams,
        body: z.strictObject({
          labels: labels.optional(),
          countries: countries.optional(),
          version: z.number().int().min(1),
        }),
      },
    },
    async (request) => ({
      data: await service.updateRegion(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/geography/regions/:id',
    {
      config: { access: { resource: 'geoRegion', action: 'delete' } },
      schema: {
        tags: ['geography'],
        summary: 'Remove a region of the network',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await service.deleteRegion(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};
