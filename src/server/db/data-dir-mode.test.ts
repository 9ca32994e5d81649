// DATA_DIR is private to Tulay's account: the embedded engine's files and the file stores.
// (Backup files are 0600 too: cli.test.ts.)
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

const dir = mkdtempSync(join(tmpdir(), 'tulay-modes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every entry under `root` (itself included) whose mode lets another account in. */
const open = (root: string): string[] => {
  const found: string[] = [];
  const visit = (path: string) => {
    const mode = statSync(path).mode;
    const wanted = statSync(path).isDirectory() ? 0o700 : 0o600;
    if ((mode & 0o777) !== wanted) found.push(`${path} ${(mode & 0o777).toString(8)}`);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return found;
};

it('creates the embedded data directory 0700 with every file 0600, and tightens a loosened one with a warning', {
  timeout: 120_000,
}, async () => {
  // Whatever umask Tulay was started with (a container's 000, a shell's 022).
  process.umask(0o000);
  const dataDir = join(dir, 'data');
  const warnings: string[] = [];
  const first = await openDatabase({ dataDir, statementTimeoutMs: 20_000, warn: (m) => warnings.push(m) });
  await first.pool.query(
    "create table t (v text); insert into t select repeat('x', 1000) from generate_series(1, 500)",
  );
  await first.pool.query('checkpoint');
  await first.close();
  expect(open(dataDir)).toEqual([]);
  expect(warnings).toEqual([]);

  // Something else loosens it: a copy with another umask, a chmod, a stray file store directory.
  chmodSync(dataDir, 0o755);
  chmodSync(join(dataDir, 'pg'), 0o777);
  const hba = readdirSync(join(dataDir, 'pg'), { recursive: true }).find((p) =>
    String(p).endsWith('pg_hba.conf'),
  );
  chmodSync(join(dataDir, 'pg', String(hba)), 0o666);
  process.umask(0o022);
  mkdirSync(join(dataDir, 'files', 'ab'), { recursive: true });
  chmodSync(join(dataDir, 'files', 'ab'), 0o777);
  writeFileSync(join(dataDir, 'files', 'ab', 'blob'), 'x');
  const again = await openDatabase({ dataDir, statementTimeoutMs: 20_000, warn: (m) => warnings.push(m) });
  try {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^6 files and directories in the data directory .* could be read or changed by other accounts/,
    );
    expect(open(dataDir)).toEqual([]);
    await again.pool.query("insert into t values ('written after the fix')");
    await again.pool.query('checkpoint');
  } finally {
    await again.close();
  }
  expect(open(dataDir)).toEqual([]);
});
