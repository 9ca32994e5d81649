import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_ENTITIES } from '../../../shared/import-targets.ts';
import { idParams } from '../../../shared/schemas.ts';
import { holdingSession } from '../../platform/auth/session-cookie.ts';
import { contextOf } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { readUpload } from '../../platform/http/upload.ts';
import * as service from './import-service.ts';

/** The largest spreadsheet an import accepts; larger uploads get 413 before they are read. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const mappingSchema = z
  .record(z.string().max(200), z.string().max(40))
  .refine((m) => Object.keys(m).length <= 100);

export const directoryImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart only here, so no other route accepts uploads.
  await app.register(multipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 64 * 1024, parts: 6 },
  });

  app.post(
    '/directory/imports',
    {
      config: { access: { resource: 'organisation', action: 'import' } },
      schema: {
        tags: ['directory'],
        summary:
          'Upload a CSV or XLSX of organisations or people for a dry-run preview (multipart: file, optional mapping JSON)',
        querystring: z.strictObject({
          // People need the person import ability too; the service checks it, as the rule depends on this.
          entity: z.enum(IMPORT_ENTITIES).default('organisations'),
          key: z.enum(['external_id', 'name_country', 'id']).default('external_id'),
          vocabularyPolicy: z.enum(['reject', 'create']).default('reject'),
        }),
      },
    },
    async (request, reply) => {
      const { file, fields } = await readUpload(request, IMPORT_MAX_BYTES);
      let mapping: Record<string, string> | undefined;
      if (fields.mapping !== undefined) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(fields.mapping);
        } catch {
          throw problems.validation([
            { field: 'mapping', code: 'invalid_json', message: 'The mapping must be JSON' },
          ]);
        }
        const result = mappingSchema.safeParse(parsed);
        if (!result.success)
          throw problems.validation([
            { field: 'mapping', code: 'invalid', message: 'Map column names to field names' },
          ]);
        mapping = result.data;
      }
      if (!file || file.bytes.length === 0)
        throw problems.validation([
          { field: 'file', code: 'required', message: 'Attach a CSV or XLSX file' },
        ]);
      const preview = await service.previewImport(contextOf(request), file, { ...request.query, mapping });
      return reply.code(201).send({ data: preview });
    },
  );

  app.get(
    '/directory/imports/:id',
    {
      config: { access: { resource: 'organisation', action: 'import' } },
      schema: {
        tags: ['directory'],
        summary: 'An import’s summary and its rows (filter by action), with commit progress',
        params: idParams,
        querystring: z.strictObject({
          action: z.enum(['create', 'update', 'unchanged', 'error']).optional(),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => ({
      data: await service.getImport(contextOf(request), request.params.id, request.query),
    }),
  );

  app.get(
    '/directory/imports/:id/progress',
    {
      config: { access: { resource: 'organisation', action: 'import' }, withoutDatabase: true },
      schema: {
        tags: ['directory'],
        summary: 'Progress of a commit under way (answered without the database to the session that commits)',
        params: idParams,
      },
    },
    async (request) => ({ data: service.importProgress(contextOf(request), request.params.id) }),
  );

  app.post(
    '/directory/imports/:id/commit',
    {
      config: { access: { resource: 'organisation', action: 'import' } },
      schema: {
        tags: ['directory'],
        summary: 'Write the previewed import, all or nothing',
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1) }),
      },
    },
    async (request) => ({
      // The commit holds the database (one transaction, all or nothing); its progress stays readable.
      data: await holdingSession(request, () =>
        service.commitImport(contextOf(request), request.params.id, request.body.version),
      ),
    }),
  );
};
