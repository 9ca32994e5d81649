import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../platform/files/extract.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { people } from '../people/schema.ts';
import { settled } from './render.ts';
import { addChapter, createEdition, type Edition, move, renderAndWait } from './test-support.ts';

// The demo's made-up statistics (statistics/demo.ts): the Philippines' migrant stock in 2020 is
// 220,000 women and 150,000 men; 900,000 Filipinos live in Saudi Arabia.
let t: TestApp;
let admin: string;
let orgId: string;
let personId: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const me = await buildUser(t, { role: 'administrator' });
  orgId = me.organisationId;
  admin = await me.session();
  personId = (await t.database.db.insert(people).values({ name: 'Maria Santos' }).returning())[0]!.id;
});
afterAll(() => t.close());

async function twoChapterBrief(title = 'Gulf brief') {
  const e = await createEdition(t, admin, {
    title,
    contributors: [
      { personId, role: 'editor' },
      { organisationId: orgId, role: 'publisher' },
    ],
  });
  await addChapter(t, admin, e.id, {
    kind: 'country',
    title: 'The Philippines in numbers',
    countryCode: 'PH',
    body: 'Deployment keeps rising.\n\n## Trends\n\nMore women leave than men.',
  });
  return addChapter(t, admin, e.id, {
    kind: 'thematic',
    title: 'Women on the move',
    body: 'Women are most of the stock.',
    figures: [{ indicator: 'MIGRANT_STOCK', area: 'PH', sex: 'F', display: 'line' }],
  });
}

async function pdfText(id: string, cookie?: string) {
  const pdf = await t.request({ url: `/api/v1/yearbooks/${id}.pdf`, cookie });
  expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  return (await extractText('pdf', pdf.rawPayload)).text.replace(/\s+/g, ' ');
}

