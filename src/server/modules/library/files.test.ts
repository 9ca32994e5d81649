import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorruptPdf, makeDocx, makePdf } from '../../platform/files/fixtures.ts';
import { DiskStorage } from '../../platform/files/storage.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody, storedBlobs, tempDataDir } from './testing.ts';

let t: TestApp;
let dataDir: string;
let cookie: string;
beforeAll(async () => {
  dataDir = tempDataDir();
  t = await createTestApp({ demo: true, config: { DATA_DIR: dataDir } });
  cookie = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

async function newPublication(isPublic = true) {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/publications',
    cookie,
    payload: {
      typeCode: 'policy_brief',
      title: `Brief ${Math.random()}`,
      abstract: 'Recruitment fees in the Gulf.',
      isPublic,
      countries: ['QA'],
      themes: ['protection'],
      languages: ['en'],
      publishedOn: '2012-06',
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().data as { id: string; version: number };
}

function upload(id: string, name: string, bytes: Buffer, fields: Record<string, string> = {}, who = cookie) {
  const { payload, headers } = multipartBody({ name, bytes }, fields);
  return t.request({
    method: 'POST',
    url: `/api/v1/publications/${id}/files`,
    cookie: who,
    payload,
    headers,
  });
}

describe('publication files', () => {
  it('a PDF uploaded by staff is found by a phrase from its third page, previewed and downloaded', async () => {
    const p = await newPublication();
    const pdf = makePdf([
      'Policy brief on recruitment',
      'Second page about wages',
      'Employers confiscate passports at the airport',
    ]);
    const r = await upload(p.id, 'brief.pdf', pdf);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().data).toMatchObject({
      extraction: 'ok',
      pageCount: 3,
      mediaType: 'application/pdf',
      fileName: 'brief.pdf',
    });
    const found = await t.request({
      method: 'GET',
      url: '/api/v1/search',
      query: { q: '"confiscate passports"' },
    });
    const hit = found.json().data.find((h: { id: string }) => h.id === p.id);
    expect(hit, found.body).toBeDefined();
    expect(hit.snippetHtml).toMatch(/<mark>confiscate<\/mark> <mark>passports<\/mark>/);
    const fileId = r.json().data.id;
    const download = await t.request({ method: 'GET', url: `/api/v1/files/${fileId}/download` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('filename="brief.pdf"');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const preview = await t.request({ method: 'GET', url: `/api/v1/files/${fileId}/preview` });
    expect(preview.headers['content-type']).toContain('image/svg+xml');
    expect(preview.body).toContain('Policy brief on recruitment');
    expect(preview.body).not.toContain('Second page');
  });

  it('keeps versions of a file and searches the newest; DOCX and text files are read too', async () => {
    const p = await newPublication();
    const first = await upload(p.id, 'notes.txt', Buffer.from('Version one mentions kafala reform.'));
    expect(first.statusCode, first.body).toBe(201);
    const second = await upload(p.id, 'notes.txt', Buffer.from('Version two mentions wage protection.'), {
      replaces: first.json().data.id,
    });
    expect(second.json().data.versionNo).toBe(2);
    const docx = await upload(p.id, 'report.docx', await makeDocx(['A chapter on maritime fishers']));
    expect(docx.statusCode, docx.body).toBe(201);
    const record = (await t.request({ method: 'GET', url: `/api/v1/publications/${p.id}` })).json().data;
    expect(record.files).toHaveLength(3);
    const ids = async (q: string) =>
      (await t.request({ method: 'GET', url: '/api/v1/search', query: { q } }))
        .json()
        .data.map((h: { id: string }) => h.id);
    expect(await ids('"wage protection"')).toContain(p.id);
    expect(await ids('kafala')).not.toContain(p.id);
    expect(await ids('"maritime fishers"')).toContain(p.id);
  });

  it('refuses corrupt, encrypted and disguised files with clear problems and leaves no orphan', async () => {
    const p = await newPublication();
    const before = storedBlobs(dataDir).length;
    const cases: [string, Buffer, number, string][] = [
      ['corrupt.pdf', makeCorruptPdf(), 422, 'file_unreadable'],
      ['locked.pdf', makePdf(['secret'], { encrypt: true }), 422, 'file_encrypted'],
      ['report.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 415, 'file_type_not_accepted'],
      [
        'photo.pdf',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        415,
        'file_type_not_accepted',
      ],
      ['archive.docx', Buffer.from('PK\u0003\u0004not really a word file'), 415, 'file_type_not_accepted'],
      ['empty.txt', Buffer.alloc(0), 400, 'file_missing'],
    ];
    for (const [name, bytes, status, code] of cases) {
      const r = await upload(p.id, name, bytes);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(status);
      expect(r.json().code, name).toBe(code);
    }
    expect(storedBlobs(dataDir).length).toBe(before);
    const record = (await t.request({ method: 'GET', url: `/api/v1/publications/${p.id}` })).json().data;
    expect(record.files).toHaveLength(0);
  });

  it('accepts a scan without text, sniffs the real type and strips path traversal from names', async () => {
    const p = await newPublication();
    const scan = await upload(p.id, 'scan.pdf', makePdf(['', ''], { imageOnly: true }));
    expect(scan.statusCode, scan.body).toBe(201);
    expect(scan.json().data.extraction).toBe('empty');
    const lying = await upload(p.id, '../../../etc/passwd.docx', makePdf(['a pdf in disguise']));
    expect(lying.statusCode, lying.body).toBe(201);
    expect(lying.json().data).toMatchObject({ mediaType: 'application/pdf', fileName: 'passwd.pdf' });
    const windows = await upload(p.id, '..\\..\\boot.ini', Buffer.from('plain words'));
    expect(windows.json().data.fileName).toBe('boot.txt');
  });

  it('refuses an upload over 100 MB with 413 before storing it', async () => {
    const p = await newPublication();
    const before = storedBlobs(dataDir).length;
    const r = await upload(p.id, 'huge.txt', Buffer.alloc(100 * 1024 * 1024 + 10, 0x61));
    expect(r.statusCode, r.body.slice(0, 200)).toBe(413);
    expect(r.json().code).toBe('file_too_large');
    expect(storedBlobs(dataDir).length).toBe(before);
  }, 120_000);

  it('private publications and their files are hidden from the public', async () => {
    const p = await newPublication(false);
    const f = await upload(p.id, 'internal.txt', Buffer.from('internal minutes about the zeta campaign'));
    expect((await t.request({ method: 'GET', url: `/api/v1/publications/${p.id}` })).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/files/${f.json().data.id}/download` })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/search', query: { q: 'zeta campaign' } })).json().data,
    ).toHaveLength(0);
    const viewer = await (await buildUser(t, { role: 'viewer' })).session();
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/search',
          query: { q: 'zeta campaign' },
          cookie: viewer,
        })
      ).json().data,
    ).toHaveLength(1);
    // A viewer may read but not upload.
    expect((await upload(p.id, 'x.txt', Buffer.from('x'), {}, viewer)).statusCode).toBe(403);
  });
});

describe('a file whose stored bytes are gone', () => {
  it('answers 410 file_content_missing as problem+json, not a 500', async () => {
    const p = await newPublication();
    const r = await upload(p.id, 'lost.txt', Buffer.from(`Bytes that will be lost ${Math.random()}`));
    expect(r.statusCode, r.body).toBe(201);
    const row = await t.database.pool.query('select sha256 from publication_files where id = $1', [
      r.json().data.id,
    ]);
    rmSync(new DiskStorage(join(dataDir, 'files')).path(row.rows[0].sha256));
    const download = await t.request({ method: 'GET', url: `/api/v1/files/${r.json().data.id}/download` });
    expect(download.statusCode).toBe(410);
    expect(download.headers['content-type']).toContain('application/problem+json');
    expect(download.json()).toMatchObject({ status: 410, code: 'file_content_missing' });
  });
});
