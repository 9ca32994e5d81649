import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a CSP without inline scripts, no framing, no referrer', async () => {
    const r = await t.request({ method: 'GET', url: '/healthz' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('session cookies are HttpOnly and SameSite=Strict, and Secure behind TLS', async () => {
    const user = await buildUser(t);
    const plain = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const proxied = await createTestApp({ config: { TRUST_PROXY: 1 } });
    try {
      const other = await buildUser(proxied);
      const tls = await proxied.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: other.email, password: other.password },
      });
      expect(String(tls.headers['set-cookie'])).toContain('Secure');
      expect(tls.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a write whose Origin is another site', async () => {
    const user = await buildUser(t);
    const cookie = await user.signIn();
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('cross_site_request');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
  });

  it('refuses a write the browser marks as cross-site, and a null origin', async () => {
    const a = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: 'a@example.org' },
    });
    expect(a.statusCode).toBe(403);
    const b = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { origin: 'null' },
      payload: { email: 'a@example.org' },
    });
    expect(b.statusCode).toBe(403);
  });

  it('accepts a same-origin write', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
      payload: { email: 'a@example.org' },
    });
    expect(r.statusCode).toBe(202);
  });
});

describe('writes are tied to PUBLIC_URL', () => {
  const write = (app: TestApp, headers: Record<string, string>) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { host: 'localhost:3000', ...headers },
      payload: { email: 'a@example.org' },
    });

  it('refuses a write without Origin, unless the browser says it is same-origin', async () => {
    const none = await write(t, {});
    expect(none.statusCode).toBe(403);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json().code).toBe('cross_site_request');
    expect((await write(t, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(202);
    expect((await write(t, { 'sec-fetch-site': 'none' })).statusCode).toBe(403);
  });

  it('accepts a form posted with Origin: null only when the browser says it is same-origin', async () => {
    // What a browser sends for a plain HTML form under the site-wide "no-referrer" policy.
    expect((await write(t, { origin: 'null', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(202);
    expect((await write(t, { origin: 'null' })).statusCode).toBe(403);
    expect((await write(t, { origin: 'null', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await write(t, { origin: 'null', 'sec-fetch-site': 'none' })).statusCode).toBe(403);
  });

  it('refuses an Origin whose scheme, host or port differs from PUBLIC_URL, whatever the Host says', async () => {
    for (const origin of [
      'https://localhost:3000',
      'http://localhost:3001',
      'http://evil.example',
      'http://localhost.evil.example:3000',
      'not a url',
    ]) {
      const host = origin.startsWith('http') ? new URL(origin).host : 'localhost:3000';
      const r = await write(t, { origin, host });
      expect(r.statusCode, origin).toBe(403);
    }
    expect((await write(t, { origin: 'http://localhost:3000' })).statusCode).toBe(202);
    expect((await write(t, { origin: 'http://127.0.0.1:3000' })).statusCode).toBe(202);
  });

  it('behind a proxy, accepts PUBLIC_URL and ALLOWED_ORIGINS only, not what the proxy forwards as host', async () => {
    const app = await createTestApp({
      config: loadConfig({
        LOG_LEVEL: 'silent',
        PUBLIC_URL: 'https://tulay.example.org',
        ALLOWED_ORIGINS: 'https://help.example.org',
        TRUST_PROXY: '1',
      } as NodeJS.ProcessEnv),
    });
    try {
      const forwarded = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
      expect((await write(app, { origin: 'https://tulay.example.org' })).statusCode).toBe(202);
      expect((await write(app, { origin: 'https://help.example.org' })).statusCode).toBe(202);
      expect((await write(app, { origin: 'http://tulay.example.org' })).statusCode).toBe(403);
      expect((await write(app, { origin: 'http://localhost:3000' })).statusCode).toBe(403);
      expect((await write(app, { origin: 'https://evil.example', ...forwarded })).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});

describe('client addresses behind a proxy', () => {
  it('reads TRUST_PROXY as a hop count or proxy addresses, true as one hop, and refuses nonsense', () => {
    const parse = (TRUST_PROXY: string) => loadConfig({ TRUST_PROXY } as NodeJS.ProcessEnv).TRUST_PROXY;
    expect(parse('false')).toBe(false);
    expect(parse('true')).toBe(1);
    expect(parse('2')).toBe(2);
    expect(parse('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => parse('everyone')).toThrow(/TRUST_PROXY/);
    expect(() => parse('10.0.0.0/40')).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ftp://x' } as NodeJS.ProcessEnv)).toThrow(/ALLOWED_ORIGINS/);
  });

  it('a forged leftmost X-Forwarded-For does not change the address the rate limit sees', async () => {
    const proxied = await createTestApp({ config: { TRUST_PROXY: true } as never });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        // The proxy (127.0.0.1) appends the real client address after what the client sent.
        const r = await proxied.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': `198.18.${i}.${i + 1}, 203.0.113.50` },
          payload: { email: `rotating${i}@example.org`, password: 'not the password' },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});

describe('health and API description', () => {
  it('healthz and readyz answer', async () => {
    expect((await t.request({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.request({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('OpenAPI 3.1 describes every API route', async () => {
    const spec = (await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const missing = t.app.declaredRoutes
      .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it('unknown API paths get a problem, not the web page', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });
});
