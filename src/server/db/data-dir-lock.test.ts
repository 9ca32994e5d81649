import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DataDirInUse, lockDataDir } from './data-dir-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'tulay-lock-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('refuses a data directory held by a live process, and takes over one whose process is gone', async () => {
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    writeFileSync(join(dir, 'tulay.lock'), `${holder.pid}\n`);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
  } finally {
    holder.kill();
    await new Promise((resolve) => holder.once('exit', resolve));
  }
  const unlock = lockDataDir(dir); // the holder is gone: its lock is stale
  expect(readFileSync(join(dir, 'tulay.lock'), 'utf8').trim()).toBe(String(process.pid));
  unlock();
  expect(existsSync(join(dir, 'tulay.lock'))).toBe(false);
});
