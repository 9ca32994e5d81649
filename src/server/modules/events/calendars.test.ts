import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { people } from '../people/schema.ts';
import { createEvent, NEXT_YEAR } from './test-support.ts';

// Every feed is read back with ical.js, a parser this project did not write, and the times it finds
// are compared as instants: across the spring change in Zurich and New York, and in Riyadh (no DST).

let t: TestApp;
let staff: string;
let staffUser: Awaited<ReturnType<typeof buildUser>>;
beforeAll(async () => {
  t = await createTestApp();
  staffUser = await buildUser(t, { role: 'secretariat' });
  staff = await staffUser.session();
});
afterAll(() => t.close());

/** The VEVENTs of a feed as (summary, start, end) instants, as ical.js understands them. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  // ical.js resolves a TZID through its registry: register the feed's own VTIMEZONEs (and only those).
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      uid: e.uid,
    };
  });
}

const utc = (month: number, day: number, hour: number) =>
  new Date(Date.UTC(NEXT_YEAR, month - 1, day, hour)).toISOString();

describe('calendars', () => {
  it('writes /events.ics that an independent parser reads with the right instants across DST changes', async () => {
    await createEvent(t, staff, {
      title:
        'Geneva consultation; with, commas\\ and a long title that must be folded across several lines of the file',
      timeZone: 'Europe/Zurich',
      startsLocal: `${NEXT_YEAR}-03-20T09:00`,
      endsLocal: `${NEXT_YEAR}-04-05T17:00`,
    });
    await createEvent(t, staff, {
      title: 'New York side event',
      timeZone: 'America/New_York',
      startsLocal: `${NEXT_YEAR}-03-01T09:00`,
      endsLocal: `${NEXT_YEAR}-03-20T17:00`,
    });
    await createEvent(t, staff, {
      title: 'Riyadh dialogue',
      kindCode: 'dialogue',
      timeZone: 'Asia/Riyadh',
      startsLocal: `${NEXT_YEAR}-03-29T09:00`,
      endsLocal: `${NEXT_YEAR}-03-29T17:00`,
    });
    await createEvent(t, staff, { title: 'Private planning', visibility: 'private' });
    const feed = await t.request({ url: '/events.ics' });
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parse(feed.body);
    const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
    expect(Object.keys(byTitle)).not.toContain('Private planning');
    const geneva = events.find((e) => e.summary.startsWith('Geneva consultation'))!;
    expect(geneva.summary).toContain('; with, commas\\ and a long title');
    // Zurich: UTC+1 before the last Sunday of March, UTC+2 after it.
    expect(geneva.start).toBe(utc(3, 20, 8));
    expect(geneva.end).toBe(utc(4, 5, 15));
    // New York: UTC−5 before the second Sunday of March, UTC−4 after it.
    expect(byTitle['New York side event']).toMatchObject({ start: utc(3, 1, 14), end: utc(3, 20, 21) });
    // Riyadh: UTC+3 all year.
    expect(byTitle['Riyadh dialogue']).toMatchObject({ start: utc(3, 29, 6), end: utc(3, 29, 14) });
  });

  it('writes an .ics per public event', async () => {
    const e = await createEvent(t, staff, {
      title: 'One event',
      timeZone: 'America/New_York',
      startsLocal: `${NEXT_YEAR}-11-01T01:30`,
      endsLocal: `${NEXT_YEAR}-11-01T03:00`,
    });
    const one = parse((await t.request({ url: `/events/${e.slug}.ics` })).body);
    expect(one).toHaveLength(1);
    expect(one[0]!.uid).toBe(`${e.id}@tulay`);
    // ical.js and Tulay agree on the instant the event's local time names.
    const api = (await t.request({ url: `/api/v1/events/${e.id}`, cookie: staff })).json().data;
    expect(one[0]!.start).toBe(api.startsAt);
    const hidden = await createEvent(t, staff, { visibility: 'private', title: 'Hidden' });
    expect((await t.request({ url: `/events/${hidden.slug}.ics` })).statusCode).toBe(404);
  });

  it('gives each person a private feed of their events that they can revoke; forged tokens get nothing', async () => {
    const invitee = await buildUser(t, { role: 'viewer', email: `invitee.${Date.now()}@example.org` });
    const cookie = await invitee.session();
    const [p] = await t.database.db
      .insert(people)
      .values({ name: 'Invitee', email: invitee.email })
      .returning();
    const e = await createEvent(t, staff, {
      visibility: 'private',
      title: 'Invitation only',
      timeZone: 'Europe/Zurich',
      startsLocal: `${NEXT_YEAR}-10-24T20:00`,
      endsLocal: `${NEXT_YEAR}-10-26T10:00`,
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/events/${e.id}/invitations`,
      cookie: staff,
      payload: { personIds: [p!.id] },
    });
    expect((await t.request({ url: '/api/v1/account/calendar-feed', cookie })).json().data.active).toBe(
      false,
    );
    const made = await t.request({ method: 'POST', url: '/api/v1/account/calendar-feed', cookie });
    expect(made.statusCode).toBe(201);
    const path = new URL(made.json().data.url).pathname;
    const mine = await t.request({ url: path });
    expect(mine.statusCode).toBe(200);
    const parsed = parse(mine.body);
    expect(parsed.map((x) => x.summary)).toEqual(['Invitation only']);
    // Across the autumn change (last Sunday of October): 20:00 CEST and 10:00 CET.
    const api = (await t.request({ url: `/api/v1/events/${e.id}`, cookie: staff })).json().data;
    expect(parsed[0]).toMatchObject({ start: api.startsAt, end: api.endsAt });
    expect(new Date(api.endsAt).getTime() - new Date(api.startsAt).getTime()).toBeGreaterThan(0);
    // Someone else's feed address does not show this person's events.
    const other = await buildUser(t, { role: 'viewer' });
    const otherFeed = await t.request({
      method: 'POST',
      url: '/api/v1/account/calendar-feed',
      cookie: await other.session(),
    });
    expect(parse((await t.request({ url: new URL(otherFeed.json().data.url).pathname })).body)).toHaveLength(
      0,
    );
    // Renewing replaces the address; revoking stops it.
    const renewed = await t.request({ method: 'POST', url: '/api/v1/account/calendar-feed', cookie });
    expect((await t.request({ url: path })).statusCode).toBe(404);
    const newPath = new URL(renewed.json().data.url).pathname;
    expect(
      (await t.request({ method: 'DELETE', url: '/api/v1/account/calendar-feed', cookie })).statusCode,
    ).toBe(204);
    expect((await t.request({ url: newPath })).statusCode).toBe(404);
    for (const forged of [
      `/calendars/${'A'.repeat(43)}.ics`,
      '/calendars/..%2F..%2Fetc.ics',
      '/calendars/short.ics',
      `/calendars/${'A'.repeat(43)}`,
    ])
      expect((await t.request({ url: forged })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/v1/account/calendar-feed' })).statusCode).toBe(401);
  });
});
