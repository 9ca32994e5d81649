import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { buildWorld, createCaseTestApp, openCase, sampleCase } from './test-support.ts';

// Hostile and malformed input against the cases API: always a precise 4xx, never a 500, and text
// that is merely unpleasant (markup, injection attempts, bidi tricks) is stored and returned as text.

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const hostile = [
  '<script>alert(1)</script>',
  "'; drop table cases; --",
  '\u202Egnp.exe',
  '=HYPERLINK("http://evil.example")',
  '𝕳𝖊𝖑𝖑𝖔 👋🏽 مرحبا',
];

describe('bad input on cases', () => {
  it('stores hostile text in every text field verbatim, and it never leaks into lists', async () => {
    for (const text of hostile) {
      const kase = await openCase(t, w.worker.cookie, {
        title: text,
        employerName: text,
        agencyName: text,
        narrative: text,
        client: {
          name: text,
          contacts: [{ kind: text, value: text }],
          documents: [{ kind: text, number: text.slice(0, 100) }],
          addresses: [text],
        },
      });
      const read = (
        await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.worker.cookie })
      ).json().data;
      expect(read.title).toBe(text);
      expect(read.narrative).toBe(text);
      expect(read.client.name).toBe(text);
      expect(read.facts.employerName).toBe(text);
    }
    const csv = await t.request({ method: 'GET', url: '/api/v1/cases?format=csv', cookie: w.worker.cookie });
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it('refuses malformed fields with 400 and field errors', async () => {
    const bad: Record<string, unknown>[] = [
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'a\u0000b' },
      { nationality: 'Philippines' },
      { sector: 'mining_on_mars' },
      { violationCodes: ['not.a.code'] },
      { narrative: 'n'.repeat(20_001) },
      { client: { name: 'x', ssn: '1' } },
      { unknownField: true },
      { employerOrganisationId: 'not-a-uuid' },
    ];
    for (const patch of bad) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/cases',
        cookie: w.worker.cookie,
        payload: { ...sampleCase, ...patch },
      });
      expect([JSON.stringify(patch).slice(0, 40), res.statusCode]).toEqual([
        JSON.stringify(patch).slice(0, 40),
        400,
      ]);
      expect(res.json().code).toBe('validation_failed');
    }
    const unknownOrg = await t.request({
      method: 'POST',
      url: '/api/v1/cases',
      cookie: w.worker.cookie,
      payload: { ...sampleCase, employerOrganisationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownOrg.json().errors[0].code).toBe('unknown_organisation');
  });

  it('forged ids: malformed ones are 400, unknown ones 404 (same as a case you may not see)', async () => {
    const c = w.worker.cookie;
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/cases/1%20or%201=1', cookie: c })).statusCode,
    ).toBe(400);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/cases/00000000-0000-4000-8000-000000000000',
          cookie: c,
        })
      ).statusCode,
    ).toBe(404);
    const kase = await openCase(t, c);
    const forgedChild = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents/00000000-0000-4000-8000-000000000000/withdraw`,
      cookie: c,
    });
    expect(forgedChild.statusCode).toBe(404);
    const otherCase = await openCase(t, w.outsider.cookie);
    const consent = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${otherCase.id}/consents`,
      cookie: w.outsider.cookie,
      payload: { purpose: 'handling', obtainedOn: '2026-01-01', method: 'verbal' },
    });
    // A consent id of another case cannot be withdrawn through my case.
    const cross = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents/${consent.json().data.id}/withdraw`,
      cookie: c,
    });
    expect(cross.statusCode).toBe(404);
  });

  it('search and cursors: injection attempts are plain text, forged cursors are 400, pages do not overlap', async () => {
    const c = w.worker.cookie;
    for (const q of ["' or 1=1 --", 'a & | ! ( ) :*', '"unterminated', '<>']) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/cases?q=${encodeURIComponent(q)}`,
        cookie: c,
      });
      expect([q, res.statusCode]).toEqual([q, 200]);
    }
    for (const cursor of [
      'x',
      Buffer.from("2026-01-01'|x").toString('base64url'),
      Buffer.from('2026-13-45 00:00:00+00|00000000-0000-4000-8000-000000000000').toString('base64url'),
    ]) {
      expect(
        (await t.request({ method: 'GET', url: `/api/v1/cases?cursor=${cursor}`, cookie: c })).statusCode,
      ).toBe(400);
    }
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; nextCursor: string | null } = (
        await t.request({
          method: 'GET',
          url: `/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          cookie: c,
        })
      ).json();
      for (const r of page.data) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await t.request({ method: 'GET', url: '/api/v1/cases?limit=200', cookie: c })).json().data;
    expect(seen.size).toBe(all.length);
  });

  it('a stale version gets 409 and the saved data stays', async () => {
    const kase = await openCase(t, w.worker.cookie);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${kase.id}`,
      cookie: w.worker.cookie,
      payload: { narrative: 'First account', version: 1 },
    });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${kase.id}`,
      cookie: w.worker.cookie,
      payload: { narrative: 'Overwrite', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const read = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.worker.cookie })
    ).json().data;
    expect(read.narrative).toBe('First account');
  });
});
