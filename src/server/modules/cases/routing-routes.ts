import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import * as routing from './intake-routing.ts';

const tags = ['cases'];

/** Where Get-help requests go when no intake desk covers their destination (the default intake). */
export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/intake-routing',
    {
      config: { access: { resource: 'intakeRouting', action: 'read' } },
      schema: { tags, summary: 'The default intake organisation and every intake desk' },
    },
    async (request) => ({ data: await routing.getIntakeRouting(contextOf(request)) }),
  );

  app.put(
    '/intake-routing',
    {
      config: { access: { resource: 'intakeRouting', action: 'update' } },
      schema: {
        tags,
        summary: 'Name the organisation that receives requests no intake desk covers',
        body: z.strictObject({ organisationId: uuid, version: z.number().int().min(1).max(2_147_483_647) }),
      },
    },
    async (request) => ({ data: await routing.setDefaultIntake(contextOf(request), request.body) }),
  );
};
