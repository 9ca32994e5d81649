import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { insertPerson } from '../people/repository.ts';
import { programmes } from '../programmes/schema.ts';
import { applyAndFind, openOpportunity, postForm, sampleForm } from './test-support.ts';

let t: TestApp;
let staff: string;
let orgId: string;
let opportunity: { id: string; version: number };
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t, { name: 'Asia Pacific Mission for Migrants' })).id;
  staff = await (await buildUser(t, { role: 'secretariat', organisationId: orgId })).session();
  opportunity = await openOpportunity(t, staff);
});
afterAll(() => t.close());

const count = async () =>
  Number((await t.database.pool.query('select count(*)::int as n from internship_applications')).rows[0].n);

describe('the public internships page', () => {
  it('describes the open opportunities and carries a form without scripts or third-party requests', async () => {
    const res = await t.request({ method: 'GET', url: '/internships' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Research intern');
    expect(res.body).toContain('<form class="apply" method="post" action="/internships"');
    expect(res.body).toContain('name="consent"');
    // The site-wide policy: the form posts with `Origin: null` and `Sec-Fetch-Site: same-origin`,
    // which the cross-site write check accepts; no page of Tulay tells another site where it came from.
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
    // Nothing the page loads or posts to is on another site.
    for (const m of res.body.match(/(?:src|action)="([^"]*)"/g) ?? []) expect(m).not.toMatch(/https?:\/\//);
  });

  it('stores an application sent with consent and answers with a redirect to a thank-you page', async () => {
    const before = await count();
    const res = await postForm(t, sampleForm(opportunity.id, 'first@example.org'));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe('/internships?sent=1');
    expect(await count()).toBe(before + 1);
    const { rows } = await t.database.pool.query(
      "select status, organisation_id, consented_at from internship_applications where email = 'first@example.org'",
    );
    expect(rows[0]).toMatchObject({ status: 'received', organisation_id: orgId });
    expect(rows[0].consented_at).toBeInstanceOf(Date);
    const thanks = await t.request({ method: 'GET', url: '/internships?sent=1' });
    expect(thanks.body).toContain('your application was sent');
  });

  it.each([
    ['without consent', { consent: '' }, 'consent'],
    ['with consent not "yes"', { consent: 'on' }, 'consent'],
    ['with no name', { name: '   ' }, 'name'],
    ['with a malformed email', { email: 'not-an-email' }, 'email'],
    ['with an unknown opportunity', { opportunityId: randomUUID() }, 'opportunityId'],
    ['with an opportunity that is not an id', { opportunityId: 'x' }, 'opportunityId'],
    [
      'with dates out of order',
      { availableFrom: '2026-09-01', availableUntil: '2026-06-01' },
      'availableUntil',
    ],
    ['with an impossible date', { availableFrom: '2026-02-30' }, 'availableFrom'],
    ['with a NUL in the motivation', { motivation: 'a\u0000b' }, 'motivation'],
    ['with an oversized motivation', { motivation: 'x'.repeat(5001) }, 'motivation'],
  ])(
    'refuses a form %s with 400, the field marked, the values kept, nothing stored',
    async (_n, override, field) => {
      const before = await count();
      const fields = { ...sampleForm(opportunity.id, `bad${randomUUID()}@example.org`), ...override };
      const res = await postForm(
        t,
        fields as Record<string, string>,
        `198.18.0.${Math.floor(Math.random() * 250)}`,
      );
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain(`id="${field}-error"`);
      expect(res.body).toContain('aria-invalid="true"');
      expect(res.body).toContain('University of the Philippines');
      expect(await count()).toBe(before);
    },
  );

  it('refuses unknown fields, hostile text is escaped when the form comes back, and a closed opportunity takes nothing', async () => {
    const unknown = await postForm(t, { ...sampleForm(opportunity.id), admin: 'true' }, '192.0.2.11');
    expect(unknown.statusCode).toBe(400);
    const hostile = await postForm(
      t,
      { ...sampleForm(opportunity.id), name: '"><script>alert(1)</script>', email: 'bad' },
      '192.0.2.12',
    );
    expect(hostile.statusCode).toBe(400);
    expect(hostile.body).not.toContain('<script>alert(1)');
    expect(hostile.body).toContain('&quot;&gt;&lt;script&gt;');
    const closed = await openOpportunity(t, staff);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/internship-opportunities/${closed.id}`,
      cookie: staff,
      payload: { open: false, version: closed.version },
    });
    const res = await postForm(t, sampleForm(closed.id, 'closed@example.org'), '192.0.2.13');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="opportunityId-error"');
    const big = await postForm(
      t,
      { ...sampleForm(opportunity.id), motivation: 'x'.repeat(40_000) },
      '192.0.2.14',
    );
    expect(big.statusCode).toBe(413);
  });

  it('a filled honeypot looks like a success and stores nothing', async () => {
    const before = await count();
    const res = await postForm(
      t,
      { ...sampleForm(opportunity.id, 'bot@example.org'), website: 'http://spam' },
      '192.0.2.15',
    );
    expect(res.statusCode).toBe(303);
    expect(await count()).toBe(before);
  });

  it('limits applications per address and per email, then answers 429 with Retry-After', async () => {
    const address = '192.0.2.99';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await postForm(t, sampleForm(opportunity.id, `flood${i}@example.org`), address)).statusCode,
      );
    expect(codes.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
    expect(codes[5]).toBe(429);
    // One email from many addresses: three a day.
    const email: number[] = [];
    for (let i = 0; i < 4; i++)
      email.push(
        (await postForm(t, sampleForm(opportunity.id, 'same@example.org'), `192.0.2.${120 + i}`)).statusCode,
      );
    expect(email).toEqual([303, 303, 303, 429]);
    const last = await postForm(t, sampleForm(opportunity.id, 'same@example.org'), '192.0.2.130');
    expect(last.headers['retry-after']).toBeTruthy();
  });
});

describe('staff review and placement', () => {
  it('shortlists and places an applicant as a new directory person, with school, supervisor, programme and period', async () => {
    const app = await applyAndFind(t, opportunity.id, 'new.intern@example.org');
    const school = await buildOrganisation(t, { name: 'Partner University' });
    const supervisor = await insertPerson(t.database.db, { name: 'Supervisor Person' });
    const [programme] = await t.database.db.insert(programmes).values({ name: 'Women migrants' }).returning();
    const early = await t.request({
      method: 'POST',
      url: `/api/v1/internship-applications/${app.id}/placement`,
      cookie: staff,
      payload: {
        intern: { createFromApplication: true },
        startsOn: '2026-06-01',
        endsOn: '2026-08-31',
        version: app.version,
      },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_shortlisted');
    const shortlisted = await t.request({
      method: 'POST',
      url: `/api/v1/internship-applications/${app.id}/review`,
      cookie: staff,
      payload: { status: 'shortlisted', version: app.version },
    });
    expect(shortlisted.statusCode, shortlisted.body).toBe(200);
    const v = shortlisted.json().data.version;
    const placed = await t.request({
      method: 'POST',
      url: `/api/v1/internship-applications/${app.id}/placement`,
      cookie: staff,
      payload: {
        intern: { createFromApplication: true },
        schoolOrganisationId: school.id,
        supervisorPersonId: supervisor,
        programmeId: programme!.id,
        startsOn: '2026-06-01',
        endsOn: '2026-08-31',
        version: v,
      },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().data).toMatchObject({
      internName: 'Maria Santos',
      schoolName: 'Partner University',
      supervisorName: 'Supervisor Person',
      programmeName: 'Women migrants',
      startsOn: '2026-06-01',
      endsOn: '2026-08-31',
    });
    const read = (
      await t.request({ method: 'GET', url: `/api/v1/internship-applications/${app.id}`, cookie: staff })
    ).json().data;
    expect(read.status).toBe('placed');
    expect(read.placement.internPersonId).toBe(placed.json().data.internPersonId);
    // Deleting the application keeps the placement; the intern stays in the directory.
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/internship-applications/${app.id}?version=${read.version}`,
      cookie: staff,
    });
    expect(del.statusCode).toBe(204);
    const placements = (
      await t.request({ method: 'GET', url: '/api/v1/internship-placements', cookie: staff })
    ).json().data;
    expect(placements).toContainEqual(
      expect.objectContaining({ applicationId: null, internName: 'Maria Santos' }),
    );
  });

  it('never duplicates a person silently: a match must be chosen or the difference confirmed', async () => {
    const existing = await insertPerson(t.database.db, { name: 'Ana Reyes', email: 'ana.reyes@example.org' });
    const app = await applyAndFind(t, opportunity.id, 'ANA.REYES@example.org');
    const v = (
      await t.request({
        method: 'POST',
        url: `/api/v1/internship-applications/${app.id}/review`,
        cookie: staff,
        payload: { status: 'shortlisted', version: app.version },
      })
    ).json().data.version;
    const matches = (
      await t.request({
        method: 'GET',
        url: `/api/v1/internship-applications/${app.id}/matches`,
        cookie: staff,
      })
    ).json().data;
    expect(matches.map((m: { id: string }) => m.id)).toContain(existing);
    const body = { startsOn: '2026-06-01', endsOn: '2026-07-01', version: v };
    const dup = await t.request({
      method: 'POST',
      url: `/api/v1/internship-applications/${app.id}/placement`,
      cookie: staff,
      payload: { ...body, intern: { createFromApplication: true } },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('possible_duplicate');
    const matched = await t.request({
      method: 'POST',
      url: `/api/v1/internship-applications/${app.id}/placement`,
      cookie: staff,
      payload: { ...body, intern: { personId: existing } },
    });
    expect(matched.statusCode, matched.body).toBe(201);
    expect(matched.json().data.internPersonId).toBe(existing);
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from people where lower(email) = 'ana.reyes@example.org'",
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses bad placements and review moves with precise answers', async () => {
    const app = await applyAndFind(t, opportunity.id, 'checks@example.org');
    const review = (status: string, version: number) =>
      t.request({
        method: 'POST',
        url: `/api/v1/internship-applications/${app.id}/review`,
        cookie: staff,
        payload: { status, version },
      });
    expect((await review('placed', app.version)).statusCode).toBe(400);
    const s = await review('shortlisted', app.version);
    expect((await review('declined', app.version)).statusCode).toBe(409);
    const v = s.json().data.version;
    const place = (payload: object) =>
      t.request({
        method: 'POST',
        url: `/api/v1/internship-applications/${app.id}/placement`,
        cookie: staff,
        payload: {
          intern: { createFromApplication: true, confirmNoMatch: true },
          startsOn: '2026-06-01',
          endsOn: '2026-07-01',
          version: v,
          ...payload,
        },
      });
    const cases: [object, number, string][] = [
      [{ endsOn: '2026-05-01' }, 400, 'dates_out_of_order'],
      [{ schoolOrganisationId: randomUUID() }, 400, 'unknown_organisation'],
      [{ supervisorPersonId: randomUUID() }, 400, 'unknown_person'],
      [{ programmeId: randomUUID() }, 400, 'unknown_programme'],
      [{ intern: { personId: randomUUID() } }, 400, 'unknown_person'],
      [{ version: v + 5 }, 409, 'version_conflict'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await place(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      const body = res.json();
      expect(
        body.code === code || body.errors?.some((e: { code: string }) => e.code === code),
        res.body,
      ).toBe(true);
    }
    // Two placements of the same version at once: one wins.
    const both = await Promise.all([place({}), place({})]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/internship-applications/${randomUUID()}`,
          cookie: staff,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps opportunities: edit, refuse deleting one with applications, delete an empty one', async () => {
    const spare = await openOpportunity(t, staff);
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/internship-opportunities/${spare.id}`,
      cookie: staff,
      payload: { title: 'Volunteer', version: spare.version },
    });
    expect(edit.json().data).toMatchObject({
      title: 'Volunteer',
      description: 'Help with research on labour migration.',
      open: true,
    });
    const busy = await t.request({
      method: 'DELETE',
      url: `/api/v1/internship-opportunities/${opportunity.id}?version=${opportunity.version}`,
      cookie: staff,
    });
    expect(busy.statusCode).toBe(409);
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/internship-opportunities/${spare.id}?version=${edit.json().data.version}`,
      cookie: staff,
    });
    expect(del.statusCode).toBe(204);
  });
});
