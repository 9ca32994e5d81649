import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { email, idParams, line, role, uuid, version } from '../../../shared/schemas.ts';
import { contextOf } from '../../platform/http/context.ts';
import * as invitations from './invitations-service.ts';
import * as service from './service.ts';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { access: { resource: 'user', action: 'list' } },
      schema: {
        tags: ['users'],
        summary: 'Accounts, filtered and paginated',
        querystring: z.strictObject({
          q: line(100).optional(),
          role: role.optional(),
          organisationId: uuid.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
      },
    },
    async (request) => service.listUsers(contextOf(request), request.query),
  );

  app.post(
    '/users/invitations',
    {
      config: { access: { resource: 'user', action: 'invite' } },
      schema: {
        tags: ['users'],
        summary: 'Invite a person by email',
        body: z.strictObject({ email, role, organisationId: uuid }),
      },
    },
    async (request, reply) => {
      await service.inviteUser(contextOf(request), request.body);
      return reply.code(201).send({ data: { status: 'invited' } });
    },
  );

  app.get(
    '/users/invitations',
    {
      config: { access: { resource: 'user', action: 'listInvitations' } },
      schema: {
        tags: ['users'],
        summary: 'Invitations not yet accepted, newest first (expired ones included, marked)',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
      },
    },
    async (request) => invitations.listInvitations(contextOf(request), request.query),
  );

  app.post(
    '/users/invitations/:id/resend',
    {
      config: { access: { resource: 'user', action: 'invite' } },
      schema: {
        tags: ['users'],
        summary: 'Send a pending invitation again with a fresh link (the old link stops working)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await invitations.resendInvitation(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/users/invitations/:id',
    {
      config: { access: { resource: 'user', action: 'invite' } },
      schema: { tags: ['users'], summary: 'Revoke a pending invitation', params: idParams },
    },
    async (request, reply) => {
      await invitations.revokeInvitation(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: { resource: 'user', action: 'update' } },
      schema: {
        tags: ['users'],
        summary: "Change an account's role or suspend it",
        params: idParams,
        body: z.strictObject({ role: role.optional(), disabled: z.boolean().optional(), version }),
      },
    },
    async (request) => ({
      data: await service.updateUser(contextOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/users/:id/two-factor/reset',
    {
      config: { access: { resource: 'user', action: 'resetTwoFactor' } },
      schema: {
        tags: ['users'],
        summary: "Clear a person's two-factor enrolment (with a reason; the person is emailed)",
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(10).max(500) }),
      },
    },
    async (request, reply) => {
      await service.resetTwoFactor(contextOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/roles',
    {
      config: { access: { resource: 'roleSetting', action: 'list' } },
      schema: { tags: ['users'], summary: 'Roles and whether each requires two-factor authentication' },
    },
    async (request) => ({ data: await service.listRoleSettings(contextOf(request)) }),
  );

  app.patch(
    '/roles/:role',
    {
      config: { access: { resource: 'roleSetting', action: 'update' } },
      schema: {
        tags: ['users'],
        summary: 'Require (or stop requiring) 2FA for a role',
        params: z.strictObject({ role }),
        body: z.strictObject({ requiresTwoFactor: z.boolean() }),
      },
    },
    async (request, reply) => {
      await service.setRoleTwoFactor(contextOf(request), request.params.role, request.body.requiresTwoFactor);
      return reply.code(204).send();
    },
  );
};
