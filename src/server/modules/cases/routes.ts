import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { caseFileRoutes } from './files-routes.ts';
import { intakeRoutes } from './intake-routes.ts';
import { scheduleCaseJobs } from './retention.ts';
import { caseWorkRoutes } from './routes-work.ts';
import { routingRoutes } from './routing-routes.ts';
import * as schemas from './schemas.ts';
import * as cases from './service-cases.ts';
import * as supervisors from './service-supervisors.ts';
import * as timeline from './service-timeline.ts';
import { DIMENSIONS, MAX_DIMENSIONS, ROUND_TO, type StatisticsDimension } from './statistics-protection.ts';
import { caseStatistics, statisticsCsv } from './statistics-service.ts';

const tags = ['cases'];
const access = (action: string) => ({ access: { resource: 'case', action } });

/** Cases and their team, supervisors, statistics; consent, referrals, timeline, files and Get-help in their own files. Thin: parse → one use case → present. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  // Every answer here may carry decrypted case data (or say that a case exists): no browser or proxy
  // cache may keep it. Added before the child plugins so they inherit it, errors included.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  await app.register(intakeRoutes);
  await app.register(routingRoutes);
  await app.register(caseFileRoutes);
  await app.register(caseWorkRoutes);
  scheduleCaseJobs(app);
  app.get(
    '/cases',
    {
      config: access('list'),
      schema: {
        tags,
        summary:
          'Cases the signed-in person may see (never identifying fields); ?format=csv exports the same rows',
        querystring: schemas.listQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const ctx = contextOf(request);
      const result = await cases.listCases(ctx, filter);
      if (format !== 'csv' && !String(request.headers.accept ?? '').includes('text/csv')) return result;
      ctx.note({ action: 'case.list.export', resourceType: 'case', details: { rows: result.data.length } });
      const header = [
        'reference',
        'title',
        'status',
        'origin_country',
        'destination_country',
        'sector',
        'violation_codes',
        'updated_at',
        'url',
      ];
      const rows = result.data.map((r) => [
        r.reference,
        r.title,
        r.status,
        r.originCountry,
        r.destinationCountry,
        r.sector,
        r.violationCodes.join(';'),
        r.updatedAt,
        r.url,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cases.csv"')
        .send(toCsv(header, rows));
    },
  );

  app.post(
    '/cases',
    {
      config: access('create'),
      schema: {
        tags,
        summary: 'Open a case in your organisation (you are assigned to it)',
        body: schemas.createCaseBody,
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await cases.createCase(contextOf(request), request.body) }),
  );

  app.get(
    '/cases/:id',
    {
      config: access('read'),
      schema: {
        tags,
        summary: 'One case, with the parts you may see (read and decryption are audited)',
        params: schemas.caseParams,
      },
    },
    async (request) => ({ data: await cases.readCase(contextOf(request), request.params.id) }),
  );

  app.patch(
    '/cases/:id',
    {
      config: access('update'),
      schema: {
        tags,
        summary: 'Change facts, identity, narrative or status (with the version you read)',
        params: schemas.caseParams,
        body: schemas.updateCaseBody,
      },
    },
    async (request) => ({
      data: await cases.updateCase(contextOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/cases/:id/close',
    {
      config: access('close'),
      schema: {
        tags,
        summary: 'Close with an outcome; starts the retention period',
        params: schemas.caseParams,
        body: schemas.closeCaseBody,
      },
    },
    async (request) => ({ data: await cases.closeCase(contextOf(request), request.params.id, request.body) }),
  );

  app.get(
    '/cases/:id/export',
    {
      config: access('export'),
      schema: { tags, summary: 'The whole case file as JSON (audited export)', params: schemas.caseParams },
    },
    async (request, reply) => {
      const data = await timeline.exportCase(contextOf(request), request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="case-${data.case.reference}.json"`)
        .send({ data });
    },
  );

  app.post(
    '/cases/:id/assignments',
    {
      config: access('assign'),
      schema: {
        tags,
        summary: 'Assign a case handler of the handling organisation',
        params: schemas.caseParams,
        body: z.strictObject({ userId: uuid }),
      },
    },
    async (request, reply) => {
      await cases.assign(contextOf(request), request.params.id, request.body.userId);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/cases/:id/assignments/:childId',
    {
      config: access('assign'),
      schema: { tags, summary: 'Remove someone from the case team', params: schemas.childParams },
    },
    async (request, reply) => {
      await cases.unassign(contextOf(request), request.params.id, request.params.childId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/case-supervisors',
    {
      config: { access: { resource: 'caseSupervisor', action: 'list' } },
      schema: { tags, summary: 'Case supervisors of your organisation' },
    },
    async (request) => ({ data: await supervisors.listSupervisors(contextOf(request)) }),
  );

  app.post(
    '/case-supervisors',
    {
      config: { access: { resource: 'caseSupervisor', action: 'grant' } },
      schema: {
        tags,
        summary: 'Name a case supervisor of your organisation',
        body: z.strictObject({ userId: uuid, receivesIntake: z.boolean().optional() }),
      },
    },
    async (request, reply) => {
      await supervisors.grantSupervisor(contextOf(request), request.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/case-supervisors/:id',
    {
      config: { access: { resource: 'caseSupervisor', action: 'revoke' } },
      schema: {
        tags,
        summary: "Stop someone supervising your organisation's cases",
        params: schemas.caseParams,
      },
    },
    async (request, reply) => {
      await supervisors.revokeSupervisor(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/case-statistics',
    {
      config: { access: { resource: 'caseStatistics', action: 'read' } },
      schema: {
        tags,
        summary: `Anonymised case counts (consented cases only), summed from one base table whose combinations are rounded down to multiples of ${ROUND_TO}; ?format=csv with HXL tags`,
        querystring: z.strictObject({
          by: z
            .string()
            .default('corridor')
            .transform((v) => v.split(','))
            .pipe(
              z
                .array(z.enum(DIMENSIONS as [string, ...string[]]))
                .min(1)
                .max(MAX_DIMENSIONS),
            ),
          format: z.enum(['json', 'csv']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await caseStatistics(ctx, request.query.by as StatisticsDimension[]);
      if (request.query.format !== 'csv') return result;
      ctx.note({
        action: 'case.statistics.export',
        resourceType: 'caseStatistics',
        details: { by: result.dimensions },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="case-statistics.csv"')
        .send(statisticsCsv(result));
    },
  );
};
