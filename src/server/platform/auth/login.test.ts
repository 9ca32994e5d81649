import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in a viewer with a password and shows who they are', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const cookie = await user.signIn();
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json().data).toMatchObject({ email: user.email, role: 'viewer', mustEnrolTotp: false });
  });

  it('asks for the second factor before a session is usable', async () => {
    const user = await buildUser(t, { role: 'secretariat', totp: true });
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.json().data.status).toBe('totp_required');
    const pending = sessionCookieOf(login);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: pending });
    expect(me.statusCode).toBe(401);
    const cookie = await user.signIn();
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
  });

  it('refuses a wrong password with a problem and locks after repeated failures', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    for (let i = 0; i < 5; i++) {
      const r = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'wrong password!!' },
        remoteAddress: `10.0.0.${i}`,
      });
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().code).toBe('invalid_credentials');
    }
    const locked = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
      remoteAddress: '10.0.1.1',
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After when one address keeps guessing', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApp['request']>> | undefined;
    for (let i = 0; i < 12; i++) {
      last = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.77',
        payload: { email: `guess${i}@example.org`, password: 'not the password' },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(last!.json().code).toBe('rate_limited');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
