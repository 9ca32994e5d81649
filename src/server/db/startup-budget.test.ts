import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../server.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { type Database, openDatabase } from './client.ts';

// STATEMENT_TIMEOUT_MS bounds requests; start-up (migrations, role defaults, demo data) has its own,
// larger budget, so even the smallest allowed timeout starts. Before, the embedded engine's
// watchdog restarted the worker in the middle of a migration and the start failed.
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function start(timeoutMs: number): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tulay-startup-'));
  let url: string | undefined;
  let drop = async () => {};
  if (process.env.DATABASE_URL) {
    const created = await createTestDatabase();
    await created.database.close();
    url = created.url;
    drop = () => created.drop().catch(() => {});
  }
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'true' } as NodeJS.ProcessEnv, {
    STATEMENT_TIMEOUT_MS: timeoutMs,
    DATA_DIR: dataDir,
    dataDir,
    DATABASE_URL: url,
  });
  const { database } = await prepareDatabase(config);
  cleanups.push(async () => {
    await database.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return database;
}

describe('start-up with a small STATEMENT_TIMEOUT_MS', () => {
  it('migrates and loads demo data, then holds requests to the small timeout', async () => {
    const database = await start(100);
    const n = await database.pool.query('select count(*)::int as n from organisations');
    expect(n.rows[0].n).toBeGreaterThan(0);
    // The budget is for start-up only: a request's statement is still held to 100 ms.
    await expect(database.pool.query('select pg_sleep(3)')).rejects.toThrow();
  }, 120_000);

  it('a statement inside the budget may outlive the timeout', async () => {
    const url = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    await url?.database.close();
    const database = await openDatabase({
      databaseUrl: url?.url,
      dataDir: 'memory://',
      statementTimeoutMs: 1000,
    });
    cleanups.push(async () => {
      await database.close();
      await url?.drop().catch(() => {});
    });
    const result = await database.withStatementBudget(10_000, (slow) =>
      slow.pool.query('select pg_sleep(1.5), 1 as n'),
    );
    expect(result.rows[0].n).toBe(1);
    expect(database.restarts()).toBe(0);
  }, 60_000);
});
