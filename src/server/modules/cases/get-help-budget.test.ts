import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestDatabase } from '../../testing/test-database.ts';

// The Get-help page's JavaScript, built by Vite with the project's own configuration (only the
// Get-help entry, into a temporary folder), weighed gzipped against the 40 kB budget, and served by
// the real app: the page names it, with no other script. (Long-lived caching of /assets/* is the
// asset server's business, app.ts, shared by every page.)

const repo = fileURLToPath(new URL('../../../..', import.meta.url));
const BUDGET = 40 * 1024;
let out: string;
let app: FastifyInstance;
let drop: () => Promise<void>;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'tulay-get-help-build-'));
  await build({
    configFile: join(repo, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true },
    plugins: [
      {
        name: 'only-the-get-help-entry',
        config(config) {
          config.build!.rolldownOptions!.input = { 'get-help': join(repo, 'src/web/get-help/main.ts') };
        },
      },
    ],
  });
  const db = await createTestDatabase();
  drop = db.drop;
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' } as NodeJS.ProcessEnv, {
    INTAKE_POW_BITS: 4,
  });
  app = await buildApp({ config, database: db.database, webRoot: out });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await drop?.();
  rmSync(out, { recursive: true, force: true });
});

describe('the Get-help page’s JavaScript', () => {
  it('is one small file, at most 40 kB gzipped, served, and the only script the page loads', async () => {
    const scripts = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts).toHaveLength(1);
    const file = readFileSync(join(out, 'assets', scripts[0]!));
    const gzipped = gzipSync(file, { level: 9 }).length;
    console.log(`Get-help script: ${file.length} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);

    for (const lang of ['en', 'ar']) {
      const page = await app.inject({ url: `/${lang}/get-help` });
      const sources = [...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      expect(sources).toEqual([`/assets/${scripts[0]}`]);
      expect(page.body.match(/<script/g)).toHaveLength(1);
      // No stylesheet to fetch: the page's CSS is inline and small.
      expect(page.body).not.toContain('rel="stylesheet"');
      const css = page.body.match(/<style>([\s\S]*?)<\/style>/)![1]!;
      expect(gzipSync(css).length).toBeLessThan(2048);
    }
    const asset = await app.inject({ url: `/assets/${scripts[0]}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('comes with a service worker at the root, revalidated, able to scope itself to one language', async () => {
    const sw = await app.inject({ url: '/get-help-sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toContain('javascript');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.body).toContain('self.registration.scope');
  });
});
