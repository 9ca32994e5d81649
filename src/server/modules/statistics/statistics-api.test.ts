import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody, tempDataDir } from '../library/testing.ts';
import { desaRow, ILOSTAT_ROWS, ilostatCsv, seven, undesaWorkbook } from './test-files.ts';

let t: TestApp;
let keeper: string;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp({ config: { DATA_DIR: tempDataDir() } });
  keeper = await (await buildUser(t, { role: 'secretariat' })).session();
  viewer = await (await buildUser(t, { role: 'viewer' })).session();
});
afterAll(() => t.close());

let codes = 0;
async function dataset(fields: Record<string, unknown> = {}) {
  codes++;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/statistics/datasets',
    cookie: keeper,
    payload: { code: `set-${codes}`, titles: { en: `Set ${codes}` }, source: 'ILOSTAT', ...fields },
  });
  expect(res.statusCode).toBe(201);
  return res.json().data as { id: string; code: string; version: number };
}

async function preview(datasetId: string, name: string, bytes: Buffer, format?: string) {
  const body = multipartBody({ name, bytes });
  return t.request({
    method: 'POST',
    url: `/api/v1/statistics/datasets/${datasetId}/imports${format ? `?format=${format}` : ''}`,
    cookie: keeper,
    ...body,
  });
}

const commit = (id: string, version: number, cookie = keeper) =>
  t.request({ method: 'POST', url: `/api/v1/statistics/imports/${id}/commit`, cookie, payload: { version } });

const figures = async (query: string, cookie?: string) =>
  (await t.request({ url: `/api/v1/statistics/observations?${query}`, cookie })).json();

describe('importing an ILOSTAT bulk file: preview, commit, re-import', () => {
  it('previews counts without writing, commits all, and a re-import changes nothing', async () => {
    const set = await dataset();
    const file = Buffer.from(ilostatCsv(ILOSTAT_ROWS));
    const first = await preview(set.id, 'EMP_TEMP_SEX_AGE_NB_A.csv', file);
    expect(first.statusCode).toBe(201);
    const p = first.json().data;
    expect(p.summary).toMatchObject({ read: 4, new: 4, changed: 0, unchanged: 0, refused: 0 });
    expect(p.summary.skipped).toEqual({ 'region or group': 1 });
    expect(p.summary.newIndicators).toEqual(['EMP_TEMP_SEX_AGE_NB']);
    expect((await figures(`dataset=${set.code}`, keeper)).data).toHaveLength(0);

    const done = await commit(p.id, p.version);
    expect(done.statusCode).toBe(200);
    expect(done.json().data.status).toBe('committed');
    const stored = (await figures(`dataset=${set.code}&area=PH&sex=F`, keeper)).data;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ indicator: 'EMP_TEMP_SEX_AGE_NB', value: 40, status: 'estimate' });
    expect(stored[0].dataset).toMatchObject({ code: set.code, source: 'ILOSTAT' });

    const again = (await preview(set.id, 'again.csv', file)).json().data;
    expect(again.summary).toMatchObject({ new: 0, changed: 0, unchanged: 4 });
    expect((await commit(again.id, again.version)).statusCode).toBe(200);
    // Committing the same import twice is refused.
    expect((await commit(again.id, again.version + 1)).json().code).toBe('import_done');

    const changedRows = ILOSTAT_ROWS.map((r) => [...r]);
    changedRows[1]![6] = '41';
    const changed = (await preview(set.id, 'changed.csv', Buffer.from(ilostatCsv(changedRows)))).json().data;
    expect(changed.summary).toMatchObject({ new: 0, changed: 1, unchanged: 3 });
    await commit(changed.id, changed.version);
    expect((await figures(`dataset=${set.code}&area=PH&sex=F`, keeper)).data[0].value).toBe(41);
  });

  it('a gzipped bulk file is recognised once unpacked, and committed as ILOSTAT', async () => {
    const set = await dataset();
    const gz = gzipSync(Buffer.from(ilostatCsv(ILOSTAT_ROWS)));
    const p = (await preview(set.id, 'EMP_TEMP_SEX_AGE_NB_A.csv.gz', gz)).json().data;
    expect(p).toMatchObject({ format: 'ilostat', summary: { new: 4, refused: 0 } });
    // Another preview in between: the commit cannot use the figures its preview kept in memory,
    // and reads the kept file again, as the format the preview recognised.
    expect((await preview(set.id, 'other.csv', Buffer.from(ilostatCsv(ILOSTAT_ROWS)))).statusCode).toBe(201);
    const done = await commit(p.id, p.version);
    expect(done.statusCode, done.body).toBe(200);
    expect((await figures(`dataset=${set.code}`, keeper)).data).toHaveLength(4);
  });

  it('a file with refused rows is previewed with reasons and writes nothing', async () => {
    const set = await dataset();
    const rows = [
      ...ILOSTAT_ROWS,
      ['ZZZ', 'BA:1', 'EMP_TEMP_SEX_AGE_NB', 'SEX_T', '', '2020', '1', '', '', '', ''],
    ];
    rows.push([...ILOSTAT_ROWS[0]!]); // the same key twice
    const p = (await preview(set.id, 'bad.csv', Buffer.from(ilostatCsv(rows)))).json().data;
    expect(p.summary.refused).toBe(2);
    expect(p.refused).toEqual([
      { line: 7, reason: 'Unknown area code "ZZZ".' },
      { line: 8, reason: 'The same figure is already on line 2.' },
    ]);
    const res = await commit(p.id, p.version);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('rows_refused');
    expect((await figures(`dataset=${set.code}`, keeper)).data).toHaveLength(0);
  });

  it('two commits of the same preview at once: one writes, the other is refused', async () => {
    const set = await dataset();
    const p = (await preview(set.id, 'x.csv', Buffer.from(ilostatCsv(ILOSTAT_ROWS)))).json().data;
    const results = await Promise.all([commit(p.id, p.version), commit(p.id, p.version)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await figures(`dataset=${set.code}`, keeper)).data).toHaveLength(4);
  });
});