describe('yearbook editions', () => {
  it('builds a two-chapter brief, keeps its contributors and chapter order, refuses a stale edit', async () => {
    const e = await twoChapterBrief();
    expect(e.chapters.map((c) => c.title)).toEqual(['The Philippines in numbers', 'Women on the move']);
    const full = (await t.request({ url: `/api/v1/yearbooks/${e.id}`, cookie: admin })).json().data;
    expect(full.contributors.map((c: { name: string }) => c.name)).toContain('Maria Santos');
    const reordered = await t.request({
      method: 'PUT',
      url: `/api/v1/yearbooks/${e.id}/chapters/order`,
      cookie: admin,
      payload: { order: [e.chapters[1]!.id, e.chapters[0]!.id], version: e.version },
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().data.chapters[0].title).toBe('Women on the move');
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/yearbooks/${e.id}`,
      cookie: admin,
      payload: { title: 'Late', version: e.version },
    });
    expect(stale.statusCode).toBe(409);
    const chapter = e.chapters[0]!;
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/v1/yearbooks/${e.id}/chapters/${chapter.id}`,
      cookie: admin,
      payload: { body: 'Rewritten.', version: chapter.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const again = await t.request({
      method: 'PATCH',
      url: `/api/v1/yearbooks/${e.id}/chapters/${chapter.id}`,
      cookie: admin,
      payload: { body: 'Lost update', version: chapter.version },
    });
    expect(again.statusCode).toBe(409);
  });

  it('previews a chosen figure as an SVG chart with its table and source', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/yearbooks/figure-preview',
      cookie: admin,
      payload: { indicator: 'MIGRANT_STOCK', area: 'PH', sex: 'all', display: 'line', periodFrom: '2010' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const [figure, table] = r.json().data.blocks;
    expect(figure.kind).toBe('figure');
    expect(figure.svg).toMatch(/^<svg[^>]+role="img"/);
    expect(table.rows).toEqual([
      ['2010', '310,000', '180,000', '130,000'],
      ['2015', '340,000', '200,000', '140,000'],
      ['2020', '370,000', '220,000', '150,000'],
    ]);
    expect(table.source).toMatch(/demonstration data/);
    const options = (await t.request({ url: '/api/v1/yearbooks/figure-options', cookie: admin })).json().data;
    expect(options.indicators.map((i: { code: string }) => i.code)).toContain('MIGRANT_STOCK');
  });

  it('makes the PDF in the background; its text has both chapter titles and figures from the data', async () => {
    const e = await twoChapterBrief('PDF brief');
    const render = await renderAndWait(t, admin, e.id);
    expect(render).toMatchObject({ status: 'done', progress: 1, error: null });
    const text = await pdfText(e.id, admin);
    expect(text).toContain('The Philippines in numbers');
    expect(text).toContain('Women on the move');
    expect(text).toContain('220,000');
    expect(text).toContain('900,000');
  });

  it('moves through review to published: public pages with JSON-LD, sitemap, and the PDF in the library', async () => {
    let e: Edition = await twoChapterBrief('Published brief');
    const illegal = await t.request({
      method: 'POST',
      url: `/api/v1/yearbooks/${e.id}/workflow`,
      cookie: admin,
      payload: { move: 'publish', version: e.version },
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().code).toBe('illegal_transition');
    e = await move(t, admin, e, 'submit');
    e = await move(t, admin, e, 'approve');
    const locked = await t.request({
      method: 'PATCH',
      url: `/api/v1/yearbooks/${e.id}`,
      cookie: admin,
      payload: { title: 'Changed', version: e.version },
    });
    expect(locked.json().code).toBe('edition_locked');
    e = await move(t, admin, e, 'publish');
    expect(e.status).toBe('published');
    await settled(e.render!.id);
    const full = (await t.request({ url: `/api/v1/yearbooks/${e.id}`, cookie: admin })).json().data;
    expect(full.history.map((h: { to: string }) => h.to)).toEqual(['in_review', 'approved', 'published']);
    expect(full.publicationId).toBeTruthy();
    const publication = (await t.request({ url: `/api/v1/publications/${full.publicationId}` })).json().data;
    expect(publication.title).toBe('Published brief');
    const found = (await t.request({ url: '/api/v1/search?q=Women+on+the+move' })).json();
    expect(JSON.stringify(found)).toContain(full.publicationId);

    const index = await t.request({ url: '/yearbooks' });
    expect(index.body).toContain(`/yearbooks/${e.slug}`);
    const pageHtml = (await t.request({ url: `/yearbooks/${e.slug}` })).body;
    expect(pageHtml).toContain('"@type":"Report"');
    expect(pageHtml).toContain('"@type":"Chapter"');
    const chapter = (await t.request({ url: `/yearbooks/${e.slug}/chapters/1` })).body;
    expect(chapter).toContain('<svg');
    expect(chapter).toContain('220,000');
    expect(chapter).not.toContain('<script>');
    const sitemap = await t.request({ url: '/sitemap.xml' });
    expect(sitemap.body).toContain(`/yearbooks/${e.slug}/chapters/2`);
    // Anyone downloads a published edition's PDF.
    expect(await pdfText(e.id)).toContain('Women on the move');
  }, 120_000);

  it('the demo brief is public, marked as demonstration, and its PDF is made on first request', async () => {
    const index = await t.request({ url: '/yearbooks' });
    const slug = /\/yearbooks\/(filipino-[a-z0-9-]+)"/.exec(index.body)![1]!;
    const html = (await t.request({ url: `/yearbooks/${slug}` })).body;
    expect(html).toContain('demonstration data');
    const id = /\/api\/v1\/yearbooks\/([0-9a-f-]{36})\.pdf/.exec(html)![1]!;
    const first = await t.request({ url: `/api/v1/yearbooks/${id}.pdf` });
    expect(first.statusCode).toBe(409);
    expect(first.json().code).toBe('pdf_in_preparation');
    // The public sees no render (nor review history); staff do.
    expect((await t.request({ url: `/api/v1/yearbooks/${id}` })).json().data.render).toBeNull();
    const edition = (await t.request({ url: `/api/v1/yearbooks/${id}`, cookie: admin })).json().data;
    await settled(edition.render.id);
    expect(await pdfText(id)).toContain('Country report: the Philippines');
  });
});
