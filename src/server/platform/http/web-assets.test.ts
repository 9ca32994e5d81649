import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { chooseEncoding } from './compress.ts';
import { precompressDirectory } from './precompress.ts';

// A built web root in miniature (what `vite build` writes), served by the real app.
const root = mkdtempSync(join(tmpdir(), 'tulay-web-'));
const script = `export const words = ${JSON.stringify(Array.from({ length: 800 }, (_, i) => `word${i % 50}`))};\n`;
const html = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div></div>'.repeat(120)}</body></html>`;
let t: TestApp;
let stats: ReturnType<typeof precompressDirectory>;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), html);
  writeFileSync(join(root, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(join(root, 'assets', 'tiny-Zz99.js'), 'export {};\n');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  stats = precompressDirectory(root);
  t = await createTestApp({ webRoot: root });
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.request({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

describe('built assets', () => {
  it('precompresses what is worth it and leaves tiny files alone', () => {
    expect(stats.files).toBe(2); // the script and index.html; not the 11-byte file or the svg
    expect(stats.brotli).toBeLessThan(stats.raw / 4);
    expect(stats.gzip).toBeLessThan(stats.raw / 3);
  });

  it('sends brotli, gzip or plain by Accept-Encoding, each cached for a year as immutable', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toContain('javascript');

    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await get('/assets/index-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const tiny = await get('/assets/tiny-Zz99.js', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('export {};\n');
  });

  it('revalidates index.html on every visit and keeps deep links on the app', async () => {
    for (const url of ['/home', '/cases/6f1c2b9e-0000-4000-8000-000000000000', '/sign-in']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(html);
    }
  });

  it('answers a missing asset 404, never index.html, and refuses paths out of the root', async () => {
    const missing = await get('/assets/nope-123.js', 'br');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<!doctype html>');
    const outside = await get('/assets/..%2f..%2fpackage.json');
    expect([400, 403, 404]).toContain(outside.statusCode);
    expect(outside.body).not.toContain('"dependencies"');
  });
});

describe('public pages compressed on the way out', () => {
  it('compresses the front door and sitemap, not the JSON API', async () => {
    const door = await get('/en/', 'br;q=1, gzip;q=0.5');
    expect(door.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(door.rawPayload).toString()).toContain('<html lang="en"');
    expect(String(door.headers.vary)).toMatch(/Accept-Language, Accept-Encoding/);
    const gz = await get('/robots.txt', 'gzip');
    // Short texts are not worth it.
    expect(gz.headers['content-encoding']).toBeUndefined();
    const none = await get('/en/');
    expect(none.headers['content-encoding']).toBeUndefined();
    const api = await get('/api/v1/openapi.json', 'br');
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding as the standard says', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeUndefined();
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding('gzip;q=abc, ,;,br;q=0')).toBeUndefined();
  });
});
