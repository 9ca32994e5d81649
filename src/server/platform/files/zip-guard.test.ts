import { describe, expect, it } from 'vitest';
import { makeDocx } from './fixtures.ts';
import { makeDocxBomb, makeXlsxBomb, makeZip } from './hostile-fixtures.ts';
import { guardZip, readZipDirectory, ZipRefused } from './zip-guard.ts';

const LIMITS = { entries: 100, inflatedBytes: 50 * 1024 * 1024 };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZipRefused);
  return error as ZipRefused;
}

describe('zip guard', () => {
  it('accepts an honest archive and lists its entries', async () => {
    const docx = await makeDocx(['Hello']);
    const entries = await guardZip(docx, LIMITS);
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
  });

  it('refuses a bomb from its directory alone, before inflating a byte', async () => {
    const bomb = makeXlsxBomb(1500);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const start = performance.now();
    const error = await refusal(guardZip(bomb, LIMITS));
    expect(error.reason).toBe('too_large');
    expect(performance.now() - start).toBeLessThan(200);
    expect((await refusal(guardZip(makeDocxBomb(300), LIMITS))).reason).toBe('too_large');
  });

  it('catches a header that lies about its size by counting while inflating', async () => {
    const liar = makeXlsxBomb(200, { lie: true });
    expect(() => readZipDirectory(liar, LIMITS)).not.toThrow();
    const error = await refusal(guardZip(liar, LIMITS));
    expect(error.reason).toBe('too_large');
    expect(error.message).toMatch(/larger than it says/);
  });

  it('refuses data hidden between entries, too many entries, and damage', async () => {
    const honest = makeZip([
      { name: 'a.xml', text: '<a/>' },
      { name: 'b.xml', text: '<b/>' },
    ]);
    // Move the second entry one byte later: a streaming reader would see bytes the directory does not list.
    const first = 30 + 5 + (honest.readUInt32LE(18) as number);
    const hidden = Buffer.concat([honest.subarray(0, first), Buffer.from([0]), honest.subarray(first)]);
    const end = hidden.length - 22;
    hidden.writeUInt32LE(hidden.readUInt32LE(end + 16) + 1, end + 16);
    const dir = hidden.readUInt32LE(end + 16);
    hidden.writeUInt32LE(first + 1, dir + 46 + 5 + 42);
    expect((await refusal(guardZip(hidden, LIMITS))).message).toMatch(/does not list/);
    expect((await refusal(guardZip(honest, { ...LIMITS, entries: 1 }))).reason).toBe('too_large');
    expect((await refusal(guardZip(Buffer.alloc(100), LIMITS))).reason).toBe('malformed');
    const damaged = makeZip([{ name: 'a.xml', data: Buffer.from('not deflate at all'), size: 10 }]);
    expect((await refusal(guardZip(damaged, LIMITS))).reason).toBe('malformed');
  });
});
