import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Config, originOf } from '../../config.ts';
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
        upgradeInsecureRequests: app.config.TRUST_PROXY !== false ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: app.config.TRUST_PROXY !== false ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    if (!isSameSiteWrite(app.config, request.headers)) throw problems.crossSite();
  });
}

/**
 * A write must come from a page of this site: its Origin (scheme, host and port) must be PUBLIC_URL's
 * or one in ALLOWED_ORIGINS. Browsers send Origin on every POST/PUT/PATCH/DELETE; a request without
 * one is accepted only when the browser vouches for it with `Sec-Fetch-Site: same-origin`. So is
 * `Origin: null` with that vouching: under the site-wide "no-referrer" policy a browser posts a
 * plain HTML form with a null Origin, and `Sec-Fetch-Site` is a header no page can set. Scripts and
 * API clients send the Origin of the site they act for.
 */
export function isSameSiteWrite(config: Config, headers: FastifyRequest['headers']): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.origin;
  if (origin === undefined || origin === 'null') return site === 'same-origin';
  const normalised = originOf(origin);
  return normalised !== undefined && allowedOrigins(config).has(normalised);
}

/**
 * PUBLIC_URL's origin and ALLOWED_ORIGINS. Without PUBLIC_URL (a local try-out), the loopback names of
 * the same port too, so http://127.0.0.1:3000 works as well as http://localhost:3000.
 */
function allowedOrigins(config: Config): Set<string> {
  const own = originOf(config.publicUrl);
  const allowed = new Set<string>(config.ALLOWED_ORIGINS);
  if (own) allowed.add(own);
  if (own && !config.PUBLIC_URL) {
    const port = new URL(own).port;
    for (const host of ['localhost', '127.0.0.1', '[::1]'])
      allowed.add(`http://${host}${port ? `:${port}` : ''}`);
  }
  return allowed;
}
