import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { problems } from './problem.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Headers that keep every page to itself (no inline scripts, no framing, no referrer, nothing from
 * another origin), and a cross-site request check on every write on top of SameSite=Strict cookies.
 */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes CSS variables into a <style> element; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: app.config.TRUST_PROXY ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: app.config.TRUST_PROXY ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') throw problems.crossSite();
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      const host =
        request.headers['x-forwarded-host'] && app.config.TRUST_PROXY
          ? request.headers['x-forwarded-host']
          : request.headers.host;
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw problems.crossSite();
      }
      if (originHost !== host) throw problems.crossSite();
    } else if (origin === 'null') {
      throw problems.crossSite();
    }
  });
}
