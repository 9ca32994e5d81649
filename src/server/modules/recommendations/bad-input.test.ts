import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { createEvent } from '../events/test-support.ts';
import { recommendations, recommendationUpdates } from './schema.ts';
import {
  buildDocument,
  buildMission,
  type CreatedRecommendation,
  createDialogue,
  createRecommendation,
  recommendationPayload,
  today,
} from './test-support.ts';

let t: TestApp;
let staff: string;
let dialogueId: string;
let missionId: string;
const FORGED = '00000000-0000-4000-8000-000000000000';
beforeAll(async () => {
  t = await createTestApp();
  const org = (await buildOrganisation(t)).id;
  staff = await (await buildUser(t, { role: 'secretariat', organisationId: org })).session();
  dialogueId = (await createDialogue(t, staff)).id;
  missionId = (await buildMission(t)).id;
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
  t.request({ method, url: `/api/v1${url}`, cookie: staff, payload: payload as object });
const count = async () =>
  (await t.database.db.select({ id: recommendations.id }).from(recommendations)).length +
  (await t.database.db.select({ id: recommendationUpdates.id }).from(recommendationUpdates)).length;
const codes = (r: { json(): { errors?: { code: string }[] } }) => (r.json().errors ?? []).map((e) => e.code);
const fresh = () => createRecommendation(t, staff, dialogueId, missionId);
const update = (r: CreatedRecommendation, body: object) =>
  send('POST', `/recommendations/${r.id}/updates`, {
    status: 'accepted',
    date: today(),
    note: 'Accepted',
    version: r.version,
    ...body,
  });

describe('bad input to recommendations', () => {
  it.each([
    ['a NUL in the text', { text: 'A\u0000B' }, 'unstorable_text'],
    ['an unpaired surrogate', { text: 'A\ud800B' }, 'unstorable_text'],
    ['a NUL in a translation', { texts: { ar: 'A\u0000B' } }, 'unstorable_text'],
    ['an empty text', { text: '   ' }, undefined],
    ['a huge text', { text: 'x'.repeat(10_001) }, undefined],
    ['a forged dialogue', { eventId: FORGED }, 'unknown_dialogue'],
    ['a forged addressee', { addresseeId: FORGED }, 'unknown_organisation'],
    ['an unknown theme', { themes: ['parties'] }, 'unknown_theme'],
    ['an unknown country', { countries: ['XX'] }, 'unknown_country'],
    ['an unknown field', { status: 'implemented' }, undefined],
  ])('refuses %s with a 400 and writes nothing', async (_name, change, code) => {
    const before = await count();
    const response = await send(
      'POST',
      '/recommendations',
      recommendationPayload(dialogueId, missionId, change),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    if (code) expect(codes(response).join(' ') + response.body).toContain(code);
    expect(await count()).toBe(before);
  });

  it('refuses an event that is not a dialogue, and another organisation’s private dialogue, as fields', async () => {
    const workshop = await createEvent(t, staff, { kindCode: 'workshop' });
    const r1 = await send('POST', '/recommendations', recommendationPayload(workshop.id, missionId));
    expect(codes(r1)).toEqual(['not_a_dialogue']);
    const admin = await (await buildUser(t, { role: 'network_administrator' })).session();
    const elsewhere = await createDialogue(t, admin, {
      organisationId: (await buildOrganisation(t)).id,
      visibility: 'private',
    });
    const r2 = await send('POST', '/recommendations', recommendationPayload(elsewhere.id, missionId));
    expect(codes(r2)).toEqual(['unknown_dialogue']);
  });

  it('shows hostile text as text on the public pages', async () => {
    const r = await createRecommendation(t, staff, dialogueId, missionId, {
      text: '<script>alert(1)</script><img src=x onerror=alert(2)>',
    });
    const page = await t.request({ url: `/recommendations/${r.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script&gt;alert(1)');
    const csv = await t.request({ url: `/recommendations.csv?dialogue=${dialogueId}` });
    expect(csv.statusCode).toBe(200);
  });

  it.each([
    ['implemented straight from proposed', 'implemented'],
    ['in progress before it was accepted', 'in_progress'],
    ['proposed again', 'proposed'],
  ])('refuses a status %s with a 409 and keeps the record', async (_name, status) => {
    const r = await fresh();
    const response = await update(r, { status });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().code).toBe('illegal_transition');
    const after = (await t.request({ url: `/api/v1/recommendations/${r.id}`, cookie: staff })).json().data;
    expect(after).toMatchObject({ status: 'proposed', version: r.version, updates: [] });
  });

  it('refuses any change after a final status', async () => {
    const r = await fresh();
    const rejected = (await update(r, { status: 'rejected' })).json().data;
    const again = await update(rejected, { status: 'accepted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('illegal_transition');
  });

  it.each([
    ['a date in the future', { date: '2999-01-01' }, 'date_in_future'],
    ['a date before the dialogue', { date: '2020-01-01' }, 'date_before_dialogue'],
    ['a date that does not exist', { date: '2024-02-30' }, undefined],
    ['no note', { note: '' }, undefined],
    ['a NUL in the note', { note: 'A\u0000' }, 'unstorable_text'],
    ['a javascript: link as evidence', { evidenceUrl: 'javascript:alert(1)' }, undefined],
    ['a forged document', { documentId: FORGED }, 'unknown_document'],
  ])('refuses an update with %s (400, nothing written)', async (_name, body, code) => {
    const r = await fresh();
    const before = await count();
    const response = await update(r, body);
    expect(response.statusCode, response.body).toBe(400);
    if (code) expect(codes(response).join(' ') + response.body).toContain(code);
    expect(await count()).toBe(before);
  });

  it('refuses a private library document as evidence: the tracker shows evidence to anyone', async () => {
    const r = await fresh();
    const response = await update(r, { documentId: (await buildDocument(t, false)).id });
    expect(response.statusCode).toBe(400);
    expect(codes(response)).toEqual(['document_not_public']);
  });

  it('refuses an update dated before the latest one', async () => {
    const r = await fresh();
    const accepted = (await update(r, { date: today() })).json().data;
    const response = await update(accepted, { status: 'in_progress', date: '2024-04-01' });
    expect(codes(response)).toEqual(['date_before_latest']);
  });

  it('answers a stale version with 409, and lets one of two simultaneous updates win', async () => {
    const r = await fresh();
    const edited = await send('PATCH', `/recommendations/${r.id}`, { text: 'One', version: r.version });
    expect(edited.statusCode).toBe(200);
    const stale = await send('PATCH', `/recommendations/${r.id}`, { text: 'Two', version: r.version });
    expect(stale.statusCode).toBe(409);
    const current = edited.json().data;
    const both = await Promise.all([update(current, {}), update(current, { status: 'rejected' })]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    const after = (await t.request({ url: `/api/v1/recommendations/${r.id}`, cookie: staff })).json().data;
    expect(after.updates).toHaveLength(1);
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/recommendations/${r.id}?version=${r.version}`,
      cookie: staff,
    });
    expect(del.statusCode).toBe(409);
  });

  it('refuses counterparts that are unknown or not governments, and a stale dialogue version', async () => {
    const d = await createDialogue(t, staff);
    const ngo = await buildOrganisation(t, { typeCode: 'ngo' });
    const bad = await send('PUT', `/dialogues/${d.id}/counterparts`, {
      organisationIds: [FORGED, ngo.id],
      version: d.version,
    });
    expect(codes(bad)).toEqual(['unknown_organisation', 'not_a_government_counterpart']);
    const ok = await send('PUT', `/dialogues/${d.id}/counterparts`, {
      organisationIds: [missionId],
      version: d.version,
    });
    expect(ok.statusCode).toBe(200);
    const stale = await send('PUT', `/dialogues/${d.id}/counterparts`, {
      organisationIds: [],
      version: d.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('matches nothing for filters that cannot exist on the public tracker (never a 500)', async () => {
    for (const q of ['status=bogus', 'dialogue=not-a-uuid', 'country=ZZ', 'theme=%3Cb%3E', 'page=0'])
      expect((await t.request({ url: `/recommendations?${q}` })).statusCode).toBeLessThan(500);
    expect((await t.request({ url: '/recommendations?status=bogus' })).body).toContain(
      'No recommendations match.',
    );
    expect((await t.request({ url: '/recommendations/not-a-uuid' })).statusCode).toBe(404);
  });
});
