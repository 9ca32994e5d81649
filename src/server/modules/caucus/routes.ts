import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import {
  listQuery,
  membershipCreate,
  membershipUpdate,
  postCreate,
  postUpdate,
  resolutionCreate,
  resolutionUpdate,
} from './inputs.ts';
import { caucusPopolo } from './popolo.ts';
import * as resolutions from './resolutions.ts';
import * as service from './service.ts';

const tags = ['caucus'];
const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
const rule = (action: string) => ({ access: { resource: 'caucus', action } });

/** The inter-parliamentary caucus: seats, memberships, resolutions, Popolo export. Thin: parse → use case. */
export const caucusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/caucus/options',
    { config: rule('list'), schema: { tags, summary: 'What the caucus forms offer' } },
    async (request) => ({ data: await service.options(contextOf(request)) }),
  );

  // Signed in only: the export names members and unpublished resolutions (policy.ts says why).
  app.get(
    '/caucus/popolo.json',
    {
      config: rule('export'),
      schema: { tags, summary: 'Members, seats, memberships and resolutions (as motions) in Popolo JSON' },
    },
    async (request, reply) =>
      reply
        .header('content-disposition', 'attachment; filename="caucus-popolo.json"')
        .header('cache-control', 'no-store')
        .send(await caucusPopolo(contextOf(request))),
  );

  for (const [path, label, list, create, update, remove, createBody, updateBody, query] of [
    [
      'posts',
      'seat in a parliament',
      service.listPosts,
      service.createPost,
      service.updatePost,
      service.deletePost,
      postCreate,
      postUpdate,
      listQuery.pick({ personId: true }),
    ],
    [
      'memberships',
      'membership of the caucus',
      service.listMemberships,
      service.createMembership,
      service.updateMembership,
      service.deleteMembership,
      membershipCreate,
      membershipUpdate,
      listQuery,
    ],
  ] as const) {
    app.get(
      `/caucus/${path}`,
      { config: rule('list'), schema: { tags, summary: `Every ${label}`, querystring: query } },
      // biome-ignore lint/suspicious/noExplicitAny: each pair of service and schema matches
      async (request) => ({ data: await list(contextOf(request), request.query as any) }),
    );
    app.post(
      `/caucus/${path}`,
      { config: rule('create'), schema: { tags, summary: `Record a ${label}`, body: createBody } },
      async (request, reply) =>
        // biome-ignore lint/suspicious/noExplicitAny: each pair of service and schema matches
        reply.code(201).send({ data: await create(contextOf(request), request.body as any) }),
    );
    app.patch(
      `/caucus/${path}/:id`,
      {
        config: rule('update'),
        schema: {
          tags,
          summary: `Edit a ${label} (names the version it read)`,
          params: idParams,
          body: updateBody,
        },
      },
      // biome-ignore lint/suspicious/noExplicitAny: each pair of service and schema matches
      async (request) => ({ data: await update(contextOf(request), request.params.id, request.body as any) }),
    );
    app.delete(
      `/caucus/${path}/:id`,
      {
        config: rule('delete'),
        schema: { tags, summary: `Delete a ${label}`, params: idParams, querystring: versionQuery },
      },
      async (request, reply) => {
        await remove(contextOf(request), request.params.id, request.query.version);
        return reply.code(204).send();
      },
    );
  }

  // Public: without a session only published resolutions are listed (the service decides).
  app.get(
    '/caucus/resolutions',
    {
      config: { access: 'public' },
      schema: {
        tags: [...tags, 'public'],
        summary: 'Resolutions and declarations with their signatories (published ones for the public)',
        querystring: listQuery.pick({ caucusId: true }),
      },
    },
    async (request) => ({ data: await resolutions.listResolutions(contextOf(request), request.query) }),
  );
  app.get(
    '/caucus/resolutions/:id',
    {
      config: { access: 'public' },
      schema: { tags: [...tags, 'public'], summary: 'A resolution or declaration', params: idParams },
    },
    async (request) => ({ data: await resolutions.getResolution(contextOf(request), request.params.id) }),
  );
  app.post(
    '/caucus/resolutions',
    {
      config: rule('create'),
      schema: {
        tags,
        summary: 'Record a resolution or declaration with its signatories',
        body: resolutionCreate,
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await resolutions.createResolution(contextOf(request), request.body) }),
  );
  app.patch(
    '/caucus/resolutions/:id',
    {
      config: rule('update'),
      schema: {
        tags,
        summary: 'Edit a resolution; signatories, when sent, replace the old list',
        params: idParams,
        body: resolutionUpdate,
      },
    },
    async (request) => ({
      data: await resolutions.updateResolution(contextOf(request), request.params.id, request.body),
    }),
  );
  app.delete(
    '/caucus/resolutions/:id',
    {
      config: rule('delete'),
      schema: { tags, summary: 'Delete a resolution', params: idParams, querystring: versionQuery },
    },
    async (request, reply) => {
      await resolutions.deleteResolution(contextOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
};
