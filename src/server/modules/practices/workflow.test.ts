import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('good practices: proposal and review', () => {
  it('an editor proposes, staff request changes, the editor resubmits, staff publish, and the public finds it with its facets', async () => {
    const org = await buildOrganisation(t, { name: 'Kanlungan Centre', typeCode: 'ngo' });
    const editor = await buildUser(t, { role: 'member_editor', organisationId: org.id });
    const staff = await buildUser(t, { role: 'secretariat' });
    const ec = await editor.session();
    const sc = await staff.session();

    const created = await t.request({
      method: 'POST',
      url: '/api/v1/practices',
      cookie: ec,
      payload: {
        title: 'Pre-departure orientation by returned domestic workers',
        description:
          '<p>Returned <strong>domestic workers</strong> brief those leaving for Qatar.</p><script>alert(1)</script><img src=x onerror=alert(1)>',
        responsible: [{ organisationId: org.id }],
        countries: ['PH', 'QA'],
        themes: ['protection'],
        mlflm: ['p9.b'],
        titles: { fil: 'Oryentasyon bago umalis' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json().data;
    expect(p.status).toBe('draft');
    expect(p.description).not.toContain('script');
    expect(p.description).not.toContain('onerror');
    expect(p.description).toContain('<strong>domestic workers</strong>');
    expect(p.responsible[0].typeCode).toBe('civil_society');

    const move = async (cookie: string, action: string, version: number, comment?: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/practices/${p.id}/transitions`,
        cookie,
        payload: { action, version, ...(comment ? { comment } : {}) },
      });

    // Not public while a draft.
    expect((await t.request({ method: 'GET', url: `/api/v1/practices/${p.id}` })).statusCode).toBe(404);
    // The editor may not publish their own proposal.
    let r = await move(ec, 'submit', p.version);
    expect(r.statusCode, r.body).toBe(200);
    let v = r.json().data.version;
    expect((await move(ec, 'publish', v)).statusCode).toBe(403);
    // Requesting changes needs a comment.
    expect((await move(sc, 'request_changes', v)).statusCode).toBe(400);
    r = await move(sc, 'request_changes', v, 'Please add the period.');
    expect(r.json().data.status).toBe('changes_requested');
    v = r.json().data.version;
    // A stale version is a conflict.
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/practices/${p.id}`,
          cookie: ec,
          payload: { periodStart: '2019', version: v - 1 },
        })
      ).statusCode,
    ).toBe(409);
    r = await t.request({
      method: 'PATCH',
      url: `/api/v1/practices/${p.id}`,
      cookie: ec,
      payload: { periodStart: '2019', version: v },
    });
    expect(r.statusCode, r.body).toBe(200);
    v = r.json().data.version;
    r = await move(ec, 'submit', v);
    v = r.json().data.version;
    r = await move(sc, 'publish', v);
    expect(r.json().data.status).toBe('published');
    const history = r.json().data.history.map((e: { action: string }) => e.action);
    expect(history).toEqual(['create', 'submit', 'request_changes', 'update', 'submit', 'publish']);
    // Published: no longer editable by the editor, readable by the public without history.
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/practices/${p.id}`,
          cookie: ec,
          payload: { periodStart: '2020', version: r.json().data.version },
        })
      ).statusCode,
    ).toBe(403);
    const pub = await t.request({ method: 'GET', url: `/api/v1/practices/${p.id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().data.history).toBeUndefined();

    const found = await t.request({
      method: 'GET',
      url: '/api/v1/search',
      query: { q: '"domestic workers"', theme: 'protection', region: 'ilo-arab-states' },
    });
    expect(found.statusCode, found.body).toBe(200);
    const body = found.json();
    expect(body.data.map((h: { id: string }) => h.id)).toContain(p.id);
    expect(
      body.facets.orgType.find((f: { value: string }) => f.value === 'civil_society').count,
    ).toBeGreaterThan(0);
    expect(body.facets.grouping.map((f: { value: string }) => f.value)).toContain('gcc');
    expect(body.data[0].snippetHtml).toContain('<mark>');
    // Exclusion removes it.
    const excluded = await t.request({
      method: 'GET',
      url: '/api/v1/search',
      query: { q: '"domestic workers" -Qatar' },
    });
    expect(excluded.json().data.map((h: { id: string }) => h.id)).not.toContain(p.id);
  });

  it('the seed record is findable by "Lawyers Beyond Borders" and by Asia and the Pacific + Protection', async () => {
    const byText = await t.request({
      method: 'GET',
      url: '/api/v1/search',
      query: { q: 'Lawyers Beyond Borders' },
    });
    expect(byText.statusCode, byText.body).toBe(200);
    const hit = byText.json().data.find((h: { title: string }) => h.title === 'Migrant Forum in Asia (MFA)');
    expect(hit).toBeDefined();
    expect(hit.snippetHtml).toContain('<mark>Lawyers</mark>');
    const byFacets = await t.request({
      method: 'GET',
      url: '/api/v1/search?region=ilo-asia-pacific&theme=protection',
    });
    expect(byFacets.json().data.map((h: { title: string }) => h.title)).toContain(
      'Migrant Forum in Asia (MFA)',
    );
    const record = await t.request({ method: 'GET', url: `/api/v1/practices/${hit.id}` });
    const data = record.json().data;
    expect(data.mlflm.map((m: { label: string }) => m.label)).toEqual([
      '3.',
      '8.',
      '9.(a)',
      '9.(b)',
      '9.(c)',
      '11.',
      '10.',
    ]);
    expect(data.themes.map((m: { label: string }) => m.label)).toEqual([
      'Evidence-based policy making',
      'Protection',
      'Ratification campaigns and implementation',
    ]);
    expect(data.countries).toHaveLength(17);
    expect(data.responsible[0].type.label).toBe('Civil society');
  });

  it('finds Chinese, Japanese, Korean and Thai text by substring', async () => {
    const staff = await buildUser(t, { role: 'administrator' });
    const cookie = await staff.session();
    const texts = [
      '移工权益保护网络',
      '外国人技能実習生の相談窓口',
      '이주노동자 인권 상담소',
      'ศูนย์ช่วยเหลือแรงงานข้ามชาติ',
    ];
    for (const title of texts) {
      const c = await t.request({
        method: 'POST',
        url: '/api/v1/practices',
        cookie,
        payload: { title, countries: ['TH'] },
      });
      const id = c.json().data.id;
      const s = await t.request({
        method: 'POST',
        url: `/api/v1/practices/${id}/transitions`,
        cookie,
        payload: { action: 'submit', version: c.json().data.version },
      });
      await t.request({
        method: 'POST',
        url: `/api/v1/practices/${id}/transitions`,
        cookie,
        payload: { action: 'publish', version: s.json().data.version },
      });
    }
    for (const [q, expected] of [
      ['权益保护', 0],
      ['実習生', 1],
      ['인권', 2],
      ['แรงงานข้ามชาติ', 3],
    ] as const) {
      const r = await t.request({ method: 'GET', url: '/api/v1/search', query: { q } });
      expect(r.statusCode, r.body).toBe(200);
      expect(
        r.json().data.map((h: { title: string }) => h.title),
        q,
      ).toEqual([texts[expected]]);
      expect(r.json().data[0].titleHtml + r.json().data[0].snippetHtml).toContain(`<mark>`);
    }
    const none = await t.request({ method: 'GET', url: '/api/v1/search', query: { q: '权益 -保护' } });
    expect(none.json().data).toHaveLength(0);
  });
});
