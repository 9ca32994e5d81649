import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Each input here answered 500 before: now a precise 4xx problem (or a plain answer), one per class.

let t: TestApp;
let admin: string;
const b64 = (s: string) => Buffer.from(s).toString('base64url');

beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

describe('search input', () => {
  it('answers a run of 33 or more dashes (or dash-space pairs) on every search instead of overflowing the tsquery stack', async () => {
    for (const q of ['-'.repeat(33), '-'.repeat(199), `${'- '.repeat(60)}x`, `${'-"'.repeat(60)}x`]) {
      for (const url of ['/api/v1/search', '/api/v1/public/organisations', '/api/v1/search/export']) {
        const r = await get(`${url}?q=${encodeURIComponent(q)}`);
        expect(r.statusCode, `${url} ${r.body.slice(0, 200)}`).toBe(200);
      }
      expect((await get(`/api/v1/organisations?q=${encodeURIComponent(q)}`, admin)).statusCode).toBe(200);
      expect((await get(`/api/v1/cases?q=${encodeURIComponent(q)}`, admin)).statusCode).toBeLessThan(500);
    }
  });

  it('refuses a year that is not a year from 1 to 9999', async () => {
    for (const year of ['1e23', '99999', '0', '-1', '1.5']) {
      const r = await get(`/api/v1/search?year=${year}`);
      expect(r.statusCode, year).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ field: 'querystring.year' });
    }
    expect((await get('/api/v1/search?year=2024')).statusCode).toBe(200);
  });
});

describe('cursors are checked as a whole', () => {
  const crafted = [
    b64('+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000'),
    b64('99999-01-01T00:00:00.000Z|------------------------------------'),
    b64('2024-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000|x'),
    b64('1|00000000-0000-4000-8000-000000000000'),
    '!!!',
  ];
  it('refuses a crafted cursor on publications (public) and practices with 400 invalid_cursor', async () => {
    for (const cursor of crafted) {
      for (const [url, cookie] of [
        ['/api/v1/publications', undefined],
        ['/api/v1/practices', admin],
      ] as const) {
        const r = await get(`${url}?cursor=${cursor}`, cookie);
        expect(r.statusCode, `${url} ${cursor} ${r.body}`).toBe(400);
        expect(r.json().errors[0].code).toBe('invalid_cursor');
      }
    }
  });

  it('refuses a users cursor with NUL or control characters', async () => {
    for (const cursor of [b64('a\u0000b@example.org'), b64('a\nb'), b64('x'.repeat(330))]) {
      const r = await get(`/api/v1/users?cursor=${cursor}`, admin);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().errors[0].code).toBe('invalid_cursor');
    }
  });

  it('still pages with the cursors the server writes', async () => {
    const page = (await get('/api/v1/users?limit=1', admin)).json();
    if (page.nextCursor)
      expect((await get(`/api/v1/users?limit=1&cursor=${page.nextCursor}`, admin)).statusCode).toBe(200);
  });
});

describe('dates and text', () => {
  it('refuses an audit date outside years 1 to 9999', async () => {
    for (const q of ['from=99999-01-01', 'to=99999-01-01', 'from=0000-01-01', 'to=-271821-04-20']) {
      const r = await get(`/api/v1/audit?${q}`, admin);
      expect(r.statusCode, `${q} ${r.body}`).toBe(400);
    }
    expect((await get('/api/v1/audit?from=2024-01-01', admin)).statusCode).toBe(200);
  });

  it('refuses NUL and unpaired surrogates in free text and label maps with 400 unstorable_text', async () => {
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/v1/practices', { title: 'T', description: 'a\u0000b' }],
      ['POST', '/api/v1/practices', { title: 'T', titles: { en: '\ud800' } }],
      ['POST', '/api/v1/organisations', { name: 'N', names: { ar: 'x\udc00y' } }],
      ['POST', '/api/v1/vocabularies', { key: 'fuzzed', labels: { en: '\ud800' } }],
      ['POST', '/api/v1/geography/regions', { code: 'r1', labels: { en: '\udfff' }, countries: [] }],
      ['PATCH', '/api/v1/vocabularies/organisation_type/terms/ngo', { scopeNote: 'a\u0000b', version: 1 }],
    ];
    for (const [method, url, payload] of attempts) {
      const r = await t.request({ method: method as 'POST', url, cookie: admin, payload: payload as object });
      expect(r.statusCode, `${method} ${url} ${r.body}`).toBe(400);
      expect(r.json().errors.map((e: { code: string }) => e.code)).toContain('unstorable_text');
    }
  });
});

describe('transport', () => {
  it('answers a multipart upload without a boundary with 400 malformed_upload', async () => {
    const made = await t.request({
      method: 'POST',
      url: '/api/v1/publications',
      cookie: admin,
      payload: { typeCode: 'research', title: 'A study' },
    });
    expect(made.statusCode, made.body).toBe(201);
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=']) {
      const r = await t.request({
        method: 'POST',
        url: `/api/v1/publications/${made.json().data.id}/files`,
        cookie: admin,
        headers: { 'content-type': contentType },
        payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().code).toBe('malformed_upload');
    }
  });

  it('answers a query string over 16 kB with 431 as problem+json', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: `/api/v1/search?q=${'x'.repeat(17_000)}` },
        (res) => {
          let body = '';
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });
});
