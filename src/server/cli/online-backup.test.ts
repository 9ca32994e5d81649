// `tulay backup` while Tulay runs on the embedded engine: the running server writes the snapshot,
// and the snapshot is consistent although writes go on around it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { fill, freshDatabase, withStoredFiles } from '../db/backup-testing.ts';
import { restoreBackup } from '../db/restore.ts';
import { startServer } from '../server.ts';

const bin = fileURLToPath(new URL('../../../bin/tulay.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tulay-online-'));
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

it('backs up the embedded database through the running server while it serves writes', {
  timeout: 240_000,
}, async () => {
  const dataDir = join(dir, 'data');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
  });
  const running = await startServer(config);
  const { pool } = running.database;
  let stop = false;
  let written = 0;
  let writer: Promise<void> = Promise.resolve();
  try {
    await fill(running.database, { probe: false });
    const stored = await withStoredFiles(running.database, dataDir);
    // Each write is two rows in one transaction: a snapshot holds both or neither.
    writer = (async () => {
      while (!stop) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const org = await client.query<{ id: string }>(
            'insert into organisations (name) values ($1) returning id',
            [`Writer ${written}`],
          );
          await client.query(
            "with p as (insert into programmes (name) values ('pair') returning id) insert into programme_organisations (programme_id, organisation_id, role) select id, $1, 'runs' from p",
            [org.rows[0]!.id],
          );
          await client.query('commit');
          written += 1;
        } finally {
          client.release();
        }
      }
    })();
    while (written < 5) await new Promise((r) => setTimeout(r, 20));
    const before = written;
    const file = join(dir, 'online.tulay.gz');
    const backup = await tulay(['backup', file], dataDir);
    const after = written;
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(
      /^Backup written to .*online\.tulay\.gz \(\d+ tables, \d+ rows, online by the running Tulay\)\.\n$/,
    );
    expect(backup.code).toBe(0);
    expect(after).toBeGreaterThan(before); // the server kept serving writes while the CLI waited
    expect(statSync(file).mode & 0o777).toBe(0o600);
    stop = true;
    await writer;

    const target = await freshDatabase('pglite', { probe: false });
    const targetDir = join(dir, 'restored');
    try {
      await restoreBackup(target.database, file, { dataDir: targetDir });
      const counts = await target.database.pool.query<{ orgs: number; pairs: number }>(
        `select (select count(*)::int from organisations where name like 'Writer %') as orgs,
                (select count(*)::int from programmes where name = 'pair') as pairs`,
      );
      const { orgs, pairs } = counts.rows[0]!;
      expect(pairs).toBe(orgs);
      expect(orgs).toBeGreaterThanOrEqual(before);
      expect(orgs).toBeLessThanOrEqual(after);
      for (const [path, bytes] of stored.referenced)
        expect(readFileSync(join(targetDir, path)).equals(bytes)).toBe(true);
    } finally {
      await target.close();
    }
  } finally {
    stop = true;
    await writer.catch(() => {});
    await running.stop();
  }
});
