import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// The campaigns and events modules add their work to a programme's page through linked-work.ts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

it('a programme’s public page lists its published campaigns and its public events', async () => {
  const domestic = await t.request({ url: '/programmes/domestic-workers' });
  expect(domestic.statusCode).toBe(200);
  expect(domestic.body).toContain('Ratify the Domestic Workers Convention (ILO C189)');
  expect(domestic.body).toContain('href="/campaigns/c189-ratification"');
  const dialogue = await t.request({ url: '/programmes/dialogue-with-missions' });
  expect(dialogue.body).toMatch(/<a href="\/events\/dialogue-\d{4}">Dialogue with Missions<\/a>/);
});
