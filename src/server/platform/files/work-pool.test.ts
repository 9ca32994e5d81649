import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { Problem } from '../http/problem.ts';
import { makeHeavyPdf } from './hostile-fixtures.ts';
import { WorkLimitError, WorkPool } from './work-pool.ts';

const pools: WorkPool[] = [];
function pool(limits: Partial<WorkPool['limits']> = {}) {
  const p = new WorkPool({ workers: 1, queue: 1, timeoutMs: 30_000, memoryMb: 256, ...limits });
  pools.push(p);
  return p;
}
afterAll(() => Promise.all(pools.map((p) => p.close())));
/** One thread, one waiting place, a short time limit: shared by the tests that need nothing else. */
const shared = pool({ workers: 1, queue: 1, timeoutMs: 1500 });

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}

describe('file-work pool', () => {
  it('extracts a PDF page of millions of operators off the event loop, and stops it at the time limit', async () => {
    const p = shared;
    await p.run('extract', { kind: 'text', bytes: Buffer.from('warm') }); // the thread has started
    const pdf = makeHeavyPdf(20_000_000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const error = await failure(p.run('extract', { kind: 'pdf', bytes: pdf }));
    delay.disable();
    expect(error).toBeInstanceOf(WorkLimitError);
    expect((error as WorkLimitError).reason).toBe('timeout');
    // On the main thread this page held the loop for seconds; here the loop never waits long.
    expect(delay.max / 1e6).toBeLessThan(500);
    // The pool replaced the thread and goes on working.
    const after = await p.run('extract', { kind: 'text', bytes: Buffer.from('still here') });
    expect(after.text).toBe('still here');
  });

  it('ends a task that runs out of memory in its thread, and the process lives on', async () => {
    const p = pool({ memoryMb: 128 });
    const csv = Buffer.from(`a,b\n${'x,y\n'.repeat(4_000_000)}`);
    const error = await failure(p.run('table', { bytes: csv, fileName: 'big.csv' }));
    expect(error).toBeInstanceOf(WorkLimitError);
    expect((error as WorkLimitError).reason).toBe('memory');
    expect((await p.run('table', { bytes: Buffer.from('a\n1\n'), fileName: 'x.csv' })).rows).toEqual([['1']]);
  });

  it('admits a bounded number of callers and answers 503 busy to the next', async () => {
    const p = shared;
    const slow = p.run('extract', { kind: 'pdf', bytes: makeHeavyPdf(20_000_000) }).catch((e) => e);
    const waiting = p.run('extract', { kind: 'text', bytes: Buffer.from('second') });
    const refused = await failure(p.run('extract', { kind: 'text', bytes: Buffer.from('third') }));
    expect(refused).toBeInstanceOf(Problem);
    expect(refused).toMatchObject({ status: 503, code: 'busy' });
    expect((refused as Problem).headers?.['retry-after']).toBeDefined();
    expect(await slow).toBeInstanceOf(WorkLimitError);
    expect((await waiting).text).toBe('second');
  });

  it('hands back a large table whole and in order (sent in slices, so the loop breathes between them)', async () => {
    const csv = `name,n\n${Array.from({ length: 12_345 }, (_, i) => `org ${i},${i}`).join('\n')}\n`;
    const table = await shared.run('table', { bytes: Buffer.from(csv), fileName: 'x.csv' });
    expect(table.header).toEqual(['name', 'n']);
    expect(table.rows).toHaveLength(12_345);
    expect(table.rows[0]).toEqual(['org 0', '0']);
    expect(table.rows[12_344]).toEqual(['org 12344', '12344']);
  });

  it('hands back a problem raised in the thread as the same problem', async () => {
    const error = await failure(shared.run('table', { bytes: Buffer.from('\n\n'), fileName: 'x.csv' }));
    expect(error).toBeInstanceOf(Problem);
    expect(error).toMatchObject({ status: 422, code: 'empty_file' });
  });
});
