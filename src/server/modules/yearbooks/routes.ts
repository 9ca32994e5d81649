import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, line, text, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import * as chapters from './chapters.ts';
import * as render from './render.ts';
import { CHAPTER_KINDS, CONTRIBUTOR_ROLES, EDITION_KINDS } from './schema.ts';
import * as service from './service.ts';
import { MOVES, moveEdition } from './workflow.ts';

const period = z.string().regex(/^[0-9]{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY or YYYY-MM');
const areaCode = z
  .string()
  .regex(/^([A-Z]{2}|[a-z0-9][a-z0-9_-]{0,62})$/, 'A country (PH) or grouping (asean)');
export const figureSpec = z.strictObject({
  indicator: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/),
  area: areaCode,
  counterpart: z.union([areaCode, z.literal('*'), z.literal('')]).optional(),
  periodFrom: period.optional(),
  periodTo: period.optional(),
  sex: z.enum(['T', 'F', 'M', 'all']).optional(),
  display: z.enum(['line', 'bar', 'table']),
  caption: line(300).optional(),
});
const contributor = z.strictObject({
  personId: uuid.optional(),
  organisationId: uuid.optional(),
  role: z.enum(CONTRIBUTOR_ROLES),
});
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);
const editionFields = {
  kind: z.enum(EDITION_KINDS),
  year: z.number().int().min(1900).max(2200),
  title: line(300),
  subtitle: text(500, { trim: true, plain: true }).optional(),
  language,
  contributors: z.array(contributor).max(100).optional(),
  organisationId: uuid.optional(),
};
const country = z.string().regex(/^[A-Z]{2}$/);
const chapterFields = {
  kind: z.enum(CHAPTER_KINDS),
  title: line(300),
  countryCode: country.nullable().optional(),
  coordinatorUserId: uuid.nullable().optional(),
  body: text(200_000).optional(),
  figures: z.array(figureSpec).max(40).optional(),
};
const chapterParams = z.strictObject({ id: uuid, chapterId: uuid });
const renderParams = z.strictObject({ id: uuid, renderId: uuid });
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
const tags = ['yearbooks'];
const write = { resource: 'yearbookChapter', action: 'write' } as const;

