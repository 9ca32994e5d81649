import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http/context.ts';
import * as schemas from './schemas.ts';
import * as sharing from './service-sharing.ts';
import * as timeline from './service-timeline.ts';

const tags = ['cases'];
const access = (action: string) => ({ access: { resource: 'case', action } });

/** Consent, referrals, timeline and tasks of a case. */
export const caseWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases/:id/consents',
    {
      config: access('manageConsent'),
      schema: { tags, summary: 'Consents recorded for the case', params: schemas.caseParams },
    },
    async (request) => ({ data: await sharing.listConsents(contextOf(request), request.params.id) }),
  );

  app.post(
    '/cases/:id/consents',
    {
      config: access('manageConsent'),
      schema: {
        tags,
        summary: 'Record consent for a purpose, with date and method',
        params: schemas.caseParams,
        body: schemas.consentBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await sharing.recordConsent(contextOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/cases/:id/consents/:childId/withdraw',
    {
      config: access('manageConsent'),
      schema: {
        tags,
        summary: 'Withdraw a consent (revokes referrals that relied on it)',
        params: schemas.childParams,
      },
    },
    async (request) => ({
      data: await sharing.withdrawConsent(contextOf(request), request.params.id, request.params.childId),
    }),
  );

  app.get(
    '/cases/:id/referrals',
    {
      config: access('refer'),
      schema: { tags, summary: 'Referrals of the case', params: schemas.caseParams },
    },
    async (request) => ({ data: await sharing.listReferrals(contextOf(request), request.params.id) }),
  );

  app.post(
    '/cases/:id/referrals',
    {
      config: access('refer'),
      schema: {
        tags,
        summary: 'Refer the case (needs sharing consent, or a supervisor override with a reason)',
        params: schemas.caseParams,
        body: schemas.referralBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await sharing.referCase(contextOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/cases/:id/referrals/:childId/respond',
    {
      config: { access: { resource: 'caseReferral', action: 'respond' } },
      schema: {
        tags,
        summary: 'Accept or reject a referral addressed to you',
        params: schemas.childParams,
        body: schemas.respondBody,
      },
    },
    async (request) => ({
      data: await sharing.respondToReferral(
        contextOf(request),
        request.params.id,
        request.params.childId,
        request.body,
      ),
    }),
  );

  app.post(
    '/cases/:id/referrals/:childId/revoke',
    {
      config: { access: { resource: 'caseReferral', action: 'revoke' } },
      schema: {
        tags,
        summary: 'Withdraw a referral you sent',
        params: schemas.childParams,
        body: z.strictObject({ version: z.number().int().min(1) }),
      },
    },
    async (request) => ({
      data: await sharing.revokeReferral(
        contextOf(request),
        request.params.id,
        request.params.childId,
        request.body.version,
      ),
    }),
  );

  app.get(
    '/case-referrals/incoming',
    {
      config: { access: { resource: 'caseReferral', action: 'listIncoming' } },
      schema: { tags, summary: 'Referrals addressed to you or an organisation you supervise' },
    },
    async (request) => ({ data: await sharing.listIncoming(contextOf(request)) }),
  );

  app.get(
    '/cases/:id/events',
    {
      config: access('readTimeline'),
      schema: { tags, summary: 'The timeline (decryption audited)', params: schemas.caseParams },
    },
    async (request) => ({ data: await timeline.listEvents(contextOf(request), request.params.id) }),
  );

  app.post(
    '/cases/:id/events',
    {
      config: access('addEvent'),
      schema: {
        tags,
        summary: 'Add an event, action, note or a reply the client can read',
        params: schemas.caseParams,
        body: schemas.eventBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await timeline.addEvent(contextOf(request), request.params.id, request.body) }),
  );

  app.get(
    '/cases/:id/tasks',
    {
      config: access('manageTasks'),
      schema: { tags, summary: 'Tasks with deadlines and reminders', params: schemas.caseParams },
    },
    async (request) => ({ data: await timeline.listTasks(contextOf(request), request.params.id) }),
  );

  app.post(
    '/cases/:id/tasks',
    {
      config: access('manageTasks'),
      schema: { tags, summary: 'Add a task', params: schemas.caseParams, body: schemas.taskBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await timeline.addTask(contextOf(request), request.params.id, request.body) }),
  );

  app.patch(
    '/cases/:id/tasks/:childId',
    {
      config: access('manageTasks'),
      schema: {
        tags,
        summary: 'Change or complete a task (with the version you read)',
        params: schemas.childParams,
        body: schemas.taskUpdateBody,
      },
    },
    async (request) => ({
      data: await timeline.updateTask(
        contextOf(request),
        request.params.id,
        request.params.childId,
        request.body,
      ),
    }),
  );
};
