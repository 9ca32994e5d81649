import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, labelMap, langCode, line, text, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import {
  deleteFile,
  downloadFile,
  fileProblems,
  previewFile,
  UPLOAD_LIMIT_BYTES,
  uploadFile,
} from './files.ts';
import * as service from './service.ts';

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
const labels = (value: z.ZodType<string>) => labelMap(value, 30);
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
const plain = (max: number) => text(max, { plain: true });

const fields = {
  typeCode: code,
  title: line(400),
  titles: labels(line(400)).optional(),
  abstract: plain(20_000).optional(),
  abstracts: labels(plain(20_000)).optional(),
  authorOrganisationIds: z.array(uuid).max(50).optional(),
  authorPersonIds: z.array(uuid).max(50).optional(),
  publishedOn: partialDate.nullable().optional(),
  languages: z.array(langCode).max(30).optional(),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(250)
    .optional(),
  themes: z.array(code).max(50).optional(),
  programmeId: uuid.nullable().optional(),
  isPublic: z.boolean().optional(),
};
const fileParams = z.strictObject({ fileId: uuid });

export const libraryRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart only in this scope, with the upload limit; a declared length over it is refused at once.
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
  });

  app.get(
    '/publications',
    {
      config: { access: 'public' },
      schema: {
        tags: ['library', 'public'],
        summary: 'Publications, newest first (the public sees public ones; people signed in see all)',
        querystring: z.strictObject({
          type: code.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
      },
    },
    async (request) => service.listPublications(contextOf(request), request.query),
  );

  app.post(
    '/publications',
    {
      config: { access: { resource: 'publication', action: 'create' } },
      schema: {
        tags: ['library'],
        summary: 'Add a publication to the library',
        body: z.strictObject(fields),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createPublication(contextOf(request), request.body) }),
  );

  app.get(
    '/publications/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['library', 'public'], summary: 'A publication with its files', params: idParams },
    },
    async (request) => ({ data: await service.getPublication(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/publications/:id',
    {
      config: { access: { resource: 'publication', action: 'update' } },
      schema: {
        tags: ['library'],
        summary: 'Edit a publication',
        params: idParams,
        body: z.strictObject({ ...fields, typeCode: code.optional(), title: line(400).optional(), version }),
      },
    },
    async (request) => ({
      data: await service.updatePublication(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/publications/:id',
    {
      config: { access: { resource: 'publication', action: 'delete' } },
      schema: {
        tags: ['library'],
        summary: 'Delete a publication and its files',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await service.deletePublication(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/publications/:id/files',
    {
      config: { access: { resource: 'publication', action: 'upload' } },
      schema: {
        tags: ['library'],
        summary:
          'Upload a PDF, DOCX or text file (multipart field "file"; optional fields "replaces" = file id for a new version, "language")',
        params: idParams,
      },
      preValidation: async (request) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > UPLOAD_LIMIT_BYTES + 64 * 1024) throw fileProblems.tooLarge();
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw problems.unsupportedMediaType();
      const ctx = contextOf(request);
      const fieldsSeen: Record<string, string> = {};
      // Fields must come before the file part (a browser sends them in form order).
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fieldsSeen[part.fieldname] = String(part.value).slice(0, 100);
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const replaces = fieldsSeen.replaces ? uuid.safeParse(fieldsSeen.replaces) : undefined;
        const language = fieldsSeen.language ? langCode.safeParse(fieldsSeen.language) : undefined;
        if (replaces && !replaces.success)
          throw problems.validation([{ field: 'replaces', code: 'invalid', message: 'Not a file id' }]);
        if (language && !language.success)
          throw problems.validation([{ field: 'language', code: 'invalid', message: 'Not a language code' }]);
        const result = await uploadFile(
          ctx,
          request.params.id,
          { stream: part.file, fileName: part.filename, truncated: () => part.file.truncated },
          {
            replaces: replaces?.data,
            language: language?.data,
          },
        );
        return reply.code(201).send({ data: result.file });
      }
      throw fileProblems.noFile();
    },
  );

  app.get(
    '/files/:fileId/download',
    {
      config: { access: 'public' },
      schema: {
        tags: ['library', 'public'],
        summary: 'Download a file version (public for public publications)',
        params: fileParams,
      },
    },
    async (request, reply) => {
      const file = await downloadFile(contextOf(request), request.params.fileId);
      return reply
        .type(file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', file.disposition)
        .header('etag', file.etag)
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(file.stream);
    },
  );

  app.get(
    '/files/:fileId/preview',
    {
      config: { access: 'public' },
      schema: {
        tags: ['library', 'public'],
        summary: 'The first page of a file as an image-free SVG',
        params: fileParams,
      },
    },
    async (request, reply) => {
      const svg = await previewFile(contextOf(request), request.params.fileId);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, max-age=300')
        .send(svg);
    },
  );

  app.delete(
    '/files/:fileId',
    {
      config: { access: { resource: 'publication', action: 'upload' } },
      schema: { tags: ['library'], summary: 'Remove a file version', params: fileParams },
    },
    async (request, reply) => {
      await deleteFile(contextOf(request), request.params.fileId);
      return reply.code(204).send();
    },
  );
};
