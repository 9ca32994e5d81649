import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Config, fastifyTrustProxy } from './config.ts';
import type { Database } from './db/client.ts';
import { migrationsApplied } from './db/migrate.ts';
import { agreementPages } from './modules/agreements/pages.ts';
import { agreementRoutes } from './modules/agreements/routes.ts';
import { campaignPages } from './modules/campaigns/pages.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { getHelpPages } from './modules/cases/get-help-pages.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { caucusPages } from './modules/caucus/pages.ts';
import { caucusRoutes } from './modules/caucus/routes.ts';
import { directoryImportRoutes } from './modules/directory/import-routes.ts';
import { directoryPages } from './modules/directory/pages.ts';
import { directoryRoutes } from './modules/directory/routes.ts';
import { eventPages } from './modules/events/pages.ts';
import { eventRoutes } from './modules/events/routes.ts';
import { frontDoorPages } from './modules/frontdoor/pages.ts';
import { geographyRoutes } from './modules/geography/routes.ts';
import { internshipPages } from './modules/internships/pages.ts';
import { internshipRoutes } from './modules/internships/routes.ts';
import { libraryRoutes } from './modules/library/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { practiceRoutes } from './modules/practices/routes.ts';
import { programmesModule } from './modules/programmes/plugin.ts';
import { recommendationPages } from './modules/recommendations/pages.ts';
import { recommendationRoutes } from './modules/recommendations/routes.ts';
import { knowledgePages } from './modules/search/pages.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { setupRoutes } from './modules/setup/routes.ts';
import { statisticsPages } from './modules/statistics/pages.ts';
import { statisticsRoutes } from './modules/statistics/routes.ts';
import { trainingPages, trainingRoutes } from './modules/trainings/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { vocabularyRoutes } from './modules/vocabularies/routes.ts';
import { yearbookPages } from './modules/yearbooks/pages.ts';
import { settleAllRenders } from './modules/yearbooks/render.ts';
import { yearbookRoutes } from './modules/yearbooks/routes.ts';
import { type DeclaredRoute, registerRouteAccess } from './platform/access/route-access.ts';
import { registerAuditHook } from './platform/audit/recorder.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { registerSessionResolver } from './platform/auth/session-cookie.ts';
import { WorkPool } from './platform/files/work-pool.ts';
import { registerPublicCompression } from './platform/http/compress.ts';
import { clientErrorHandler, registerErrorHandling, sendProblem, toProblem } from './platform/http/errors.ts';
import { requestLogStream } from './platform/http/log-stream.ts';
import { problems } from './platform/http/problem.ts';
import { registerSecurity } from './platform/http/security.ts';
import { outboxRoutes } from './platform/mail/routes.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Where the built web app lives; absent in API-only tests. */
  webRoot?: string;
}

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

/** Builds the whole HTTP application without listening: used by `tulay start` and by every test. */
export async function buildApp({ config, database, webRoot }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      stream: requestLogStream(config.LOG_LEVEL),
    },
    bodyLimit: 256 * 1024,
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    // The session cookie is opaque; keep request ids short and random rather than sequential.
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
    // Node refuses headers (the address included) over 16 kB itself; the answer is still a problem.
    clientErrorHandler,
    // Errors raised before any hook runs (bad URL encoding, overlong path parameters) are problems too.
    frameworkErrors: (error, request, reply) => {
      const problem = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? problems.tooLong() : toProblem(error);
      void sendProblem(request, reply, problem);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  const fileWork = new WorkPool({
    workers: config.FILE_WORKERS,
    queue: config.FILE_WORK_QUEUE,
    timeoutMs: config.FILE_WORK_TIMEOUT_MS,
    memoryMb: config.FILE_WORK_MEMORY_MB,
  });
  app.decorate('fileWork', fileWork);
  app.addHook('onClose', () => fileWork.close());
  // PDF renders run in the background: the database must outlive their last write.
  app.addHook('onClose', () => settleAllRenders());
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);

  registerErrorHandling(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tulay API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tulay_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      throw problems.rateLimited(Math.ceil(context.ttl / 1000));
    },
  });
  await registerSecurity(app);
  registerPublicCompression(app);
  registerSessionResolver(app);
  registerRouteAccess(app, declared);
  registerAuditHook(app);

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const ready = await migrationsApplied(database).catch(() => false);
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', engine: database.engine });
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(directoryRoutes);
      await api.register(directoryImportRoutes);
      await api.register(peopleRoutes);
      await api.register(vocabularyRoutes);
      await api.register(geographyRoutes);
      await api.register(caseRoutes);
      await api.register(practiceRoutes);
      await api.register(campaignRoutes);
      await api.register(eventRoutes);
      await api.register(recommendationRoutes);
      await api.register(trainingRoutes);
      await api.register(searchRoutes);
      await api.register(libraryRoutes);
      await api.register(statisticsRoutes);
      await api.register(yearbookRoutes);
      await api.register(auditRoutes);
      await api.register(outboxRoutes);
      await api.register(agreementRoutes);
      await api.register(internshipRoutes);
      await api.register(caucusRoutes);
      await api.register(setupRoutes);
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api/v1' },
  );

  await app.register(knowledgePages);
  await app.register(directoryPages);
  await app.register(statisticsPages);
  await app.register(yearbookPages);
  await app.register(programmesModule);
  await app.register(campaignPages);
  await app.register(agreementPages);
  await app.register(internshipPages);
  await app.register(eventPages);
  await app.register(caucusPages);
  await app.register(recommendationPages);
  await app.register(trainingPages);
  await app.register(frontDoorPages);
  const root = webRoot ?? defaultWebRoot;
  await app.register(getHelpPages, { webRoot: root });
  if (existsSync(root)) await registerWeb(app, root);
  return app;
}

/**
 * Serves the built web app; any other page path gets index.html so the client router takes over.
 * Files under assets/ carry a content hash in their names: cached for a year and never revalidated.
 * index.html names the current hashes, so it is revalidated on every visit. The build writes .br
 * and .gz beside each asset (platform/http/precompress.ts); the smallest one accepted is sent.
 */
async function registerWeb(app: FastifyInstance, root: string) {
  // cacheControl off: @fastify/static would otherwise overwrite ours with `max-age=0`.
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    serve: false,
    preCompressed: true,
    cacheControl: false,
  });
  app.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${path}`);
  });
  app.get('/favicon.svg', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.sendFile('favicon.svg'),
  );
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) throw problems.notFound('route');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
