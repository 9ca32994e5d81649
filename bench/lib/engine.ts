import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type Engine, openDatabase } from '../../src/server/db/client.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A throw-away database for one benchmark: in memory (or a temporary directory) for the embedded engine, a new database on
 * the PostgreSQL server (dropped by `drop`). Null, with a note, when the server is not reachable.
 */
export async function openBenchDatabase(
  engine: Engine,
  statementTimeoutMs: number,
  options: { onDisk?: boolean } = {},
): Promise<{ database: Database; drop(): Promise<void> } | null> {
  if (engine === 'pglite') {
    // On disk (a temporary directory) for data sets too large to keep in memory.
    const dataDir = options.onDisk ? mkdtempSync(join(tmpdir(), 'tulay-bench-')) : 'memory://';
    const database = await openDatabase({ dataDir, statementTimeoutMs });
    return {
      database,
      async drop() {
        await database.close();
        if (dataDir !== 'memory://') rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tulay_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`  (PostgreSQL at ${serverUrl} is not reachable, skipped: ${(error as Error).message})`);
    return null;
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', statementTimeoutMs });
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
