import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { events } from '../events/schema.ts';
import { createEvent, NEXT_YEAR } from '../events/test-support.ts';
import { trainingCourses } from './schema.ts';
import { complete, courseWithCohort } from './test-support.ts';

let t: TestApp;
let staff: string;
let fixture: Awaited<ReturnType<typeof courseWithCohort>>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
  fixture = await courseWithCohort(t, staff, 2);
});
afterAll(() => t.close());

const codes = (r: { json(): { errors?: { code: string }[] } }) => (r.json().errors ?? []).map((e) => e.code);
const count = async (table: typeof events | typeof trainingCourses) =>
  (await t.database.db.select().from(table)).length;
const send = (method: 'POST' | 'PATCH' | 'PUT' | 'GET' | 'DELETE', url: string, payload?: object) =>
  t.request({ method, url, cookie: staff, ...(payload ? { payload } : {}) });

describe('bad input to trainings', () => {
  it('refuses a cohort ending before it starts, and writes no event', async () => {
    const before = await count(events);
    const r = await send('POST', `/api/v1/trainings/${fixture.courseId}/cohorts`, {
      event: {
        title: 'Backwards cohort',
        startsLocal: `${NEXT_YEAR}-05-10T09:00`,
        endsLocal: `${NEXT_YEAR}-05-09T09:00`,
        timeZone: 'Asia/Manila',
      },
    });
    expect(r.statusCode).toBe(400);
    expect(codes(r)).toContain('end_before_start');
    expect(await count(events)).toBe(before);
  });

  it('refuses an unknown time zone, both or neither of eventId and event, and a non-training event', async () => {
    const zone = await send('POST', `/api/v1/trainings/${fixture.courseId}/cohorts`, {
      event: {
        title: 'X',
        startsLocal: `${NEXT_YEAR}-05-10T09:00`,
        endsLocal: `${NEXT_YEAR}-05-11T09:00`,
        timeZone: 'Mars/Olympus',
      },
    });
    expect(codes(zone)).toContain('unknown_time_zone');
    expect(codes(await send('POST', `/api/v1/trainings/${fixture.courseId}/cohorts`, {}))).toContain(
      'event_or_new_event',
    );
    const workshop = await createEvent(t, staff, { kindCode: 'workshop' });
    const r = await send('POST', `/api/v1/trainings/${fixture.courseId}/cohorts`, { eventId: workshop.id });
    expect(codes(r)).toContain('not_a_training');
    const again = await send('POST', `/api/v1/trainings/${fixture.courseId}/cohorts`, {
      eventId: fixture.eventId,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses the completion of someone who is not a participant of the cohort', async () => {
    const other = await courseWithCohort(t, staff, 1);
    const r = await complete(t, staff, fixture.eventId, other.participants[0]!.id, { state: 'completed' });
    expect(r.statusCode).toBe(400);
    expect(codes(r)).toContain('not_a_participant');
    const unknown = await complete(t, staff, fixture.eventId, '00000000-0000-4000-8000-000000000000', {
      state: 'completed',
    });
    expect(unknown.statusCode).toBe(400);
    const bad = await complete(t, staff, fixture.eventId, fixture.participants[0]!.id, {
      state: 'graduated',
    });
    expect(bad.statusCode).toBe(400);
    const country = await complete(t, staff, fixture.eventId, fixture.participants[0]!.id, {
      state: 'completed',
      countryCode: 'XX',
    });
    expect(codes(country)).toContain('unknown_country');
  });

  it('answers a forged or malformed certificate token with 404, never a PDF', async () => {
    for (const token of ['A'.repeat(43), 'not a token', '../../etc/passwd', 'x'.repeat(400)]) {
      const r = await t.request({ url: `/certificates/${encodeURIComponent(token)}` });
      // An over-long address is refused before routing (414); any other forgery is a plain 404.
      expect([404, 414], token).toContain(r.statusCode);
      expect(r.headers['content-type']).not.toContain('pdf');
    }
    const r = await send('GET', '/api/v1/training-certificates/TUL-2027-AAAAAAAA');
    expect(r.statusCode).toBe(404);
  });

  it('refuses a certificate for someone who did not complete', async () => {
    const p = fixture.participants[1]!;
    const done = await complete(t, staff, fixture.eventId, p.id, { state: 'not_completed' });
    const version = done.json().data.participants.find((x: { id: string }) => x.id === p.id)
      .completion.version;
    const r = await send(
      'POST',
      `/api/v1/training-cohorts/${fixture.eventId}/completions/${p.id}/certificate`,
      { version },
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('not_completed');
  });

  it('answers a stale version with 409 and keeps the newer edit', async () => {
    const fresh = await courseWithCohort(t, staff, 1);
    const ok = await send('PATCH', `/api/v1/trainings/${fresh.courseId}`, {
      title: 'First',
      version: fresh.version,
    });
    expect(ok.statusCode).toBe(200);
    const stale = await send('PATCH', `/api/v1/trainings/${fresh.courseId}`, {
      title: 'Second',
      version: fresh.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await send('GET', `/api/v1/trainings/${fresh.courseId}`)).json().data.title).toBe('First');

    const p = fresh.participants[0]!.id;
    expect((await complete(t, staff, fresh.eventId, p, { state: 'completed' })).statusCode).toBe(200);
    // A second first-time record (no version) races the first: refused, not overwritten.
    expect((await complete(t, staff, fresh.eventId, p, { state: 'not_completed' })).statusCode).toBe(409);
    expect(
      (await complete(t, staff, fresh.eventId, p, { state: 'not_completed', version: 99 })).statusCode,
    ).toBe(409);

    const task = (await send('GET', '/api/v1/training-follow-ups'))
      .json()
      .data.find((f: { participantId: string }) => f.participantId === p);
    const closed = await send('PATCH', `/api/v1/training-follow-ups/${task.id}`, {
      outcomeCodes: ['took_case'],
      version: task.version,
    });
    expect(closed.statusCode).toBe(200);
    const staleClose = await send('PATCH', `/api/v1/training-follow-ups/${task.id}`, {
      outcomeCodes: ['no_news'],
      version: task.version,
    });
    expect(staleClose.statusCode).toBe(409);
    const unknown = await send('PATCH', `/api/v1/training-follow-ups/${task.id}`, {
      outcomeCodes: ['won_lottery'],
      version: closed.json().data.version,
    });
    expect(codes(unknown)).toContain('unknown_outcome');
  });

  it.each([
    ['a NUL character', 'Course\u0000title', 'unstorable_text'],
    ['a lone surrogate', 'Course \ud800 title', 'unstorable_text'],
    ['control characters', 'Course\u0007title', 'control_characters'],
    ['an oversized title', 'x'.repeat(301), 'too_big'],
  ])('refuses %s in a course title and stores nothing', async (_name, title, code) => {
    const before = await count(trainingCourses);
    const r = await send('POST', '/api/v1/trainings', { title });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(r.json().errors)).toContain(code);
    expect(await count(trainingCourses)).toBe(before);
  });

  it('keeps HTML in a title as text', async () => {
    const r = await send('POST', '/api/v1/trainings', { title: '<script>alert(1)</script> course' });
    expect(r.statusCode).toBe(201);
    expect(r.json().data.title).toBe('<script>alert(1)</script> course');
  });

  it('refuses out-of-range follow-up months and malformed filters', async () => {
    expect((await send('POST', '/api/v1/trainings', { title: 'T', followUpMonths: [0] })).statusCode).toBe(
      400,
    );
    expect((await send('POST', '/api/v1/trainings', { title: 'T', followUpMonths: [] })).statusCode).toBe(
      400,
    );
    expect((await send('GET', '/api/v1/training-alumni?year=abc')).statusCode).toBe(400);
    expect((await send('GET', '/api/v1/training-alumni?sex=unknown')).statusCode).toBe(400);
    expect((await send('GET', '/api/v1/training-follow-ups?scope=everyone')).statusCode).toBe(400);
    expect((await send('GET', '/api/v1/training-certificates/..%2F..%2Fsecret')).statusCode).toBe(400);
  });
});
