import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// The setup checklist: every role and the public × read.
const READ: Role[] = ['network_administrator', 'administrator'];

let t: TestApp;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  t = await createTestApp();
  const org = await buildOrganisation(t);
  for (const role of ROLES) {
    const user = await buildUser(t, { role, organisationId: org.id, totp: role !== 'viewer' });
    cookies.set(role, await user.session());
  }
});
afterAll(() => t.close());

describe('setup checklist access matrix', () => {
  it.each(ROLES.map((r) => [r] as const))('%s', async (role) => {
    const res = await t.request({ method: 'GET', url: '/api/v1/setup-checklist', cookie: cookies.get(role) });
    expect(res.statusCode).toBe(READ.includes(role) ? 200 : 403);
  });

  it('the public is asked to sign in, and no write exists', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/setup-checklist' })).statusCode).toBe(401);
    const post = await t.request({
      method: 'POST',
      url: '/api/v1/setup-checklist',
      cookie: cookies.get('network_administrator'),
      payload: {},
    });
    expect(post.statusCode).toBe(404);
  });
});
