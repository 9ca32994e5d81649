import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody, tempDataDir } from '../library/testing.ts';
import { desaRow, seven, undesaWorkbook } from './test-files.ts';

let t: TestApp;
let keeper: string;

async function importInto(code: string, file: Buffer, fields: Record<string, unknown>) {
  const set = (
    await t.request({
      method: 'POST',
      url: '/api/v1/statistics/datasets',
      cookie: keeper,
      payload: { code, titles: { en: code }, source: `Source of ${code}`, ...fields },
    })
  ).json().data;
  const body = multipartBody({ name: 'file.xlsx', bytes: file });
  const p = (
    await t.request({
      method: 'POST',
      url: `/api/v1/statistics/datasets/${set.id}/imports`,
      cookie: keeper,
      ...body,
    })
  ).json().data;
  const done = await t.request({
    method: 'POST',
    url: `/api/v1/statistics/imports/${p.id}/commit`,
    cookie: keeper,
    payload: { version: p.version },
  });
  expect(done.statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({ config: { DATA_DIR: tempDataDir() } });
  keeper = await (await buildUser(t, { role: 'secretariat' })).session();
  // Destination file: the Philippines as a destination; origin file: Filipinos in Saudi Arabia and Hong Kong.
  await importInto(
    'desa-destination',
    await undesaWorkbook([desaRow(1, 'Philippines', 608, 'B', seven(200).concat(seven(110), seven(90)))]),
    { published: true, citation: 'Test citation', licence: 'CC BY 3.0 IGO' },
  );
  await importInto(
    'desa-origin',
    await undesaWorkbook(
      [
        [1, 'Saudi Arabia', null, 682, 'B', 'Philippines', 608, ...seven(500).concat(seven(200), seven(300))],
        [
          2,
          'China, Hong Kong SAR',
          null,
          344,
          'B',
          'Philippines',
          608,
          ...seven(300).concat(seven(10), seven(290)),
        ],
      ],
      { origin: true },
    ),
    { published: true },
  );
  await importInto(
    'draft-set',
    await undesaWorkbook([desaRow(1, 'Nepal', 524, 'B', seven(1).concat(seven(1), seven(1)))]),
    { published: false },
  );
});
afterAll(() => t.close());

describe('public statistics pages', () => {
  it('a country profile shows the stock by sex as a chart and a table, the top destinations, sources and exports', async () => {
    const res = await t.request({ url: '/statistics/PH' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toMatch(/<svg class="chart" role="img"/);
    expect(html).toContain(
      '<caption>International migrant stock at mid-year (persons) · desa-destination</caption>',
    );
    // 2020: total 260, female 150 (the females block of the test workbook).
    expect(html).toMatch(
      /<td>2020<\/td><td class="num">260<\/td><td class="num">150<\/td><td class="num">170<\/td>/,
    );
    expect(html).toContain('Top countries of destination, 2020');
    expect(html.indexOf('Saudi Arabia')).toBeLessThan(html.indexOf('Hong Kong'));
    expect(html).toContain('Source of desa-destination');
    expect(html).toContain('/api/v1/statistics/observations.csv?area=PH');
    expect(html).toContain('"@type":"Dataset"');
    expect(html).not.toContain('Legal-aid cases'); // staff see case counts in the app
  });

  it('renders right to left in Arabic, and answers 404 for an unknown area', async () => {
    const res = await t.request({ url: '/statistics/ph', headers: { 'accept-language': 'ar' } });
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect((await t.request({ url: '/statistics/zz' })).statusCode).toBe(404);
    expect((await t.request({ url: '/statistics/%3Cscript%3E' })).statusCode).toBe(404);
  });

  it('shows published data sets only, to everyone (staff see drafts in the app)', async () => {
    expect((await t.request({ url: '/statistics/NP' })).body).toContain('No figures for this area yet.');
    expect((await t.request({ url: '/statistics/NP', cookie: keeper })).body).toContain(
      'No figures for this area yet.',
    );
    const index = await t.request({ url: '/statistics' });
    expect(index.body).toContain('href="/statistics/PH"');
    expect(index.body).not.toContain('draft-set');
  });

  it('a corridor page and a grouping aggregate', async () => {
    const corridor = await t.request({ url: '/statistics/corridors/PH-SA' });
    expect(corridor.statusCode).toBe(200);
    expect(corridor.body).toContain('Philippines → Saudi Arabia');
    expect(corridor.body).toMatch(/<td>1990<\/td><td class="num">500<\/td>/);
    expect((await t.request({ url: '/statistics/corridors/PH-PH' })).statusCode).toBe(404);
    const asean = await t.request({ url: '/statistics/asean' });
    expect(asean.body).toContain('sum of member countries');
  });
});

describe('exports follow the filters and name every figure’s source', () => {
  it('CSV with HXL hashtags, only the filtered figures', async () => {
    const res = await t.request({ url: '/api/v1/statistics/observations.csv?area=SA&sex=F&from=2020' });
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^indicator,indicator_label,unit,area,counterpart,period,sex/);
    expect(lines[1]).toMatch(/^#indicator\+code/);
    expect(lines.slice(2)).toHaveLength(1);
    expect(lines[2]).toContain('MIGRANT_STOCK');
    expect(lines[2]).toContain('Source of desa-origin');
  });

  it('XLSX with the same rows', async () => {
    const res = await t.request({ url: '/api/v1/statistics/observations.xlsx?area=PH&sex=T' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2 + 7);
    expect(sheet.getRow(3).getCell(12).value).toBe('desa-destination');
  });
});

describe('the profile API', () => {
  it('answers figures and top counterparts; staff allowed case statistics get corridor counts', async () => {
    const open = (await t.request({ url: '/api/v1/statistics/areas/PH' })).json().data;
    expect(open.area).toMatchObject({ kind: 'country', code: 'PH' });
    expect(open.destinations.map((d: { country: string }) => d.country)).toEqual(['SA', 'HK']);
    expect(open.cases).toBeUndefined();
    const staff = (await t.request({ url: '/api/v1/statistics/areas/PH', cookie: keeper })).json().data;
    expect(staff.cases).toMatchObject({ roundedTo: 5, rows: [] });
    const viewer = await (await buildUser(t, { role: 'viewer' })).session();
    expect(
      (await t.request({ url: '/api/v1/statistics/areas/PH', cookie: viewer })).json().data.cases,
    ).toBeUndefined();
    // Staff see draft data sets here; the public does not.
    expect((await t.request({ url: '/api/v1/statistics/areas/NP' })).json().data.own).toHaveLength(0);
    expect(
      (await t.request({ url: '/api/v1/statistics/areas/NP', cookie: keeper })).json().data.own,
    ).toHaveLength(21);
    expect((await t.request({ url: '/api/v1/statistics/corridors/XX-PH' })).statusCode).toBe(404);
  });
});
