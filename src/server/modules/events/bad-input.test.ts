import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { events } from './schema.ts';
import { createEvent, eventPayload, NEXT_YEAR, person, registerForm } from './test-support.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

const post = (payload: unknown) =>
  t.request({ method: 'POST', url: '/api/v1/events', cookie: staff, payload: payload as object });
const count = async () => (await t.database.db.select({ id: events.id }).from(events)).length;
const codes = (r: { json(): { errors?: { code: string }[] } }) => (r.json().errors ?? []).map((e) => e.code);

describe('bad input to events', () => {
  it.each([
    ['an end before the start', { endsLocal: `${NEXT_YEAR}-03-19T09:00` }, 'end_before_start'],
    ['an end equal to the start', { endsLocal: `${NEXT_YEAR}-03-20T09:00` }, 'end_before_start'],
    // Geneva keeps Europe/Zurich's time: "Europe/Geneva" is not an IANA zone.
    ['an unknown time zone', { timeZone: 'Europe/Geneva' }, 'unknown_time_zone'],
    ['an offset instead of a zone', { timeZone: '+03:00' }, 'unknown_time_zone'],
    [
      'a local time skipped by the clock change',
      { timeZone: 'America/New_York', startsLocal: `${NEXT_YEAR}-03-${secondSundayOfMarch()}T02:30` },
      'nonexistent_local_time',
    ],
    ['an unknown kind', { kindCode: 'party' }, 'unknown_code'],
    ['an unknown country', { countryCode: 'XX' }, 'unknown_country'],
    [
      'an unknown organiser',
      { organisers: ['00000000-0000-4000-8000-000000000000'] },
      'unknown_organisation',
    ],
    ['an unknown programme', { programmeId: '00000000-0000-4000-8000-000000000000' }, 'unknown_programme'],
    ['an unknown document', { documentIds: ['00000000-0000-4000-8000-000000000000'] }, 'unknown_publication'],
    [
      'a session ending before it starts',
      {
        sessions: [
          {
            title: 'Backwards',
            startsLocal: `${NEXT_YEAR}-03-20T12:00`,
            endsLocal: `${NEXT_YEAR}-03-20T11:00`,
          },
        ],
      },
      'end_before_start',
    ],
    [
      'an unknown speaker',
      {
        sessions: [
          {
            title: 'S',
            startsLocal: `${NEXT_YEAR}-03-20T09:00`,
            endsLocal: `${NEXT_YEAR}-03-20T10:00`,
            speakerIds: ['00000000-0000-4000-8000-000000000000'],
          },
        ],
      },
      'unknown_person',
    ],
  ])('refuses %s with a 400 and writes nothing', async (_name, change, code) => {
    const before = await count();
    const response = await post(eventPayload(change));
    expect(response.statusCode, response.body).toBe(400);
    expect(codes(response)).toContain(code);
    expect(await count()).toBe(before);
  });

  it.each([
    ['a NUL in the title', { title: 'A\u0000B' }],
    ['an unpaired surrogate', { title: 'A\ud800B' }],
    ['control characters', { title: 'A\u0007B' }],
    ['a huge title', { title: 'x'.repeat(301) }],
    ['a malformed local time', { startsLocal: '20-03-2030 09:00' }],
    ['a negative capacity', { capacity: -1 }],
    ['an unknown field', { colour: 'red' }],
    ['a visibility that does not exist', { visibility: 'secret' }],
    ['a time zone too long', { timeZone: 'A'.repeat(65) }],
  ])('refuses %s with a 400', async (_name, change) => {
    const response = await post(eventPayload(change));
    expect(response.statusCode, response.body).toBe(400);
  });

  it('refuses malformed JSON and a bad cursor with precise problems', async () => {
    const malformed = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      cookie: staff,
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const cursor = await t.request({ url: '/api/v1/events?cursor=bm90LWEtY3Vyc29y', cookie: staff });
    expect(cursor.statusCode).toBe(400);
    const day = await t.request({ url: '/events?from=2030-13-45' });
    expect(day.statusCode).toBe(400);
  });

  it('sanitises hostile rich text and escapes hostile titles on the public page', async () => {
    const e = await createEvent(t, staff, {
      title: '"><img src=x onerror=alert(1)>',
      description:
        '<p>Fine</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><iframe src="https://evil.example"></iframe>',
    });
    const got = (await t.request({ url: `/api/v1/events/${e.id}`, cookie: staff })).json().data;
    expect(got.description).toBe('<p>Fine</p><a rel="noopener noreferrer nofollow">x</a>');
    const page = await t.request({ url: `/events/${e.slug}` });
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).not.toMatch(/https?:\/\/(?!schema\.org)[^"'\s]*evil/);
  });

  it.each(['Europe/Geneva', 'a\u0000b', '1e23'])(
    'refuses an edit to the unknown time zone %j with a 400',
    async (timeZone) => {
      const e = await createEvent(t, staff);
      const response = await t.request({
        method: 'PATCH',
        url: `/api/v1/events/${e.id}`,
        cookie: staff,
        payload: { timeZone, version: e.version },
      });
      expect(response.statusCode).toBe(400);
      expect(codes(response)).toContain('unknown_time_zone');
    },
  );

  it('refuses a stale or unknown session id in an agenda edit', async () => {
    const e = await createEvent(t, staff);
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/events/${e.id}`,
      cookie: staff,
      payload: {
        version: e.version,
        sessions: [
          {
            id: '00000000-0000-4000-8000-000000000000',
            title: 'S',
            startsLocal: `${NEXT_YEAR}-03-20T09:00`,
            endsLocal: `${NEXT_YEAR}-03-20T10:00`,
          },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(codes(response)).toContain('unknown_session');
  });
});

describe('bad input to registration', () => {
  it('refuses a duplicate registration whatever the case of the address, and keeps one row', async () => {
    const e = await createEvent(t, staff);
    expect((await registerForm(t, e.slug, person(1))).statusCode).toBe(201);
    const again = await registerForm(t, e.slug, { ...person(1), email: 'REGISTRANT1@EXAMPLE.ORG' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('already registered');
    const list = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json().data;
    expect(list).toHaveLength(1);
  });

  it('puts a registration past capacity on the waiting list and says so', async () => {
    const e = await createEvent(t, staff, { capacity: 1 });
    await registerForm(t, e.slug, person(10));
    const late = await registerForm(t, e.slug, person(11));
    expect(late.statusCode).toBe(201);
    expect(late.body).toContain('waiting list');
    const zero = await createEvent(t, staff, { capacity: 0, title: 'No seats' });
    expect((await registerForm(t, zero.slug, person(12))).body).toContain('waiting list');
  });

  it('closes registration once the event is over, and hides private events', async () => {
    const past = await createEvent(t, staff, {
      startsLocal: '2020-01-01T09:00',
      endsLocal: '2020-01-01T17:00',
      title: 'Over',
    });
    const response = await registerForm(t, past.slug, person(20));
    expect(response.statusCode).toBe(409);
    const privateOne = await createEvent(t, staff, { visibility: 'private', title: 'Private' });
    expect((await registerForm(t, privateOne.slug, person(21))).statusCode).toBe(404);
    expect((await registerForm(t, 'no-such-event', person(22))).statusCode).toBe(404);
  });

  it('refuses hostile and oversized form fields with the form again, never a 500', async () => {
    const e = await createEvent(t, staff);
    for (const fields of [
      { ...person(30), name: 'A\u0000B' },
      { ...person(31), name: 'x'.repeat(201) },
      { ...person(32), accessibility: 'bell\u0007' },
      { ...person(33), email: 'a@b@c' },
      { ...person(34), name: '   ' },
    ]) {
      const response = await registerForm(t, e.slug, fields);
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
    }
    const huge = await registerForm(t, e.slug, { ...person(35), accessibility: 'x'.repeat(40_000) });
    expect(huge.statusCode).toBe(413);
    const list = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json().data;
    expect(list).toHaveLength(0);
  });

  it('refuses a registration posted from another site', async () => {
    const e = await createEvent(t, staff);
    const response = await t.request({
      method: 'POST',
      url: `/events/${e.slug}/register`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: new URLSearchParams(person(40)).toString(),
    });
    expect(response.statusCode).toBe(403);
  });

  it('throttles a flood of registrations from one address', async () => {
    const e = await createEvent(t, staff);
    const statuses = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await registerForm(t, e.slug, person(50 + i), '203.0.113.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

/** The day of the second Sunday of March next year (New York's spring change). */
function secondSundayOfMarch() {
  const first = new Date(Date.UTC(NEXT_YEAR, 2, 1)).getUTCDay();
  return String(1 + ((7 - first) % 7) + 7).padStart(2, '0');
}
