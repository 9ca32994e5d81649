import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas.ts';
import { holdingSession } from '../../platform/auth/session-cookie.ts';
import { contextOf } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { EXPORT_LIMIT, observationsCsv, observationsXlsx } from './export.ts';
import { STATISTICS_MAX_BYTES } from './files.ts';
import { TULAY_TEMPLATE } from './formats/tulay-csv.ts';
import { datasetCreate, datasetUpdate, importQuery, indicatorUpdate, observationQuery } from './schemas.ts';
import * as service from './service.ts';
import { areaProfile, corridorView } from './views.ts';

const manage = { resource: 'statistics', action: 'manage' } as const;
const importing = { resource: 'statistics', action: 'import' } as const;
const tags = ['statistics'];

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: STATISTICS_MAX_BYTES, files: 1, fields: 2, fieldSize: 1024, parts: 3 },
  });

  app.get(
    '/statistics/datasets',
    { config: { access: 'public' }, schema: { tags, summary: 'Data sets (the public sees published ones)' } },
    async (request) => ({ data: await service.listDatasets(contextOf(request)) }),
  );

  app.get(
    '/statistics/datasets/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A data set with its imports (staff)', params: idParams },
    },
    async (request) => ({ data: await service.getDataset(contextOf(request), request.params.id) }),
  );

  app.post(
    '/statistics/datasets',
    { config: { access: manage }, schema: { tags, summary: 'Create a data set', body: datasetCreate } },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createDataset(contextOf(request), request.body) }),
  );

  app.patch(
    '/statistics/datasets/:id',
    {
      config: { access: manage },
      schema: { tags, summary: 'Change a data set', params: idParams, body: datasetUpdate },
    },
    async (request) => ({
      data: await service.updateDataset(contextOf(request), request.params.id, request.body),
    }),
  );

  app.delete(
    '/statistics/datasets/:id',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Delete a data set and its figures',
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await service.deleteDataset(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/statistics/indicators',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Indicators (the public sees published ones)' },
    },
    async (request) => ({ data: await service.listIndicators(contextOf(request)) }),
  );

  app.patch(
    '/statistics/indicators/:id',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Labels, unit and definition of an indicator',
        params: idParams,
        body: indicatorUpdate,
      },
    },
    async (request) => ({
      data: await service.updateIndicator(contextOf(request), request.params.id, request.body),
    }),
  );

  app.get(
    '/statistics/observations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Figures with their source, filtered by indicator, area, counterpart, period and sex',
        querystring: observationQuery,
      },
    },
    async (request) => service.observations(contextOf(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/statistics/observations.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `The figures as ${format.toUpperCase()}, exactly as filtered, each with its source`,
          querystring: observationQuery.omit({ limit: true, offset: true }),
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const query = { ...request.query, limit: EXPORT_LIMIT, offset: 0 };
        if (format === 'csv')
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', 'attachment; filename="tulay-statistics.csv"')
            .send(await observationsCsv(ctx, query));
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="tulay-statistics.xlsx"')
          .send(await observationsXlsx(ctx, query));
      },
    );
  }

  app.get(
    '/statistics/areas/:area',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'A country or grouping profile: its figures, top origins and destinations, corridor case counts (staff)',
        params: z.strictObject({ area: z.string().max(64) }),
      },
    },
    async (request) => ({ data: await areaProfile(contextOf(request), request.params.area) }),
  );

  app.get(
    '/statistics/corridors/:corridor',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A corridor’s figures and case counts (staff)',
        params: z.strictObject({ corridor: z.string().max(20) }),
      },
    },
    async (request) => ({ data: await corridorView(contextOf(request), request.params.corridor) }),
  );

  app.get(
    '/statistics/template.csv',
    { config: { access: 'public' }, schema: { tags, summary: 'The template of Tulay’s own statistics CSV' } },
    async (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tulay-statistics-template.csv"')
        .send(TULAY_TEMPLATE),
  );

  app.post(
    '/statistics/datasets/:id/imports',
    {
      config: { access: importing },
      schema: {
        tags,
        summary: 'Upload an ILOSTAT CSV, a UN DESA workbook or Tulay’s CSV for a preview (multipart: file)',
        params: idParams,
        querystring: importQuery,
      },
    },
    async (request, reply) => {
      const { file } = await readUpload(request, STATISTICS_MAX_BYTES);
      if (!file || file.bytes.length === 0)
        throw problems.validation([
          { field: 'file', code: 'required', message: 'Attach a CSV or XLSX file' },
        ]);
      const preview = await service.previewImport(
        contextOf(request),
        request.params.id,
        file,
        request.query.format,
      );
      return reply.code(201).send({ data: preview });
    },
  );

  app.get(
    '/statistics/imports/:id',
    {
      config: { access: importing },
      schema: { tags, summary: 'An import’s preview or result', params: idParams },
    },
    async (request) => ({ data: await service.getImport(contextOf(request), request.params.id) }),
  );

  app.post(
    '/statistics/imports/:id/commit',
    {
      config: { access: importing },
      schema: {
        tags,
        summary: 'Write the previewed figures, all or nothing',
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1) }),
      },
    },
    async (request) => ({
      data: await holdingSession(request, () =>
        service.commitImport(contextOf(request), request.params.id, request.body.version),
      ),
    }),
  );
};
