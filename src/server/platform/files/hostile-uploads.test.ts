import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../modules/directory/test-support.ts';
import { tempDataDir } from '../../modules/library/testing.ts';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeDocxBomb, makeHeavyPdf, makeXlsxBomb, makeXlsxRows } from './hostile-fixtures.ts';

// Hostile files sent to a real server listening on loopback, while /healthz is asked again and
// again: the event loop must stay free and the process alive (issue: resilience, "done when").

let t: TestApp;
let port: number;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({
    demo: true,
    config: { DATA_DIR: tempDataDir(), FILE_WORKERS: 2, FILE_WORK_QUEUE: 4, FILE_WORK_TIMEOUT_MS: 2_000 },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  cookie = await (await buildUser(t, { role: 'secretariat' })).session();
});
afterAll(() => t.close());

interface Answer {
  code?: string;
  data: Record<string, unknown>;
}

/** One HTTP request over loopback, as a browser of this site sends it. */
function send(method: string, path: string, body?: { payload: Buffer; headers: Record<string, string> }) {
  return new Promise<{ status: number; json: () => Answer; ms: number }>((resolve, reject) => {
    const start = performance.now();
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          host: 'localhost:3000',
          origin: 'http://localhost:3000',
          cookie,
          ...(body ? { ...body.headers, 'content-length': String(body.payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode ?? 0,
            json: () => JSON.parse(text),
            ms: performance.now() - start,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body?.payload);
  });
}

/** Asks /healthz back to back until `done` settles; returns every answer's latency in ms. */
async function pollHealth(done: Promise<unknown>) {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const latencies: number[] = [];
  while (!finished) {
    const r = await send('GET', '/healthz');
    expect(r.status).toBe(200);
    latencies.push(r.ms);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return latencies.sort((a, b) => a - b);
}

async function newPublication() {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/publications',
    cookie,
    payload: {
      typeCode: 'policy_brief',
      title: `Brief ${Math.random()}`,
      isPublic: false,
      languages: ['en'],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().data.id as string;
}

describe('hostile files against a listening server', () => {
  it('three concurrent XLSX bombs and a 20M-operator PDF leave /healthz answering and the process alive', async () => {
    const bomb = makeXlsxBomb(1500); // about 5 MB that inflates to 1.5 GB
    const pdf = makeHeavyPdf(20_000_000);
    const publication = await newPublication();
    await send('GET', '/healthz'); // a warm connection path
    const heapBefore = process.memoryUsage().heapUsed;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const uploads = Promise.all([
      ...[1, 2, 3].map((n) => send('POST', '/api/v1/directory/imports', multipart(bomb, `bomb-${n}.xlsx`))),
      send('POST', `/api/v1/publications/${publication}/files`, multipart(pdf, 'operators.pdf')),
    ]);
    const latencies = await pollHealth(uploads);
    delay.disable();
    const results = await uploads;
    for (const r of results.slice(0, 3)) {
      expect(r.status, JSON.stringify(r.json())).toBe(413);
      expect(r.json().code).toBe('file_inflates_too_large');
    }
    // The PDF is kept; its text was not worth more than the time limit.
    expect(results[3]!.status, JSON.stringify(results[3]!.json())).toBe(201);
    expect(results[3]!.json().data.extraction).toBe('failed');
    const max = latencies.at(-1)!;
    const loopMax = delay.max / 1e6;
    console.log(
      `healthz n=${latencies.length} p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, max ${max.toFixed(1)} ms; event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${loopMax.toFixed(1)} ms`,
    );
    // Goal 100 ms (met on a quiet machine); the bound is generous because the suite runs test files
    // in parallel on a shared 2-core machine. The code before this test died of a heap OOM here.
    // /healthz is asked back to back, so any stall of the loop longer than the pause between two
    // asks shows in a latency; the loop's own delay is bounded at p99 (its max also counts the time
    // the process waits for a core, which on a shared machine is not ours to bound).
    expect(max).toBeLessThan(500);
    expect(delay.percentile(99) / 1e6).toBeLessThan(250);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
    expect((await send('GET', '/healthz')).status).toBe(200);
  });

  it('refuses an XLSX whose headers lie about its size', async () => {
    const r = await send(
      'POST',
      '/api/v1/directory/imports',
      multipart(makeXlsxBomb(400, { lie: true }), 'liar.xlsx'),
    );
    expect(r.status).toBe(413);
    expect(r.json().code).toBe('file_inflates_too_large');
  });

  it('refuses an XLSX of 300,000 rows early, without holding the event loop', async () => {
    const file = makeXlsxRows(300_000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const r = await send('POST', '/api/v1/directory/imports', multipart(file, 'many.xlsx'));
    delay.disable();
    expect(r.status).toBe(413);
    expect(r.json().code).toBe('too_many_rows');
    expect(delay.max / 1e6).toBeLessThan(500);
  });

  it('keeps a DOCX that inflates to 300 MB without its text, and without the memory', async () => {
    const publication = await newPublication();
    const before = process.memoryUsage().rss;
    const r = await send(
      'POST',
      `/api/v1/publications/${publication}/files`,
      multipart(makeDocxBomb(300), 'bomb.docx'),
    );
    expect(r.status).toBe(201);
    expect(r.json().data).toMatchObject({ extraction: 'failed', fileName: 'bomb.docx' });
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });
});
