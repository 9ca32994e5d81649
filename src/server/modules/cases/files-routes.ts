import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../platform/files/sniff.ts';
import { contextOf } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import * as files from './files-service.ts';
import { caseParams, childParams } from './schemas.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

const tags = ['cases'];

/** Evidence upload and download. Multipart is registered here only, not for the whole API. */
export const caseFileRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    limits: { files: 1, fields: 0, fileSize: app.config.CASE_FILE_MAX_BYTES, parts: 2 },
  });

  app.post(
    '/cases/:id/files',
    {
      config: { access: { resource: 'case', action: 'uploadFile' } },
      schema: {
        tags,
        summary: 'Upload one evidence file (multipart field "file"); encrypted at rest',
        params: caseParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw problems.unsupportedMediaType();
      const part = await request.file();
      if (!part)
        throw problems.validation([{ field: 'body.file', code: 'required', message: 'Send one file' }]);
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new Problem(
            413,
            'file_too_large',
            msg('The file is too large.'),
            `At most ${app.config.CASE_FILE_MAX_BYTES} bytes.`,
          );
        }
        throw error;
      }
      if (bytes.length === 0)
        throw problems.validation([{ field: 'body.file', code: 'empty', message: 'The file is empty' }]);
      const data = await files.uploadFile(contextOf(request), request.params.id, {
        filename: part.filename,
        mimetype: part.mimetype,
        bytes,
      });
      return reply.code(201).send({ data });
    },
  );

  app.get(
    '/cases/:id/files',
    {
      config: { access: { resource: 'case', action: 'readFiles' } },
      schema: { tags, summary: 'Evidence files of the case', params: caseParams },
    },
    async (request) => ({ data: await files.listFiles(contextOf(request), request.params.id) }),
  );

  app.get(
    '/cases/:id/files/:childId',
    {
      config: { access: { resource: 'case', action: 'readFiles' } },
      schema: { tags, summary: 'Download one evidence file (audited)', params: childParams },
    },
    async (request, reply) => {
      const file = await files.readFile(contextOf(request), request.params.id, request.params.childId);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.name))
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
};
