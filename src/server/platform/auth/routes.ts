import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { email, line, locale, password, token, uuid } from '../../../shared/schemas.ts';
import { contextOf } from '../http/context.ts';
import * as account from './account-service.ts';
import * as enrolment from './enrolment-service.ts';
import * as loginService from './login-service.ts';
import * as onboarding from './onboarding-service.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';

// Endpoints that guess at secrets are rate-limited per client address.
const strict = { max: 10, timeWindow: '1 minute' };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const days = app.config.SESSION_DAYS;

  app.get(
    '/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Whether the first administrator still has to be created' },
    },
    async (request) => ({ data: { needed: await onboarding.setupNeeded(contextOf(request)) } }),
  );

  app.post(
    '/setup',
    {
      config: { access: 'public', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Create the first administrator with the printed setup link',
        body: z.strictObject({
          token,
          organisationName: line(200),
          name: line(200),
          email,
          password,
          locale: locale.default('en'),
        }),
      },
    },
    async (request, reply) => {
      const { user, sessionToken } = await onboarding.completeSetup(contextOf(request), request.body);
      setSessionCookie(request, reply, sessionToken, days);
      return reply.code(201).send({ data: { id: user.id, email: user.email, role: user.role } });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: z.strictObject({ email, password: z.string().min(1).max(256) }),
      },
    },
    async (request, reply) => {
      const result = await loginService.login(contextOf(request), request.body);
      setSessionCookie(request, reply, result.sessionToken, days);
      return { data: { status: result.status } };
    },
  );

  app.post(
    '/auth/login/second-factor',
    {
      config: { access: 'public', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Finish signing in with a TOTP or recovery code',
        body: z.strictObject({ code: z.string().trim().min(6).max(20) }),
      },
    },
    async (request, reply) => {
      const result = await loginService.completeTotpLogin(
        contextOf(request),
        request.pendingSession,
        request.body,
      );
      setSessionCookie(request, reply, result.sessionToken, days);
      return { data: { status: result.status } };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Sign out of this session' },
    },
    async (request, reply) => {
      const actor = request.actor;
      await loginService.logout(
        contextOf(request),
        actor.kind === 'user' ? actor.sessionId : request.pendingSession?.id,
      );
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'enrolment' },
      schema: { tags: ['auth'], summary: 'The signed-in account' },
    },
    async (request) => ({ data: await account.currentAccount(contextOf(request)) }),
  );

  app.patch(
    '/auth/me',
    {
      config: { access: 'enrolment' },
      schema: {
        tags: ['auth'],
        summary: 'Change the interface language of the account',
        body: z.strictObject({ locale }),
      },
    },
    async (request, reply) => {
      await account.setLocale(contextOf(request), request.body.locale);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/two-factor/setup',
    {
      config: { access: 'enrolment' },
      schema: { tags: ['auth'], summary: 'Start two-factor enrolment (secret and QR code)' },
    },
    async (request) => ({ data: await account.startTotpEnrolment(contextOf(request)) }),
  );

  app.post(
    '/auth/two-factor/confirm',
    {
      config: { access: 'enrolment', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a code; returns recovery codes once',
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/),
        }),
      },
    },
    async (request) => ({ data: await account.confirmTotpEnrolment(contextOf(request), request.body.code) }),
  );

  app.post(
    '/auth/two-factor/enrolment-link',
    {
      config: { access: 'enrolment', rateLimit: { max: 3, timeWindow: '10 minutes' } },
      schema: {
        tags: ['auth'],
        summary: 'Email me a link to enrol a new second factor (needed after a 2FA or password reset)',
      },
    },
    async (request, reply) => {
      await enrolment.sendEnrolmentLink(contextOf(request));
      return reply.code(202).send({ data: { status: 'sent' } });
    },
  );

  app.post(
    '/auth/two-factor/enrolment-link/open',
    {
      config: { access: 'enrolment', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Open the emailed enrolment link in this session',
        body: z.strictObject({ token }),
      },
    },
    async (request, reply) => {
      await enrolment.redeemEnrolmentLink(contextOf(request), request.body.token);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/two-factor/disable',
    {
      config: { access: 'signedIn', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Turn two-factor authentication off',
        body: z.strictObject({ password: z.string().min(1).max(256) }),
      },
    },
    async (request, reply) => {
      await account.disableTotp(contextOf(request), request.body.password);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'signedIn', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Change password (signs out other sessions)',
        body: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: password }),
      },
    },
    async (request, reply) => {
      await account.changePassword(contextOf(request), request.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/sessions',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['auth'], summary: 'My active sessions' },
    },
    async (request) => ({ data: await account.listSessions(contextOf(request)) }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['auth'], summary: 'Revoke one of my sessions', params: z.strictObject({ id: uuid }) },
    },
    async (request, reply) => {
      await account.revokeSession(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Email a password-reset link (same answer whether or not the address exists)',
        body: z.strictObject({ email }),
      },
    },
    async (request, reply) => {
      await onboarding.requestPasswordReset(contextOf(request), request.body.email);
      return reply.code(202).send({ data: { status: 'sent_if_account_exists' } });
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      config: { access: 'public', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password from the emailed link',
        body: z.strictObject({ token, password }),
      },
    },
    async (request, reply) => {
      await onboarding.completePasswordReset(contextOf(request), request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/invitations/lookup',
    {
      config: { access: 'public', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link is for (the token stays out of URLs and logs)',
        body: z.strictObject({ token }),
      },
    },
    async (request) => ({ data: await onboarding.invitationDetails(contextOf(request), request.body.token) }),
  );

  app.post(
    '/invitations/accept',
    {
      config: { access: 'public', rateLimit: strict },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation and create the account',
        body: z.strictObject({ token, name: line(200), password, locale: locale.default('en') }),
      },
    },
    async (request, reply) => {
      const { user, sessionToken } = await onboarding.acceptInvitation(contextOf(request), request.body);
      setSessionCookie(request, reply, sessionToken, days);
      return reply.code(201).send({ data: { id: user.id, email: user.email, role: user.role } });
    },
  );
};
