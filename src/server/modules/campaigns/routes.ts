import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import './linked-work.ts';
import './policy.ts';
import { addEndorsement, listEndorsements, removeEndorsement } from './endorsements.ts';
import { campaignFields, countryCode, isoDate, stageChangeBody, trackerQuery } from './inputs.ts';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from './schema.ts';
import * as service from './service.ts';
import { getTracker, recordStageChange, undoStageChange } from './tracker.ts';

const countryParams = z.strictObject({ id: uuid, country: countryCode });
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/campaigns',
    {
      config: { access: 'public' },
      schema: {
        tags: ['campaigns', 'public'],
        summary: 'Campaigns (the public: published ones; staff: all; member editors: also their own drafts)',
        querystring: z.strictObject({
          status: z.enum(CAMPAIGN_STATUSES).optional(),
          typeCode: z.enum(CAMPAIGN_TYPES).optional(),
          programmeId: uuid.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
      },
    },
    async (request) => service.listCampaigns(contextOf(request), request.query),
  );

  app.post(
    '/campaigns',
    {
      config: { access: { resource: 'campaign', action: 'create' } },
      schema: { tags: ['campaigns'], summary: 'Start a campaign', body: z.strictObject(campaignFields) },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createCampaign(contextOf(request), request.body) }),
  );

  app.get(
    '/campaigns/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['campaigns', 'public'],
        summary: 'A campaign with its country trackers and timeline (published ones are public)',
        params: idParams,
      },
    },
    async (request) => ({ data: await service.getCampaign(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/campaigns/:id',
    {
      config: { access: { resource: 'campaign', action: 'update' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Edit a campaign (fields left out stay as they are)',
        params: idParams,
        body: z.strictObject({
          ...campaignFields,
          slug: campaignFields.slug.optional(),
          name: campaignFields.name.optional(),
          typeCode: campaignFields.typeCode.optional(),
          periodStart: campaignFields.periodStart.optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await service.updateCampaign(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/campaigns/:id',
    {
      config: { access: { resource: 'campaign', action: 'delete' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Delete a campaign',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deleteCampaign(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/campaigns/:id/countries',
    {
      config: { access: 'public' },
      schema: {
        tags: ['campaigns', 'public'],
        summary: 'Where each country stands, with the timeline of stage changes (filters: stage, country)',
        params: idParams,
        querystring: trackerQuery,
      },
    },
    async (request) => getTracker(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/campaigns/:id/countries/:country/changes',
    {
      config: { access: { resource: 'campaign', action: 'track' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Move a country to a stage (in order, or marked as a correction)',
        params: countryParams,
        body: stageChangeBody,
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        data: await recordStageChange(
          contextOf(request),
          request.params.id,
          request.params.country,
          request.body,
        ),
      }),
  );

  app.delete(
    '/campaigns/:id/countries/:country/changes/:changeId',
    {
      config: { access: { resource: 'campaign', action: 'track' } },
      schema: {
        tags: ['campaigns'],
        summary: "Undo a country's latest stage change (version: the tracker's)",
        params: z.strictObject({ id: uuid, country: countryCode, changeId: uuid }),
        querystring: versionQuery,
      },
    },
    async (request) => ({
      data: await undoStageChange(
        contextOf(request),
        request.params.id,
        request.params.country,
        request.params.changeId,
        request.query.version,
      ),
    }),
  );

  app.get(
    '/campaigns/:id/endorsements',
    {
      config: { access: 'public' },
      schema: {
        tags: ['campaigns', 'public'],
        summary: 'The organisations that signed the statement, and how many',
        params: idParams,
      },
    },
    async (request) => listEndorsements(contextOf(request), request.params.id),
  );

  app.post(
    '/campaigns/:id/endorsements',
    {
      config: { access: { resource: 'campaign_endorsement', action: 'create' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Sign the statement for an organisation (member editors: their own)',
        params: idParams,
        body: z.strictObject({ organisationId: uuid, endorsedOn: isoDate.optional() }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await addEndorsement(contextOf(request), request.params.id, request.body) }),
  );

  app.delete(
    '/campaigns/:id/endorsements/:endorsementId',
    {
      config: { access: { resource: 'campaign_endorsement', action: 'delete' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Withdraw a signature',
        params: z.strictObject({ id: uuid, endorsementId: uuid }),
      },
    },
    async (request, reply) => {
      await removeEndorsement(contextOf(request), request.params.id, request.params.endorsementId);
      return reply.code(204).send();
    },
  );
};
