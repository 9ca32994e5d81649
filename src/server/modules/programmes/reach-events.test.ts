import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { createEvent, NEXT_YEAR, person, registerForm } from '../events/test-support.ts';

// The "people who attended its events" indicator counts, per year, the distinct participants of
// the programme's events with attendance recorded: registered people who did not come do not count.
let t: TestApp;
let staff: string;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t)).id;
  staff = await (await buildUser(t, { role: 'secretariat', organisationId: orgId })).session();
});
afterAll(() => t.close());

it('counts the attendees of the programme’s events, per year', async () => {
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/programmes',
    cookie: staff,
    payload: {
      name: 'Training programme',
      runningOrganisationIds: [orgId],
      indicators: [{ label: 'People trained', source: 'event_participants' }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const programme = created.json().data;
  expect(programme.indicators[0].values).toEqual([]);

  const e = await createEvent(t, staff, { programmeId: programme.id, organisers: [orgId] });
  for (const n of [1, 2, 3]) await registerForm(t, e.slug, person(n));
  const list = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: staff })).json();
  const [a, b] = list.data;
  const marked = await t.request({
    method: 'PUT',
    url: `/api/v1/events/${e.id}/attendance`,
    cookie: staff,
    payload: {
      marks: [
        { participantId: a.id, day: list.days[0], present: true },
        { participantId: a.id, day: list.days[1], present: true },
        { participantId: b.id, day: list.days[0], present: true },
      ],
    },
  });
  expect(marked.statusCode, marked.body).toBe(200);

  const read = (await t.request({ url: `/api/v1/programmes/${programme.id}`, cookie: staff })).json().data;
  expect(read.indicators[0]).toMatchObject({ withheld: false, values: [{ year: NEXT_YEAR, value: 2 }] });
});
