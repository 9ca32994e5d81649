import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { buildWorld, createCaseTestApp, openCase, person } from '../cases/test-support.ts';

// Linked case statistics and the computed "cases handled" indicator come from the protected case
// statistics only: consented cases, rounded down to multiples of 5, small cells left out, filtered
// by the programme's countries; roles that may not read case statistics see the indicator withheld.

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
  const consented = async (origin: string, destination: string) => {
    const kase = await openCase(t, w.worker.cookie, {
      originCountry: origin,
      destinationCountry: destination,
    });
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents`,
      cookie: w.worker.cookie,
      payload: { purpose: 'statistics', obtainedOn: '2026-01-01', method: 'written' },
    });
    expect(r.statusCode).toBe(201);
  };
  for (let i = 0; i < 6; i++) await consented('PH', 'SA');
  for (let i = 0; i < 3; i++) await consented('NP', 'QA');
});
afterAll(() => t.close());

async function programme(countries: string[]) {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/programmes',
    cookie: w.admin.cookie,
    payload: {
      name: `Legal redress ${countries.join(' ')}`,
      runningOrganisationIds: [w.destination.id],
      countries,
      indicators: [{ label: 'Cases handled', source: 'cases_handled' }],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().data;
}

it('shows the protected figures of the corridors that touch its countries', async () => {
  const gulf = await programme(['SA']);
  expect(gulf.corridorCases).toEqual([{ corridor: 'PH>SA', cases: 5 }]);
  expect(gulf.indicators[0].withheld).toBe(false);
  expect(gulf.indicators[0].values).toHaveLength(1);
  expect(gulf.indicators[0].values[0].value).toBe(5);
  // NP>QA has 3 consented cases: below the smallest published figure, so nothing at all.
  const qatar = await programme(['QA']);
  expect(qatar.corridorCases).toEqual([]);
  expect(qatar.indicators[0].values).toEqual([]);
});

it('withholds them from roles the case-statistics policy refuses, and from the public', async () => {
  const gulf = await programme(['SA']);
  await t.request({
    method: 'POST',
    url: `/api/v1/programmes/${gulf.id}/publish`,
    cookie: w.admin.cookie,
    payload: { version: gulf.version },
  });
  const viewer = await person(t, 'viewer', w.destination.id);
  const seen = (
    await t.request({ method: 'GET', url: `/api/v1/programmes/${gulf.id}`, cookie: viewer.cookie })
  ).json().data;
  expect(seen.corridorCases).toBeNull();
  expect(seen.indicators[0]).toMatchObject({ withheld: true, values: [] });
  const html = (await t.request({ method: 'GET', url: `/programmes/${gulf.slug}` })).body;
  expect(html).not.toContain('PH&gt;SA');
  expect(html).not.toContain('Cases handled');
});
