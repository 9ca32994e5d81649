import { createWriteStream } from 'node:fs';
import { open as open_, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { z } from 'zod';
import { BackupRefused, damaged, RestoreRefused } from './backup-errors.ts';
import { fileLines, referencedFiles, StoredFileUnavailable, stillReferenced } from './backup-files.ts';
import type { Database } from './client.ts';

/** Bumped when the file layout changes; restore refuses versions it does not know. */
export const BACKUP_FORMAT = 'tulay-backup';
export const BACKUP_VERSION = 2;

export interface Column {
  name: string;
  /** The type as PostgreSQL spells it (format_type), used to cast text back on restore. */
  type: string;
  /** GENERATED ALWAYS AS IDENTITY: restore must say OVERRIDING SYSTEM VALUE to keep the ids. */
  identityAlways: boolean;
  /** The sequence behind a serial or identity column, reset after restore. */
  sequence: string | null;
}

export interface Table {
  name: string;
  /** Stored columns only: generated columns are recomputed by the target. */
  columns: Column[];
  primaryKey: string[];
  /** Foreign keys from this table to itself, as column index pairs (child → referenced). */
  selfReferences: { from: number[]; to: number[] }[];
  /** Whether the table has user triggers (restore disables them so values arrive unchanged). */
  hasTriggers: boolean;
}

/** The first line of a backup file; restore checks it before reading any row. */
export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  // Version 1 carried only case evidence (as `blob` lines); restore still reads it.
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  migrations: z.number().int().min(0),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      rows: z.number().int().min(0),
    }),
  ),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export { BackupRefused, damaged, RestoreRefused };

/** A table or column name as an SQL identifier (names come from the catalog, never from input). */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The same session settings on both engines, so every value's text form is canonical; and
 * row_security off, so a row-level security policy raises an error instead of silently leaving
 * rows out of a backup (or a restore).
 */
export async function setCanonicalOutput(client: pg.ClientBase): Promise<void> {
  await client.query(
    "set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; " +
      "set local bytea_output = 'hex'; set local extra_float_digits = 1; set local row_security = off",
  );
}

/**
 * The application's tables in the public schema, parents before children (foreign keys), so a
 * restore can insert them in this order with every constraint checked. Cycles between tables
 * cannot be ordered and are refused; a table referring to itself is ordered row by row on restore.
 */
export async function applicationTables(client: pg.ClientBase): Promise<Table[]> {
  const columns = await client.query<{
    table: string;
    name: string;
    type: string;
    generated: string;
    identity: string;
    sequence: string | null;
  }>(`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attgenerated::text as generated, a.attidentity::text as identity,
           pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`);
  const constraints = await client.query<{
    table: string;
    kind: string;
    parent: string | null;
    cols: string[];
    refs: string[] | null;
  }>(`
    select src.relname as table, con.contype::text as kind, dst.relname as parent,
      (select array_agg(a.attname::text order by k.i) from unnest(con.conkey) with ordinality k(n, i)
         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n) as cols,
      (select array_agg(a.attname::text order by k.i) from unnest(con.confkey) with ordinality k(n, i)
         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n) as refs
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid
    join pg_namespace n on n.oid = src.relnamespace
    left join pg_class dst on dst.oid = con.confrelid
    where n.nspname = 'public' and con.contype in ('p', 'f')`);
  const triggers = await client.query<{ table: string }>(`
    select distinct c.relname as table from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal`);
  const withTriggers = new Set(triggers.rows.map((r) => r.table));

  const tables = new Map<string, Table>();
  for (const c of columns.rows) {
    let table = tables.get(c.table);
    if (!table) {
      table = {
        name: c.table,
        columns: [],
        primaryKey: [],
        selfReferences: [],
        hasTriggers: withTriggers.has(c.table),
      };
      tables.set(c.table, table);
    }
    if (c.generated !== '') continue; // recomputed by the target from the other columns
    table.columns.push({
      name: c.name,
      type: c.type,
      identityAlways: c.identity === 'a',
      sequence: c.sequence,
    });
  }
  const parents = new Map<string, Set<string>>([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const con of constraints.rows) {
    const table = tables.get(con.table);
    if (!table) continue;
    if (con.kind === 'p') table.primaryKey = con.cols;
    else if (con.parent === con.table) {
      const index = (name: string) => table.columns.findIndex((c) => c.name === name);
      table.selfReferences.push({ from: con.cols.map(index), to: (con.refs ?? []).map(index) });
    } else if (con.parent && tables.has(con.parent)) parents.get(con.table)!.add(con.parent);
  }
  return topologicalOrder(parents).map((name) => tables.get(name)!);
}

/** Kahn's algorithm, alphabetical among equals so the order (and the file) is stable. */
function topologicalOrder(parents: Map<string, Set<string>>): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const names = [...parents.keys()].sort();
  while (order.length < names.length) {
    const ready = names.filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)));
    if (ready.length === 0) {
      const stuck = names.filter((n) => !done.has(n)).join(', ');
      throw new Error(
        `Foreign keys form a cycle between tables (${stuck}); they cannot be ordered for restore.`,
      );
    }
    for (const n of ready) {
      done.add(n);
      order.push(n);
    }
  }
  return order;
}

