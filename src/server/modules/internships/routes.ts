import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, labelMap, line, text, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { day } from '../agreements/inputs.ts';
import { APPLICATION_STATUSES } from './schema.ts';
import * as service from './service.ts';

const tags = ['internships'];
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
const opportunityFields = {
  title: line(300),
  titles: labelMap(line(300), 30).optional(),
  description: text(20_000, { trim: true }).optional(),
  descriptions: labelMap(text(20_000, { trim: true }), 30).optional(),
  organisationId: uuid.optional(),
  programmeId: uuid.nullable().optional(),
  open: z.boolean().optional(),
};
const placementFields = {
  schoolOrganisationId: uuid.nullable().optional(),
  supervisorPersonId: uuid.nullable().optional(),
  programmeId: uuid.nullable().optional(),
  startsOn: day,
  endsOn: day,
};

/** Staff side of internships: opportunities, applications (review, place, delete), placements. */
export const internshipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/internship-opportunities',
    {
      config: { access: { resource: 'internshipOpportunity', action: 'list' } },
      schema: { tags, summary: "Opportunities of the person's organisation (network administrators: all)" },
    },
    async (request) => ({ data: await service.listOpportunities(contextOf(request)) }),
  );
  app.get(
    '/internship-programmes',
    {
      config: { access: { resource: 'internshipOpportunity', action: 'list' } },
      schema: { tags, summary: 'Programmes an opportunity or a placement can name' },
    },
    async (request) => ({ data: await service.programmeChoices(contextOf(request)) }),
  );
  app.post(
    '/internship-opportunities',
    {
      config: { access: { resource: 'internshipOpportunity', action: 'create' } },
      schema: { tags, summary: 'Describe an opportunity', body: z.strictObject(opportunityFields) },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createOpportunity(contextOf(request), request.body) }),
  );
  app.patch(
    '/internship-opportunities/:id',
    {
      config: { access: { resource: 'internshipOpportunity', action: 'update' } },
      schema: {
        tags,
        summary: 'Edit an opportunity, open or close it',
        params: idParams,
        body: z.strictObject({ ...opportunityFields, title: line(300).optional(), version }),
      },
    },
    async (request) => ({
      data: await service.updateOpportunity(contextOf(request), request.params.id, request.body),
    }),
  );
  app.delete(
    '/internship-opportunities/:id',
    {
      config: { access: { resource: 'internshipOpportunity', action: 'delete' } },
      schema: {
        tags,
        summary: 'Delete an opportunity without applications',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deleteOpportunity(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/internship-applications',
    {
      config: { access: { resource: 'internshipApplication', action: 'list' } },
      schema: {
        tags,
        summary: "Applications to the person's organisation (network administrators: all)",
        querystring: z.strictObject({ status: z.enum(APPLICATION_STATUSES).optional() }),
      },
    },
    async (request) => ({ data: await service.listApplications(contextOf(request), request.query) }),
  );
  app.get(
    '/internship-applications/:id',
    {
      config: { access: { resource: 'internshipApplication', action: 'read' } },
      schema: { tags, summary: 'An application with its placement', params: idParams },
    },
    async (request) => ({ data: await service.getApplication(contextOf(request), request.params.id) }),
  );
  app.get(
    '/internship-applications/:id/matches',
    {
      config: { access: { resource: 'internshipApplication', action: 'place' } },
      schema: { tags, summary: 'Directory people with the applicant’s email or name', params: idParams },
    },
    async (request) => ({ data: await service.applicationMatches(contextOf(request), request.params.id) }),
  );
  app.post(
    '/internship-applications/:id/review',
    {
      config: { access: { resource: 'internshipApplication', action: 'review' } },
      schema: {
        tags,
        summary: 'Shortlist, decline or reopen an application',
        params: idParams,
        body: z.strictObject({
          status: z.enum(['received', 'shortlisted', 'declined']),
          note: text(5000, { trim: true }).nullable().optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await service.reviewApplication(contextOf(request), request.params.id, request.body),
    }),
  );
  app.post(
    '/internship-applications/:id/placement',
    {
      config: { access: { resource: 'internshipApplication', action: 'place' } },
      schema: {
        tags,
        summary: 'Place a shortlisted applicant: intern, school, supervisor, programme, period',
        params: idParams,
        body: z.strictObject({
          intern: z.union([
            z.strictObject({ personId: uuid }),
            z.strictObject({
              createFromApplication: z.literal(true),
              confirmNoMatch: z.boolean().optional(),
            }),
          ]),
          ...placementFields,
          version,
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await service.placeApplicant(contextOf(request), request.params.id, request.body) }),
  );
  app.delete(
    '/internship-applications/:id',
    {
      config: { access: { resource: 'internshipApplication', action: 'delete' } },
      schema: {
        tags,
        summary: 'Delete an application (its placement stays)',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deleteApplication(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/internship-placements',
    {
      config: { access: { resource: 'internshipApplication', action: 'list' } },
      schema: { tags, summary: "Placements of the person's organisation (network administrators: all)" },
    },
    async (request) => ({ data: await service.listPlacements(contextOf(request)) }),
  );
  app.patch(
    '/internship-placements/:id',
    {
      config: { access: { resource: 'internshipApplication', action: 'place' } },
      schema: {
        tags,
        summary: 'Edit a placement',
        params: idParams,
        body: z.strictObject({
          ...placementFields,
          startsOn: day.optional(),
          endsOn: day.optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await service.updatePlacement(contextOf(request), request.params.id, request.body),
    }),
  );
  app.delete(
    '/internship-placements/:id',
    {
      config: { access: { resource: 'internshipApplication', action: 'place' } },
      schema: {
        tags,
        summary: 'Undo a placement (the application returns to the shortlist)',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deletePlacement(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};
