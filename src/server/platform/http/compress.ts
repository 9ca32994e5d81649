import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const TEXT = /^(text\/html|text\/plain|application\/xml|application\/atom\+xml)\b/;
const MIN_BYTES = 1024;

/** Brotli when the browser takes it, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(value) ? value : 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/**
 * Compresses the server-rendered public pages (front door, search, directory, sitemap) on the way
 * out. Only routes declared public and only text: API answers, which can mix secrets with what a
 * visitor typed, and no-store pages are never compressed (no BREACH-style guessing). Brotli at a fast quality: a page
 * of ~10 kB takes well under a millisecond and shrinks by three quarters.
 */
export function registerPublicCompression(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || payload.length < MIN_BYTES) return payload;
    if (request.routeOptions.config?.access !== 'public' || request.url.startsWith('/api/')) return payload;
    if (reply.getHeader('content-encoding')) return payload;
    // Pages marked no-store may carry a person's own data (Get-help status): left uncompressed.
    if (String(reply.getHeader('cache-control') ?? '').includes('no-store')) return payload;
    if (!TEXT.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    reply.header('vary', appendVary(reply.getHeader('vary'), 'Accept-Encoding'));
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const body =
      encoding === 'br'
        ? brotliCompressSync(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : gzipSync(payload, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return body;
  });
}

function appendVary(current: unknown, name: string): string {
  const list = String(current ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.some((v) => v.toLowerCase() === name.toLowerCase())
    ? list.join(', ')
    : [...list, name].join(', ');
}
