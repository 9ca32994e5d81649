import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../server.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import type { Database } from './client.ts';

// A statement that outlives STATEMENT_TIMEOUT_MS, on either engine: PostgreSQL cancels it (57014);
// the embedded engine's watchdog restarts the worker, which ends the connection under pg. Either
// way the request gets 503 database_timeout, the process lives on and the next request works.
const TIMEOUT_MS = 1000;

let app: FastifyInstance;
let database: Database;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  let url: string | undefined;
  let dropServerDatabase = async () => {};
  const dataDir = mkdtempSync(join(tmpdir(), 'tulay-timeout-'));
  if (process.env.DATABASE_URL) {
    const created = await createTestDatabase();
    await created.database.close();
    url = created.url;
    dropServerDatabase = async () => {
      // drop() closes its database again: tolerate the second close.
      await created.drop().catch(() => {});
    };
  }
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' } as NodeJS.ProcessEnv, {
    STATEMENT_TIMEOUT_MS: TIMEOUT_MS,
    DATA_DIR: dataDir,
    dataDir,
    DATABASE_URL: url,
  });
  ({ database } = await prepareDatabase(config));
  app = await buildApp({ config, database, webRoot: '/nonexistent' });
  // Test-only routes: a runaway statement inside a transaction (a checked-out client, where pg's
  // 'error' event used to go unheard) and outside one.
  app.get('/test/slow-transaction', { config: { access: 'public' } }, async () =>
    database.db.transaction(async (tx) => (await tx.execute(sql`select pg_sleep(30)`)).rows),
  );
  app.get('/test/slow', { config: { access: 'public' } }, async () => {
    await database.db.execute(sql`select pg_sleep(30)`);
    return {};
  });
  await app.ready();
  cleanup = async () => {
    await app.close();
    await database.close();
    await dropServerDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  };
});
afterAll(() => cleanup());

describe('a statement past STATEMENT_TIMEOUT_MS', () => {
  for (const url of ['/test/slow-transaction', '/test/slow']) {
    it(`answers 503 database_timeout and the next request works (${url})`, async () => {
      const slow = await app.inject({ method: 'GET', url });
      expect(slow.statusCode, slow.body).toBe(503);
      expect(slow.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(slow.json()).toMatchObject({ status: 503, code: 'database_timeout' });
      const next = await app.inject({ method: 'GET', url: '/readyz' });
      expect(next.statusCode, next.body).toBe(200);
      expect((await database.pool.query('select 1 as n')).rows).toEqual([{ n: 1 }]);
    }, 20_000);
  }

  it('a request queued behind the runaway statement is served after it', async () => {
    const slow = app.inject({ method: 'GET', url: '/test/slow-transaction' });
    await new Promise((r) => setTimeout(r, 100));
    const queued = app.inject({ method: 'GET', url: '/readyz' });
    expect((await slow).statusCode).toBe(503);
    expect((await queued).statusCode).toBe(200);
  }, 20_000);
});
