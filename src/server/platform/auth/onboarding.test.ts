import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, totpCode } from '../../testing/factories.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../../testing/harness.ts';
import { outbox } from '../mail/schema.ts';
import { ensureSetupLink } from './onboarding-service.ts';
import { users } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tokenOf = (link: string) => link.split('#token=')[1]!;

async function latestMailTo(address: string) {
  const [row] = await t.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, address))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row;
}

describe('first administrator setup', () => {
  it('works once through the printed link, then the link and setup are gone', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/setup' })).json().data.needed).toBe(true);
    const link = (await ensureSetupLink(t.database, t.config))!;
    expect(link).toMatch(/\/setup#token=[A-Za-z0-9_-]{40,}$/);
    const body = {
      token: tokenOf(link),
      organisationName: 'Asia Pacific Mission for Migrants',
      name: 'First Admin',
      email: 'Admin@Example.org',
      password: 'a long enough password',
    };
    const [first, second] = await Promise.all([
      t.request({ method: 'POST', url: '/api/v1/setup', payload: body }),
      t.request({ method: 'POST', url: '/api/v1/setup', payload: { ...body, email: 'other@example.org' } }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([201, 410]);
    const winner = first.statusCode === 201 ? first : second;
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: sessionCookieOf(winner) });
    // The first account administers the whole platform (docs/decisions/0005).
    expect(me.json().data).toMatchObject({ role: 'network_administrator', mustEnrolTotp: true });
    expect((await t.request({ method: 'GET', url: '/api/v1/setup' })).json().data.needed).toBe(false);
    expect(await ensureSetupLink(t.database, t.config)).toBeNull();
    const again = await t.request({ method: 'POST', url: '/api/v1/setup', payload: body });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('link_invalid');
  });

  it('an administrator must enrol 2FA before anything else, then gets recovery codes that work once', async () => {
    const admin = await buildUser(t, { role: 'administrator', totp: false });
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    const cookie = sessionCookieOf(login);
    const blocked = await t.request({ method: 'GET', url: '/api/v1/users', cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('two_factor_enrolment_required');
    const setup = await t.request({ method: 'POST', url: '/api/v1/auth/two-factor/setup', cookie });
    const { secret, qrSvg, otpauthUrl } = setup.json().data;
    expect(qrSvg).toContain('<svg');
    expect(otpauthUrl).toContain('otpauth://totp/');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/confirm',
      cookie,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    const confirm = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/confirm',
      cookie,
      payload: { code: totpCode(secret) },
    });
    const codes: string[] = confirm.json().data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await t.request({ method: 'GET', url: '/api/v1/users', cookie })).statusCode).toBe(200);

    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    expect(again.json().data.status).toBe('totp_required');
    const viaRecovery = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login/second-factor',
      cookie: sessionCookieOf(again),
      payload: { code: codes[0]!.toUpperCase() },
    });
    expect(viaRecovery.statusCode).toBe(200);
    const third = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    const reused = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login/second-factor',
      cookie: sessionCookieOf(third),
      payload: { code: codes[0]! },
    });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('invalid_code');
  });

  it('refuses a TOTP code used a second time (replay)', async () => {
    const user = await buildUser(t, { role: 'secretariat', totp: true });
    const code = totpCode(user.totpSecret!);
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) {
      const login = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      });
      const r = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/second-factor',
        cookie: sessionCookieOf(login),
        payload: { code },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([200, 401]);
  });
});

