import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boundedDate, idParams, labelMap, line, text, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import * as calendars from './calendars.ts';
import './linked-work.ts';
import * as participants from './participants.ts';
import * as repo from './repository.ts';
import { MATCH_STATES, PARTICIPANT_STATUSES, VISIBILITIES } from './schema.ts';
import * as service from './service.ts';
import { LOCAL_TIME } from './zones.ts';

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/);
const localTime = z.string().regex(LOCAL_TIME, 'YYYY-MM-DDTHH:mm');
const richText = text(100_000);
const optionalLine = (max: number) => line(max).nullable().optional();
const sessionFields = z.strictObject({
  id: uuid.optional(),
  title: line(300),
  startsLocal: localTime,
  endsLocal: localTime,
  room: optionalLine(200),
  speakerIds: z.array(uuid).max(30).optional(),
});
const eventFields = {
  kindCode: code,
  title: line(300),
  titles: labelMap(line(300), 30).optional(),
  description: richText.optional(),
  descriptions: labelMap(richText, 30).optional(),
  organisationId: uuid.optional(),
  programmeId: uuid.nullable().optional(),
  organisers: z.array(uuid).max(30).optional(),
  partners: z.array(uuid).max(50).optional(),
  online: z.boolean().optional(),
  city: optionalLine(200),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  venue: optionalLine(300),
  startsLocal: localTime,
  endsLocal: localTime,
  timeZone: z.string().min(1).max(64),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/))
    .max(20)
    .optional(),
  capacity: z.number().int().min(0).max(1_000_000).nullable().optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  documentIds: z.array(uuid).max(100).optional(),
  sessions: z.array(sessionFields).max(200).optional(),
};

export const listQuery = z.strictObject({
  kind: code.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  programmeId: uuid.optional(),
  from: boundedDate.optional(),
  to: boundedDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});

