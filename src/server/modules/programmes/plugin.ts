import type { FastifyPluginAsync } from 'fastify';
import { programmePages } from './pages.ts';
import { programmeRoutes } from './routes.ts';

/** The programmes capability in one registration: the API under /api/v1, the public pages at /programmes. */
export const programmesModule: FastifyPluginAsync = async (app) => {
  await app.register(programmeRoutes, { prefix: '/api/v1' });
  await app.register(programmePages);
};
