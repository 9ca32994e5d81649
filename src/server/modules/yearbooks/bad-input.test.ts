import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { statisticsIndicators } from '../statistics/schema.ts';
import { yearbookChapters, yearbookEditions } from './schema.ts';
import { addChapter, createEdition, type Edition, editionPayload } from './test-support.ts';

let t: TestApp;
let staff: string;
let edition: Edition;
beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
  await t.database.db.insert(statisticsIndicators).values({ code: 'MIGRANT_STOCK', labels: { en: 'Stock' } });
  edition = await createEdition(t, staff);
  edition = await addChapter(t, staff, edition.id, { kind: 'thematic', title: 'Theme' });
});
afterAll(() => t.close());

const editions = async () => (await t.database.db.select().from(yearbookEditions)).length;
const chapters = async () => (await t.database.db.select().from(yearbookChapters)).length;
const codes = (r: { json(): { errors?: { code: string }[] } }) => (r.json().errors ?? []).map((e) => e.code);
const figure = (over: object) => ({ indicator: 'MIGRANT_STOCK', area: 'PH', display: 'line', ...over });

describe('bad input to editions', () => {
  it.each([
    ['a NUL in the title', { title: 'Brief\u0000' }, 400, 'unstorable_text'],
    ['a lone surrogate in the title', { title: 'Brief \ud800' }, 400, 'unstorable_text'],
    ['an oversized title', { title: 'x'.repeat(301) }, 400, undefined],
    ['a year out of range', { year: 1800 }, 400, undefined],
    ['an unknown kind', { kind: 'novel' }, 400, undefined],
    ['an unknown field', { colour: 'red' }, 400, undefined],
    [
      'an unknown contributor',
      { contributors: [{ personId: crypto.randomUUID(), role: 'editor' }] },
      400,
      'unknown_person',
    ],
    [
      'a contributor naming both a person and an organisation',
      {
        contributors: [
          { personId: crypto.randomUUID(), organisationId: crypto.randomUUID(), role: 'author' },
        ],
      },
      400,
      'person_or_organisation',
    ],
    [
      'an unknown contributor role',
      { contributors: [{ organisationId: crypto.randomUUID(), role: 'boss' }] },
      400,
      undefined,
    ],
  ])('refuses %s, writing nothing', async (_, override, status, code) => {
    const before = await editions();
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/yearbooks',
      cookie: staff,
      payload: editionPayload(override),
    });
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    if (code) expect(JSON.stringify(r.json())).toContain(code);
    expect(await editions()).toBe(before);
  });

  it('keeps HTML in a title as text and refuses malformed JSON', async () => {
    const e = await createEdition(t, staff, { title: '<script>alert(1)</script> brief' });
    expect(e.slug).toMatch(/^script-alert-1-script-brief-2025/);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/yearbooks',
      cookie: staff,
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(r.statusCode).toBe(400);
  });

  it('refuses a stale edit, two concurrent edits, an illegal workflow move, and a bad id', async () => {
    const e = await createEdition(t, staff);
    const patch = (version: number, title: string) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/yearbooks/${e.id}`,
        cookie: staff,
        payload: { title, version },
      });
    const both = await Promise.all([patch(e.version, 'One'), patch(e.version, 'Two')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await patch(e.version, 'Three')).statusCode).toBe(409);
    const illegal = await t.request({
      method: 'POST',
      url: `/api/v1/yearbooks/${e.id}/workflow`,
      cookie: staff,
      payload: { move: 'unpublish', version: e.version + 1 },
    });
    // Unpublishing needs an administrator: the secretariat is refused before the state is looked at.
    expect(illegal.statusCode).toBe(403);
    const fromDraft = await t.request({
      method: 'POST',
      url: `/api/v1/yearbooks/${e.id}/workflow`,
      cookie: staff,
      payload: { move: 'jump', version: e.version + 1 },
    });
    expect(fromDraft.statusCode).toBe(400);
    expect((await t.request({ url: '/api/v1/yearbooks/not-a-uuid', cookie: staff })).statusCode).toBe(400);
    expect((await t.request({ url: `/api/v1/yearbooks/${crypto.randomUUID()}.pdf` })).statusCode).toBe(404);
  });
});

describe('bad input to chapters and figures', () => {
  it.each([
    ['a country report without its country', { kind: 'country', title: 'C' }, 400, 'required'],
    ['a country code in lower case', { kind: 'country', title: 'C', countryCode: 'ph' }, 400, undefined],
    [
      'an unknown coordinator',
      { kind: 'thematic', title: 'C', coordinatorUserId: crypto.randomUUID() },
      400,
      'unknown_user',
    ],
    [
      'an unknown indicator',
      { kind: 'thematic', title: 'C', figures: [figure({ indicator: 'NOPE' })] },
      400,
      'unknown_indicator',
    ],
    [
      'an unknown area',
      { kind: 'thematic', title: 'C', figures: [figure({ area: 'ZZ' })] },
      400,
      'unknown_area',
    ],
    [
      'an unknown grouping',
      { kind: 'thematic', title: 'C', figures: [figure({ area: 'atlantis' })] },
      400,
      'unknown_area',
    ],
    [
      'periods in the wrong order',
      { kind: 'thematic', title: 'C', figures: [figure({ periodFrom: '2020', periodTo: '2010' })] },
      400,
      'period_order',
    ],
    [
      'a thirteenth month',
      { kind: 'thematic', title: 'C', figures: [figure({ periodFrom: '2020-13' })] },
      400,
      undefined,
    ],
    [
      'an unknown display',
      { kind: 'thematic', title: 'C', figures: [figure({ display: 'pie' })] },
      400,
      undefined,
    ],
    [
      'too many figures',
      { kind: 'thematic', title: 'C', figures: Array.from({ length: 41 }, () => figure({})) },
      400,
      undefined,
    ],
    ['an oversized text', { kind: 'thematic', title: 'C', body: 'x'.repeat(200_001) }, 400, 'too_big'],
    ['a NUL in the text', { kind: 'thematic', title: 'C', body: 'a\u0000b' }, 400, 'unstorable_text'],
  ])('refuses %s, writing nothing', async (_, payload, status, code) => {
    const before = await chapters();
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/yearbooks/${edition.id}/chapters`,
      cookie: staff,
      payload,
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
    if (code) expect(codes(r)).toContain(code);
    expect(await chapters()).toBe(before);
  });

  it('refuses a stale chapter edit and an order that is not every chapter once', async () => {
    const c = edition.chapters[0]!;
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/yearbooks/${edition.id}/chapters/${c.id}`,
      cookie: staff,
      payload: { body: 'First', version: c.version },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/yearbooks/${edition.id}/chapters/${c.id}`,
      cookie: staff,
      payload: { body: 'Second', version: c.version },
    });
    expect(stale.statusCode).toBe(409);
    const current = (await t.request({ url: `/api/v1/yearbooks/${edition.id}`, cookie: staff })).json().data;
    const order = await t.request({
      method: 'PUT',
      url: `/api/v1/yearbooks/${edition.id}/chapters/order`,
      cookie: staff,
      payload: { order: [c.id, c.id], version: current.version },
    });
    expect(order.statusCode).toBe(400);
    expect(codes(order)).toContain('not_a_permutation');
  });

  it('refuses a preview with bad filters', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/yearbooks/figure-preview',
      cookie: staff,
      payload: figure({ area: '<b>PH</b>' }),
    });
    expect(r.statusCode).toBe(400);
  });
});