export const yearbookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/yearbooks',
    {
      config: { access: { resource: 'yearbook', action: 'list' } },
      schema: {
        tags,
        summary: 'Editions this person may see: their organisation’s, those they write in, published ones',
      },
    },
    async (request) => service.listEditions(contextOf(request)),
  );

  app.post(
    '/yearbooks',
    {
      config: { access: { resource: 'yearbook', action: 'create' } },
      schema: {
        tags,
        summary: 'Start an edition (yearbook or policy brief)',
        body: z.strictObject(editionFields),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createEdition(contextOf(request), request.body) }),
  );

  app.get(
    '/yearbooks/figure-options',
    {
      config: { access: write },
      schema: { tags, summary: 'Indicators and areas with published figures, for the figure pickers' },
    },
    async (request) => ({ data: await chapters.figureOptions(contextOf(request)) }),
  );

  app.get(
    '/yearbooks/coordinators',
    {
      config: { access: { resource: 'yearbook', action: 'update' } },
      schema: {
        tags,
        summary: 'Accounts that may be named coordinator of a chapter, by name',
        querystring: z.strictObject({ q: text(100, { trim: true, plain: true }).default('') }),
      },
    },
    async (request) => ({ data: await service.coordinatorOptions(contextOf(request), request.query.q) }),
  );

  app.post(
    '/yearbooks/figure-preview',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'What a figure with these filters shows (SVG and table), before saving',
        body: figureSpec,
      },
    },
    async (request) => ({ data: await chapters.previewFigure(contextOf(request), request.body) }),
  );

  // The PDF of a published edition is public; drafts' PDFs are for those who may read the draft.
  app.get(
    '/yearbooks/:id.pdf',
    {
      config: { access: 'public' },
      schema: { tags: [...tags, 'public'], summary: 'The edition’s newest PDF', params: idParams },
    },
    async (request, reply) => {
      const file = await render.pdfOf(contextOf(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', file.disposition)
        .header('etag', file.etag)
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(file.stream);
    },
  );

  app.get(
    '/yearbooks/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: [...tags, 'public'],
        summary: 'An edition with its chapters (published ones for anyone)',
        params: idParams,
      },
    },
    async (request) => ({ data: await service.getEdition(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/yearbooks/:id',
    {
      config: { access: { resource: 'yearbook', action: 'update' } },
      schema: {
        tags,
        summary: 'Edit an edition’s details and contributors (draft or in review)',
        params: idParams,
        body: z.strictObject({
          ...editionFields,
          kind: z.enum(EDITION_KINDS).optional(),
          year: editionFields.year.optional(),
          title: line(300).optional(),
          language: language.optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await service.updateEdition(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/yearbooks/:id',
    {
      config: { access: { resource: 'yearbook', action: 'delete' } },
      schema: {
        tags,
        summary: 'Delete an edition with its chapters',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (request, reply) => {
      await service.deleteEdition(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  // Each move needs its own ability (submit, approve, publish; whoever approves may also submit),
  // the service checks which.
  app.post(
    '/yearbooks/:id/workflow',
    {
      config: { access: { resource: 'yearbook', action: 'submit' } },
      schema: {
        tags,
        summary: 'Move the edition through review: submit, return, approve, reopen, publish, unpublish',
        params: idParams,
        body: z.strictObject({
          move: z.enum(Object.keys(MOVES) as [keyof typeof MOVES, ...(keyof typeof MOVES)[]]),
          comment: text(2000, { trim: true }).optional(),
          version,
        }),
      },
    },
    async (request) => ({ data: await moveEdition(contextOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/yearbooks/:id/chapters',
    {
      config: { access: { resource: 'yearbook', action: 'update' } },
      schema: {
        tags,
        summary: 'Add a chapter at the end',
        params: idParams,
        body: z.strictObject(chapterFields),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ data: await chapters.addChapter(contextOf(request), request.params.id, request.body) }),
  );

  app.put(
    '/yearbooks/:id/chapters/order',
    {
      config: { access: { resource: 'yearbook', action: 'update' } },
      schema: {
        tags,
        summary: 'Put the chapters in this order',
        params: idParams,
        body: z.strictObject({ order: z.array(uuid).max(500), version }),
      },
    },
    async (request) => ({
      data: await chapters.reorderChapters(
        contextOf(request),
        request.params.id,
        request.body.order,
        request.body.version,
      ),
    }),
  );

  app.patch(
    '/yearbooks/:id/chapters/:chapterId',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Edit a chapter (editors, or the chapter’s coordinator for its text and figures)',
        params: chapterParams,
        body: z.strictObject({
          ...chapterFields,
          kind: z.enum(CHAPTER_KINDS).optional(),
          title: line(300).optional(),
          version,
        }),
      },
    },
    async (request) => ({
      data: await chapters.updateChapter(
        contextOf(request),
        request.params.id,
        request.params.chapterId,
        request.body,
      ),
    }),
  );

  app.delete(
    '/yearbooks/:id/chapters/:chapterId',
    {
      config: { access: { resource: 'yearbook', action: 'update' } },
      schema: { tags, summary: 'Remove a chapter', params: chapterParams, querystring: versionQuery },
    },
    async (request) => ({
      data: await chapters.deleteChapter(
        contextOf(request),
        request.params.id,
        request.params.chapterId,
        request.query.version,
      ),
    }),
  );

  app.post(
    '/yearbooks/:id/renders',
    {
      config: { access: { resource: 'yearbook', action: 'render' } },
      schema: {
        tags,
        summary: 'Start making the PDF (a background job); poll its render for progress',
        params: idParams,
      },
    },
    async (request, reply) =>
      reply.code(202).send({ data: await render.startRender(contextOf(request), request.params.id) }),
  );

  app.get(
    '/yearbooks/:id/renders/:renderId',
    {
      config: { access: { resource: 'yearbook', action: 'list' } },
      schema: { tags, summary: 'A PDF render’s progress', params: renderParams },
    },
    async (request) => ({
      data: await render.renderStatus(contextOf(request), request.params.id, request.params.renderId),
    }),
  );
};
