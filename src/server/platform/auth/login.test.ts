import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../../testing/harness.ts';
import { outbox } from '../mail/schema.ts';

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

  it('refuses a wrong password with a problem', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'wrong password!!' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().code).toBe('invalid_credentials');
  });
});

type Response = Awaited<ReturnType<TestApp['request']>>;
const look = (r: Response) => ({
  status: r.statusCode,
  type: r.headers['content-type'],
  retryAfter: r.headers['retry-after'] === undefined ? undefined : 'set',
  body: r.json(),
});

describe('sign-in throttling', () => {
  it('answers an unknown account exactly like an existing one, failure after failure', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const attempt = (email: string, remoteAddress: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong password!!' },
        remoteAddress,
      });
    const existing: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      existing.push(look(await attempt(user.email, '192.0.2.10')));
      unknown.push(look(await attempt('nobody-here@example.org', '192.0.2.11')));
    }
    expect(existing).toEqual(unknown);
    const statuses = existing.map((e) => (e as { status: number }).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    // Past the free failures the address is slowed down for that account, with a Retry-After.
    expect(statuses.at(-1)).toBe(429);
    expect(existing.at(-1)).toMatchObject({ retryAfter: 'set', body: { code: 'rate_limited' } });
    expect(statuses).not.toContain(423);
  });

  it('does not lock the owner out when someone else guesses their password', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    for (let i = 0; i < 9; i++) {
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'wrong password!!' },
        remoteAddress: '198.51.100.66',
      });
    }
    const owner = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
      remoteAddress: '203.0.113.5',
    });
    expect(owner.statusCode).toBe(200);
  });

  it('slows down guesses spread over many addresses for at most a minute', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const spread = (email: string, password = 'wrong password!!') =>
      t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const existing: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 22; i++) {
      existing.push(look(await spread(user.email)));
      unknown.push(look(await spread('nobody-else@example.org')));
    }
    expect(existing).toEqual(unknown);
    expect((existing.at(-1) as { status: number }).status).toBe(429);
    // The block is short (seconds, at most a minute), never a lock until someone steps in.
    const blocked = await spread(user.email, user.password);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('a completed password reset lets the owner back in at once', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const from = (password: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password },
        remoteAddress: '192.0.2.20',
      });
    for (let i = 0; i < 6; i++) await from('wrong password!!');
    expect((await from(user.password)).statusCode).toBe(429);
    await t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const [mail] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, user.email))
      .orderBy(desc(outbox.createdAt))
      .limit(1);
    const token = mail!.bodyText.match(/#token=([A-Za-z0-9_-]+)/)![1]!;
    const reset = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'saffron kettle glacier parade' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await from('saffron kettle glacier parade')).statusCode).toBe(200);
  });

  it('spends the same time on an unknown account as on a wrong password', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const time = async (email: string) => {
      const start = performance.now();
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong password!!' },
      });
      return performance.now() - start;
    };
    const existing: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      existing.push(await time(user.email));
      unknown.push(await time(`nobody${i}@example.org`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(existing) / median(unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
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
