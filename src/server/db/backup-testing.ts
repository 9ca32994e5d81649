// Test helpers for backup and restore: databases on both engines, varied rows, and exact dumps.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pg from 'pg';
import { blobPath, writeBlob } from '../modules/cases/files-store.ts';
import { ensureRoleDefaults } from '../platform/auth/bootstrap.ts';
import { DiskStorage } from '../platform/files/storage.ts';
import { applicationTables, quoteIdent, setCanonicalOutput } from './backup.ts';
import { type Database, openDatabase } from './client.ts';
import { runMigrations } from './migrate.ts';

export const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export interface Opened {
  database: Database;
  url?: string;
  close(): Promise<void>;
}

/** A migrated database as `tulay start` leaves it before anyone signs in (role defaults only). */
export async function freshDatabase(
  engine: 'pglite' | 'postgres',
  options: { dataDir?: string; probe?: boolean } = {},
): Promise<Opened> {
  const probe = options.probe ?? true;
  if (engine === 'pglite') {
    const database = await openDatabase({
      dataDir: options.dataDir ?? 'memory://',
      statementTimeoutMs: 20_000,
    });
    await prepare(database, probe);
    return { database, close: () => database.close() };
  }
  const name = `tulay_backup_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: '',
    statementTimeoutMs: 20_000,
  });
  await prepare(database, probe);
  return {
    database,
    url: url.toString(),
    async close() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(text);
  await admin.end();
}

async function prepare(database: Database, probe: boolean) {
  await runMigrations(database);
  await ensureRoleDefaults(database.db);
  if (!probe) return;
  // A table with what the application's tables lack today (identity, self-reference, bytea,
  // floats, arrays, json, a generated column, a trigger), so the restore is proven on them too.
  await database.pool.query(`
    create table zz_probe (
      id bigint generated always as identity primary key,
      parent_id bigint references zz_probe(id),
      label text,
      data bytea,
      f double precision,
      n numeric,
      tags text[],
      j json,
      d date,
      iv interval,
      words tsvector generated always as (to_tsvector('simple', coalesce(label, ''))) stored,
      touched timestamptz
    );
    create function zz_touch() returns trigger language plpgsql as $$
      begin new.touched := now(); return new; end $$;
    create trigger zz_probe_touch before insert or update on zz_probe for each row execute function zz_touch();`);
}

/** Rows in every table, with the quirks a restore must keep: zones, microseconds, unicode, nulls. */
export async function fill(database: Database, options: { probe?: boolean } = {}): Promise<void> {
  await database.pool.query(`
    insert into organisations (id, name, acronym, description, published, founded_year, created_at) values
      ('00000000-0000-4000-8000-000000000001', 'Migrante Hong Kong', 'MHK', null, true, 1985, '2024-02-29 12:34:56.123456+05:30'),
      ('00000000-0000-4000-8000-000000000002', 'Tenaganita 🌏 «Ñandú» 日本語 ภาษาไทย', null, E'two\\nlines\\ttab "quotes" \\\\ back', false, null, '1999-12-31 23:59:59.999999+00');
    insert into memberships (organisation_id, parent_id, role_code, start_date) values
      ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'member', '2020');
    insert into programmes (id, slug, name, summary) values ('00000000-0000-4000-8000-0000000000b1', 'shelter', 'Shelter', '');
    insert into programme_organisations (programme_id, organisation_id, role) values
      ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 'runs');
    insert into users (id, organisation_id, email, name, role, password_hash, totp_enabled, disabled_at) values
      ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'ana@example.org', 'Ana Reyes', 'administrator', '$argon2id$v=19$m=19456,t=2,p=1$abc$def', true, null),
      ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000002', 'siti@example.org', 'Siti', 'viewer', null, false, now());
    insert into sessions (token_hash, user_id, stage, expires_at, ip) values
      ('h1', '00000000-0000-4000-8000-0000000000a1', 'active', now() + interval '1 day', '::1');
    insert into recovery_codes (user_id, code_hash) values ('00000000-0000-4000-8000-0000000000a1', 'c1');
    insert into one_time_tokens (purpose, token_hash, email, user_id, expires_at) values
      ('password_reset', 't1', 'siti@example.org', '00000000-0000-4000-8000-0000000000a2', now() + interval '7 days');
    insert into settings (key, value) values ('demo_data_loaded', '{"at": "2024-01-01", "n": 1.0000000000000002, "nested": {"ok": true, "none": null}}');
    insert into outbox (to_address, subject, body_text, purpose) values ('siti@example.org', 'Kumusta', 'Mabuhay ✓', 'invitation');
    insert into audit_events (action, outcome, details, at) values
      ('auth.login', 'success', '{"ip": "1.2.3.4", "list": [1, "二", false]}', '2025-06-01 00:00:00+00'),
      ('auth.login', 'failed', null, now());
    ${options.probe === false ? '' : PROBE_ROWS}
    `);
  if (options.probe !== false) {
    // A child whose parent comes later by id, so only a parents-first order can insert it.
    await database.pool.query(`insert into zz_probe (label) values ('late parent');
      update zz_probe set parent_id = 4 where id = 1;`);
  }
  // Ids consumed and lost (a rolled-back insert) must not be handed out twice after restore.
  await database.pool.query('select setval(pg_get_serial_sequence($1, $2), 1000)', ['audit_events', 'id']);
  await database.pool.query("insert into audit_events (action, outcome) values ('after.gap', 'success')");
}

const PROBE_ROWS = `
    insert into zz_probe (label, data, f, n, tags, j, d, iv) values
      ('root', '\\x00ff10', 0.1, 123456789.123456789, '{"a","b c",NULL}', '{ "spaces" :  1 }', '2024-02-29', '1 day 02:03:04.5');
    insert into zz_probe (parent_id, label, f) values (1, 'child', 'NaN'), (2, 'grandchild', '-Infinity');`;

/** Every table's rows in their text form, sorted: equal dumps mean equal databases. */
export async function dump(database: Database): Promise<Record<string, string[][]>> {
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await setCanonicalOutput(client);
    const out: Record<string, string[][]> = {};
    for (const table of await applicationTables(client)) {
      const all = await client.query(`select * from ${quoteIdent(table.name)} limit 0`);
      const cols = all.fields.map((f) => `${quoteIdent(f.name)}::text`).join(', ');
      const r = await client.query({
        text: `select ${cols} from ${quoteIdent(table.name)}`,
        rowMode: 'array',
      });
      out[table.name] = (r.rows as string[][]).sort((a, b) =>
        JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
      );
    }
    await client.query('commit');
    return out;
  } finally {
    client.release();
  }
}

/** The stored files `withStoredFiles` wrote, by where they live relative to DATA_DIR. */
export interface StoredFixture {
  /** Relative path → bytes, for every file a row names. */
  referenced: Map<string, Buffer>;
  /** Relative paths of files no row names (an orphan, a write in progress): not backed up. */
  unreferenced: string[];
}

/**
 * A publication with two versions of one file (the same bytes, stored once) plus a second file
 * larger than one backup line, and a case with one evidence file: both file stores, in DATA_DIR.
 */
export async function withStoredFiles(database: Database, dataDir: string): Promise<StoredFixture> {
  const library = new DiskStorage(join(dataDir, 'files'));
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64)]);
  const big = randomBytes(2 * 1024 * 1024 + 17); // three data lines
  const stored = [await library.put(pdf), await library.put(big)];
  const evidence = Buffer.concat([Buffer.from([0, 1, 2, 255]), randomBytes(100)]);
  const evidenceSha = await writeBlob(dataDir, evidence);
  const orphan = await library.put(Buffer.from('bytes of an upload that failed'));
  await mkdir(join(dataDir, 'files', 'tmp'), { recursive: true });
  await writeFile(join(dataDir, 'files', 'tmp', 'in-progress'), 'half an upload');
  await database.pool.query(`
    insert into publications (id, type_code, title) values ('00000000-0000-4000-8000-0000000000b1', 'report', 'Wage theft in the Gulf');
    insert into publication_files (id, publication_id, file_group_id, version_no, file_name, media_type, byte_size, sha256, extraction) values
      ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000d1', 1, 'report.pdf', 'application/pdf', ${pdf.length}, '${stored[0]!.sha256}', 'ok'),
      ('00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000d1', 2, 'report.pdf', 'application/pdf', ${pdf.length}, '${stored[0]!.sha256}', 'ok'),
      ('00000000-0000-4000-8000-0000000000c3', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000d2', 1, 'annex.txt', 'text/plain', ${big.length}, '${stored[1]!.sha256}', 'ok');
    insert into cases (id, organisation_id, reference, title) values
      ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000001', 'C-1', 'Unpaid wages');
    insert into case_files (case_id, blob_sha256, name_enc, content_type, size) values
      ('00000000-0000-4000-8000-0000000000e1', '${evidenceSha}', 'enc', 'application/pdf', ${evidence.length});`);
  const rel = (path: string) => relative(dataDir, path);
  return {
    referenced: new Map([
      [rel(library.path(stored[0]!.sha256)), pdf],
      [rel(library.path(stored[1]!.sha256)), big],
      [rel(blobPath(dataDir, evidenceSha)), evidence],
    ]),
    unreferenced: [rel(library.path(orphan.sha256)), join('files', 'tmp', 'in-progress')],
  };
}
