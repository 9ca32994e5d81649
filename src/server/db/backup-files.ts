import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type pg from 'pg';
import { quoteIdent } from './backup.ts';
import { BackupRefused } from './backup-errors.ts';
import { FILE_STORES, type FileStore } from './file-stores.ts';

/**
 * Raw bytes per data line of a stored file: lines stay near 1 MB, so neither side ever holds a
 * whole 100 MB upload as one string.
 */
export const FILE_CHUNK_BYTES = 768 * 1024;

/** One stored file a row of the snapshot names (the first such row, for messages). */
export interface FileReference {
  store: FileStore;
  sha256: string;
  table: string;
  id: string;
}

/** Every stored file the rows name, once per store and hash, in a stable order. */
export async function referencedFiles(client: pg.ClientBase): Promise<FileReference[]> {
  const found: FileReference[] = [];
  for (const store of FILE_STORES) {
    const exists = await client.query<{ t: string | null }>('select to_regclass($1)::text as t', [
      `public.${store.table}`,
    ]);
    if (!exists.rows[0]!.t) continue;
    const col = quoteIdent(store.column);
    const rows = await client.query<{ id: string; sha256: string }>(
      `select distinct on (${col}) id::text as id, ${col} as sha256 from ${quoteIdent(store.table)} order by ${col}, id`,
    );
    for (const r of rows.rows) found.push({ store, sha256: r.sha256, table: store.table, id: r.id });
  }
  return found;
}

/** A file the rows name is missing or its bytes no longer match their hash. */
export class StoredFileUnavailable extends BackupRefused {
  constructor(
    readonly reference: FileReference,
    readonly path: string,
    readonly reason: 'missing' | 'damaged',
  ) {
    super(
      `The stored file ${path} (named by ${reference.table} row ${reference.id}) is ` +
        `${reason === 'missing' ? 'missing' : 'damaged: its content no longer matches its SHA-256'}. ` +
        'A backup without it would not restore. Put the file back from an earlier backup, or delete ' +
        'the record that names it, then back up again.',
    );
  }
}

/**
 * A header line and base64 data lines for each referenced file, each checked against its hash
 * while it is read. Answers how many files were written.
 */
export async function* fileLines(
  dataDir: string,
  references: FileReference[],
): AsyncGenerator<string, number> {
  for (const ref of references) {
    const path = ref.store.path(dataDir, ref.sha256);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new StoredFileUnavailable(ref, path, 'missing');
    yield `${JSON.stringify({ file: { store: ref.store.name, sha256: ref.sha256, size: info.size } })}\n`;
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES })) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
        yield `${JSON.stringify({ data: (chunk as Buffer).toString('base64') })}\n`;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new StoredFileUnavailable(ref, path, 'missing');
      throw error;
    }
    if (size !== info.size || hash.digest('hex') !== ref.sha256)
      throw new StoredFileUnavailable(ref, path, 'damaged');
  }
  return references.length;
}

/** Whether a row still names the file now (outside the backup's snapshot). */
export async function stillReferenced(pool: pg.Pool, ref: FileReference): Promise<boolean> {
  const r = await pool.query(
    `select 1 from ${quoteIdent(ref.table)} where ${quoteIdent(ref.store.column)} = $1 limit 1`,
    [ref.sha256],
  );
  return (r.rowCount ?? 0) > 0;
}
