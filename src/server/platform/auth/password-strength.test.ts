import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { outbox } from '../mail/schema.ts';
import { ensureSetupLink } from './onboarding-service.ts';
import { users } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const WEAK = 'password1234';

async function tokenMailedTo(address: string) {
  const [row] = await t.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, address))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row!.bodyText.match(/#token=([A-Za-z0-9_-]+)/)![1]!;
}

function expectWeak(r: Awaited<ReturnType<TestApp['request']>>, field = 'password') {
  expect(r.statusCode).toBe(400);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(r.json()).toMatchObject({ code: 'weak_password', errors: [{ field, code: 'weak_password' }] });
}

describe('weak passwords are refused wherever a password is set', () => {
  it('first administrator setup', async () => {
    const token = (await ensureSetupLink(t.database, t.config))!.split('#token=')[1]!;
    const body = {
      token,
      organisationName: 'Migrante International',
      name: 'Amihan Reyes',
      email: 'amihan@example.org',
    };
    const weak = await t.request({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, password: WEAK },
    });
    expectWeak(weak);
    expect(weak.json().title).toMatch(/much-used password/);
    // Built from the person's own name and organisation: refused too.
    expectWeak(
      await t.request({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...body, password: 'amihan reyes' },
      }),
    );
    // The link is not spent by a refused password.
    const ok = await t.request({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, password: 'kettle orbit mango lantern' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('accepting an invitation', async () => {
    const org = await buildOrganisation(t, { name: 'Kanlungan Centre' });
    const admin = await buildUser(t, { role: 'administrator', organisationId: org.id });
    await t.request({
      method: 'POST',
      url: '/api/v1/users/invitations',
      cookie: await admin.signIn(),
      payload: { email: 'invited@example.org', role: 'viewer', organisationId: org.id },
    });
    const token = await tokenMailedTo('invited@example.org');
    expectWeak(
      await t.request({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token, name: 'Invited Person', password: 'qwertyuiop123' },
      }),
    );
  });

  it('a password reset', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    await t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const token = await tokenMailedTo(user.email);
    expectWeak(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/password-reset/complete',
        payload: { token, password: WEAK },
      }),
    );
  });

  it('changing one’s password, with the reason in the person’s language', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const cookie = await user.signIn();
    const change = (headers: Record<string, string> = {}) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        cookie,
        headers,
        payload: { currentPassword: user.password, newPassword: WEAK },
      });
    const english = await change();
    expectWeak(english, 'newPassword');
    expect(english.json().title).toMatch(/^This is too close to a much-used password/);
    await t.database.db.update(users).set({ locale: 'fil' }).where(eq(users.id, user.id));
    const filipino = await change();
    expectWeak(filipino, 'newPassword');
    expect(filipino.json().title).toMatch(/^Masyadong kahawig ito ng isang madalas gamiting password/);
    // A strong one still goes through.
    const ok = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookie,
      payload: { currentPassword: user.password, newPassword: 'tamarind copper violin harbour' },
    });
    expect(ok.statusCode).toBe(204);
  });
});
