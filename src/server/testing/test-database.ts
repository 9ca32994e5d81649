import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { pgliteTemplate, postgresTemplate, templatesEnabled } from './test-templates.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a brand-new
 * database on the PostgreSQL server named by DATABASE_URL, dropped again by `drop()`. Each is a
 * copy of a migrated template (./test-templates.ts) rather than migrated from empty, which is
 * the same database for less time; `runMigrations` still runs and finds nothing to do.
 */
export async function createTestDatabase(options: { applicationOwner?: boolean } = {}): Promise<{
  database: Database;
  url?: string;
  drop(): Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const loadDataDir = templatesEnabled() ? await pgliteTemplate() : undefined;
    const database = await openDatabase({ dataDir: 'memory://', statementTimeoutMs: 20_000, loadDataDir });
    await runMigrations(database);
    return { database, drop: () => database.close() };
  }
  const name = `tulay_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (options.applicationOwner) {
    // As docs/OPERATIONS.md sets up production: an ordinary login role with CREATEROLE owns the
    // database and runs the migrations, so row-level security applies to the owner as it will there.
    await admin.query(`create role ${name} login password '${password}' createrole`);
    await admin.query(`create database ${name} owner ${name}`);
  } else if (templatesEnabled()) {
    // The application-owner databases above cannot be copies: their objects must belong to the
    // new role, as migrations run by it make them.
    await admin.query(`create database ${name} template ${await postgresTemplate(serverUrl)}`);
  } else {
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (options.applicationOwner) {
    url.username = name;
    url.password = password;
  }
  const database = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: '',
    statementTimeoutMs: 20_000,
  });
  await runMigrations(database);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      if (options.applicationOwner) await c.query(`drop role if exists ${name}`);
      await c.end();
    },
  };
}
