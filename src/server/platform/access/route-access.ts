import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problems } from '../http/problem.ts';
import { isUser } from './actor.ts';
import { can } from './policy.ts';

/**
 * Every route declares who may call it, in `config.access`:
 * - 'public': anyone, signed in or not;
 * - 'enrolment': signed in with a password, even if 2FA enrolment is still owed (me, logout, enrol);
 * - 'signedIn': signed in with every required factor;
 * - { resource, action }: signed in, and the resource's policy allows the action on some record.
 * A route without a declaration is refused (and a test fails), so access is never forgotten.
 */
export type RouteAccess = 'public' | 'enrolment' | 'signedIn' | { resource: string; action: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/** Records every route's declaration (for the access test and the route list) and enforces it. */
export function registerRouteAccess(app: FastifyInstance, declared: DeclaredRoute[]): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      declared.push({ method, url: route.url, access: (route.config as { access?: RouteAccess })?.access });
    }
  });
  app.addHook('preHandler', async (request) => checkRouteAccess(request));
}

function checkRouteAccess(request: FastifyRequest): void {
  if (request.is404) return; // the not-found handler answers 404 to everyone
  const access = request.routeOptions.config.access;
  const actor = request.actor;
  if (access === 'public') return;
  if (access === undefined) throw problems.forbidden();
  if (!isUser(actor)) throw problems.unauthenticated();
  if (access === 'enrolment') return;
  if (actor.mustEnrolTotp) throw problems.enrolmentRequired();
  if (access === 'signedIn') return;
  if (!can(actor, access.action, access.resource)) throw problems.forbidden();
}
