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
  interface FastifyContextConfig {
    /**
     * The route answers from memory (an import's progress): while the same session holds the
     * database (`holdingSession`), its caller is known without a query that would wait for it.
     */
    withoutDatabase?: boolean;
  }
}

/** Sessions whose request holds the database for long (an import commit), by token hash. */
const heldSessions = new Map<string, { actor: UserActor; locale: string; requests: number }>();

/**
 * Runs `work` (which holds the database, e.g. one long transaction on the embedded engine's single
 * connection) while routes marked `withoutDatabase` resolve this same session from memory.
 */
export async function holdingSession<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || request.actor.kind !== 'user') return work();
  const key = sha256(token);
  const held = heldSessions.get(key) ?? { actor: request.actor, locale: request.locale, requests: 0 };
  held.requests += 1;
  heldSessions.set(key, held);
  try {
    return await work();
  } finally {
    held.requests -= 1;
    if (held.requests === 0) heldSessions.delete(key);
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
    const tokenHash = sha256(token);
    const held = request.routeOptions.config?.withoutDatabase ? heldSessions.get(tokenHash) : undefined;
    if (held) {
      request.actor = held.actor;
      request.locale = held.locale;
      return;
    }
    const found = await findLiveSession(app.database.db, tokenHash);
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
