import { and, desc, eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { type BuiltUser, buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../../testing/harness.ts';

// Issue 9, "any administrator can take over another organisation's case worker": the six steps,
// each of which must now fail on its own (a later step is tried as if the earlier one had worked).
let t: TestApp;
let victim: BuiltUser;
let attackerAdmin: BuiltUser;
let ownAdmin: BuiltUser;
let network: BuiltUser;
const NEW_PASSWORD = 'the attacker chose this password';

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildOrganisation(t, { name: 'Organisation A' });
  const b = await buildOrganisation(t, { name: 'Organisation B' });
  victim = await buildUser(t, { role: 'case_worker', organisationId: a.id });
  ownAdmin = await buildUser(t, { role: 'administrator', organisationId: a.id });
  attackerAdmin = await buildUser(t, { role: 'administrator', organisationId: b.id });
  network = await buildUser(t, { role: 'network_administrator' });
});
afterAll(() => t.close());

/** The newest mail to an address as stored (what the person's mailbox would receive). */
async function storedMail(to: string, purpose: string) {
  const [row] = await t.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, to), eq(outbox.purpose, purpose)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row!;
}
const tokenIn = (body: string) => /#token=([A-Za-z0-9_-]+)/.exec(body)?.[1];

describe('the cross-organisation takeover chain', () => {
  it('step 1–2: the reset link is neither shown to another organisation nor readable by anyone', async () => {
    const reset = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: victim.email },
    });
    expect(reset.statusCode).toBe(202);
    const live = tokenIn((await storedMail(victim.email, 'password_reset')).bodyText)!;
    expect(live).toBeTruthy();

    const asB = await t.request({
      method: 'GET',
      url: '/api/v1/outbox',
      cookie: await attackerAdmin.session(),
    });
    expect(asB.statusCode).toBe(200);
    expect(asB.headers['cache-control']).toBe('no-store');
    expect(asB.json().data.filter((m: { to: string }) => m.to === victim.email)).toEqual([]);

    for (const reader of [ownAdmin, network]) {
      const list = await t.request({ method: 'GET', url: '/api/v1/outbox', cookie: await reader.session() });
      const mail = list.json().data.find((m: { to: string }) => m.to === victim.email);
      expect(mail.body).toContain('/reset-password#token=[redacted]');
      expect(list.body).not.toContain(live);
    }
  });

  it('step 4: an administrator of another organisation cannot reset the victim’s 2FA', async () => {
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/users/${victim.id}/two-factor/reset`,
      cookie: await attackerAdmin.session(),
      payload: { reason: 'I say she lost her phone.' },
    });
    expect(r.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, victim.id));
    expect(row!.totpEnabled).toBe(true);
  });

  it('step 4: a reset in the right organisation needs a reason, emails the person and is audited', async () => {
    const cookie = await ownAdmin.session();
    const url = `/api/v1/users/${victim.id}/two-factor/reset`;
    const noReason = await t.request({ method: 'POST', url, cookie });
    expect(noReason.statusCode).toBe(400);
    const tooLong = await t.request({ method: 'POST', url, cookie, payload: { reason: 'x'.repeat(501) } });
    expect(tooLong.statusCode).toBe(400);
    const reason = 'Lost her phone; confirmed in person at the office.';
    const ok = await t.request({ method: 'POST', url, cookie, payload: { reason } });
    expect(ok.statusCode).toBe(204);

    const mail = await storedMail(victim.email, 'two_factor_reset');
    expect(mail.bodyText).toContain(reason);
    expect(mail.organisationId).toBe(victim.organisationId);
    await expect
      .poll(async () => {
        const rows = await t.database.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'user.reset_two_factor'), eq(auditEvents.resourceId, victim.id)));
        return rows.map((r) => ({ outcome: r.outcome, actor: r.actorUserId, details: r.details }));
      })
      .toContainEqual({ outcome: 'success', actor: ownAdmin.id, details: { reason } });
  });

  it('step 3, 5, 6: with the password alone, nobody can enrol a new factor or reach the cases', async () => {
    // Suppose the reset link leaked anyway (it was the victim's own mailbox that leaked).
    const fresh = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: victim.email },
    });
    expect(fresh.statusCode).toBe(202);
    const leaked = tokenIn((await storedMail(victim.email, 'password_reset')).bodyText)!;
    const complete = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token: leaked, password: NEW_PASSWORD },
    });
    expect(complete.statusCode).toBe(204);

    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: victim.email, password: NEW_PASSWORD },
    });
    expect(login.json().data.status).toBe('signed_in');
    const attacker = sessionCookieOf(login);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: attacker });
    expect(me.json().data).toMatchObject({ mustEnrolTotp: true, enrolmentLinkRequired: true });

    const setup = await t.request({ method: 'POST', url: '/api/v1/auth/two-factor/setup', cookie: attacker });
    expect(setup.statusCode).toBe(403);
    expect(setup.json().code).toBe('enrolment_link_required');
    const confirm = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/confirm',
      cookie: attacker,
      payload: { code: '123456' },
    });
    expect(confirm.statusCode).toBeGreaterThanOrEqual(400);
    const guessed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment-link/open',
      cookie: attacker,
      payload: { token: 'A'.repeat(43) },
    });
    expect(guessed.statusCode).toBe(410);
    const cases = await t.request({ method: 'GET', url: '/api/v1/cases', cookie: attacker });
    expect(cases.statusCode).toBe(403);

    // Asking for a link sends it to the account's address, not to whoever asked.
    const ask = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment-link',
      cookie: attacker,
    });
    expect(ask.statusCode).toBe(202);
    expect((await storedMail(victim.email, 'totp_enrolment')).toAddress).toBe(victim.email);
  });

  it('the person enrols again with the emailed link, once, in their own session only', async () => {
    const link = tokenIn((await storedMail(victim.email, 'totp_enrolment')).bodyText)!;
    // Another account cannot use it.
    const other = await buildUser(t, { role: 'case_worker', organisationId: victim.organisationId });
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment-link/open',
      cookie: await other.session(),
      payload: { token: link },
    });
    expect(wrong.statusCode).toBe(410);

    const session = await victim.session();
    const open = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment-link/open',
      cookie: session,
      payload: { token: link },
    });
    expect(open.statusCode).toBe(204);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment-link/open',
      cookie: session,
      payload: { token: link },
    });
    expect(again.statusCode).toBe(410);

    const setup = await t.request({ method: 'POST', url: '/api/v1/auth/two-factor/setup', cookie: session });
    expect(setup.statusCode).toBe(200);
    const secret = setup.json().data.secret as string;
    const confirm = await t.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/confirm',
      cookie: session,
      payload: { code: generateSync({ secret }) },
    });
    expect(confirm.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, victim.id));
    expect(row).toMatchObject({ totpEnabled: true, totpEnrolmentNeedsLink: false });
  });

  it('an organisation’s administrator cannot reset, demote or suspend a network administrator of their organisation', async () => {
    const peer = await buildUser(t, {
      role: 'network_administrator',
      organisationId: ownAdmin.organisationId,
    });
    const cookie = await ownAdmin.session();
    const reset = await t.request({
      method: 'POST',
      url: `/api/v1/users/${peer.id}/two-factor/reset`,
      cookie,
      payload: { reason: 'Trying to take the network over.' },
    });
    expect(reset.statusCode).toBe(403);
    for (const payload of [{ role: 'viewer' }, { disabled: true }]) {
      const r = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${peer.id}`,
        cookie,
        payload: { ...payload, version: 1 },
      });
      expect(r.statusCode).toBe(403);
    }
  });
});
