import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { shredExpiredCases } from './retention.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp({ CASE_FILE_MAX_BYTES: 64 * 1024 });
  w = await buildWorld(t);
});
afterAll(() => t.close());

function multipart(name: string, content: Buffer, type = 'image/jpeg') {
  const boundary = `----tulay${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const blobs = () => {
  const dir = join(t.config.dataDir, 'files');
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name))
    : [];
};

describe('evidence files', () => {
  it('stores ciphertext only, serves it back to the team, and to nobody else', async () => {
    const kase = await openCase(t, w.worker.cookie);
    // A JPEG's magic bytes, then text standing in for the photo.
    const secretText = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from('Photo of the confiscated passport P1234567A'),
    ]);
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
      ...multipart('passport.jpg', secretText),
    });
    expect(up.statusCode).toBe(201);
    const file = up.json().data;
    for (const path of blobs()) expect(readFileSync(path).includes('P1234567A')).toBe(false);
    const down = await t.request({ method: 'GET', url: file.url, cookie: w.worker.cookie });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(secretText)).toBe(true);
    expect(down.headers['content-disposition']).toContain('passport.jpg');
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
    });
    expect(list.json().data[0].name).toBe('passport.jpg');
    // The third lawyer cannot fetch the attachment URL, nor upload to the case.
    expect((await t.request({ method: 'GET', url: file.url, cookie: w.outsider.cookie })).statusCode).toBe(
      404,
    );
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${kase.id}/files`,
          cookie: w.outsider.cookie,
          ...multipart('x.txt', Buffer.from('x')),
        })
      ).statusCode,
    ).toBe(404);
    // A forged file id on a case the person may see is a plain 404.
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/cases/${kase.id}/files/00000000-0000-4000-8000-000000000000`,
          cookie: w.worker.cookie,
        })
      ).statusCode,
    ).toBe(404);
    const audit = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where resource_id = ${kase.id} and action = 'case.file.read'`,
    );
    expect((audit.rows[0] as { n: number }).n).toBe(1);
  });

  it('stores and serves the type the bytes show, and strips bidi controls from the name', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
      ...multipart('invoice\u202efdp.exe', pdf, 'text/html'),
    });
    expect(up.statusCode).toBe(201);
    // The declared text/html is ignored; the real extension is added after the one given.
    expect(up.json().data).toMatchObject({ name: 'invoicefdp.exe.pdf', contentType: 'application/pdf' });
    const down = await t.request({ method: 'GET', url: up.json().data.url, cookie: w.worker.cookie });
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain('invoicefdp.exe.pdf');
    expect(down.headers['content-disposition']).not.toContain('%E2%80%AE');
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
    });
    expect(list.json().data[0]).toMatchObject({ name: 'invoicefdp.exe.pdf', contentType: 'application/pdf' });
  });

  it('refuses bytes that contradict their name or declared type, and keeps the unknown as octet-stream', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
    const before = blobs().length;
    for (const [name, type] of [
      ['scan.pdf', 'application/pdf'],
      ['photo.jpg', 'application/octet-stream'],
      ['setup.exe', 'image/png'],
    ] as const) {
      const r = await t.request({
        method: 'POST',
        url: `/api/v1/cases/${kase.id}/files`,
        cookie: w.worker.cookie,
        ...multipart(name, exe, type),
      });
      expect(r.statusCode, name).toBe(415);
      expect(r.json().code).toBe('file_type_mismatch');
    }
    expect(blobs().length).toBe(before);
    const unknown = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
      ...multipart('tool.exe', exe, 'application/octet-stream'),
    });
    expect(unknown.statusCode).toBe(201);
    expect(unknown.json().data.contentType).toBe('application/octet-stream');
    const down = await t.request({ method: 'GET', url: unknown.json().data.url, cookie: w.worker.cookie });
    expect(down.headers['content-type']).toBe('application/octet-stream');
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('refuses an oversized file with 413 and keeps nothing of it', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const before = blobs().length;
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
      ...multipart('big.bin', Buffer.alloc(65 * 1024, 1)),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('file_too_large');
    expect(blobs().length).toBe(before);
  });
});

describe('retention and crypto-shredding', () => {
  it('after retention the identity is unreadable while the anonymised facts remain', async () => {
    const kase = await openCase(t, w.worker.cookie);
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/events`,
      cookie: w.worker.cookie,
      payload: { kind: 'note', text: 'Met client at shelter' },
    });
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
      ...multipart('contract.pdf', Buffer.from('%PDF contract'), 'application/pdf'),
    });
    const blobCount = blobs().length;
    const closed = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/close`,
      cookie: w.worker.cookie,
      payload: { outcome: 'resolved', version: 1 },
    });
    expect(closed.statusCode).toBe(200);
    expect(await shredExpiredCases(t.database, t.config)).not.toContain(kase.id); // retention not over yet
    await t.database.db.execute(
      sql`update cases set retention_until = now() - interval '1 day' where id = ${kase.id}`,
    );
    expect(await shredExpiredCases(t.database, t.config)).toEqual([kase.id]);

    const keys = await t.database.db.execute(
      sql`select count(*)::int as n from case_keys where case_id = ${kase.id}`,
    );
    expect((keys.rows[0] as { n: number }).n).toBe(0);
    const read = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.worker.cookie })
    ).json().data;
    expect(read).toMatchObject({
      client: null,
      narrative: null,
      status: 'closed',
      facts: { outcome: 'resolved', sector: 'domestic_work', originCountry: 'PH' },
    });
    expect(read.shreddedAt).not.toBeNull();
    const events = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}/events`, cookie: w.worker.cookie })
    ).json().data;
    expect(events[0].text).toBeNull();
    expect(
      (await t.request({ method: 'GET', url: up.json().data.url, cookie: w.worker.cookie })).statusCode,
    ).toBe(409);
    expect(blobs().length).toBe(blobCount - 1);
    const audit = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where resource_id = ${kase.id} and action = 'case.shred'`,
    );
    expect((audit.rows[0] as { n: number }).n).toBe(1);
  });
});

describe('an evidence file whose stored bytes are gone', () => {
  it('answers 410 file_content_missing as problem+json, not a 500', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const before = new Set(blobs());
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/files`,
      cookie: w.worker.cookie,
      ...multipart('lost.jpg', Buffer.from(`evidence ${Math.random()}`)),
    });
    expect(up.statusCode, up.body).toBe(201);
    for (const path of blobs().filter((p) => !before.has(p))) rmSync(path);
    const down = await t.request({ method: 'GET', url: up.json().data.url, cookie: w.worker.cookie });
    expect(down.statusCode).toBe(410);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.json()).toMatchObject({ status: 410, code: 'file_content_missing' });
  });
});