describe('importing a UN DESA workbook', () => {
  it('previews and commits migrant stock by sex, with the region rows skipped and counted', async () => {
    const set = await dataset({ source: 'UN DESA, International Migrant Stock 2020' });
    const book = await undesaWorkbook([
      desaRow(1, 'WORLD', 900, '', seven(1000).concat(seven(500), seven(500))),
      desaRow(2, 'Philippines', 608, 'B', seven(100).concat(seven(60), seven(40))),
    ]);
    const p = (await preview(set.id, 'undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx', book)).json()
      .data;
    expect(p.format).toBe('undesa');
    expect(p.summary).toMatchObject({ new: 21, refused: 0 });
    expect(p.summary.skipped).toEqual({ 'region or group without a Tulay match': 1 });
    expect((await commit(p.id, p.version)).statusCode).toBe(200);
    const females = (
      await figures(`dataset=${set.code}&indicator=MIGRANT_STOCK&area=PH&sex=F&from=2015`, keeper)
    ).data;
    expect(females.map((f: { period: string; value: number }) => [f.period, f.value])).toEqual([
      ['2015', 90],
      ['2020', 100],
    ]);
  });

  it('refuses the wrong sheet with a clear 422, keeping nothing', async () => {
    const set = await dataset();
    const res = await preview(set.id, 'x.xlsx', await undesaWorkbook([], { sheet: 'Data' }), 'undesa');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'wrong_sheet' });
    expect(res.json().detail).toContain('"Table 1"');
  });
});

