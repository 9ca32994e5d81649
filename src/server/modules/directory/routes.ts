import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, line } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { findDuplicates, mergeOrganisations, similarTo } from './duplicates.ts';
import {
  countryCode,
  organisationFields,
  organisationInput,
  organisationListQuery,
  partialDate,
  termCode,
} from './inputs.ts';
import { mapSvg } from './map.ts';
import { createMembership, deleteMembership, updateMembership } from './memberships.ts';
import { getPublicOrganisation, listPublicOrganisations } from './public.ts';
import * as service from './service.ts';

const version = z.number().int().min(1);
const publicQuery = organisationListQuery.omit({
  published: true,
  format: true,
  network: true,
  role: true,
  activeOn: true,
});
const mapQuery = organisationListQuery.omit({ limit: true, cursor: true, format: true, sort: true });

const publicMapQuery = mapQuery.omit({ published: true, network: true, role: true, activeOn: true });

const FORMATS = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      config: { access: { resource: 'organisation', action: 'list' } },
      schema: {
        tags: ['directory'],
        summary:
          'Organisations, filtered and paginated; Accept: text/csv or ?format=csv|xlsx|popolo exports exactly this list',
        querystring: organisationListQuery,
      },
    },
    async (request, reply) => {
      const accept = String(request.headers.accept ?? '')
        .split(',')[0]!
        .trim() as keyof typeof FORMATS;
      const format = request.query.format ?? FORMATS[accept] ?? 'json';
      const result = await service.listOrganisations(contextOf(request), request.query, format);
      if (result.kind === 'json') return result.body;
      return reply
        .type(result.contentType)
        .header('content-disposition', `attachment; filename="${result.fileName}"`)
        .send(result.body);
    },
  );

  app.get(
    '/organisations/map.svg',
    {
      config: { access: { resource: 'organisation', action: 'list' } },
      schema: {
        tags: ['directory'],
        summary: 'The member map as SVG (same filters as the list)',
        querystring: mapQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const counts = await service.organisationMap(ctx, request.query, false);
      const title = translate(ctx.locale, 'Map of the organisations listed');
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'private, no-cache')
        .send(mapSvg(counts, ctx.locale, title));
    },
  );

  app.get(
    '/organisations/map',
    {
      config: { access: { resource: 'organisation', action: 'list' } },
      schema: {
        tags: ['directory'],
        summary: 'Matching organisations per country, for the map',
        querystring: mapQuery,
      },
    },
    async (request) => ({ data: await service.organisationMap(contextOf(request), request.query, false) }),
  );

  app.get(
    '/organisations/similar',
    {
      config: { access: { resource: 'organisation', action: 'list' } },
      schema: {
        tags: ['directory'],
        summary: 'Organisations with a similar name (trigram), e.g. before creating one',
        querystring: z.strictObject({
          name: line(300),
          country: countryCode.optional(),
          excludeId: z.uuid().optional(),
          threshold: z.coerce.number().min(0.1).max(1).default(0.4),
        }),
      },
    },
    async (request) => ({ data: await similarTo(contextOf(request), request.query) }),
  );

  app.get(
    '/organisations/duplicates',
    {
      config: { access: { resource: 'organisation', action: 'merge' } },
      schema: {
        tags: ['directory'],
        summary: 'Likely duplicates: similar names within one country',
        querystring: z.strictObject({
          country: countryCode.optional(),
          threshold: z.coerce.number().min(0.3).max(1).default(0.6),
          /** Organisations examined per page (each with up to 10 look-alikes). */
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.string().max(2000).optional(),
        }),
      },
    },
    async (request) => findDuplicates(contextOf(request), request.query),
  );

  app.get(
    '/organisations/:id',
    {
      config: { access: { resource: 'organisation', action: 'read' } },
      schema: {
        tags: ['directory'],
        summary: 'An organisation with memberships, members, people and history',
        params: idParams,
      },
    },
    async (request) => ({ data: await service.getOrganisation(contextOf(request), request.params.id) }),
  );

  app.post(
    '/organisations',
    {
      config: { access: { resource: 'organisation', action: 'create' } },
      schema: { tags: ['directory'], summary: 'Add an organisation or network', body: organisationInput },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createOrganisation(contextOf(request), request.body) }),
  );

  app.patch(
    '/organisations/:id',
    {
      config: { access: { resource: 'organisation', action: 'update' } },
      schema: {
        tags: ['directory'],
        summary: 'Change an organisation; a stale version gets 409 version_conflict',
        params: idParams,
        body: z.strictObject({ ...organisationFields, name: organisationFields.name.optional(), version }),
      },
    },
    async (request) => ({
      data: await service.updateOrganisation(contextOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/organisations/:id/merge',
    {
      config: { access: { resource: 'organisation', action: 'merge' } },
      schema: {
        tags: ['directory'],
        summary: 'Merge a duplicate into this organisation, keeping memberships and history',
        params: idParams,
        body: z.strictObject({ duplicateId: z.uuid(), version, duplicateVersion: version }),
      },
    },
    async (request) => ({
      data: await mergeOrganisations(contextOf(request), request.params.id, request.body),
    }),
  );

  const membershipBody = {
    roleCode: termCode,
    label: line(200).nullable().optional(),
    countryCode: countryCode.nullable().optional(),
    startDate: partialDate.nullable().optional(),
    endDate: partialDate.nullable().optional(),
  };

  app.post(
    '/memberships',
    {
      config: { access: { resource: 'membership', action: 'create' } },
      schema: {
        tags: ['directory'],
        summary: 'Link an organisation or a person to a network or organisation with a role and dates',
        body: z.strictObject({
          organisationId: z.uuid().optional(),
          personId: z.uuid().optional(),
          parentId: z.uuid(),
          ...membershipBody,
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await createMembership(contextOf(request), request.body) }),
  );

  app.patch(
    '/memberships/:id',
    {
      config: { access: { resource: 'membership', action: 'update' } },
      schema: {
        tags: ['directory'],
        summary: 'Change a membership’s role, post or dates',
        params: idParams,
        body: z.strictObject({ ...membershipBody, roleCode: termCode.optional(), version }),
      },
    },
    async (request) => ({
      data: await updateMembership(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/memberships/:id',
    {
      config: { access: { resource: 'membership', action: 'delete' } },
      schema: {
        tags: ['directory'],
        summary: 'Remove a membership (set an end date instead to keep it in the history)',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await deleteMembership(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/public/organisations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory', 'public'],
        summary: 'Published organisations, for the public directory',
        querystring: publicQuery,
      },
    },
    async (request) => listPublicOrganisations(contextOf(request), request.query),
  );

  app.get(
    '/public/organisations/map',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory', 'public'],
        summary: 'Published organisations per country',
        querystring: publicMapQuery,
      },
    },
    async (request) => ({ data: await service.organisationMap(contextOf(request), request.query, true) }),
  );

  app.get(
    '/public/organisations/map.svg',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory', 'public'],
        summary: 'Published organisations on the map, as SVG',
        querystring: publicMapQuery,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const counts = await service.organisationMap(ctx, request.query, true);
      const title = translate(ctx.locale, 'Map of the organisations listed');
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'no-cache')
        .send(mapSvg(counts, ctx.locale, title));
    },
  );

  app.get(
    '/public/organisations/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['directory', 'public'],
        summary: 'A published organisation with schema.org JSON-LD',
        params: idParams,
      },
    },
    async (request) => ({ data: await getPublicOrganisation(contextOf(request), request.params.id) }),
  );
};
