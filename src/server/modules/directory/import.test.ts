import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipart } from './test-support.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

async function preview(
  file: Buffer | string,
  fileName = 'orgs.csv',
  query = '',
  fields: Record<string, string> = {},
) {
  const body = multipart(file, fileName, fields);
  return t.request({ method: 'POST', url: `/api/v1/directory/imports${query}`, cookie: staff, ...body });
}

async function commit(id: string, version: number) {
  return t.request({
    method: 'POST',
    url: `/api/v1/directory/imports/${id}/commit`,
    cookie: staff,
    payload: { version },
  });
}

const count = async () =>
  ((await t.database.pool.query('select count(*)::int as n from organisations')).rows[0] as { n: number }).n;

describe('import', () => {
  it('previews, commits and re-imports 10k organisations without changing anything the second time', async () => {
    const header = 'external_id,name,type,country,countries,founded_year,website,published';
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `ext-${i},Organisation number ${i},${i % 2 ? 'Trade union' : 'ngo'},${i % 3 ? 'PH' : 'Hong Kong'},PH;HK,${1950 + (i % 70)},example${i}.org,${i % 2 ? 'yes' : 'no'}`,
    );
    const csv = `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
    const before = await count();
    const first = await preview(csv);
    expect(first.statusCode, first.body).toBe(201);
    const p1 = first.json().data;
    expect(p1.summary).toMatchObject({ total: 10_000, create: 10_000, update: 0, unchanged: 0, error: 0 });
    expect(await count()).toBe(before); // a preview writes nothing
    const done = await commit(p1.id, p1.version);
    expect(done.statusCode, done.body).toBe(200);
    expect(await count()).toBe(before + 10_000);
    const again = (await preview(csv)).json().data;
    expect(again.summary).toMatchObject({ total: 10_000, create: 0, update: 0, unchanged: 10_000, error: 0 });
    expect((await commit(again.id, again.version)).statusCode).toBe(200);
    expect(await count()).toBe(before + 10_000);
    // Committing twice is refused.
    expect((await commit(p1.id, p1.version + 1)).json().code).toBe('import_done');
    const one = (
      await t.request({
        method: 'GET',
        url: '/api/v1/organisations?q=organisation%20number%209999',
        cookie: staff,
      })
    ).json().data[0];
    expect(one).toMatchObject({
      externalId: 'ext-9999',
      typeCode: 'trade_union',
      countryCode: 'HK',
      website: 'https://example9999.org',
      version: 1,
    });
  }, 120_000);

  it('updates matched rows and lists per-row actions', async () => {
    const csv =
      'external_id,name,founded_year\next-1,Organisation number 1,1999\next-2,Organisation number 2,1952\nnew-1,A new one,\n';
    const p = (await preview(csv)).json().data;
    expect(p.summary).toMatchObject({ create: 1, update: 1, unchanged: 1, error: 0 });
    expect(p.rows.find((r: { line: number }) => r.line === 2)).toMatchObject({
      action: 'update',
      changes: ['foundedYear'],
    });
    const errors = await t.request({
      method: 'GET',
      url: `/api/v1/directory/imports/${p.id}?action=create`,
      cookie: staff,
    });
    expect(errors.json().data.rows).toEqual([
      expect.objectContaining({ line: 4, action: 'create', name: 'A new one' }),
    ]);
  });

  it('matches on name and country when there is no external id', async () => {
    const csv = 'name;country\nOrganisation number 4;PH\nOrganisation number 4;JP\n';
    const p = (await preview(csv, 'x.csv', '?key=name_country')).json().data;
    expect(p.summary).toMatchObject({ unchanged: 1, create: 1 });
  });

  it('rejects unknown vocabulary terms, or creates them when asked', async () => {
    const csv = 'external_id,name,type\nv-1,Vocab test,Cooperative\n';
    const rejected = (await preview(csv)).json().data;
    expect(rejected.summary.error).toBe(1);
    expect(rejected.rows[0].errors[0]).toContain('unknown organisation type');
    const refused = await commit(rejected.id, rejected.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('import_has_errors');
    const created = (await preview(csv, 'x.csv', '?vocabularyPolicy=create')).json().data;
    expect(created.summary).toMatchObject({
      create: 1,
      error: 0,
      newTypes: [{ code: 'cooperative', label: 'Cooperative' }],
    });
    expect((await commit(created.id, created.version)).statusCode).toBe(200);
    const terms = (
      await t.request({ method: 'GET', url: '/api/v1/vocabularies/organisation_type/terms' })
    ).json().data;
    expect(terms.map((x: { code: string }) => x.code)).toContain('cooperative');
  });

  it('uses a column mapping', async () => {
    const csv = 'Ref,Organisation name,Land\nm-1,Mapped org,Indonesia\n';
    const p = (
      await preview(csv, 'x.csv', '', {
        mapping: JSON.stringify({ Ref: 'external_id', 'Organisation name': 'name', Land: 'country' }),
      })
    ).json().data;
    expect(p.summary).toMatchObject({ create: 1, error: 0 });
    const bad = await preview(csv, 'x.csv', '', { mapping: JSON.stringify({ Nope: 'name' }) });
    expect(bad.statusCode).toBe(400);
    const shared = await preview(csv, 'x.csv', '', {
      mapping: JSON.stringify({ Ref: 'name', 'Organisation name': 'name' }),
    });
    expect(shared.statusCode).toBe(400);
    expect(shared.json().errors[0]).toMatchObject({
      field: 'mapping.Organisation name',
      code: 'duplicate_target',
    });
    // A code column wins over a name column for the same field, without asking.
    const both = 'name,country_name,country\nBoth columns org,Indonesia,ID\n';
    const auto = (await preview(both)).json().data;
    expect(auto.mapping).toEqual({ name: 'name', country_name: '', country: 'country' });
  });

  it('reads quoted newlines, BOMs, UTF-16 and XLSX; refuses other encodings clearly', async () => {
    const quoted = '\uFEFFexternal_id,name,description\nq-1,"Quoted, name","line one\nline two"\n';
    const p = (await preview(quoted)).json().data;
    expect(p.summary).toMatchObject({ create: 1, error: 0 });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('external_id,name\nu-1,Ünïcode\n', 'utf16le'),
    ]);
    expect((await preview(utf16)).json().data.summary.create).toBe(1);
    const latin1 = Buffer.from('external_id,name\nl-1,Caf\xe9 Migrante\n', 'latin1');
    const refused = await preview(latin1);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('unsupported_encoding');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orgs');
    sheet.addRow(['external_id', 'name', 'country']);
    sheet.addRow(['x-1', 'From a workbook', 'TH']);
    sheet.addRow(['x-2', { formula: '1+1', result: 2 }, 'TH']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = (await preview(xlsx, 'orgs.xlsx')).json().data;
    expect(fromXlsx.summary).toMatchObject({ create: 2, error: 0 });
    const broken = await preview(
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]),
      'broken.xlsx',
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('malformed_file');
    const badQuote = await preview('external_id,name\n"b-1,unterminated\n');
    expect(badQuote.statusCode).toBe(422);
    expect(badQuote.json().code).toBe('malformed_file');
  });

  it('imports formula-looking text as text and neutralises it on export', async () => {
    const csv = 'external_id,name,description\nf-1,Formula org,"=HYPERLINK(""http://evil.example"",""x"")"\n';
    const p = (await preview(csv)).json().data;
    expect((await commit(p.id, p.version)).statusCode).toBe(200);
    const out = await t.request({
      method: 'GET',
      url: '/api/v1/organisations?q=formula%20org&format=csv',
      cookie: staff,
    });
    expect(out.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it('answers 413 for a file over 50 MB and 415 without multipart', async () => {
    const big = Buffer.alloc(51 * 1024 * 1024, 'a');
    const r = await preview(big, 'big.csv');
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('payload_too_large');
    const json = await t.request({
      method: 'POST',
      url: '/api/v1/directory/imports',
      cookie: staff,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const empty = await preview('', 'empty.csv');
    expect(empty.statusCode).toBe(400);
  }, 60_000);

  it('is for staff only', async () => {
    const editor = await (await buildUser(t, { role: 'member_editor' })).session();
    const body = multipart('name\nx\n', 'x.csv');
    const r = await t.request({ method: 'POST', url: '/api/v1/directory/imports', cookie: editor, ...body });
    expect(r.statusCode).toBe(403);
  });
});