describe('bad input', () => {
  it('refuses a 50 MB file before reading it', async () => {
    const set = await dataset();
    const res = await preview(set.id, 'big.csv', Buffer.alloc(51 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
  });

  it('refuses an empty upload, a non-multipart body, an unknown format and an unknown data set', async () => {
    const set = await dataset();
    expect((await preview(set.id, 'empty.csv', Buffer.alloc(0))).statusCode).toBe(400);
    const json = await t.request({
      method: 'POST',
      url: `/api/v1/statistics/datasets/${set.id}/imports`,
      cookie: keeper,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect((await preview(set.id, 'x.csv', Buffer.from('a'), 'sdmx')).statusCode).toBe(400);
    expect(
      (await preview('00000000-0000-4000-8000-000000000000', 'x.csv', Buffer.from('a'))).statusCode,
    ).toBe(404);
  });

  it('refuses hostile and malformed data set fields, a taken code and a stale version', async () => {
    const bad = async (payload: Record<string, unknown>) =>
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/statistics/datasets',
          cookie: keeper,
          payload: { code: 'ok-code', titles: { en: 'T' }, source: 'S', ...payload },
        })
      ).statusCode;
    expect(await bad({ titles: { en: 'A\u0000B' } })).toBe(400);
    expect(await bad({ code: 'Bad Code' })).toBe(400);
    expect(await bad({ url: 'javascript:alert(1)' })).toBe(400);
    expect(await bad({ retrievedOn: '2024-02-31' })).toBe(400);
    expect(await bad({ extra: 1 })).toBe(400);
    const set = await dataset();
    expect(await bad({ code: set.code })).toBe(409);
    const patch = (version: number) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/statistics/datasets/${set.id}`,
        cookie: keeper,
        payload: { version, published: true },
      });
    expect((await patch(set.version)).statusCode).toBe(200);
    expect((await patch(set.version)).statusCode).toBe(409);
  });

  it('refuses an observation query with an end before its start, or malformed codes', async () => {
    expect((await t.request({ url: '/api/v1/statistics/observations?from=2020&to=2019' })).statusCode).toBe(
      400,
    );
    expect((await t.request({ url: '/api/v1/statistics/observations?area=%27;drop' })).statusCode).toBe(400);
    expect((await t.request({ url: '/api/v1/statistics/observations?sex=X' })).statusCode).toBe(400);
  });
});

describe('the public reads published data sets only, each figure with its source', () => {
  it('hides an unpublished data set and shows it once published', async () => {
    const set = await dataset({
      citation: 'Test citation',
      licence: 'CC BY 4.0',
      url: 'https://example.org/data',
    });
    const p = (await preview(set.id, 'x.csv', Buffer.from(ilostatCsv(ILOSTAT_ROWS)))).json().data;
    await commit(p.id, p.version);
    expect((await figures(`dataset=${set.code}`)).data).toHaveLength(0);
    expect((await t.request({ url: `/api/v1/statistics/datasets/${set.id}` })).statusCode).toBe(404);
    expect((await figures(`dataset=${set.code}`, viewer)).data).toHaveLength(4);
    const current = (await t.request({ url: `/api/v1/statistics/datasets/${set.id}`, cookie: keeper })).json()
      .data;
    await t.request({
      method: 'PATCH',
      url: `/api/v1/statistics/datasets/${set.id}`,
      cookie: keeper,
      payload: { version: current.version, published: true },
    });
    const open = await figures(`dataset=${set.code}&area=PH,ID&sex=T&limit=1`);
    expect(open.data).toHaveLength(1);
    expect(open.next).toBe(1);
    expect(open.data[0].dataset).toMatchObject({ citation: 'Test citation', licence: 'CC BY 4.0' });
  });

  it('deleting a data set removes its figures', async () => {
    const set = await dataset();
    const p = (await preview(set.id, 'x.csv', Buffer.from(ilostatCsv(ILOSTAT_ROWS)))).json().data;
    await commit(p.id, p.version);
    const res = await t.request({
      method: 'DELETE',
      url: `/api/v1/statistics/datasets/${set.id}?version=${set.version}`,
      cookie: keeper,
    });
    expect(res.statusCode).toBe(204);
    expect((await figures(`dataset=${set.code}`, keeper)).data).toHaveLength(0);
  });

  it('serves the template of Tulay’s own CSV', async () => {
    const res = await t.request({ url: '/api/v1/statistics/template.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\n')[0]).toBe(
      'indicator,indicator_label,unit,area,counterpart,period,sex,classification,value,status,note',
    );
  });
});
