import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boundedDate, line, uuid } from '../../../shared/schemas.ts';
import { authorize } from '../access/policy.ts';
import { contextOf } from '../http/context.ts';
import { toCsv } from '../http/csv.ts';
import './policy.ts';
import { searchAudit } from './repository.ts';

const EXPORT_MAX = 100_000;

const query = z.strictObject({
  q: line(200).optional(),
  actorUserId: uuid.optional(),
  action: line(100).optional(),
  outcome: z.enum(['success', 'denied', 'failed']).optional(),
  resourceType: line(50).optional(),
  resourceId: line(100).optional(),
  from: boundedDate.optional(),
  to: boundedDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

const columns = [
  'id',
  'at',
  'actorEmail',
  'actorUserId',
  'actorOrganisationId',
  'action',
  'resourceType',
  'resourceId',
  'outcome',
  'status',
  'ip',
  'userAgent',
  'requestId',
  'details',
] as const;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: { resource: 'audit', action: 'search' } },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (newest first); ?format=csv exports the same filter',
        querystring: query,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { cursor, format, limit, ...filter } = request.query;
      const wantsCsv = format === 'csv' || request.headers.accept === 'text/csv';
      if (wantsCsv) {
        authorize(ctx.actor, 'export', 'audit');
        ctx.note({ action: 'audit.export', details: filter });
        const rows = await searchAudit(ctx.database.db, { ...filter, limit: EXPORT_MAX });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="tulay-audit.csv"')
          .send(
            toCsv(
              [...columns],
              rows.map((r) => columns.map((c) => r[c])),
            ),
          );
      }
      authorize(ctx.actor, 'search', 'audit');
      ctx.note({ action: 'audit.search', details: filter });
      const rows = await searchAudit(ctx.database.db, {
        ...filter,
        beforeId: cursor ? Number(cursor) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return { data: page, nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
    },
  );
};
