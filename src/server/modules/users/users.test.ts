import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltUser, buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin: BuiltUser;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  // Most of these act across organisations: a network administrator (organisation scoping is
  // covered in organisation-admin.test.ts and access-matrix.test.ts).
  admin = await buildUser(t, { role: 'network_administrator' });
  cookie = await admin.session();
});
afterAll(() => t.close());

describe('user administration', () => {
  it('lists accounts with search, role filter, abilities and a cursor', async () => {
    const org = await buildOrganisation(t);
    for (let i = 0; i < 3; i++)
      await buildUser(t, { role: 'member_editor', organisationId: org.id, name: `Editor Santos ${i}` });
    const page1 = await t.request({
      method: 'GET',
      url: '/api/v1/users',
      query: { q: 'Santos', limit: '2' },
      cookie,
    });
    const body1 = page1.json();
    expect(body1.data).toHaveLength(2);
    expect(body1.data[0].abilities).toEqual({
      list: true,
      invite: true,
      listInvitations: true,
      update: true,
      resetTwoFactor: true,
      actAcrossOrganisations: true,
    });
    const page2 = await t.request({
      method: 'GET',
      url: '/api/v1/users',
      query: { q: 'Santos', limit: '2', cursor: body1.nextCursor },
      cookie,
    });
    expect(page2.json().data).toHaveLength(1);
    expect(page2.json().nextCursor).toBeNull();
    const byRole = await t.request({
      method: 'GET',
      url: '/api/v1/users',
      query: { role: 'network_administrator' },
      cookie,
    });
    expect(byRole.json().data.map((u: { role: string }) => u.role)).toEqual(
      expect.arrayContaining(['network_administrator']),
    );
    expect(byRole.json().data.every((u: { role: string }) => u.role === 'network_administrator')).toBe(true);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/users', query: { q: '%' }, cookie });
    expect(r.json().data).toEqual([]);
  });

  it('shows an administrator that they cannot change their own account here', async () => {
    const r = await t.request({ method: 'GET', url: '/api/v1/users', query: { q: admin.email }, cookie });
    expect(r.json().data[0].abilities).toMatchObject({ update: false, resetTwoFactor: false });
  });

  it('refuses an invitation to an unknown organisation without writing anything', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/users/invitations',
      cookie,
      payload: {
        email: 'ghost@example.org',
        role: 'viewer',
        organisationId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(r.statusCode).toBe(400);
    const outbox = await t.request({ method: 'GET', url: '/api/v1/outbox', cookie });
    expect(outbox.json().data.find((m: { to: string }) => m.to === 'ghost@example.org')).toBeUndefined();
  });

  it('gives the second of two concurrent edits a 409 and keeps the first', async () => {
    const target = await buildUser(t, { role: 'viewer' });
    const [a, b] = await Promise.all([
      t.request({
        method: 'PATCH',
        url: `/api/v1/users/${target.id}`,
        cookie,
        payload: { role: 'secretariat', version: 1 },
      }),
      t.request({
        method: 'PATCH',
        url: `/api/v1/users/${target.id}`,
        cookie,
        payload: { role: 'member_editor', version: 1 },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    expect(loser.json().code).toBe('version_conflict');
    const list = await t.request({ method: 'GET', url: '/api/v1/users', query: { q: target.email }, cookie });
    expect(list.json().data[0]).toMatchObject({ role: winner.json().data.role, version: 2 });
  });

  it('suspending an account ends its sessions and stops sign-in', async () => {
    const target = await buildUser(t, { role: 'viewer' });
    const theirCookie = await target.signIn();
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      cookie,
      payload: { disabled: true, version: 1 },
    });
    expect(r.json().data.disabled).toBe(true);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: theirCookie })).statusCode).toBe(
      401,
    );
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: target.email, password: target.password },
    });
    expect(login.statusCode).toBe(401);
  });

  it('resetting 2FA makes the person enrol again, through the emailed link', async () => {
    const target = await buildUser(t, { role: 'case_worker' });
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/users/${target.id}/two-factor/reset`,
          cookie,
          payload: { reason: 'Lost her phone on the bus; asked by phone call.' },
        })
      ).statusCode,
    ).toBe(204);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: target.email, password: target.password },
    });
    expect(login.json().data.status).toBe('signed_in');
    const me = await t.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookie: String(login.headers['set-cookie']).split(';')[0],
    });
    expect(me.json().data).toMatchObject({ mustEnrolTotp: true, enrolmentLinkRequired: true });
  });

  it('requires 2FA for a role when a network administrator says so, but never drops it for administrators', async () => {
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: '/api/v1/roles/viewer',
          cookie,
          payload: { requiresTwoFactor: true },
        })
      ).statusCode,
    ).toBe(204);
    const viewer = await buildUser(t, { role: 'viewer', totp: false });
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: await viewer.session() });
    expect(me.json().data.mustEnrolTotp).toBe(true);
    const roles = await t.request({ method: 'GET', url: '/api/v1/roles', cookie });
    expect(roles.json().data.find((r: { role: string }) => r.role === 'viewer').requiresTwoFactor).toBe(true);
    await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/viewer',
      cookie,
      payload: { requiresTwoFactor: false },
    });
    const refused = await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/administrator',
      cookie,
      payload: { requiresTwoFactor: false },
    });
    expect(refused.statusCode).toBe(409);
    const refusedNetwork = await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/network_administrator',
      cookie,
      payload: { requiresTwoFactor: false },
    });
    expect(refusedNetwork.statusCode).toBe(409);
  });
});