describe('invitations', () => {
  it('network administrator invites into any organisation; the emailed link creates the account once', async () => {
    const admin = await buildUser(t, { role: 'network_administrator' });
    const cookie = await admin.signIn();
    const org = await buildOrganisation(t, { name: 'Migrant Forum in Asia' });
    const invite = await t.request({
      method: 'POST',
      url: '/api/v1/users/invitations',
      cookie,
      payload: { email: 'new.person@example.org', role: 'case_worker', organisationId: org.id },
    });
    expect(invite.statusCode).toBe(201);
    const mail = (await latestMailTo('new.person@example.org'))!;
    expect(mail.subject).toBe('You are invited to Tulay');
    const token = mail.bodyText.match(/#token=([A-Za-z0-9_-]+)/)![1]!;
    const lookup = await t.request({ method: 'POST', url: '/api/v1/invitations/lookup', payload: { token } });
    expect(lookup.json().data).toEqual({
      email: 'new.person@example.org',
      role: 'case_worker',
      organisation: 'Migrant Forum in Asia',
    });
    const accept = await t.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'New Person', password: 'another long password' },
    });
    expect(accept.statusCode).toBe(201);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: sessionCookieOf(accept) });
    expect(me.json().data).toMatchObject({
      role: 'case_worker',
      mustEnrolTotp: true,
      organisation: { name: 'Migrant Forum in Asia' },
    });
    const replay = await t.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Someone Else', password: 'another long password' },
    });
    expect(replay.statusCode).toBe(410);
    const duplicate = await t.request({
      method: 'POST',
      url: '/api/v1/users/invitations',
      cookie,
      payload: { email: 'NEW.person@example.org', role: 'viewer', organisationId: org.id },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('writes the invitation email in the inviting administrator’s language', async () => {
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.signIn();
    await t.request({ method: 'PATCH', url: '/api/v1/auth/me', cookie, payload: { locale: 'ar' } });
    const arCookie = await admin.signIn();
    await t.request({
      method: 'POST',
      url: '/api/v1/users/invitations',
      cookie: arCookie,
      payload: { email: 'arabic.reader@example.org', role: 'viewer', organisationId: admin.organisationId },
    });
    const mail = (await latestMailTo('arabic.reader@example.org'))!;
    expect(mail.subject).not.toBe('');
    expect(mail.bodyText).toContain('#token=');
  });
});

describe('password reset', () => {
  it('answers the same for unknown addresses and sends nothing', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'nobody@example.org' },
    });
    expect(r.statusCode).toBe(202);
    expect(await latestMailTo('nobody@example.org')).toBeUndefined();
  });

  it('resets with a single-use link, ends old sessions and lifts a lockout', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const oldCookie = await user.signIn();
    await t.database.db
      .update(users)
      .set({ failedLogins: 9, lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, user.id));
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email.toUpperCase() },
    });
    const mail = (await latestMailTo(user.email))!;
    const token = mail.bodyText.match(/#token=([A-Za-z0-9_-]+)/)![1]!;
    const done = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'a brand new passphrase' },
    });
    expect(done.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: oldCookie })).statusCode).toBe(
      401,
    );
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'a brand new passphrase' },
    });
    expect(login.statusCode).toBe(200);
    const reuse = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'yet another passphrase' },
    });
    expect(reuse.statusCode).toBe(410);
  });
});

describe('sessions', () => {
  it('a person sees their sessions and revokes another one', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const a = await user.signIn();
    const b = await user.signIn();
    const list = await t.request({ method: 'GET', url: '/api/v1/auth/sessions', cookie: a });
    const sessions = list.json().data as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${other.id}`, cookie: a })).statusCode,
    ).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: b })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: a })).statusCode).toBe(200);
  });

  it('cannot revoke someone else’s session', async () => {
    const alice = await buildUser(t, { role: 'viewer' });
    const bob = await buildUser(t, { role: 'viewer' });
    const aliceCookie = await alice.signIn();
    const bobCookie = await bob.signIn();
    const [bobSession] = (
      await t.request({ method: 'GET', url: '/api/v1/auth/sessions', cookie: bobCookie })
    ).json().data;
    const r = await t.request({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${bobSession.id}`,
      cookie: aliceCookie,
    });
    expect(r.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: bobCookie })).statusCode).toBe(
      200,
    );
  });

  it('logout ends the session', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const cookie = await user.signIn();
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
  });
});
