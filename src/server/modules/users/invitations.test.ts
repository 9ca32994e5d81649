import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/schema.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function linkTokenMailedTo(address: string): Promise<string> {
  const [row] = await t.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, address))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row!.bodyText.match(/#token=([A-Za-z0-9_-]+)/)![1]!;
}

async function invite(cookie: string, email: string, organisationId: string) {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/users/invitations',
    cookie,
    payload: { email, role: 'viewer', organisationId },
  });
  expect(response.statusCode, response.body).toBe(201);
}

type Invitation = { id: string; email: string; expired: boolean; invitedByName: string };
async function pending(cookie: string): Promise<Invitation[]> {
  const response = await t.request({ method: 'GET', url: '/api/v1/users/invitations?limit=200', cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
}
const lookup = (token: string) =>
  t.request({ method: 'POST', url: '/api/v1/invitations/lookup', payload: { token } });

describe('pending invitations', () => {
  it('lists an organisation’s invitations to its administrator, and every one to a network administrator', async () => {
    const network = await buildUser(t, { role: 'network_administrator', name: 'Nadia Network' });
    const admin = await buildUser(t, { role: 'administrator' });
    const other = await buildOrganisation(t);
    await invite(await network.session(), 'own.org@example.org', admin.organisationId);
    await invite(await network.session(), 'other.org@example.org', other.id);

    const own = (await pending(await admin.session())).map((i) => i.email);
    expect(own).toContain('own.org@example.org');
    expect(own).not.toContain('other.org@example.org');
    const all = await pending(await network.session());
    expect(all.map((i) => i.email)).toEqual(
      expect.arrayContaining(['own.org@example.org', 'other.org@example.org']),
    );
    expect(all.find((i) => i.email === 'own.org@example.org')).toMatchObject({
      expired: false,
      invitedByName: 'Nadia Network',
    });
  });

  it('resends with a fresh link that works while the old one stops, and an accepted invitation leaves the list', async () => {
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.session();
    await invite(cookie, 'resend.me@example.org', admin.organisationId);
    const oldToken = await linkTokenMailedTo('resend.me@example.org');
    const [mine] = (await pending(cookie)).filter((i) => i.email === 'resend.me@example.org');

    const resent = await t.request({
      method: 'POST',
      url: `/api/v1/users/invitations/${mine!.id}/resend`,
      cookie,
    });
    expect(resent.statusCode, resent.body).toBe(204);
    const newToken = await linkTokenMailedTo('resend.me@example.org');
    expect(newToken).not.toBe(oldToken);
    expect((await lookup(oldToken)).statusCode).toBe(410);
    expect((await lookup(newToken)).statusCode).toBe(200);
    const listed = (await pending(cookie)).filter((i) => i.email === 'resend.me@example.org');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.id).not.toBe(mine!.id);

    const accept = await t.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: newToken, name: 'Resent Person', password: 'a long enough pass phrase here' },
    });
    expect(accept.statusCode, accept.body).toBe(201);
    expect((await pending(cookie)).map((i) => i.email)).not.toContain('resend.me@example.org');
  });

  it('revokes: the link stops working, and a second revoke or resend of it is a 404', async () => {
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.session();
    await invite(cookie, 'revoke.me@example.org', admin.organisationId);
    const token = await linkTokenMailedTo('revoke.me@example.org');
    const [mine] = (await pending(cookie)).filter((i) => i.email === 'revoke.me@example.org');

    const [first, second] = await Promise.all([
      t.request({ method: 'DELETE', url: `/api/v1/users/invitations/${mine!.id}`, cookie }),
      t.request({ method: 'DELETE', url: `/api/v1/users/invitations/${mine!.id}`, cookie }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([204, 404]);
    expect((await lookup(token)).statusCode).toBe(410);
    const resend = await t.request({
      method: 'POST',
      url: `/api/v1/users/invitations/${mine!.id}/resend`,
      cookie,
    });
    expect(resend.statusCode).toBe(404);
    expect((await pending(cookie)).map((i) => i.email)).not.toContain('revoke.me@example.org');
  });

  it('marks an invitation whose week ran out as expired, and resending it gives a working link', async () => {
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.session();
    await invite(cookie, 'late@example.org', admin.organisationId);
    const { oneTimeTokens } = await import('../../platform/auth/schema.ts');
    await t.database.db
      .update(oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oneTimeTokens.email, 'late@example.org'));
    const [late] = (await pending(cookie)).filter((i) => i.email === 'late@example.org');
    expect(late!.expired).toBe(true);
    const resent = await t.request({
      method: 'POST',
      url: `/api/v1/users/invitations/${late!.id}/resend`,
      cookie,
    });
    expect(resent.statusCode).toBe(204);
    expect((await lookup(await linkTokenMailedTo('late@example.org'))).statusCode).toBe(200);
  });

  it('answers bad input precisely and changes nothing', async () => {
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.session();
    await invite(cookie, 'keep.me@example.org', admin.organisationId);
    const before = await pending(cookie);
    const tries = [
      { method: 'DELETE' as const, url: '/api/v1/users/invitations/not-a-uuid', status: 400 },
      { method: 'POST' as const, url: '/api/v1/users/invitations/%00/resend', status: 400 },
      { method: 'DELETE' as const, url: `/api/v1/users/invitations/${admin.id}`, status: 404 },
      { method: 'GET' as const, url: '/api/v1/users/invitations?cursor=%00%00', status: 400 },
      { method: 'GET' as const, url: '/api/v1/users/invitations?limit=100000', status: 400 },
      {
        method: 'GET' as const,
        url: `/api/v1/users/invitations?cursor=${Buffer.from('x|y').toString('base64url')}`,
        status: 400,
      },
    ];
    for (const attempt of tries) {
      const response = await t.request({ method: attempt.method, url: attempt.url, cookie });
      expect(response.statusCode, `${attempt.method} ${attempt.url}: ${response.body}`).toBe(attempt.status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await pending(cookie)).toEqual(before);
  });

  it('refuses to resend to an address that has meanwhile got an account', async () => {
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.session();
    const taken = await buildUser(t, { role: 'viewer', organisationId: admin.organisationId });
    const { oneTimeTokens } = await import('../../platform/auth/schema.ts');
    const [row] = await t.database.db
      .insert(oneTimeTokens)
      .values({
        purpose: 'invitation',
        tokenHash: `test-${taken.id}`,
        email: taken.email,
        organisationId: admin.organisationId,
        role: 'viewer',
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const resend = await t.request({
      method: 'POST',
      url: `/api/v1/users/invitations/${row!.id}/resend`,
      cookie,
    });
    expect(resend.statusCode, resend.body).toBe(409);
    expect((await pending(cookie)).map((i) => i.id)).toContain(row!.id);
  });
});
