import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { demoProgrammes } from './demo.ts';

// The demo shows every programme and initiative of the seeds, as the seeds say it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

async function publicProgramme(slug: string) {
  const html = (await t.request({ method: 'GET', url: `/programmes/${slug}` })).body;
  return JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!) as {
    name: string;
  } & Record<string, unknown>;
}

it('publishes the eight programmes of the mission and the five initiatives of MFA', async () => {
  const list = (await t.request({ method: 'GET', url: '/programmes' })).body;
  for (const p of demoProgrammes) expect(list).toContain(`href="/programmes/${p.slug}"`);
  expect(demoProgrammes).toHaveLength(13);
});

it('records the secretariats the seeds state, and only those', async () => {
  const secretariats = async (slug: string) => {
    const html = (await t.request({ method: 'GET', url: `/programmes/${slug}` })).body;
    return html.match(/<dt>Secretariat of<\/dt><dd>(.*?)<\/dd>/)?.[1] ?? '';
  };
  expect(await secretariats('empowering-marriage-migrants')).toContain('AMM♀RE');
  expect(await secretariats('development-and-forced-migration')).toContain('Migrants Caucus on the ASEAN');
  expect(await secretariats('inter-parliamentary-caucus-on-labor-migration')).toContain(
    'Asian Inter-Parliamentary Caucus on Labor Migration',
  );
  // MFA *established* Lawyers Beyond Borders: the seeds name no secretariat for it.
  expect(await secretariats('lawyers-beyond-borders')).toBe('');
  const yearbook = await publicProgramme('asian-migrant-yearbook-and-policy-briefs');
  expect((yearbook.parentOrganization as { name: string }[]).map((o) => o.name)).toEqual([
    'Migrant Forum in Asia',
    'Asian Migrant Centre',
  ]);
  const missions = await publicProgramme('dialogue-with-missions');
  expect((missions.areaServed as { name: string }[]).map((c) => c.name).sort()).toEqual([
    'Jordan',
    'Lebanon',
    'Oman',
    'Qatar',
    'United Arab Emirates',
  ]);
});
