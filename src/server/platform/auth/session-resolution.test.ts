import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { updateUser } from './repository.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Counts the statements sent through the pool while `run` is awaited. */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const pool = t.database.pool as unknown as { query: (...args: unknown[]) => unknown };
  const original = pool.query;
  const seen: string[] = [];
  pool.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    seen.push(typeof config === 'string' ? config : (config as { text: string }).text);
    return original.call(this, config, ...rest);
  };
  try {
    await run();
  } finally {
    pool.query = original;
  }
  return seen;
}

describe('resolving the session of a signed-in request', () => {
  it('takes one statement for the session, the user and the role settings', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const cookie = await user.session();
    await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie }); // touches last-seen once
    // An unknown API route: the resolver runs, no handler does.
    const seen = await statementsDuring(() =>
      t.request({ method: 'GET', url: '/api/v1/no-such-route', cookie }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/role_settings/);
  });

  it('still holds a role that requires 2FA to enrolment', async () => {
    const user = await buildUser(t, { role: 'case_worker', totp: false });
    const cookie = await user.session();
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(me.json().data).toMatchObject({ mustEnrolTotp: true });
    await updateUser(t.database.db, user.id, { totpEnabled: true, totpSecret: 'JBSWY3DPEHPK3PXP' });
    const after = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(after.json().data).toMatchObject({ mustEnrolTotp: false });
  });
});
