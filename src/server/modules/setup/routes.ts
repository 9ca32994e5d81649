import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { setupChecklist } from './service.ts';

/** The setup checklist on the administrator's home screen. */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/setup-checklist',
    {
      config: { access: { resource: 'setupChecklist', action: 'read' } },
      schema: {
        tags: ['setup'],
        summary: 'What this installation still needs: intake desk, mail, case keys, backups',
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send({ data: await setupChecklist(contextOf(request)) }),
  );
};
