import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { insertEvent } from '../events/repository.ts';
import { people } from '../people/schema.ts';
import { caucusResolutions } from './schema.ts';
import { caucusWorld, resolutionBody, send } from './test-support.ts';

let t: TestApp;
let staff: string;
let w: Awaited<ReturnType<typeof caucusWorld>>;
let outsider: string;
let workshop: string;
let hidden: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
  w = await caucusWorld(t, staff, 2);
  outsider = (await t.database.db.insert(people).values({ name: 'Not a member' }).returning())[0]!.id;
  workshop = (
    await insertEvent(t.database.db, {
      slug: 'a-workshop',
      kindCode: 'workshop',
      title: 'A workshop',
      organisationId: w.caucus.id,
      timeZone: 'Asia/Manila',
      startsAt: new Date('2012-05-01T01:00:00Z'),
      endsAt: new Date('2012-05-01T09:00:00Z'),
      visibility: 'public',
    })
  ).id;
  // A private caucus meeting of another organisation: not the staff's to see, nor to cite.
  hidden = (
    await insertEvent(t.database.db, {
      slug: 'a-private-meeting',
      kindCode: 'caucus_meeting',
      title: 'A private meeting',
      organisationId: w.caucus.id,
      timeZone: 'Asia/Manila',
      startsAt: new Date('2012-05-01T01:00:00Z'),
      endsAt: new Date('2012-05-01T09:00:00Z'),
      visibility: 'private',
    })
  ).id;
});
afterAll(() => t.close());

type Res = { statusCode: number; headers: Record<string, unknown>; json(): { errors?: { code: string }[] } };
const post = (url: string, payload: unknown) =>
  t.request({ method: 'POST', url, cookie: staff, payload: payload as object });
const codes = (r: Res) => (r.json().errors ?? []).map((e) => e.code);
const resolutionCount = async () =>
  (await t.database.db.select({ id: caucusResolutions.id }).from(caucusResolutions)).length;
function refused(r: Res, status = 400) {
  expect(r.statusCode).toBe(status);
  expect(String(r.headers['content-type'])).toContain('application/problem+json');
}

