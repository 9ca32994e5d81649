import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

it('the demo has a published data set, marked as demonstration, and a Philippines profile', async () => {
  const sets = (await t.request({ url: '/api/v1/statistics/datasets' })).json().data;
  expect(sets).toHaveLength(1);
  expect(sets[0]).toMatchObject({ code: 'demonstration-figures', published: true, demonstration: true });
  const page = await t.request({ url: '/statistics/PH' });
  expect(page.body).toContain('Some figures on this page are demonstration data, not statistics.');
  expect(page.body).toContain('Migrant stock by sex');
  expect(page.body).toContain('Top countries of destination, 2020');
});
