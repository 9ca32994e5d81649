import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSetupLink } from '../../platform/auth/onboarding-service.ts';
import { buildOrganisation } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/harness.ts';
import { solve } from './intake-pow.ts';
import { ensureDefaultIntake, PROVISIONAL_INTAKE_NAME } from './intake-routing.ts';
import { buildWorld, createCaseTestApp, person } from './test-support.ts';

async function ask(t: TestApp, destinationCountry?: string) {
  const { challenge, bits } = (await t.request({ method: 'GET', url: '/api/v1/intake/challenge' })).json()
    .data;
  return t.request({
    method: 'POST',
    url: '/api/v1/intake/requests',
    payload: {
      challenge,
      nonce: solve(challenge, bits),
      language: 'en',
      message: 'My employer kept my passport.',
      ...(destinationCountry ? { destinationCountry } : {}),
    },
  });
}

/** The organisation a request landed in, read as the database owner (tests only). */
async function organisationOf(t: TestApp, reference: string) {
  const rows = await t.database.db.execute<{ name: string; id: string }>(
    sql`select o.id, o.name from cases c join organisations o on o.id = c.organisation_id where c.reference = ${reference}`,
  );
  return rows.rows[0];
}

describe('Get-help routing on a fresh install', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createCaseTestApp();
  });
  afterAll(() => t.close());

  it('accepts a request with no organisation, no account and no intake desk at all', async () => {
    const organisations = await t.database.db.execute(sql`select count(*)::int as n from organisations`);
    expect(organisations.rows[0]).toEqual({ n: 0 });
    const res = await ask(t, 'SG');
    expect(res.statusCode).toBe(201);
    expect((await organisationOf(t, res.json().data.reference))?.name).toBe(PROVISIONAL_INTAKE_NAME);
  });

  it('makes one stand-in organisation however many requests race for it', async () => {
    await Promise.all([ensureDefaultIntake(t.database.db), ensureDefaultIntake(t.database.db), ask(t)]);
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n from organisations where name = ${PROVISIONAL_INTAKE_NAME}`,
    );
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it("setup adopts the stand-in: waiting requests belong to the first administrator's organisation", async () => {
    const waiting = (await ask(t)).json().data.reference;
    const link = (await ensureSetupLink(t.database, t.config))!;
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        token: link.split('#token=')[1],
        organisationName: 'Migrant Forum in Asia',
        name: 'First Admin',
        email: 'first@example.org',
        password: 'a long enough password',
      },
    });
    expect(res.statusCode).toBe(201);
    expect((await organisationOf(t, waiting))?.name).toBe('Migrant Forum in Asia');
    const after = (await ask(t, 'JP')).json().data.reference;
    expect((await organisationOf(t, after))?.name).toBe('Migrant Forum in Asia');
    const count = await t.database.db.execute(sql`select count(*)::int as n from organisations`);
    expect(count.rows[0]).toEqual({ n: 1 });
  });
});

describe('Get-help routing with intake desks', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    t = await createCaseTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('sends a request to the desk of its destination, anything else to the default intake', async () => {
    const secretariat = await buildOrganisation(t, { name: 'Network Secretariat HK', countryCode: 'HK' });
    const admin = await person(t, 'network_administrator', secretariat.id);
    const current = (
      await t.request({ method: 'GET', url: '/api/v1/intake-routing', cookie: admin.cookie })
    ).json().data;
    // Accounts were made without setup: the first network administrator's organisation is the default.
    expect(current.defaultOrganisation).toEqual({ id: secretariat.id, name: 'Network Secretariat HK' });
    expect(current.desks).toEqual([
      expect.objectContaining({ organisationId: w.destination.id, countryCode: 'SA', receivers: 1 }),
    ]);

    const toSaudi = (await ask(t, 'SA')).json().data.reference;
    expect((await organisationOf(t, toSaudi))?.id).toBe(w.destination.id);
    for (const destination of ['JP', undefined]) {
      const res = await ask(t, destination);
      expect(res.statusCode).toBe(201);
      expect((await organisationOf(t, res.json().data.reference))?.id).toBe(secretariat.id);
    }

    // A network administrator moves the default; a stale version is refused, the record unchanged.
    const moved = await t.request({
      method: 'PUT',
      url: '/api/v1/intake-routing',
      cookie: admin.cookie,
      payload: { organisationId: w.origin.id, version: current.version },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().data.defaultOrganisation.id).toBe(w.origin.id);
    const stale = await t.request({
      method: 'PUT',
      url: '/api/v1/intake-routing',
      cookie: admin.cookie,
      payload: { organisationId: w.third.id, version: current.version },
    });
    expect(stale.statusCode).toBe(409);
    const toTaiwan = (await ask(t, 'TW')).json().data.reference;
    expect((await organisationOf(t, toTaiwan))?.id).toBe(w.origin.id);
  });

  it('refuses malformed, unknown and hostile input with precise 4xx', async () => {
    const admin = await person(t, 'network_administrator', w.third.id);
    const { version } = (
      await t.request({ method: 'GET', url: '/api/v1/intake-routing', cookie: admin.cookie })
    ).json().data;
    const put = (payload: unknown) =>
      t.request({
        method: 'PUT',
        url: '/api/v1/intake-routing',
        cookie: admin.cookie,
        payload: payload as object,
      });
    expect((await put({ organisationId: '00000000-0000-4000-8000-000000000000', version })).statusCode).toBe(
      404,
    );
    expect((await put({ organisationId: 'nope', version })).statusCode).toBe(400);
    expect((await put({ organisationId: w.third.id, version: 'x' })).statusCode).toBe(400);
    expect((await put({ organisationId: w.third.id, version, extra: 1 })).statusCode).toBe(400);
    expect((await put({ organisationId: "'; drop table cases;--", version })).statusCode).toBe(400);
    expect((await put({ organisationId: w.third.id, version: 2 ** 40 })).statusCode).toBe(400);
    const after = (
      await t.request({ method: 'GET', url: '/api/v1/intake-routing', cookie: admin.cookie })
    ).json().data;
    expect(after.version).toBe(version);
  });
});
