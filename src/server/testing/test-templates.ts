import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { migrationsFolder, runMigrations } from '../db/migrate.ts';

// Every test file gets its own database, and used to pay for an empty cluster plus all the
// migrations each time (about 5 s of CPU per file on PGlite). Migrating once and copying is the
// same database for a fraction of that. The copies are keyed by the migrations' contents and the
// engine version, so a changed or added migration makes a new template and a stale one is never used.

/** Bump when the way a template is made changes. */
const FORMAT = 1;

/** False when TULAY_TEST_TEMPLATES=off: every test database is then made from scratch, as before. */
export function templatesEnabled(): boolean {
  return process.env.TULAY_TEST_TEMPLATES !== 'off';
}

let key: string | undefined;

/** Where the embedded templates are kept between runs. */
const templatesDir = join(tmpdir(), 'tulay-test-templates');

/** Templates of other migrations untouched for a day: made by older checkouts, never read again. */
function pruneOldTemplates(): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const entry of readdirSync(templatesDir)) {
    const path = join(templatesDir, entry);
    try {
      if (!entry.includes(templateKey()) && statSync(path).mtimeMs < dayAgo)
        rmSync(path, { recursive: true, force: true });
    } catch {} // another run pruned it first
  }
}

/** A digest of every migration file and the engine version: names one template. */
export function templateKey(): string {
  if (key) return key;
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  // The package does not export its package.json; the installed copy is where npm puts it.
  hash.update(
    readFileSync(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url)),
  );
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else hash.update(`${prefix}${entry.name}\n`).update(readFileSync(path));
    }
  };
  walk(migrationsFolder, '');
  key = hash.digest('hex').slice(0, 16);
  return key;
}

/**
 * The path of a tarball of a migrated embedded database (PGlite `dumpDataDir`), made on first use
 * and shared by every later test file and run. Written aside and renamed, so concurrent runs never
 * read half a file.
 */
export async function pgliteTemplate(): Promise<string> {
  const path = join(templatesDir, `pglite-${templateKey()}.tar`);
  if (existsSync(path)) return path;
  mkdirSync(templatesDir, { recursive: true });
  pruneOldTemplates();
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  // The worker keeps its engine to itself, so the template is made in this thread with the same
  // extensions and drizzle's PGlite driver (the same migrator and SQL as `runMigrations`).
  // `runMigrations` still runs on every copy, and finds nothing left to do.
  const engine = await PGlite.create('memory://', { extensions: { btree_gist, pg_trgm, unaccent } });
  try {
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(drizzle(engine), {
      migrationsFolder,
      migrationsSchema: 'tulay_meta',
      migrationsTable: 'migrations',
    });
    const tarball = await engine.dumpDataDir('none');
    const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(aside, Buffer.from(await tarball.arrayBuffer()));
    renameSync(aside, path);
  } finally {
    await engine.close();
  }
  return path;
}

/**
 * A migrated embedded data directory (its `pg` folder) for servers that run on a real DATA_DIR,
 * as the browser journeys do: copying it is PGDATA after migrations, without initdb or migrating.
 */
export async function pgliteDirTemplate(): Promise<string> {
  const path = join(templatesDir, `pglite-dir-${templateKey()}`);
  if (existsSync(join(path, 'pg', 'PG_VERSION'))) return path;
  mkdirSync(templatesDir, { recursive: true });
  pruneOldTemplates();
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ dataDir: aside, statementTimeoutMs: 10 * 60_000 });
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
  try {
    renameSync(aside, path);
  } catch {
    rmSync(aside, { recursive: true, force: true }); // another run made it first
  }
  return path;
}

/**
 * The name of a migrated database on the PostgreSQL server at `serverUrl`, made on first use, for
 * `CREATE DATABASE … TEMPLATE`. It accepts no connections, so copying it never finds one.
 */
export async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `tulay_template_${templateKey()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `tulay_tbuild_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${building}`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const database = await openDatabase({
        databaseUrl: url.toString(),
        dataDir: '',
        statementTimeoutMs: 10 * 60_000,
      });
      try {
        await runMigrations(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} with allow_connections false`);
      // Closed connections can linger a moment on the server; renaming waits for them.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await admin.query(`alter database ${building} rename to ${name}`);
          return name;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === '42P04') return name; // another run made it first
          if (code !== '55006' || attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      await admin.query(`drop database if exists ${building} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