describe('bad input to the caucus', () => {
  const seat = () => ({ personId: w.mps[0]!.id, parliamentId: w.parliament.id });
  it.each([
    ['an end before the start', { startDate: '2012', endDate: '2011-12' }, 'end_before_start'],
    ['a parliament that is a party', { parliamentId: 'party' }, 'not_a_parliament'],
    ['an unknown country', { countryCode: 'XX' }, 'unknown_country'],
    ['an unknown person', { personId: '00000000-0000-4000-8000-000000000000' }, 'unknown_person'],
    ['an unknown party', { partyId: '00000000-0000-4000-8000-000000000000' }, 'unknown_organisation'],
  ])('refuses a seat with %s, precisely', async (_, change, code) => {
    const body = {
      ...seat(),
      ...change,
      ...('parliamentId' in change ? { parliamentId: w.party.id } : {}),
    };
    const r = await post('/api/v1/caucus/posts', body);
    refused(r);
    expect(codes(r)).toContain(code);
  });

  it.each([
    ['an end before the start', { startDate: '2015-01-01', endDate: '2014' }, 'end_before_start'],
    ['a caucus that is a parliament', { caucusId: 'parliament' }, 'not_a_caucus'],
  ])('refuses a membership with %s', async (_, change, code) => {
    const body = {
      caucusId: w.caucus.id,
      personId: outsider,
      roleCode: 'member',
      ...change,
      ...('caucusId' in change ? { caucusId: w.parliament.id } : {}),
    };
    const r = await post('/api/v1/caucus/memberships', body);
    refused(r);
    expect(codes(r)).toContain(code);
  });

  it.each([
    ['a NUL in the title', { title: 'A\u0000B' }],
    ['an unpaired surrogate in a translated text', { texts: { fil: 'A\ud800B' } }],
    ['an oversized text', { text: 'x'.repeat(100_001) }],
    ['a day that does not exist', { adoptedOn: '2012-02-30' }],
    ['a partial adoption day', { adoptedOn: '2012' }],
    ['an unknown kind', { kind: 'petition' }],
    ['an unknown field', { colour: 'red' }],
    ['a signatory id that is no id', { signatories: [{ personId: 'not-a-uuid' }] }],
  ])('refuses %s with a 400 and writes nothing', async (_, change) => {
    const before = await resolutionCount();
    refused(await post('/api/v1/caucus/resolutions', resolutionBody(w.caucus.id, change)));
    expect(await resolutionCount()).toBe(before);
  });

  it.each([
    ['a signatory who is not a member', () => [{ personId: outsider }], 'not_a_member'],
    [
      'a signatory who became a member only after the adoption',
      () => [{ personId: w.mps[1]!.id }],
      'not_a_member',
      '2009-01-01',
    ],
    [
      'a signatory named twice',
      () => [{ personId: w.mps[0]!.id }, { personId: w.mps[0]!.id }],
      'duplicate_signatory',
    ],
    ['a post of someone else', () => [{ personId: w.mps[0]!.id, postId: w.mps[1]!.postId }], 'unknown_post'],
  ])('refuses %s and writes nothing', async (_, signatories, code, adoptedOn = '2012-05-01') => {
    const before = await resolutionCount();
    const r = await post(
      '/api/v1/caucus/resolutions',
      resolutionBody(w.caucus.id, { signatories: signatories(), adoptedOn }),
    );
    refused(r);
    expect(codes(r)).toContain(code);
    expect(await resolutionCount()).toBe(before);
  });

  it('refuses an adopting meeting that is not a caucus meeting, an unknown one, or one the person may not see', async () => {
    const r = await post('/api/v1/caucus/resolutions', resolutionBody(w.caucus.id, { meetingId: workshop }));
    expect(codes(r)).toContain('not_a_caucus_meeting');
    const unknown = await post(
      '/api/v1/caucus/resolutions',
      resolutionBody(w.caucus.id, { meetingId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(codes(unknown)).toContain('unknown_event');
    const other = await post(
      '/api/v1/caucus/resolutions',
      resolutionBody(w.caucus.id, { meetingId: hidden }),
    );
    expect(codes(other)).toContain('unknown_event');
    const offered = (await t.request({ url: '/api/v1/caucus/options', cookie: staff })).json().data.meetings;
    expect(offered.map((m: { id: string }) => m.id)).not.toContain(hidden);
  });

  it('keeps hostile HTML as text and escapes it on the public page', async () => {
    const r = await send(
      t,
      staff,
      'POST',
      '/api/v1/caucus/resolutions',
      resolutionBody(w.caucus.id, {
        title: '<script>alert(1)</script>',
        text: '<img src=x onerror=alert(1)>',
      }),
    );
    expect(r.title).toBe('<script>alert(1)</script>');
    const page = await t.request({ url: `/caucus/resolutions/${r.id}` });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('answers a stale version with 409 and keeps what was saved; of two concurrent edits one wins', async () => {
    const r = await send(t, staff, 'POST', '/api/v1/caucus/resolutions', {
      ...resolutionBody(w.caucus.id),
      signatories: [{ personId: w.mps[0]!.id }],
    });
    const patch = (title: string) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/caucus/resolutions/${r.id}`,
        cookie: staff,
        payload: { title, signatories: [], version: r.version },
      });
    const results = await Promise.all([patch('First'), patch('Second')]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const stale = await patch('Third');
    refused(stale, 409);
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/caucus/resolutions/${r.id}?version=${r.version}`,
      cookie: staff,
    });
    refused(del, 409);
    const now = (await t.request({ url: `/api/v1/caucus/resolutions/${r.id}`, cookie: staff })).json().data;
    expect(['First', 'Second']).toContain(now.title);
    expect(now.version).toBe(r.version + 1);
    expect(now.signatories).toEqual([]);

    const m = w.mps[0]!;
    refused(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/caucus/posts/${m.postId}`,
        cookie: staff,
        payload: { label: 'X', version: 99 },
      }),
      409,
    );
    refused(
      await t.request({
        method: 'DELETE',
        url: `/api/v1/caucus/memberships/${m.membershipId}?version=99`,
        cookie: staff,
      }),
      409,
    );
  });

  it('refuses malformed JSON and unknown ids with precise problems', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/caucus/resolutions',
      cookie: staff,
      headers: { 'content-type': 'application/json' },
      payload: '{"caucusId":',
    });
    refused(bad);
    refused(
      await t.request({
        method: 'PATCH',
        url: '/api/v1/caucus/resolutions/00000000-0000-4000-8000-000000000000',
        cookie: staff,
        payload: { title: 'x', version: 1 },
      }),
      404,
    );
    refused(await t.request({ url: '/api/v1/caucus/resolutions/not-a-uuid', cookie: staff }));
    expect((await t.request({ url: '/caucus/resolutions/not-a-uuid' })).statusCode).toBe(404);
  });
});