/** How many Tulay migrations this database has applied; refuses a database that is not Tulay's. */
export async function migrationCount(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ t: string | null }>(
    "select to_regclass('tulay_meta.migrations')::text as t",
  );
  if (!table.rows[0]!.t)
    throw new BackupRefused('This database has no Tulay migrations: it is not a Tulay database.');
  const result = await client.query<{ n: number }>('select count(*)::int as n from tulay_meta.migrations');
  return result.rows[0]!.n;
}

const FETCH_ROWS = 1000;

/**
 * Writes every application table, and every stored file its rows name, to `file` (gzip-compressed
 * JSON lines) from one consistent snapshot. The file appears only when complete: it is written
 * beside the target and renamed. `dataDir` is where the file stores live (DATA_DIR).
 */
export async function writeBackup(
  database: Database,
  file: string,
  options: { dataDir?: string } = {},
): Promise<BackupHeader> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeOnce(database, file, options.dataDir);
    } catch (error) {
      // A file deleted after the snapshot together with its rows (retention, a removed
      // publication) is not lost: a new snapshot no longer names it.
      if (
        error instanceof StoredFileUnavailable &&
        attempt < 3 &&
        !(await stillReferenced(database.pool, error.reference))
      )
        continue;
      throw error;
    }
  }
}

async function writeOnce(database: Database, file: string, dataDir?: string): Promise<BackupHeader> {
  const temporary = `${file}.partial-${process.pid}`;
  const client = await database.pool.connect();
  let open = true;
  const finishSnapshot = async () => {
    if (!open) return;
    open = false;
    await client.query('commit');
    client.release();
  };
  try {
    // One snapshot for the whole file: rows written while the backup runs are either all in or all out.
    await client.query('begin isolation level repeatable read read only');
    await setCanonicalOutput(client);
    const tables = await applicationTables(client);
    const counts: number[] = [];
    for (const table of tables) {
      const r = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(table.name)}`);
      counts.push(Number(r.rows[0]!.n));
    }
    const version = await client.query<{ v: string }>('select version() as v');
    const files = await referencedFiles(client);
    if (files.length && dataDir === undefined)
      throw new BackupRefused(
        'The records name stored files, but no data directory was given to read them from.',
      );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      migrations: await migrationCount(client),
      createdAt: new Date().toISOString(),
      engine: database.engine,
      serverVersion: version.rows[0]!.v,
      tables: tables.map((t, i) => ({
        name: t.name,
        columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
        rows: counts[i]!,
      })),
    };
    await pipeline(
      async function* () {
        yield `${JSON.stringify(header)}\n`;
        let total = 0;
        for (const table of tables) {
          yield `${JSON.stringify({ table: table.name })}\n`;
          total += yield* tableRows(client, table);
        }
        // The rows are read: the snapshot ends here, so a running server (one connection on the
        // embedded engine) is held up only for the rows, not while the files are copied.
        await finishSnapshot();
        // Stored files live on disk, not in the database: they travel in the same file.
        const count = files.length ? yield* fileLines(dataDir!, files) : 0;
        yield `${JSON.stringify({ end: true, rows: total, files: count })}\n`;
      },
      createGzip(),
      createWriteStream(temporary, { mode: 0o600 }),
    );
    const handle = await open_(temporary, 'r+');
    await handle.sync(); // the rename must not publish a file whose bytes are still only in cache
    await handle.close();
    await rename(temporary, file);
    return header;
  } catch (error) {
    if (open) {
      open = false;
      await client.query('rollback').catch(() => {});
      client.release();
    }
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Each row as a JSON array of the columns' text forms (null stays null): exact on both engines. */
async function* tableRows(client: pg.ClientBase, table: Table): AsyncGenerator<string, number> {
  const select = table.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
  const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
  await client.query(
    `declare tulay_backup no scroll cursor for select ${select} from ${quoteIdent(table.name)}${order}`,
  );
  let count = 0;
  for (;;) {
    const batch = await client.query({ text: `fetch ${FETCH_ROWS} from tulay_backup`, rowMode: 'array' });
    if (batch.rows.length === 0) break;
    count += batch.rows.length;
    yield `${batch.rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
  }
  await client.query('close tulay_backup');
  return count;
}
