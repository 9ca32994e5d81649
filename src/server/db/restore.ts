import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import {
  applicationTables,
  type BackupHeader,
  damaged,
  headerSchema,
  migrationCount,
  quoteIdent,
  RestoreRefused,
  setCanonicalOutput,
  type Table,
} from './backup.ts';
import type { Database } from './client.ts';
import { FileSink } from './restore-files.ts';
import { insertRows, type Row } from './restore-rows.ts';

export { RestoreRefused };

/**
 * What "empty" means: the database has the current migrations, and no accounts, no organisations
 * and no audit events other than the CLI's own (`tulay users list` run on the new database, say).
 * Every action of a person leaves at least one of these (setup creates the first account and
 * organisation; every write request is audited), so a database without them holds only what
 * migrations, `tulay start` and the CLI put there: reference vocabularies, each role's 2FA default,
 * the first-administrator setup link. Restore deletes those rows and loads the backup's instead.
 */
export const GUARDS: Record<string, string> = {
  users: 'true',
  organisations: 'true',
  audit_events: "actor_email is distinct from 'cli'",
};

/** The guarded tables of the target that hold rows, with their counts ("users (3 rows)"). */
export async function nonEmptyTables(client: pg.ClientBase, tables: Table[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables.filter((t) => t.name in GUARDS)) {
    const r = await client.query<{ n: string }>(
      `select count(*) as n from ${quoteIdent(table.name)} where ${GUARDS[table.name]}`,
    );
    const n = Number(r.rows[0]!.n);
    if (n > 0) found.push(`${table.name} (${n} row${n === 1 ? '' : 's'})`);
  }
  return found;
}

export interface RestoreResult {
  header: BackupHeader;
  /** Audit events the CLI had written on the empty target, replaced by the backup's history. */
  discardedCliEvents: number;
}

/** Reads the file line by line, turning every stream failure into a clear refusal. */
async function* readLines(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new RestoreRefused(`No such file: ${file}`);
    if (e.code === 'Z_DATA_ERROR' && /header/.test(e.message))
      throw damaged('not a gzip-compressed Tulay backup');
    throw damaged(e.message);
  } finally {
    raw.destroy();
  }
  if (pending + decoder.end() !== '') throw damaged('the last line is cut off');
}

function parse(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged(`line ${lineNumber} is not valid JSON`);
  }
}

/** Reads and checks just the header, so the target can be checked before anything is written. */
export async function readHeader(file: string): Promise<BackupHeader> {
  const lines = readLines(file);
  const first = await lines.next();
  await lines.return(undefined);
  if (first.done) throw damaged('the file is empty');
  const parsed = headerSchema.safeParse(parse(first.value, 1));
  if (!parsed.success)
    throw new RestoreRefused('This file is not a Tulay backup of a version this Tulay can read.');
  return parsed.data;
}

/**
 * Loads a backup into an empty, migrated database of either engine, in one transaction: on any
 * problem (damaged file, different schema, constraint failure) nothing is written.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  options: { dataDir?: string } = {},
): Promise<RestoreResult> {
  const header = await readHeader(file);
  const client = await database.pool.connect();
  const blobs = new FileSink(options.dataDir);
  try {
    await client.query('begin');
    await setCanonicalOutput(client);
    const target = await applicationTables(client);
    await checkTarget(client, header, target);
    const tables = new Map(target.map((t) => [t.name, t]));
    await client.query(`lock table ${target.map((t) => quoteIdent(t.name)).join(', ')} in exclusive mode`);
    const busy = await nonEmptyTables(client, target);
    if (busy.length) {
      throw new RestoreRefused(
        `The target database is not empty: ${busy.join(', ')}. Restore only into a new database ` +
          '(a fresh DATA_DIR, or a newly created PostgreSQL database), before anyone has used the setup link.',
      );
    }
    // Triggers would rewrite values on the way in (timestamps, derived columns); the backup already
    // holds their results. Foreign-key checks are internal triggers and stay on.
    for (const t of target.filter((t) => t.hasTriggers)) {
      await client.query(`alter table ${quoteIdent(t.name)} disable trigger user`);
    }
    const cliEvents = await client.query<{ n: string }>('select count(*) as n from audit_events');
    // Start-up rows go, children first; the backup brings its own (possibly edited) versions.
    for (const t of [...target].reverse()) await client.query(`delete from ${quoteIdent(t.name)}`);
    await loadRows(client, file, header, tables, blobs);
    for (const t of target.filter((t) => t.hasTriggers)) {
      await client.query(`alter table ${quoteIdent(t.name)} enable trigger user`);
    }
    await resetSequences(client, target);
    await blobs.checkReferences(client);
    for (const t of header.tables) {
      const r = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(t.name)}`);
      if (Number(r.rows[0]!.n) !== t.rows) throw damaged(`table ${t.name} did not restore ${t.rows} rows`);
    }
    await client.query('commit');
    return { header, discardedCliEvents: Number(cliEvents.rows[0]!.n) };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    await blobs.undo();
    throw error;
  } finally {
    client.release();
  }
}

/** Same migrations and the same tables and columns, or the rows would not mean the same thing. */
async function checkTarget(client: pg.ClientBase, header: BackupHeader, target: Table[]): Promise<void> {
  const migrations = await migrationCount(client);
  if (migrations !== header.migrations) {
    throw new RestoreRefused(
      `The backup was made by a Tulay with ${header.migrations} migrations; this database has ${migrations}. ` +
        'Restore it with the Tulay version that wrote it, then upgrade.',
    );
  }
  const byName = new Map(target.map((t) => [t.name, t]));
  const describe = (cols: { name: string }[]) => cols.map((c) => c.name).join(',');
  for (const t of header.tables) {
    const here = byName.get(t.name);
    if (!here) throw new RestoreRefused(`The backup holds a table this database does not have: ${t.name}.`);
    if (describe(here.columns) !== describe(t.columns)) {
      throw new RestoreRefused(`The columns of table ${t.name} differ between the backup and this database.`);
    }
  }
  const missing = target.filter((t) => !header.tables.some((h) => h.name === t.name));
  if (missing.length) {
    throw new RestoreRefused(
      `The backup lacks tables this database has: ${missing.map((t) => t.name).join(', ')}.`,
    );
  }
}

