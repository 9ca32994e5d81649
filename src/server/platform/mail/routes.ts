import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, definePolicy } from '../access/policy.ts';
import { contextOf } from '../http/context.ts';
import { listOutbox } from './outbox.ts';

/** The outbox holds invitation and reset links: administrators only. */
definePolicy('outbox', { read: (a) => a.role === 'administrator' });

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/outbox',
    {
      config: { access: { resource: 'outbox', action: 'read' } },
      schema: {
        tags: ['mail'],
        summary: 'Emails Tulay sent or holds (without SMTP they wait here)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, 'read', 'outbox');
      ctx.note({ action: 'outbox.read' });
      const rows = await listOutbox(ctx.database.db, request.query.limit);
      return {
        data: rows.map((r) => ({
          id: r.id,
          to: r.toAddress,
          subject: r.subject,
          body: r.bodyText,
          purpose: r.purpose,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          lastError: r.lastError,
        })),
      };
    },
  );
};
