// End to end: the real `tulay` binary in child processes, on embedded databases in temp directories.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { dump, fill, freshDatabase, withStoredFiles } from '../db/backup-testing.ts';

const bin = fileURLToPath(new URL('../../../bin/tulay.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tulay-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tulay(
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI's own audit rows differ by design between the two databases; everything else must not. */
const withoutCliAudit = (d: Record<string, string[][]>) => ({
  ...d,
  audit_events: d.audit_events!.filter((row) => !row.some((v) => v?.startsWith('cli.'))),
});

// Seven CLI processes, each starting the embedded engine: minutes on a loaded 2-core machine.
it('backs up an embedded database and restores it into another with the real CLI', {
  timeout: 360_000,
}, async () => {
  const source = join(dir, 'source');
  const target = join(dir, 'target');
  const file = join(dir, 'tulay.backup.gz');
  const opened = await freshDatabase('pglite', { dataDir: source, probe: false });
  await fill(opened.database, { probe: false });
  const stored = await withStoredFiles(opened.database, source);
  const before = withoutCliAudit(await dump(opened.database));
  // While Tulay (here: this process) has the embedded database open, the CLI must keep out.
  const busy = await tulay(['backup', file], source);
  expect(busy.code).toBe(1);
  expect(busy.stderr).toMatch(/^The embedded database in .* is in use by process \d+/);
  await opened.database.close();

  const usage = await tulay(['backup'], source);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('Usage: tulay backup <file>');

  const backup = await tulay(['backup', file], source);
  expect(backup.stderr).toBe('');
  expect(backup.stdout).toMatch(/Backup written to .*tulay\.backup\.gz \(\d+ tables, \d+ rows\)/);
  expect(backup.code).toBe(0);

  expect(statSync(file).mode & 0o777).toBe(0o600);

  // One value the target refuses: the table, the line and the column, no stack trace, nothing kept.
  const lines = gunzipSync(readFileSync(file)).toString().trimEnd().split('\n');
  const at = lines.findIndex((l) => l.includes('"ana@example.org"'));
  const badFile = join(dir, 'bad.backup.gz');
  writeFileSync(
    badFile,
    gzipSync(`${lines.with(at, lines[at]!.replace('"administrator"', 'null')).join('\n')}\n`),
  );
  const bad = await tulay(['restore', badFile], target);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(
    new RegExp(
      `^The backup cannot be restored: table users, the row on line ${at + 1} of the backup: .*Nothing was restored\\.\\n$`,
    ),
  );
  expect(bad.stderr).not.toMatch(/\n\s+at /);

  const restore = await tulay(['restore', file], target);
  expect(restore.stderr).toBe('');
  expect(restore.stdout).toMatch(/Restored \d+ tables, \d+ rows from .* \(made .* on pglite\)/);
  expect(restore.code).toBe(0);

  const again = await tulay(['restore', file], target);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/^The target database is not empty: .*users \(2 rows\)/);

  const missing = await tulay(['backup', join(dir, 'x.gz')], join(dir, 'never-created'));
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('There is no embedded database in DATA_DIR');
  expect(existsSync(join(dir, 'never-created'))).toBe(false);

  for (const [path, bytes] of stored.referenced)
    expect(readFileSync(join(target, path)).equals(bytes)).toBe(true);
  for (const path of stored.unreferenced) expect(existsSync(join(target, path))).toBe(false);
  const restored = await freshDatabase('pglite', { dataDir: target, probe: false });
  try {
    expect(withoutCliAudit(await dump(restored.database))).toEqual(before);
  } finally {
    await restored.database.close();
  }
});
