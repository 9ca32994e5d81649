import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { popoloSchemas } from '../../testing/popolo.ts';
import { insertEvent } from '../events/repository.ts';
import { loadCaucusDemo } from './demo.ts';
import { caucusWorld, resolutionBody, send } from './test-support.ts';

let t: TestApp;
let staff: string;
let viewer: string;
beforeAll(async () => {
  t = await createTestApp();
  // The caucus demo alone (the whole demo takes long to load): the seeds' caucus and its 2011
  // meeting as the directory and events demos make them, then this module's loader.
  const caucus = await buildOrganisation(t, {
    name: 'Asian Inter-Parliamentary Caucus on Labor Migration',
    typeCode: 'caucus',
  });
  await insertEvent(t.database.db, {
    slug: 'caucus-meeting-2011',
    kindCode: 'caucus_meeting',
    title: 'Meeting of parliamentarians',
    organisationId: caucus.id,
    timeZone: 'Asia/Phnom_Penh',
    startsAt: new Date('2011-11-14T02:00:00Z'),
    endsAt: new Date('2011-11-15T10:00:00Z'),
    visibility: 'public',
  });
  await t.database.db.transaction((tx) => loadCaucusDemo(tx));
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
  viewer = await (await buildUser(t, { role: 'viewer' })).session();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.request({ url, cookie });

type Popolo = Record<
  'persons' | 'organizations' | 'memberships' | 'posts' | 'areas' | 'events' | 'motions',
  Record<string, unknown>[]
>;

describe('the caucus', () => {
  it('records seats, memberships and a resolution with signatories; edits and deletes them', async () => {
    const w = await caucusWorld(t, staff);
    const seats = (await get(`/api/v1/caucus/posts?personId=${w.mps[0]!.id}`, viewer)).json().data;
    expect(seats).toMatchObject([
      {
        parliamentName: w.parliament.name,
        partyName: w.party.name,
        constituency: 'District 1',
        countryCode: 'PH',
      },
    ]);
    const members = (await get(`/api/v1/caucus/memberships?caucusId=${w.caucus.id}`, viewer)).json().data;
    expect(members.map((m: { roleCode: string }) => m.roleCode).sort()).toEqual(['chair', 'member']);

    const r = await send(t, staff, 'POST', '/api/v1/caucus/resolutions', {
      ...resolutionBody(w.caucus.id),
      titles: { fil: 'Resolusyon tungkol sa mga kasambahay' },
      signatories: [{ personId: w.mps[0]!.id, postId: w.mps[0]!.postId }, { personId: w.mps[1]!.id }],
    });
    expect(r.signatories).toMatchObject([
      { personId: w.mps[0]!.id, postLabel: `District 1, ${w.parliament.name}` },
      { personId: w.mps[1]!.id, postId: null },
    ]);
    const edited = await send(t, staff, 'PATCH', `/api/v1/caucus/resolutions/${r.id}`, {
      kind: 'declaration',
      signatories: [{ personId: w.mps[1]!.id }],
      version: r.version,
    });
    expect(edited).toMatchObject({
      kind: 'declaration',
      version: r.version + 1,
      titles: { fil: expect.any(String) },
    });
    expect((edited.signatories as unknown[]).length).toBe(1);

    const seat = await send(t, staff, 'PATCH', `/api/v1/caucus/posts/${w.mps[0]!.postId}`, {
      endDate: '2015-06-30',
      version: 1,
    });
    expect(seat).toMatchObject({ endDate: '2015-06-30', constituency: 'District 1', version: 2 });

    const del = (url: string, version: number) =>
      t.request({ method: 'DELETE', url: `${url}?version=${version}`, cookie: staff });
    expect((await del(`/api/v1/caucus/resolutions/${r.id}`, edited.version)).statusCode).toBe(204);
    expect((await del(`/api/v1/caucus/posts/${w.mps[0]!.postId}`, 2)).statusCode).toBe(204);
    expect((await del(`/api/v1/caucus/memberships/${w.mps[0]!.membershipId}`, 1)).statusCode).toBe(204);
    expect((await get(`/api/v1/caucus/resolutions/${r.id}`, viewer)).statusCode).toBe(404);
  });

  it('shows published resolutions on the public page with JSON-LD, and hides drafts', async () => {
    const w = await caucusWorld(t, staff, 1);
    const shown = await send(t, staff, 'POST', '/api/v1/caucus/resolutions', {
      ...resolutionBody(w.caucus.id, { title: 'Declaration <b>of</b> Manila', kind: 'declaration' }),
      signatories: [{ personId: w.mps[0]!.id }],
    });
    const draft = await send(t, staff, 'POST', '/api/v1/caucus/resolutions', {
      ...resolutionBody(w.caucus.id, { title: 'Draft under discussion', published: false }),
    });
    const list = await get('/caucus/resolutions');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Declaration &lt;b&gt;of&lt;/b&gt; Manila');
    expect(list.body).not.toContain('Draft under discussion');
    const page = await get(`/caucus/resolutions/${shown.id}`);
    expect(page.body).toContain('application/ld+json');
    expect(page.body).toContain('"@type":"CreativeWork"');
    // The signatory gave no consent to be listed publicly: counted, not named.
    expect(page.body).not.toContain('Member of parliament');
    expect(page.body).toContain('1 signatories not listed by name.');
    expect((await get(`/caucus/resolutions/${draft.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/caucus/resolutions/${draft.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/caucus/resolutions/${draft.id}`, viewer)).statusCode).toBe(200);
  });

  it('shows the 2011 Phnom Penh resolution of the demo, adopted at the caucus meeting, as demonstration data', async () => {
    const list = await get('/caucus/resolutions');
    expect(list.body).toContain(
      'Resolution formalising the Asian Inter-Parliamentary Caucus on Labor Migration',
    );
    expect(list.body).toContain('href="/events/caucus-meeting-2011"');
    expect(list.body).toContain('Demonstration data');
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.body).toContain('/caucus/resolutions');
  });

  it('exports everything as Popolo that validates against the vendored schemas, every reference present', async () => {
    const w = await caucusWorld(t, staff);
    await send(t, staff, 'POST', '/api/v1/caucus/resolutions', {
      ...resolutionBody(w.caucus.id),
      signatories: w.mps.map((m) => ({ personId: m.id, postId: m.postId })),
    });
    const res = await get('/api/v1/caucus/popolo.json', viewer);
    expect(res.statusCode).toBe(200);
    const doc = res.json() as Popolo;
    const popolo = popoloSchemas();
    const schemaOf = {
      persons: 'person',
      organizations: 'organization',
      memberships: 'membership',
      posts: 'post',
      areas: 'area',
      events: 'event',
      motions: 'motion',
    } as const;
    for (const [key, schema] of Object.entries(schemaOf))
      for (const record of doc[key as keyof Popolo])
        expect(popolo.check(record, schema), `${key} ${JSON.stringify(record)}`).toEqual([]);

    const ids = (key: keyof Popolo) => new Set(doc[key].map((r) => r.id as string));
    const [persons, orgs, posts, areas, events] = [
      ids('persons'),
      ids('organizations'),
      ids('posts'),
      ids('areas'),
      ids('events'),
    ];
    const present = (set: Set<string>, id: unknown) =>
      id === null || id === undefined || set.has(id as string);
    for (const m of doc.memberships) {
      expect(persons.has(m.person_id as string)).toBe(true);
      expect(orgs.has(m.organization_id as string)).toBe(true);
      expect(present(posts, m.post_id) && present(orgs, m.on_behalf_of_id) && present(areas, m.area_id)).toBe(
        true,
      );
    }
    for (const p of doc.posts)
      expect(orgs.has(p.organization_id as string) && present(areas, p.area_id)).toBe(true);
    for (const o of doc.organizations) expect(present(areas, o.area_id)).toBe(true);
    for (const motion of doc.motions) {
      expect(
        orgs.has(motion.organization_id as string) && present(events, motion.legislative_session_id),
      ).toBe(true);
      for (const v of (motion.vote_events as { votes: { voter_id: string; group_id: string | null }[] }[])[0]!
        .votes)
        expect(persons.has(v.voter_id) && present(orgs, v.group_id)).toBe(true);
    }

    // The seat: a membership of the parliament through a post, for the party, in the area; codes, not labels.
    const seat = doc.memberships.find((m) => m.id === w.mps[0]!.postId)!;
    expect(seat).toMatchObject({
      organization_id: w.parliament.id,
      on_behalf_of_id: w.party.id,
      area_id: 'PH',
      role: 'member_of_parliament',
      start_date: '2010',
    });
    expect(doc.memberships.find((m) => m.id === w.mps[0]!.membershipId)).toMatchObject({
      organization_id: w.caucus.id,
      role: 'chair',
      start_date: '2010-06',
    });
    const motion = doc.motions.find((m) => m.organization_id === w.caucus.id)!;
    expect(motion).toMatchObject({
      classification: 'resolution',
      date: '2012-05-01T00:00:00Z',
      result: 'pass',
    });
    expect((motion.vote_events as { votes: unknown[] }[])[0]!.votes).toEqual(
      w.mps.map((m) => expect.objectContaining({ voter_id: m.id, option: 'yes', group_id: w.party.id })),
    );
    // The demo resolution, adopted at the 2011 meeting, is there with that meeting as an event.
    const demo = doc.motions.find((m) => String(m.text).includes('Phnom Penh') || m.legislative_session_id)!;
    expect(events.has(demo.legislative_session_id as string)).toBe(true);
  });
});
