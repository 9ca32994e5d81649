import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { buildWorld, createCaseTestApp, openCase } from '../cases/test-support.ts';

// A country profile and a corridor view carry the protected case counts of their corridors for
// staff the case-statistics policy allows (the case statistics write PH>SA, profiles PH-SA).
let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
  for (let i = 0; i < 6; i++) {
    const kase = await openCase(t, w.worker.cookie, {
      originCountry: 'PH',
      destinationCountry: 'SA',
      sector: 'domestic_work',
    });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents`,
      cookie: w.worker.cookie,
      payload: { purpose: 'statistics', obtainedOn: '2026-01-01', method: 'written' },
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

it('the Philippines’ profile and the PH-SA corridor show 5 cases (6 rounded down); the public sees none', async () => {
  const profile = (await t.request({ url: '/api/v1/statistics/areas/PH', cookie: w.worker.cookie })).json()
    .data;
  expect(profile.cases).toEqual({ roundedTo: 5, rows: [{ corridor: 'PH-SA', cases: 5 }] });
  const corridor = (
    await t.request({ url: '/api/v1/statistics/corridors/PH-SA', cookie: w.worker.cookie })
  ).json().data;
  expect(corridor.cases.rows).toEqual([{ corridor: 'PH-SA', cases: 5 }]);
  const other = (
    await t.request({ url: '/api/v1/statistics/corridors/NP-QA', cookie: w.worker.cookie })
  ).json().data;
  expect(other.cases.rows).toEqual([]);
  expect((await t.request({ url: '/api/v1/statistics/areas/PH' })).json().data.cases).toBeUndefined();
});
