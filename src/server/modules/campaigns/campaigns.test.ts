import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { NORMLEX_C189 } from './demo.ts';
import { sitemapUrls } from './pages.ts';

let t: TestApp;
let admin: string;
let editor: string;
let home: string;
let statementId: string;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  home = (await buildOrganisation(t, { published: true, name: 'Home organisation' })).id;
  admin = await (await buildUser(t, { role: 'administrator', organisationId: home })).session();
  editor = await (await buildUser(t, { role: 'member_editor', organisationId: home })).session();
  statementId = (
    await t.request({
      method: 'POST',
      url: '/api/v1/publications',
      cookie: admin,
      payload: { typeCode: 'statement', title: 'Joint statement', isPublic: true },
    })
  ).json().data.id;
});
afterAll(() => t.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = admin) =>
  t.request({ method, url, cookie, ...(payload ? { payload } : {}) });

async function campaign(extra: object = {}) {
  n += 1;
  const r = await send('POST', '/api/v1/campaigns', {
    slug: `campaign-${n}`,
    name: `Campaign ${n}`,
    typeCode: 'ratification',
    periodStart: '2011-06-16',
    periodEnd: '2030-12-31',
    countries: ['ID', 'MY', 'PH'],
    status: 'published',
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().data as {
    id: string;
    slug: string;
    version: number;
    countries: { country: string; stage: string; version: number }[];
  };
}

const tracker = async (id: string, country: string) =>
  (await send('GET', `/api/v1/campaigns/${id}/countries?country=${country}`)).json().data[0] as {
    stage: string;
    version: number;
    since: string | null;
  };

async function move(id: string, country: string, stage: string, date: string, extra: object = {}) {
  const { version } = await tracker(id, country);
  return send('POST', `/api/v1/campaigns/${id}/countries/${country}/changes`, {
    stage,
    date,
    version,
    sourceUrl: 'https://example.org/source',
    note: 'A note',
    ...extra,
  });
}

describe('campaigns', () => {
  it('creates a ratification campaign with the default stages, every country at the first', async () => {
    const c = await campaign();
    const full = (await send('GET', `/api/v1/campaigns/${c.id}`)).json().data;
    expect(full.stages.map((s: { code: string }) => s.code)).toEqual([
      'not_ratified',
      'campaign_active',
      'bill_filed',
      'ratified',
      'in_force',
    ]);
    expect(full.countries.map((x: { stage: string }) => x.stage)).toEqual([
      'not_ratified',
      'not_ratified',
      'not_ratified',
    ]);
    expect(full.typeLabel).toBe('Ratification of a convention');
  });

  it('labels the type and stages in the reader’s language', async () => {
    const c = await campaign();
    const r = await t.request({
      method: 'GET',
      url: `/api/v1/campaigns/${c.id}`,
      headers: { 'accept-language': 'id' },
    });
    const data = r.json().data;
    expect(data.typeLabel).not.toBe('Ratification of a convention');
    expect(data.stages[3].localLabel).not.toBe('Ratified');
  });

  it('moves a country forward, skipping allowed, and refuses a stage out of order unless it is a correction', async () => {
    const c = await campaign();
    expect((await move(c.id, 'ID', 'bill_filed', '2015-01-01')).statusCode).toBe(201);
    const back = await move(c.id, 'ID', 'campaign_active', '2016-01-01');
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('stage_out_of_order');
    const same = await move(c.id, 'ID', 'bill_filed', '2016-01-01');
    expect(same.json().code).toBe('stage_out_of_order');
    const earlier = await move(c.id, 'ID', 'ratified', '2014-01-01');
    expect(earlier.json().code).toBe('stage_out_of_order');
    const noNote = await move(c.id, 'ID', 'campaign_active', '2016-01-01', { correction: true, note: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].code).toBe('note_required');
    const fixed = await move(c.id, 'ID', 'campaign_active', '2016-01-01', {
      correction: true,
      note: 'The bill was withdrawn',
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect((await tracker(c.id, 'ID')).stage).toBe('campaign_active');
    const timeline = (await send('GET', `/api/v1/campaigns/${c.id}/countries?country=ID`)).json().timeline;
    expect(timeline.map((e: { stage: string; correction: boolean }) => [e.stage, e.correction])).toEqual([
      ['campaign_active', true],
      ['bill_filed', false],
    ]);
  });

  it('refuses dates outside the period, in the future, or not on the calendar', async () => {
    const c = await campaign();
    const before = await move(c.id, 'MY', 'campaign_active', '2010-01-01');
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].code).toBe('date_outside_period');
    const after = await move(c.id, 'MY', 'campaign_active', '2031-01-01');
    expect(after.json().errors[0].code).toBe('date_outside_period');
    const open = await campaign({ periodEnd: null });
    const future = await move(open.id, 'MY', 'campaign_active', '2999-01-01');
    expect(future.json().errors[0].code).toBe('date_in_future');
    const nonsense = await move(c.id, 'MY', 'campaign_active', '2015-02-30');
    expect(nonsense.statusCode).toBe(400);
    expect((await tracker(c.id, 'MY')).stage).toBe('not_ratified');
  });

  it('refuses unknown stages, countries, campaigns and references with precise 4xx', async () => {
    const c = await campaign();
    const stage = await move(c.id, 'PH', 'abolished', '2015-01-01');
    expect(stage.statusCode).toBe(400);
    expect(stage.json().errors[0].code).toBe('unknown_stage');
    const country = await send('POST', `/api/v1/campaigns/${c.id}/countries/FR/changes`, {
      stage: 'ratified',
      date: '2015-01-01',
      version: 1,
    });
    expect(country.statusCode).toBe(404);
    const missing = await send('GET', '/api/v1/campaigns/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const badId = await send('GET', '/api/v1/campaigns/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    const refs = await send('POST', '/api/v1/campaigns', {
      slug: 'refs',
      name: 'Refs',
      typeCode: 'ratification',
      periodStart: '2020-01-01',
      programmeId: '00000000-0000-4000-8000-000000000001',
      statementId: '00000000-0000-4000-8000-000000000002',
      countries: ['XX'],
    });
    expect(refs.statusCode).toBe(400);
    expect(
      refs
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['unknown_code', 'unknown_programme', 'unknown_publication']);
    const period = await send('POST', '/api/v1/campaigns', {
      slug: 'period',
      name: 'Period',
      typeCode: 'recognition',
      periodStart: '2020-01-01',
      periodEnd: '2019-01-01',
    });
    expect(period.json().errors[0].code).toBe('period_end_before_start');
    const type = await send('POST', '/api/v1/campaigns', {
      slug: 'type',
      name: 'Type',
      typeCode: 'revolution',
      periodStart: '2020-01-01',
    });
    expect(type.statusCode).toBe(400);
    const dup = await send('POST', '/api/v1/campaigns', {
      slug: c.slug,
      name: 'Again',
      typeCode: 'ratification',
      periodStart: '2020-01-01',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('slug_taken');
  });

  it('keeps hostile text as text and refuses unstorable text, unknown fields and bad addresses', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const c = await campaign({ name: hostile, goal: `${hostile} "quotes" & 'apostrophes'` });
    const moved = await move(c.id, 'PH', 'ratified', '2012-09-05', { note: hostile });
    expect(moved.statusCode).toBe(201);
    const html = (await t.request({ method: 'GET', url: `/campaigns/${c.slug}` })).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const payload of [
      { slug: 'nul', name: 'A\u0000B', typeCode: 'ratification', periodStart: '2020-01-01' },
      { slug: 'sur', name: 'A\ud800B', typeCode: 'ratification', periodStart: '2020-01-01' },
      { slug: 'Bad Slug!', name: 'A', typeCode: 'ratification', periodStart: '2020-01-01' },
      { slug: 'extra', name: 'A', typeCode: 'ratification', periodStart: '2020-01-01', admin: true },
      { slug: 'long', name: 'A'.repeat(301), typeCode: 'ratification', periodStart: '2020-01-01' },
    ]) {
      const r = await send('POST', '/api/v1/campaigns', payload);
      expect(r.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
    }
    const js = await move(c.id, 'ID', 'campaign_active', '2013-01-01', { sourceUrl: 'javascript:alert(1)' });
    expect(js.statusCode).toBe(400);
    const big = await t.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      cookie: admin,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ slug: 'big', name: 'x', goal: 'x'.repeat(400_000) }),
    });
    expect(big.statusCode).toBe(413);
    const malformed = await t.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      cookie: admin,
      headers: { 'content-type': 'application/json' },
      payload: '{"slug":',
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('lets one of two concurrent stage changes win; the other gets 409 and nothing half-written', async () => {
    const c = await campaign();
    const { version } = await tracker(c.id, 'MY');
    const attempt = (stage: string) =>
      send('POST', `/api/v1/campaigns/${c.id}/countries/MY/changes`, {
        stage,
        date: '2014-01-01',
        version,
      });
    const results = await Promise.all([attempt('campaign_active'), attempt('bill_filed')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const timeline = (await send('GET', `/api/v1/campaigns/${c.id}/countries?country=MY`)).json().timeline;
    expect(timeline).toHaveLength(1);
    expect((await tracker(c.id, 'MY')).stage).toBe(timeline[0].stage);
  });

  it('undoes only the latest change and restores the stage before it', async () => {
    const c = await campaign();
    await move(c.id, 'PH', 'campaign_active', '2012-01-01');
    const second = (await move(c.id, 'PH', 'ratified', '2012-09-05')).json().data;
    const timeline = (await send('GET', `/api/v1/campaigns/${c.id}/countries?country=PH`)).json().timeline;
    const first = timeline.find((e: { stage: string }) => e.stage === 'campaign_active');
    const notLatest = await send(
      'DELETE',
      `/api/v1/campaigns/${c.id}/countries/PH/changes/${first.id}?version=${second.version}`,
    );
    expect(notLatest.json().code).toBe('not_latest_change');
    const stale = await send(
      'DELETE',
      `/api/v1/campaigns/${c.id}/countries/PH/changes/${second.id}?version=${second.version - 1}`,
    );
    expect(stale.statusCode).toBe(409);
    const undone = await send(
      'DELETE',
      `/api/v1/campaigns/${c.id}/countries/PH/changes/${second.id}?version=${second.version}`,
    );
    expect(undone.statusCode, undone.body).toBe(200);
    const now = await tracker(c.id, 'PH');
    expect([now.stage, now.since]).toEqual(['campaign_active', '2012-01-01']);
  });

  it('edits with versions, keeps fields it was not sent, and guards stages and period in use', async () => {
    const c = await campaign({ goal: 'Keep me', statementId });
    await move(c.id, 'ID', 'bill_filed', '2015-01-01');
    const renamed = await send('PATCH', `/api/v1/campaigns/${c.id}`, { name: 'Renamed', version: c.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().data.goal).toBe('Keep me');
    expect(renamed.json().data.statementId).toBe(statementId);
    expect(renamed.json().data.countryCodes).toEqual(['ID', 'MY', 'PH']);
    const stale = await send('PATCH', `/api/v1/campaigns/${c.id}`, { name: 'Stale', version: c.version });
    expect(stale.statusCode).toBe(409);
    const v = renamed.json().data.version;
    const stages = await send('PATCH', `/api/v1/campaigns/${c.id}`, {
      stages: [
        { code: 'not_ratified', label: 'Not ratified' },
        { code: 'ratified', label: 'Ratified' },
      ],
      version: v,
    });
    expect(stages.json().code).toBe('stage_in_use');
    const period = await send('PATCH', `/api/v1/campaigns/${c.id}`, {
      periodStart: '2016-01-01',
      version: v,
    });
    expect(period.json().code).toBe('changes_outside_period');
    const countries = await send('PATCH', `/api/v1/campaigns/${c.id}`, {
      countries: ['ID', 'NP'],
      version: v,
    });
    expect(countries.json().data.countryCodes).toEqual(['ID', 'NP']);
    const gone = await send('DELETE', `/api/v1/campaigns/${c.id}?version=${v}`);
    expect(gone.statusCode).toBe(409);
    const deleted = await send('DELETE', `/api/v1/campaigns/${c.id}?version=${v + 1}`);
    expect(deleted.statusCode).toBe(204);
    expect((await send('GET', `/api/v1/campaigns/${c.id}`)).statusCode).toBe(404);
  });

  it('counts and lists endorsements, once per organisation, only with a statement', async () => {
    const without = await campaign();
    const other = (await buildOrganisation(t, { name: 'Signing organisation' })).id;
    const none = await send('POST', `/api/v1/campaigns/${without.id}/endorsements`, {
      organisationId: other,
    });
    expect(none.json().code).toBe('no_statement');
    const c = await campaign({ statementId });
    expect(
      (await send('POST', `/api/v1/campaigns/${c.id}/endorsements`, { organisationId: other })).statusCode,
    ).toBe(201);
    const again = await send('POST', `/api/v1/campaigns/${c.id}/endorsements`, { organisationId: other });
    expect(again.json().code).toBe('already_endorsed');
    const unknown = await send('POST', `/api/v1/campaigns/${c.id}/endorsements`, {
      organisationId: '00000000-0000-4000-8000-000000000003',
    });
    expect(unknown.statusCode).toBe(400);
    const own = await send(
      'POST',
      `/api/v1/campaigns/${c.id}/endorsements`,
      { organisationId: home },
      editor,
    );
    expect(own.statusCode).toBe(201);
    const list = (await t.request({ method: 'GET', url: `/api/v1/campaigns/${c.id}/endorsements` })).json();
    expect(list.count).toBe(2);
    expect(list.data.map((e: { organisationName: string }) => e.organisationName).sort()).toEqual([
      'Home organisation',
      'Signing organisation',
    ]);
    const removed = await send(
      'DELETE',
      `/api/v1/campaigns/${c.id}/endorsements/${own.json().data.id}`,
      undefined,
      editor,
    );
    expect(removed.statusCode).toBe(204);
    const listed = (await send('GET', '/api/v1/campaigns'))
      .json()
      .data.find((x: { id: string }) => x.id === c.id);
    expect(listed.endorsementCount).toBe(1);
  });
});

describe('public tracker', () => {
  it('shows the C189 demo: the Philippines in force with its NORMLEX source, the rest marked as demonstration', async () => {
    const html = (await t.request({ method: 'GET', url: '/campaigns/c189-ratification' })).body;
    expect(html).toContain('<svg');
    expect(html).toMatch(/<path [^>]*data-country="PH" data-stage="in_force"/);
    expect(html).toContain('class="legend"');
    expect(html).toContain('Demonstration data.');
    const json = (
      await t.request({ method: 'GET', url: '/campaigns/c189-ratification/tracker.json?country=PH' })
    ).json();
    expect(json.countries).toHaveLength(1);
    expect(json.countries[0]).toMatchObject({
      stage: 'in_force',
      demonstration: false,
      sourceUrl: NORMLEX_C189,
    });
    expect(json.timeline.map((e: { date: string; stage: string }) => [e.date, e.stage])).toEqual([
      ['2013-09-05', 'in_force'],
      ['2012-09-05', 'ratified'],
    ]);
    const all = (await t.request({ method: 'GET', url: '/campaigns/c189-ratification/tracker.json' })).json();
    const facts = all.countries.filter((c: { demonstration: boolean }) => !c.demonstration);
    expect(facts.map((c: { country: string }) => c.country)).toEqual(['PH']);
    for (const e of all.timeline) expect(e.demonstration || e.sourceUrl === NORMLEX_C189).toBe(true);
    expect(html).toContain('application/ld+json');
  });

  it('exports CSV and JSON that follow the filters, and refuses bad filters', async () => {
    const c = await campaign();
    await move(c.id, 'ID', 'bill_filed', '2015-01-01');
    const csv = await t.request({ method: 'GET', url: `/campaigns/${c.slug}/tracker.csv?stage=bill_filed` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ID,/);
    const json = (
      await t.request({ method: 'GET', url: `/campaigns/${c.slug}/tracker.json?stage=not_ratified` })
    ).json();
    expect(json.countries.map((x: { country: string }) => x.country).sort()).toEqual(['MY', 'PH']);
    const page = (await t.request({ method: 'GET', url: `/campaigns/${c.slug}?country=ID` })).body;
    expect(page).toContain('tracker.csv?country=ID');
    expect(page).toMatch(/<tr data-country="ID">/);
    expect(page).not.toMatch(/<tr data-country="MY">/);
    // The form's "All" choices send empty values: no filter, not an error.
    const blank = await t.request({ method: 'GET', url: `/campaigns/${c.slug}?stage=&country=` });
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toMatch(/<tr data-country="MY">/);
    const bad = await t.request({ method: 'GET', url: `/campaigns/${c.slug}?country=<x>` });
    expect(bad.statusCode).toBe(400);
  });

  it('hides drafts from the public pages, the API and the sitemap', async () => {
    const draft = await campaign({ status: 'draft' });
    expect((await t.request({ method: 'GET', url: `/campaigns/${draft.slug}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/campaigns/${draft.id}` })).statusCode).toBe(404);
    const list = (await t.request({ method: 'GET', url: '/api/v1/campaigns' })).json().data;
    expect(list.some((x: { id: string }) => x.id === draft.id)).toBe(false);
    const urls = await sitemapUrls(t.database.db, 'https://tulay.example');
    expect(urls).toContain('https://tulay.example/campaigns/c189-ratification');
    expect(urls).not.toContain(`https://tulay.example/campaigns/${draft.slug}`);
    const index = (await t.request({ method: 'GET', url: '/campaigns' })).body;
    expect(index).toContain('/campaigns/c189-ratification');
    expect(index).not.toContain(`/campaigns/${draft.slug}"`);
  });
});
