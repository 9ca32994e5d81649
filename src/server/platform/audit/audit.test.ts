import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let adminCookie: string;
beforeAll(async () => {
  t = await createTestApp();
  adminCookie = await (await buildUser(t, { role: 'network_administrator' })).session();
});
afterAll(() => t.close());

async function search(query: Record<string, string>) {
  const r = await t.request({ method: 'GET', url: '/api/v1/audit', query, cookie: adminCookie });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { data: Record<string, unknown>[]; nextCursor: string | null };
}

describe('audit log', () => {
  it('records a failed sign-in with the address tried, where from, and the outcome', async () => {
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '198.51.100.9',
      payload: { email: 'intruder@example.org', password: 'guessing password' },
    });
    const { data } = await search({ q: 'intruder@example.org' });
    expect(data[0]).toMatchObject({
      action: 'auth.login',
      outcome: 'denied',
      status: 401,
      ip: '198.51.100.9',
      actorEmail: 'intruder@example.org',
    });
  });

  it('records writes with the acting account and the record', async () => {
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.session();
    const target = await buildUser(t, { role: 'viewer', organisationId: admin.organisationId });
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      cookie,
      payload: { disabled: true, version: 1 },
    });
    expect(r.statusCode).toBe(200);
    const { data } = await search({ action: 'user.update', resourceId: target.id });
    expect(data[0]).toMatchObject({
      actorUserId: admin.id,
      actorEmail: admin.email,
      outcome: 'success',
      resourceType: 'user',
    });
  });

  it('records refused attempts too', async () => {
    const viewer = await buildUser(t, { role: 'viewer' });
    const cookie = await viewer.session();
    await t.request({
      method: 'POST',
      url: '/api/v1/users/invitations',
      cookie,
      payload: { email: 'x@example.org', role: 'administrator', organisationId: viewer.organisationId },
    });
    // The row is written once the answer has gone out (onResponse): wait for it, briefly.
    await expect
      .poll(async () => (await search({ actorUserId: viewer.id })).data[0], { timeout: 5_000 })
      .toMatchObject({ outcome: 'denied', status: 403 });
  });

  it('cannot be changed or removed, even with direct SQL', async () => {
    for (const statement of [
      sql`update audit_events set action = 'tampered'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      const error = await t.database.db.execute(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/append-only/);
    }
    const { rows } = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'tampered'`,
    );
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('paginates newest first with a cursor', async () => {
    const first = await search({ limit: '2' });
    expect(first.data).toHaveLength(2);
    const second = await search({ limit: '2', cursor: first.nextCursor! });
    expect(Number(second.data[0]!.id)).toBeLessThan(Number(first.data[1]!.id));
  });

  it('exports the same filter as CSV with formulas neutralised', async () => {
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@example.org', password: '=HYPERLINK("http://evil")' },
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'formula@example.org' },
    });
    const r = await t.request({
      method: 'GET',
      url: '/api/v1/audit',
      query: { format: 'csv', q: 'formula@example.org' },
      cookie: adminCookie,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,at,actorEmail/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('auth.password_reset.request');
  });

  it('is for network administrators only: it spans every organisation', async () => {
    for (const role of ['administrator', 'secretariat', 'member_editor', 'case_worker', 'viewer'] as const) {
      const cookie = await (await buildUser(t, { role })).session();
      expect((await t.request({ method: 'GET', url: '/api/v1/audit', cookie })).statusCode).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });
});