const participantQuery = z.strictObject({
  status: z.enum(PARTICIPANT_STATUSES).optional(),
  matchState: z.enum(MATCH_STATES).optional(),
  q: line(200).optional(),
});
const participantParams = z.strictObject({ id: uuid, participantId: uuid });
const manage = { resource: 'event', action: 'participants' } as const;

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    {
      config: { access: { resource: 'event', action: 'list' } },
      schema: {
        tags: ['events'],
        summary: 'Events this person may see, by start, filtered by kind, country, programme and date range',
        querystring: listQuery,
      },
    },
    async (request) => service.listEvents(contextOf(request), request.query),
  );

  app.get(
    '/events/options',
    {
      config: { access: { resource: 'event', action: 'list' } },
      schema: { tags: ['events'], summary: 'What event forms and filters offer (programmes)' },
    },
    async (request) => ({ data: { programmes: await repo.listProgrammes(request.server.database.db) } }),
  );

  app.post(
    '/events',
    {
      config: { access: { resource: 'event', action: 'create' } },
      schema: { tags: ['events'], summary: 'Create an event', body: z.strictObject(eventFields) },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createEvent(contextOf(request), request.body) }),
  );

  // Public events are readable by anyone; the service hides others as 404.
  app.get(
    '/events/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['events', 'public'], summary: 'An event (public ones for anyone)', params: idParams },
    },
    async (request) => ({ data: await service.getEvent(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/events/:id',
    {
      config: { access: { resource: 'event', action: 'update' } },
      schema: {
        tags: ['events'],
        summary: 'Edit an event; the agenda, when sent, replaces the old one',
        params: idParams,
        body: z.strictObject({
          ...eventFields,
          kindCode: code.optional(),
          title: line(300).optional(),
          startsLocal: localTime.optional(),
          endsLocal: localTime.optional(),
          timeZone: z.string().min(1).max(64).optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await service.updateEvent(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/events/:id',
    {
      config: { access: { resource: 'event', action: 'delete' } },
      schema: {
        tags: ['events'],
        summary: 'Delete an event with its agenda and participants',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await service.deleteEvent(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/events/:id/participants',
    {
      config: { access: manage },
      schema: {
        tags: ['events'],
        summary: 'Participants with their attendance',
        params: idParams,
        querystring: participantQuery,
      },
    },
    async (request) => participants.listParticipants(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/events/:id/participants.csv',
    {
      config: { access: manage },
      schema: {
        tags: ['events'],
        summary: 'Participants as CSV (same filters as the list)',
        params: idParams,
        querystring: participantQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="participants.csv"')
        .header('cache-control', 'no-store')
        .send(await participants.exportParticipants(contextOf(request), request.params.id, request.query)),
  );

  app.post(
    '/events/:id/invitations',
    {
      config: { access: manage },
      schema: {
        tags: ['events'],
        summary: 'Invite directory people (each gets an RSVP link by email)',
        params: idParams,
        body: z.strictObject({ personIds: z.array(uuid).min(1).max(200) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        data: await participants.inviteParticipants(
          contextOf(request),
          request.params.id,
          request.body.personIds,
        ),
      }),
  );

  app.patch(
    '/events/:id/participants/:participantId',
    {
      config: { access: manage },
      schema: {
        tags: ['events'],
        summary: 'Change a participant’s status or needs',
        params: participantParams,
        body: z.strictObject({
          status: z.enum(PARTICIPANT_STATUSES).optional(),
          accessibilityNeeds: text(2000, { trim: true }).nullable().optional(),
          languageNeeds: text(500, { trim: true }).nullable().optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await participants.updateParticipant(
        contextOf(request),
        request.params.id,
        request.params.participantId,
        request.body,
      ),
    }),
  );

  app.delete(
    '/events/:id/participants/:participantId',
    {
      config: { access: manage },
      schema: { tags: ['events'], summary: 'Remove a participant', params: participantParams },
    },
    async (request, reply) => {
      await participants.removeParticipant(
        contextOf(request),
        request.params.id,
        request.params.participantId,
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/events/:id/participants/:participantId/review',
    {
      config: { access: manage },
      schema: {
        tags: ['events'],
        summary: 'Review a registration: link it to a directory person, make a new one, or keep it apart',
        params: participantParams,
        body: z.discriminatedUnion('action', [
          z.strictObject({ action: z.literal('link'), personId: uuid, version }),
          z.strictObject({ action: z.literal('create_person'), version }),
          z.strictObject({ action: z.literal('keep_apart'), version }),
        ]),
      },
    },
    async (request) => ({
      data: await participants.reviewMatch(
        contextOf(request),
        request.params.id,
        request.params.participantId,
        request.body,
      ),
    }),
  );

  app.put(
    '/events/:id/attendance',
    {
      config: { access: manage },
      schema: {
        tags: ['events'],
        summary: 'Record attendance per day or per session',
        params: idParams,
        body: z.strictObject({
          marks: z
            .array(
              z.strictObject({
                participantId: uuid,
                day: z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/)
                  .optional(),
                sessionId: uuid.optional(),
                present: z.boolean(),
              }),
            )
            .min(1)
            .max(2000),
        }),
      },
    },
    async (request) =>
      participants.recordAttendance(contextOf(request), request.params.id, request.body.marks),
  );

  app.get(
    '/account/calendar-feed',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['events'], summary: 'Whether my private calendar feed is on' },
    },
    async (request) => ({ data: await calendars.feedStatus(contextOf(request)) }),
  );

  app.post(
    '/account/calendar-feed',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['events'], summary: 'Make a new private feed address (the old one stops working)' },
    },
    async (request, reply) => reply.code(201).send({ data: await calendars.renewFeed(contextOf(request)) }),
  );

  app.delete(
    '/account/calendar-feed',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['events'], summary: 'Turn off my private calendar feed' },
    },
    async (request, reply) => {
      await calendars.revokeFeed(contextOf(request));
      return reply.code(204).send();
    },
  );
};
