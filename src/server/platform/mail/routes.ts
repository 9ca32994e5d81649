import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAdministratorRole, isNetworkAdministratorRole } from '../../../shared/roles.ts';
import { authorize, definePolicy } from '../access/policy.ts';
import { contextOf } from '../http/context.ts';
import { listOutbox, redactLinks } from './outbox.ts';

/**
 * The outbox: network administrators see every mail, an organisation's administrators the mails
 * written to their own organisation's people. Nobody sees a live link: they are redacted.
 */
definePolicy('outbox', { read: (a) => isAdministratorRole(a.role) });

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/outbox',
    {
      config: { access: { resource: 'outbox', action: 'read' } },
      schema: {
        tags: ['mail'],
        summary: 'Emails Tulay sent or holds (links redacted; bodies dropped once delivered)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, 'read', 'outbox');
      ctx.note({ action: 'outbox.read' });
      const scope = isNetworkAdministratorRole(ctx.actor.role) ? null : ctx.actor.organisationId;
      const rows = await listOutbox(ctx.database.db, request.query.limit, scope);
      reply.header('cache-control', 'no-store');
      return {
        data: rows.map((r) => ({
          id: r.id,
          to: r.toAddress,
          subject: r.subject,
          body: redactLinks(r.bodyText),
          purpose: r.purpose,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          lastError: r.lastError,
        })),
      };
    },
  );
};
