import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const proxied = await createTestApp({ config: { TRUST_PROXY: true } });
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