async function loadRows(
  client: pg.ClientBase,
  file: string,
  header: BackupHeader,
  tables: Map<string, Table>,
  blobs: FileSink,
) {
  let lineNumber = 1;
  let tableIndex = -1;
  let table: Table | undefined;
  let expected = 0;
  let seen = 0;
  let batch: Row[] = [];
  // Where each row came from, so a value the target refuses can be pointed at in the file.
  let lineOf = new Map<Row, number>();
  let ended = false;
  const flush = async () => {
    await insertRows(client, table!, batch, lineOf);
    batch = [];
    lineOf = new Map();
  };
  const finishTable = async () => {
    if (!table) return;
    if (table.selfReferences.length) batch = parentsFirst(table, batch);
    await flush();
    if (seen !== expected) throw damaged(`table ${table.name} has ${seen} rows, the header says ${expected}`);
  };
  const lines = readLines(file);
  await lines.next(); // the header, already checked
  for await (const line of lines) {
    lineNumber += 1;
    if (ended) throw damaged(`unexpected data after the end marker on line ${lineNumber}`);
    const value = parse(line, lineNumber);
    if (Array.isArray(value)) {
      if (
        !table ||
        value.length !== table.columns.length ||
        !value.every((v) => v === null || typeof v === 'string')
      ) {
        throw damaged(`line ${lineNumber} is not a row of the expected shape`);
      }
      seen += 1;
      batch.push(value as Row);
      lineOf.set(value as Row, lineNumber);
      // A table referring to itself is kept whole so its rows can be put parents first.
      if (!table.selfReferences.length && batch.length >= 500) await flush();
    } else if (value && typeof value === 'object' && 'table' in value) {
      await finishTable();
      tableIndex += 1;
      const described = header.tables[tableIndex];
      if (!described || described.name !== value.table)
        throw damaged(`unexpected table on line ${lineNumber}`);
      table = tables.get(described.name)!;
      expected = described.rows;
      seen = 0;
    } else if (value && typeof value === 'object' && 'data' in value && Object.keys(value).length === 1) {
      await blobs.data(value.data, lineNumber);
    } else if (value && typeof value === 'object' && ('file' in value || 'blob' in value)) {
      if (tableIndex !== header.tables.length - 1) throw damaged(`unexpected file on line ${lineNumber}`);
      await finishTable();
      table = undefined;
      if ('file' in value) await blobs.begin(value.file, lineNumber);
      else if (header.version === 1)
        await blobs.legacyBlob(value.blob, (value as { data?: unknown }).data, lineNumber);
      else throw damaged(`line ${lineNumber} is not understood`);
    } else if (value && typeof value === 'object' && 'end' in value) {
      await finishTable();
      await blobs.finish();
      table = undefined;
      ended = true;
      const files = (value as { files?: unknown }).files ?? 0;
      if (files !== blobs.count) throw damaged(`it holds ${blobs.count} files, its end marker says ${files}`);
    } else {
      throw damaged(`line ${lineNumber} is not understood`);
    }
  }
  if (!ended || tableIndex !== header.tables.length - 1) throw damaged('the file ends before its end marker');
}

/** Orders rows of a self-referencing table so every row comes after the row it points to. */
function parentsFirst(table: Table, rows: Row[]): Row[] {
  const keyOf = (row: Row, columns: number[]) =>
    columns.some((i) => row[i] === null) ? null : JSON.stringify(columns.map((i) => row[i]));
  const placed = new Set<string>();
  const pendingKeys = new Map<string, number>();
  for (const ref of table.selfReferences) {
    for (const row of rows) {
      const k = keyOf(row, ref.to);
      if (k) pendingKeys.set(`${ref.to}|${k}`, (pendingKeys.get(`${ref.to}|${k}`) ?? 0) + 1);
    }
  }
  const ready = (row: Row) =>
    table.selfReferences.every((ref) => {
      const k = keyOf(row, ref.from);
      return k === null || placed.has(`${ref.to}|${k}`) || !pendingKeys.has(`${ref.to}|${k}`);
    });
  const ordered: Row[] = [];
  let rest = rows;
  while (rest.length) {
    const next: Row[] = [];
    for (const row of rest) {
      if (!ready(row)) {
        next.push(row);
        continue;
      }
      ordered.push(row);
      for (const ref of table.selfReferences) {
        const k = keyOf(row, ref.to);
        if (k) placed.add(`${ref.to}|${k}`);
      }
    }
    // Rows pointing at each other in a loop cannot be ordered; insert them and let the constraint speak.
    if (next.length === rest.length) return [...ordered, ...next];
    rest = next;
  }
  return ordered;
}

async function resetSequences(client: pg.ClientBase, tables: Table[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.columns.filter((c) => c.sequence)) {
      const col = quoteIdent(column.name);
      await client.query(
        `select setval($1::regclass, coalesce(max(${col}), 1), max(${col}) is not null) from ${quoteIdent(table.name)}`,
        [column.sequence],
      );
    }
  }
}
