import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../platform/mail/schema.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { people } from '../people/schema.ts';
import { programmes } from '../programmes/schema.ts';
import { createEvent, NEXT_YEAR, person, registerForm } from './test-support.ts';

let t: TestApp;
let staff: string;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t, { name: 'Migrant Forum in Asia', acronym: 'MFA' })).id;
  staff = await (await buildUser(t, { role: 'secretariat', organisationId: orgId })).session();
});
afterAll(() => t.close());

describe('events', () => {
  it('creates an event with an agenda, speakers, organisers and a programme, shown in its own zone', async () => {
    const [speaker] = await t.database.db
      .insert(people)
      .values({ name: 'A Speaker', publicConsent: true })
      .returning();
    const [programme] = await t.database.db.insert(programmes).values({ name: 'Women migrants' }).returning();
    const e = await createEvent(t, staff, {
      programmeId: programme!.id,
      organisers: [orgId],
      languages: ['en', 'ar'],
      capacity: 40,
      timeZone: 'Asia/Riyadh',
      sessions: [
        {
          title: 'Opening',
          startsLocal: `${NEXT_YEAR}-03-20T09:00`,
          endsLocal: `${NEXT_YEAR}-03-20T10:00`,
          speakerIds: [speaker!.id],
        },
        { title: 'Closing', startsLocal: `${NEXT_YEAR}-03-21T16:00`, endsLocal: `${NEXT_YEAR}-03-21T17:00` },
      ],
    });
    const got = (await t.request({ url: `/api/v1/events/${e.id}`, cookie: staff })).json().data;
    // Riyadh is UTC+3 all year: 09:00 there is 06:00 UTC.
    expect(got.startsAt).toBe(`${NEXT_YEAR}-03-20T06:00:00.000Z`);
    expect(got.startsLocal).toBe(`${NEXT_YEAR}-03-20T09:00`);
    expect(got.days).toEqual([`${NEXT_YEAR}-03-20`, `${NEXT_YEAR}-03-21`]);
    expect(got.sessions.map((s: { title: string }) => s.title)).toEqual(['Opening', 'Closing']);
    expect(got.sessions[0].speakers[0].name).toBe('A Speaker');
    expect(got.organisers[0].name).toBe('Migrant Forum in Asia');
    expect(got.programmeName).toBe('Women migrants');
    expect(got.slug).toBe(`regional-workshop-on-domestic-work-${NEXT_YEAR}`);
  });

  it('edits with versions, keeps fields it was not sent, and refuses a stale version', async () => {
    const e = await createEvent(t, staff, { capacity: 12, languages: ['en'] });
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/v1/events/${e.id}`,
      cookie: staff,
      payload: { title: 'Renamed workshop', version: e.version },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data).toMatchObject({
      title: 'Renamed workshop',
      capacity: 12,
      languages: ['en'],
      version: e.version + 1,
    });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/events/${e.id}`,
      cookie: staff,
      payload: { title: 'Again', version: e.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('lists events filtered by kind, country, programme and date range', async () => {
    await createEvent(t, staff, {
      kindCode: 'dialogue',
      title: 'Dialogue in Doha',
      countryCode: 'QA',
      timeZone: 'Asia/Qatar',
      startsLocal: `${NEXT_YEAR}-06-01T09:00`,
      endsLocal: `${NEXT_YEAR}-06-01T17:00`,
    });
    const list = (q: string) =>
      t
        .request({ url: `/api/v1/events?${q}`, cookie: staff })
        .then((r) => r.json().data as { title: string }[]);
    expect((await list('kind=dialogue')).map((e) => e.title)).toEqual(['Dialogue in Doha']);
    expect((await list('country=QA')).map((e) => e.title)).toEqual(['Dialogue in Doha']);
    expect(await list(`from=${NEXT_YEAR}-05-31T00:00:00Z&to=${NEXT_YEAR}-06-02T00:00:00Z`)).toHaveLength(1);
    expect(await list(`from=${NEXT_YEAR}-07-01T00:00:00Z`)).toHaveLength(0);
    expect(await list('kind=caucus_meeting')).toHaveLength(0);
  });

  it('deletes an event with its version', async () => {
    const e = await createEvent(t, staff);
    expect(
      (
        await t.request({
          method: 'DELETE',
          url: `/api/v1/events/${e.id}?version=${e.version}`,
          cookie: staff,
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.request({ url: `/api/v1/events/${e.id}`, cookie: staff })).statusCode).toBe(404);
  });

  it('serves a public page with schema.org Event JSON-LD, in the event zone and the viewer’s', async () => {
    const e = await createEvent(t, staff, {
      title: 'Consultation <script>alert(1)</script>',
      timeZone: 'Europe/Zurich',
      city: 'Geneva',
      countryCode: 'CH',
    });
    const page = await t.request({ url: `/events/${e.slug}?tz=America/New_York` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert(1)');
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)![1]!;
    const ld = JSON.parse(block);
    expect(ld['@type']).toBe('Event');
    // 09:00 in Zurich in March, before the change: UTC+1.
    expect(ld.startDate).toBe(`${NEXT_YEAR}-03-20T09:00:00+01:00`);
    expect(ld.location.address.addressCountry).toBe('CH');
    expect(page.body).toContain('America/New_York');
    expect(page.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
    const list = await t.request({ url: '/events?country=CH' });
    expect(list.body).toContain(`/events/${e.slug}`);
    const privateOne = await createEvent(t, staff, { visibility: 'private', title: 'Internal planning' });
    expect((await t.request({ url: `/events/${privateOne.slug}` })).statusCode).toBe(404);
    expect((await t.request({ url: '/events' })).body).not.toContain('Internal planning');
  });

  it('links each public document of a public event to its public page, which opens', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/publications',
      cookie: staff,
      payload: { typeCode: 'policy_brief', title: 'Conference report', isPublic: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const documentId = created.json().data.id as string;
    const e = await createEvent(t, staff, { title: 'Regional conference', documentIds: [documentId] });
    const page = await t.request({ url: `/events/${e.slug}` });
    const href = /<a href="([^"]*)">Conference report<\/a>/.exec(page.body)?.[1];
    expect(href).toBe(`/publications/${documentId}`);
    expect((await t.request({ url: href! })).statusCode).toBe(200);
  });
});

describe('participants', () => {
  it('invites directory people through the outbox with an RSVP link that only a POST answers', async () => {
    const e = await createEvent(t, staff, { visibility: 'private' });
    const [p] = await t.database.db
      .insert(people)
      .values({ name: 'Invited One', email: 'invited.one@example.org' })
      .returning();
    const sent = await t.request({
      method: 'POST',
      url: `/api/v1/events/${e.id}/invitations`,
      cookie: staff,
      payload: { personIds: [p!.id] },
    });
    expect(sent.statusCode).toBe(201);
    const [mail] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, 'invited.one@example.org'));
    const token = /rsvp\?token=([A-Za-z0-9_-]+)/.exec(mail!.bodyText)![1]!;
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/events/${e.id}/invitations`,
      cookie: staff,
      payload: { personIds: [p!.id] },
    });
    expect(again.json().data.skipped).toEqual([p!.id]);
    // Opening the link (as a mail scanner would) changes nothing.
    expect((await t.request({ url: `/rsvp?token=${token}` })).statusCode).toBe(200);
    const before = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json()
      .data[0];
    expect(before.status).toBe('invited');
    const yes = await t.request({
      method: 'POST',
      url: '/rsvp',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${token}&answer=accept`,
    });
    expect(yes.statusCode).toBe(200);
    const after = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json()
      .data[0];
    expect(after.status).toBe('accepted');
    const forged = await t.request({
      method: 'POST',
      url: '/rsvp',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${'x'.repeat(43)}&answer=decline`,
    });
    expect(forged.statusCode).toBe(404);
    expect((await t.request({ url: '/rsvp?token=not-a-token' })).statusCode).toBe(404);
  });

  it('registers the public, matches the directory for review, and never duplicates silently', async () => {
    const e = await createEvent(t, staff);
    const [known] = await t.database.db
      .insert(people)
      .values({ name: 'Known Person', email: 'known@example.org' })
      .returning();
    const r = await registerForm(t, e.slug, {
      name: 'Known P.',
      email: 'KNOWN@example.org',
      consent: 'yes',
      accessibility: 'Wheelchair access',
      language: 'Arabic interpretation',
    });
    expect(r.statusCode, r.body).toBe(201);
    const dup = await registerForm(t, e.slug, {
      name: 'Known P.',
      email: 'known@example.org',
      consent: 'yes',
    });
    expect(dup.statusCode).toBe(409);
    const [row] = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json()
      .data;
    expect(row).toMatchObject({
      matchState: 'review',
      personId: null,
      accessibilityNeeds: 'Wheelchair access',
      languageNeeds: 'Arabic interpretation',
    });
    expect(row.candidates.map((c: { id: string }) => c.id)).toEqual([known!.id]);
    const peopleBefore = (await t.database.db.select().from(people)).length;
    const linked = await t.request({
      method: 'POST',
      url: `/api/v1/events/${e.id}/participants/${row.id}/review`,
      cookie: staff,
      payload: { action: 'link', personId: known!.id, version: row.version },
    });
    expect(linked.json().data).toMatchObject({ matchState: 'linked', personId: known!.id });
    expect((await t.database.db.select().from(people)).length).toBe(peopleBefore);
  });

  it('asks for consent and shows errors next to the fields, keeping what was typed', async () => {
    const e = await createEvent(t, staff);
    const r = await registerForm(t, e.slug, { name: 'No Consent', email: 'not-an-email' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('id="consent-error"');
    expect(r.body).toContain('id="email-error"');
    expect(r.body).toContain('value="No Consent"');
    const list = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json().data;
    expect(list).toHaveLength(0);
  });

  it('opens a waiting list at capacity, even for registrations arriving together', async () => {
    const e = await createEvent(t, staff, { capacity: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => registerForm(t, e.slug, person(100 + i))),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const list = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json();
    expect(list.data.filter((p: { status: string }) => p.status === 'registered')).toHaveLength(3);
    expect(list.data.filter((p: { status: string }) => p.status === 'waitlisted')).toHaveLength(5);
    // A seat freed goes to the first person waiting.
    const seated = list.data.find((p: { status: string }) => p.status === 'registered');
    await t.request({
      method: 'PATCH',
      url: `/api/v1/events/${e.id}/participants/${seated.id}`,
      cookie: staff,
      payload: { status: 'cancelled', version: seated.version },
    });
    const after = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json();
    expect(after.seatsTaken).toBe(3);
    expect(after.data.filter((p: { status: string }) => p.status === 'waitlisted')).toHaveLength(4);
  });

  it('records attendance per day and per session, and exports what the filters show', async () => {
    const e = await createEvent(t, staff, {
      sessions: [
        { title: 'Morning', startsLocal: `${NEXT_YEAR}-03-20T09:00`, endsLocal: `${NEXT_YEAR}-03-20T12:00` },
      ],
    });
    await registerForm(t, e.slug, { ...person(200), name: '=HYPERLINK("x")' });
    await registerForm(t, e.slug, person(201));
    const list = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json();
    const [a, b] = list.data;
    const marked = await t.request({
      method: 'PUT',
      url: `/api/v1/events/${e.id}/attendance`,
      cookie: staff,
      payload: {
        marks: [
          { participantId: a.id, day: list.days[0], present: true },
          { participantId: a.id, sessionId: e.sessions[0]!.id, present: true },
          { participantId: b.id, day: list.days[1], present: true },
        ],
      },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const bad = await t.request({
      method: 'PUT',
      url: `/api/v1/events/${e.id}/attendance`,
      cookie: staff,
      payload: { marks: [{ participantId: a.id, day: '1999-01-01', present: true }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].code).toBe('not_an_event_day');
    const csv = await t.request({
      url: `/api/v1/events/${e.id}/participants.csv?q=registrant200`,
      cookie: staff,
    });
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`attended_${list.days[0]}`);
    // Spreadsheet formulas are defused.
    expect(lines[1]).toMatch(/^"?'=HYPERLINK/);
    expect(lines[1]).toContain('yes');
  });
});
