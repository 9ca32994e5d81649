import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function caseWithConsent(values: Record<string, unknown>, consent = true) {
  const kase = await openCase(t, w.worker.cookie, values);
  if (consent) {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents`,
      cookie: w.worker.cookie,
      payload: { purpose: 'statistics', obtainedOn: '2026-01-01', method: 'written' },
    });
    expect(res.statusCode).toBe(201);
    return { ...kase, consentId: res.json().data.id as string };
  }
  return { ...kase, consentId: '' };
}

describe('anonymised statistics', () => {
  it('counts only consented cases, in multiples of 5 with smaller combinations left out, and exports CSV with HXL tags', async () => {
    for (let i = 0; i < 6; i++)
      await caseWithConsent({ originCountry: 'PH', destinationCountry: 'SA', sector: 'domestic_work' });
    for (let i = 0; i < 3; i++)
      await caseWithConsent({ originCountry: 'NP', destinationCountry: 'QA', sector: 'construction' });
    for (let i = 0; i < 4; i++)
      await caseWithConsent({ originCountry: 'ID', destinationCountry: 'SA', sector: 'fishing' }, false);
    const withdrawn = await caseWithConsent({
      originCountry: 'PH',
      destinationCountry: 'SA',
      sector: 'domestic_work',
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${withdrawn.id}/consents/${withdrawn.consentId}/withdraw`,
      cookie: w.worker.cookie,
    });

    const res = await t.request({
      method: 'GET',
      url: '/api/v1/case-statistics?by=corridor',
      cookie: w.admin.cookie,
    });
    expect(res.statusCode).toBe(200);
    // PH>SA has 6 consented cases with one combination of characteristics: 6 rounds down to 5.
    // NP>QA has 3: not listed at all, not even as "fewer than 5".
    expect(res.json()).toMatchObject({ dimensions: ['corridor'], roundedTo: 5 });
    expect(res.json().data).toEqual([{ corridor: 'PH>SA', cases: 5 }]);
    const byViolation = (
      await t.request({
        method: 'GET',
        url: '/api/v1/case-statistics?by=violation,year',
        cookie: w.worker.cookie,
      })
    ).json().data;
    expect(
      byViolation.find((r: { violation: string }) => r.violation === 'labour.wage_theft.unpaid').cases,
    ).toBe(5);

    const csv = await t.request({
      method: 'GET',
      url: '/api/v1/case-statistics?by=corridor,sector&format=csv',
      cookie: w.admin.cookie,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'corridor,sector,cases',
      '#x_corridor,#sector,#affected+cases',
      'PH>SA,domestic_work,5',
    ]);
  });

  it('refuses viewers and unknown dimensions', async () => {
    const { person } = await import('./test-support.ts');
    const viewer = await person(t, 'viewer', w.destination.id);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/case-statistics', cookie: viewer.cookie })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/case-statistics?by=client_enc',
          cookie: w.admin.cookie,
        })
      ).statusCode,
    ).toBe(400);
  });
});
