import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/roles.ts';
import { PUBLIC, type UserActor } from '../access/actor.ts';
import { negotiateLocale } from '../i18n/translate.ts';
import { sha256 } from './crypto.ts';
import { findLiveSession, type SessionRow, touchSession } from './repository.ts';

export const SESSION_COOKIE = 'tulay_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** A session that passed the password step and waits for the second factor. */
    pendingSession?: SessionRow;
  }
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, and Secure whenever TLS is in front. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  days: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: days * 24 * 3600,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

const TOUCH_EVERY_MS = 60_000;

/** Resolves who is calling from the session cookie, before any route runs. */
export function registerSessionResolver(app: FastifyInstance): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'en');
  app.addHook('onRequest', async (request) => {
    request.actor = PUBLIC;
    request.locale = negotiateLocale(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200 || !request.url.startsWith('/api/')) return;
    const found = await findLiveSession(app.database.db, sha256(token));
    if (!found || found.user.disabledAt) return;
    if (found.session.stage === 'password') {
      request.pendingSession = found.session;
      return;
    }
    request.actor = actorOf(found.user, found.session.id, found.roleRequiresTwoFactor ?? false);
    request.locale = found.user.locale;
    if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await touchSession(app.database.db, found.session.id);
    }
  });
}

function actorOf(
  user: NonNullable<Awaited<ReturnType<typeof findLiveSession>>>['user'],
  sessionId: string,
  requires: boolean,
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role as Role,
    email: user.email,
    name: user.name,
    locale: user.locale,
    sessionId,
    totpEnabled: user.totpEnabled,
    mustEnrolTotp: requires && !user.totpEnabled,
  };
}
