import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { sitemapUrls } from './calendars.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('demo events', () => {
  it('shows the seeds’ convenings, each marked as demonstration data, in the list, the feed and the sitemap', async () => {
    const list = await t.request({ url: '/events' });
    expect(list.body).toContain('Asian Inter-Parliamentary Caucus on Labor Migration');
    expect(list.body).toContain('Dialogue with Missions');
    expect(list.body).toContain('Diplomacy Training Program');
    expect(list.body.match(/Demonstration data/g)).toHaveLength(3);
    const caucus = await t.request({ url: '/events/caucus-meeting-2011' });
    expect(caucus.statusCode).toBe(200);
    expect(caucus.body).toContain('Phnom Penh');
    expect(caucus.body).toContain('role="note"');
    const urls = await sitemapUrls(t.database, t.config.publicUrl);
    expect(urls).toContain(`${t.config.publicUrl}/events/caucus-meeting-2011`);
    expect(urls).toHaveLength(4);
  });
});
