import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParams,
  labelMap,
  line,
  text,
  token as tokenSchema,
  uuid,
  version,
} from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { LOCAL_TIME } from '../events/zones.ts';
import * as alumni from './alumni.ts';
import * as completions from './completions.ts';
import * as followUps from './follow-ups.ts';
import { COMPLETION_STATES, SEXES } from './schema.ts';
import * as service from './service.ts';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a date');
const country = z.string().regex(/^[A-Z]{2}$/);
const localTime = z.string().regex(LOCAL_TIME, 'YYYY-MM-DDTHH:mm');
const courseFields = {
  title: line(300),
  titles: labelMap(line(300), 30).optional(),
  description: text(20_000).optional(),
  organisationId: uuid.optional(),
  programmeId: uuid.nullable().optional(),
  issuer: line(300).optional(),
  followUpMonths: z.array(z.number().int().min(1).max(120)).min(1).max(12).optional(),
};
/** A new cohort's event: the events module checks the times, the zone and the sessions. */
const newCohortEvent = z.strictObject({
  title: line(300),
  startsLocal: localTime,
  endsLocal: localTime,
  timeZone: z.string().min(1).max(64),
  city: line(200).nullable().optional(),
  countryCode: country.nullable().optional(),
  online: z.boolean().optional(),
  visibility: z.enum(['public', 'private']).optional(),
  capacity: z.number().int().min(0).max(1_000_000).nullable().optional(),
  sessions: z
    .array(
      z.strictObject({
        title: line(300),
        startsLocal: localTime,
        endsLocal: localTime,
        room: line(200).nullable().optional(),
      }),
    )
    .max(200)
    .optional(),
});
const cohortParams = z.strictObject({ eventId: uuid });
const participantParams = z.strictObject({ eventId: uuid, participantId: uuid });
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
const alumniQuery = z.strictObject({
  country: country.optional(),
  organisation: line(200).optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  sex: z.enum(SEXES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const PDF = 'application/pdf';
const tag = ['trainings'];
const graduates = { resource: 'training', action: 'graduates' } as const;

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/trainings',
    {
      config: { access: { resource: 'training', action: 'list' } },
      schema: { tags: tag, summary: 'Training courses of my organisation (all for network administrators)' },
    },
    async (request) => service.listCourses(contextOf(request)),
  );

  app.get(
    '/trainings/options',
    {
      config: { access: { resource: 'training', action: 'list' } },
      schema: { tags: tag, summary: 'Training events not yet a cohort, colleagues to assign follow-ups to' },
    },
    async (request) => service.courseOptions(contextOf(request)),
  );

  app.get(
    '/trainings/outcomes',
    {
      config: { access: { resource: 'training', action: 'list' } },
      schema: { tags: tag, summary: 'Follow-up outcome terms (vocabulary training_outcome)' },
    },
    async (request) => followUps.outcomeTerms(contextOf(request)),
  );

  app.post(
    '/trainings',
    {
      config: { access: { resource: 'training', action: 'create' } },
      schema: { tags: tag, summary: 'Create a training course', body: z.strictObject(courseFields) },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createCourse(contextOf(request), request.body)),
  );

  app.get(
    '/trainings/:id',
    {
      config: { access: { resource: 'training', action: 'read' } },
      schema: { tags: tag, summary: 'A course with its cohorts', params: idParams },
    },
    async (request) => service.getCourse(contextOf(request), request.params.id),
  );

  app.patch(
    '/trainings/:id',
    {
      config: { access: { resource: 'training', action: 'update' } },
      schema: {
        tags: tag,
        summary: 'Edit a course',
        params: idParams,
        body: z.strictObject({ ...courseFields, title: line(300).optional(), version }),
      },
    },
    async (request) => service.updateCourse(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/trainings/:id',
    {
      config: { access: { resource: 'training', action: 'delete' } },
      schema: {
        tags: tag,
        summary: 'Delete a course (its cohorts’ events stay)',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deleteCourse(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/trainings/:id/cohorts',
    {
      config: { access: { resource: 'training', action: 'update' } },
      schema: {
        tags: tag,
        summary: 'Add a cohort: an existing training-course event, or a new one',
        params: idParams,
        body: z.strictObject({
          label: line(200).nullable().optional(),
          eventId: uuid.optional(),
          event: newCohortEvent.optional(),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addCohort(contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/trainings/:id/cohorts/:eventId',
    {
      config: { access: { resource: 'training', action: 'update' } },
      schema: {
        tags: tag,
        summary: 'Unlink a cohort (the event stays)',
        params: z.strictObject({ id: uuid, eventId: uuid }),
      },
    },
    async (request, reply) => {
      await service.removeCohort(contextOf(request), request.params.id, request.params.eventId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/training-cohorts/:eventId',
    {
      config: { access: graduates },
      schema: {
        tags: tag,
        summary: 'A cohort’s participants with completion and follow-ups',
        params: cohortParams,
      },
    },
    async (request) => completions.getCohort(contextOf(request), request.params.eventId),
  );

  app.put(
    '/training-cohorts/:eventId/completions/:participantId',
    {
      config: { access: graduates },
      schema: {
        tags: tag,
        summary: 'Record completion (completed schedules the follow-ups)',
        params: participantParams,
        body: z.strictObject({
          state: z.enum(COMPLETION_STATES),
          completedOn: date.optional(),
          sex: z.enum(SEXES).optional(),
          countryCode: country.nullable().optional(),
          organisationName: line(300).nullable().optional(),
          language: z
            .string()
            .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/)
            .optional(),
          assigneeId: uuid.nullable().optional(),
          version: version.optional(),
        }),
      },
    },
    async (request) =>
      completions.recordCompletion(
        contextOf(request),
        request.params.eventId,
        request.params.participantId,
        request.body,
      ),
  );

  app.delete(
    '/training-cohorts/:eventId/completions/:participantId',
    {
      config: { access: graduates },
      schema: {
        tags: tag,
        summary: 'Withdraw a completion record',
        params: participantParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      const { eventId, participantId } = request.params;
      await completions.deleteCompletion(contextOf(request), eventId, participantId, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/training-cohorts/:eventId/completions/:participantId/certificate',
    {
      config: { access: graduates },
      schema: {
        tags: tag,
        summary: 'Issue the certificate: a unique number and the participant’s private link (shown once)',
        params: participantParams,
        body: z.strictObject({ version }),
      },
    },
    async (request) =>
      completions.issueCertificate(
        contextOf(request),
        request.params.eventId,
        request.params.participantId,
        request.body.version,
      ),
  );

  app.get(
    '/training-certificates/:number',
    {
      config: { access: graduates },
      schema: {
        tags: tag,
        summary: 'Download a certificate (PDF in the participant’s language)',
        params: z.strictObject({ number: z.string().regex(/^TUL-\d{4}-[A-Z0-9]{8}$/) }),
      },
    },
    async (request, reply) => {
      const { number, pdf } = await completions.certificateByNumber(
        contextOf(request),
        request.params.number,
      );
      return sendPdf(reply, number, pdf);
    },
  );

  app.get(
    '/training-follow-ups',
    {
      config: { access: { resource: 'training', action: 'list' } },
      schema: {
        tags: tag,
        summary: 'Follow-up tasks: mine or all, open, overdue or closed, by due date',
        querystring: z.strictObject({
          scope: z.enum(['mine', 'all']).default('mine'),
          state: z.enum(['open', 'overdue', 'closed']).default('open'),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
      },
    },
    async (request) => followUps.listFollowUps(contextOf(request), request.query),
  );

  app.patch(
    '/training-follow-ups/:id',
    {
      // Signed-in at the door: the service decides with the record (organisers, or the task's assignee).
      config: { access: { resource: 'training', action: 'list' } },
      schema: {
        tags: tag,
        summary: 'Reassign or reschedule a follow-up, or record its outcome (closes it)',
        params: idParams,
        body: z.strictObject({
          assigneeId: uuid.nullable().optional(),
          dueOn: date.optional(),
          outcomeCodes: z.array(z.string().min(1).max(64)).max(20).optional(),
          note: text(5000).optional(),
          reopen: z.literal(true).optional(),
          version,
        }),
      },
    },
    async (request) => followUps.updateFollowUp(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/training-follow-ups/:id',
    {
      config: { access: graduates },
      schema: { tags: tag, summary: 'Delete a follow-up', params: idParams, querystring: versionQuery },
    },
    async (request, reply) => {
      await followUps.deleteFollowUp(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/training-alumni',
    {
      config: { access: graduates },
      schema: {
        tags: tag,
        summary: 'Alumni by country, organisation, year and sex',
        querystring: alumniQuery,
      },
    },
    async (request) => alumni.listAlumni(contextOf(request), request.query),
  );

  app.get(
    '/training-alumni.csv',
    {
      config: { access: graduates },
      schema: { tags: tag, summary: 'Alumni as CSV (same filters as the list)', querystring: alumniQuery },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="alumni.csv"')
        .header('cache-control', 'no-store')
        .send(await alumni.exportAlumni(contextOf(request), request.query)),
  );

  app.get(
    '/training-reach',
    {
      config: { access: { resource: 'training', action: 'reach' } },
      schema: { tags: tag, summary: 'People trained per year, per country and per sex (counts)' },
    },
    async (request) => alumni.reachTotals(contextOf(request)),
  );
};

function sendPdf(reply: import('fastify').FastifyReply, number: string, pdf: Uint8Array) {
  return reply
    .type(PDF)
    .header('content-disposition', `attachment; filename="certificate-${number}.pdf"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf));
}

/** The participant's own link: public, rate-limited, the token is the only key (a forged one is 404). */
export const trainingPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/certificates/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { hide: true, params: z.strictObject({ token: z.string().max(300) }) },
    },
    async (request, reply) => {
      const token = tokenSchema.safeParse(request.params.token);
      if (!token.success) throw problems.notFound('certificate');
      const { number, pdf } = await completions.certificateByToken(contextOf(request), token.data);
      return sendPdf(reply, number, pdf);
    },
  );
};
