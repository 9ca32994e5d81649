import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { findEventBySlug } from '../events/repository.ts';
import { sitemapUrls } from './pages.ts';
import { counterpartsOf, listRecommendations } from './repository.ts';
import { buildDocument, buildMission, createDialogue, createRecommendation, today } from './test-support.ts';

let t: TestApp;
let staff: string;
let orgId: string;
beforeAll(async () => {
  // The demo data too, so its test shares this file's app (one database per file).
  t = await createTestApp({ demo: true });
  orgId = (await buildOrganisation(t)).id;
  staff = await (await buildUser(t, { role: 'secretariat', organisationId: orgId })).session();
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.request({ method, url: `/api/v1${url}`, cookie: staff, ...(payload ? { payload } : {}) });

describe('recommendations of dialogues', () => {
  it('records counterparts, a recommendation and its updates with evidence; the public tracker shows it', async () => {
    const dialogue = await createDialogue(t, staff);
    const [jordan, qatar] = [await buildMission(t, 'JO'), await buildMission(t, 'QA')];
    const set = await api('PUT', `/dialogues/${dialogue.id}/counterparts`, {
      organisationIds: [qatar.id, jordan.id],
      version: dialogue.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().data.counterparts.map((c: { id: string }) => c.id)).toEqual([qatar.id, jordan.id]);

    const rec = await createRecommendation(t, staff, dialogue.id, jordan.id);
    expect(rec.status).toBe('proposed');
    const doc = await buildDocument(t, true);
    const accepted = await api('POST', `/recommendations/${rec.id}/updates`, {
      status: 'accepted',
      date: '2024-05-01',
      note: 'Accepted by the mission in writing.',
      documentId: doc.id,
      evidenceUrl: 'https://example.org/letter',
      version: rec.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const data = accepted.json().data;
    expect(data).toMatchObject({
      status: 'accepted',
      statusSince: '2024-05-01',
      next: ['in_progress', 'implemented', 'rejected'],
    });
    expect(data.updates[0]).toMatchObject({
      fromStatus: 'proposed',
      status: 'accepted',
      document: { id: doc.id },
    });

    const list = await api(
      'GET',
      `/recommendations?dialogue=${dialogue.id}&status=accepted&country=JO&theme=protection`,
    );
    expect(list.json().data.map((r: { id: string }) => r.id)).toEqual([rec.id]);
    expect(
      (await api('GET', `/recommendations?dialogue=${dialogue.id}&status=rejected`)).json().data,
    ).toEqual([]);

    const eventPage = await t.request({ url: `/events/${dialogue.slug}` });
    expect(eventPage.body).toContain(`/recommendations?dialogue=${dialogue.id}`);
    const tracker = await t.request({ url: `/recommendations?dialogue=${dialogue.id}&status=accepted` });
    expect(tracker.statusCode).toBe(200);
    expect(tracker.body).toContain(`/recommendations/${rec.id}`);
    const detail = await t.request({ url: `/recommendations/${rec.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Accepted by the mission in writing.');
    expect(detail.body).toContain(`/publications/${doc.id}`);
    expect(detail.body).toContain('"@type":"CreativeWork"');
    expect(await sitemapUrls(t.database, t.config.publicUrl)).toContain(
      `${t.config.publicUrl}/recommendations/${rec.id}`,
    );

    const csv = await t.request({ url: `/recommendations.csv?dialogue=${dialogue.id}&status=accepted` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(3); // header, HXL, one row
    expect(lines[2]).toContain(rec.id);
    const xlsx = await t.request({ url: `/recommendations.xlsx?dialogue=${dialogue.id}&status=proposed` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(2); // header and HXL: nothing is proposed any more
  });

  it('edits, undoes the latest update and deletes, each at the version read', async () => {
    const dialogue = await createDialogue(t, staff);
    const mission = await buildMission(t);
    const rec = await createRecommendation(t, staff, dialogue.id, mission.id);
    const edited = await api('PATCH', `/recommendations/${rec.id}`, {
      text: 'Edited text',
      texts: { ar: 'نص معدل' },
      countries: ['JO', 'LB'],
      version: rec.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // Fields not sent are kept.
    expect(edited.json().data).toMatchObject({ text: 'Edited text', themes: [{ code: 'protection' }] });
    const moved = await api('POST', `/recommendations/${rec.id}/updates`, {
      status: 'rejected',
      date: today(),
      note: 'Rejected.',
      version: edited.json().data.version,
    });
    const after = moved.json().data;
    const undone = await api(
      'DELETE',
      `/recommendations/${rec.id}/updates/${after.updates[0].id}?version=${after.version}`,
    );
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().data).toMatchObject({ status: 'proposed', statusSince: null, updates: [] });
    const gone = await api('DELETE', `/recommendations/${rec.id}?version=${undone.json().data.version}`);
    expect(gone.statusCode).toBe(204);
    expect((await api('GET', `/recommendations/${rec.id}`)).statusCode).toBe(404);
  });

  it('keeps a private dialogue’s recommendations and private evidence off the public tracker', async () => {
    const hidden = await createDialogue(t, staff, { visibility: 'private', title: 'Closed dialogue' });
    const mission = await buildMission(t);
    const rec = await createRecommendation(t, staff, hidden.id, mission.id, {
      text: 'A closed-door recommendation',
    });
    expect((await t.request({ url: `/recommendations/${rec.id}` })).statusCode).toBe(404);
    expect((await t.request({ url: '/recommendations' })).body).not.toContain('A closed-door recommendation');
    expect((await t.request({ url: '/recommendations.csv' })).body).not.toContain(rec.id);
    expect((await api('GET', `/recommendations?dialogue=${hidden.id}`)).json().data).toHaveLength(1);
  });

  it('offers dialogues, government counterparts and themes to the forms', async () => {
    await buildMission(t, 'OM');
    const options = (await api('GET', '/recommendations/options')).json().data;
    expect(options.dialogues.length).toBeGreaterThan(0);
    expect(options.governments.some((g: { countryCode: string }) => g.countryCode === 'OM')).toBe(true);
    expect(options.themes.map((x: { code: string }) => x.code)).toContain('protection');
  });

  it('hangs the five countries’ missions and invented, marked recommendations on the seeds’ dialogue (demo)', async () => {
    const db = t.database.db;
    const dialogue = (await findEventBySlug(db, 'dialogue-2015'))!;
    const counterparts = await counterpartsOf(db, dialogue.id);
    expect(counterparts.map((c) => c.countryCode)).toEqual(['JO', 'LB', 'OM', 'QA', 'AE']);
    expect(counterparts.every((c) => c.typeCode === 'embassy' && /demonstration/.test(c.name))).toBe(true);
    const rows = await listRecommendations(db, { eventId: dialogue.id, limit: 50, offset: 0 });
    expect(rows.map((r) => r.status).sort()).toEqual(['accepted', 'in_progress', 'proposed']);
    expect(rows.every((r) => r.demonstration)).toBe(true);
    const tracker = await t.request({ url: `/recommendations?dialogue=${dialogue.id}` });
    expect(tracker.body.match(/Demonstration data/g)).toHaveLength(3);
    const qatar = await t.request({ url: '/recommendations?status=in_progress&country=QA' });
    expect(qatar.body).toContain('joint referral mechanism');
    const urls = await sitemapUrls(t.database, t.config.publicUrl);
    for (const r of rows) expect(urls).toContain(`${t.config.publicUrl}/recommendations/${r.id}`);
  });
});
