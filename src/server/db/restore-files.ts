import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type pg from 'pg';
import { quoteIdent } from './backup.ts';
import { damaged, RestoreRefused } from './backup-errors.ts';
import { FILE_STORES, type FileStore, storeNamed } from './file-stores.ts';

const SHA256 = /^[0-9a-f]{64}$/;

interface Incoming {
  store: FileStore;
  sha256: string;
  size: number;
  path: string;
  temporary: string;
  handle: FileHandle;
  hash: ReturnType<typeof createHash>;
  written: number;
  line: number;
}

/**
 * Writes the stored files of a backup into DATA_DIR, each checked against its size and SHA-256
 * before it is renamed into place; `undo` removes every file it added, so a refused restore
 * leaves the directory as it found it.
 */
export class FileSink {
  readonly added: string[] = [];
  /** store:sha256 of every file restored or found intact. */
  private readonly present = new Set<string>();
  private incoming: Incoming | null = null;
  count = 0;
  constructor(private readonly dataDir?: string) {}

  /** `{"file": {"store", "sha256", "size"}}`: a file's data lines follow. */
  async begin(value: unknown, line: number): Promise<void> {
    await this.finish();
    const f = value as { store?: unknown; sha256?: unknown; size?: unknown } | null;
    const store = storeNamed(f?.store);
    if (!store || typeof f?.sha256 !== 'string' || !SHA256.test(f.sha256) || !Number.isSafeInteger(f.size))
      throw damaged(`line ${line} is not a file of the expected shape`);
    if (this.dataDir === undefined)
      throw new RestoreRefused(
        'The backup holds stored files, but no directory was given to restore them into.',
      );
    this.count += 1;
    const path = store.path(this.dataDir, f.sha256);
    const temporary = `${path}.restoring-${process.pid}`;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    this.incoming = {
      store,
      sha256: f.sha256,
      size: f.size as number,
      path,
      temporary,
      handle: await open(temporary, 'w', 0o600),
      hash: createHash('sha256'),
      written: 0,
      line,
    };
  }

  /** `{"data": base64}`: the next bytes of the current file. */
  async data(value: unknown, line: number): Promise<void> {
    const file = this.incoming;
    if (!file || typeof value !== 'string') throw damaged(`unexpected file data on line ${line}`);
    const bytes = Buffer.from(value, 'base64');
    file.hash.update(bytes);
    file.written += bytes.length;
    if (file.written > file.size) throw this.mismatch(file);
    await file.handle.write(bytes);
  }

  /** Version 1's `{"blob": "ab/<sha256>", "data": base64}`: one case file on one line. */
  async legacyBlob(name: unknown, data: unknown, line: number): Promise<void> {
    const match = typeof name === 'string' ? /^([0-9a-f]{2})\/(\1[0-9a-f]{62})$/.exec(name) : null;
    if (!match || typeof data !== 'string') throw damaged(`line ${line} is not a file of the expected shape`);
    const bytes = Buffer.from(data, 'base64');
    await this.begin({ store: 'evidence', sha256: match[2], size: bytes.length }, line);
    await this.data(data, line);
    await this.finish();
  }

  /** Checks and publishes the file being written. */
  async finish(): Promise<void> {
    const file = this.incoming;
    if (!file) return;
    this.incoming = null;
    await file.handle.sync();
    await file.handle.close();
    if (file.written !== file.size || file.hash.digest('hex') !== file.sha256) {
      await rm(file.temporary, { force: true });
      throw this.mismatch(file);
    }
    const existed = await stat(file.path).then(
      () => true,
      () => false,
    );
    await rename(file.temporary, file.path);
    if (!existed) this.added.push(file.path);
    this.present.add(`${file.store.name}:${file.sha256}`);
  }

  private mismatch(file: Incoming) {
    return damaged(
      `the content of stored file ${file.sha256} (line ${file.line}) does not match its SHA-256 and size`,
    );
  }

  /**
   * Refuses the restore when a restored row names a file that neither came with the backup nor
   * is already in place and intact: every record must be readable after a restore.
   */
  async checkReferences(client: pg.ClientBase): Promise<void> {
    const missing: string[] = [];
    for (const store of FILE_STORES) {
      const col = quoteIdent(store.column);
      const rows = await client.query<{ id: string; sha256: string }>(
        `select distinct on (${col}) id::text as id, ${col} as sha256 from ${quoteIdent(store.table)} order by ${col}, id`,
      );
      for (const row of rows.rows) {
        if (this.present.has(`${store.name}:${row.sha256}`)) continue;
        if (this.dataDir !== undefined && (await intact(store.path(this.dataDir, row.sha256), row.sha256)))
          continue;
        missing.push(`${store.table} row ${row.id} (file ${row.sha256})`);
      }
    }
    if (missing.length) {
      const shown = missing.slice(0, 5).join('; ');
      const more = missing.length > 5 ? ` and ${missing.length - 5} more` : '';
      throw new RestoreRefused(
        `The backup lacks ${missing.length} stored file${missing.length === 1 ? '' : 's'} that its records name: ` +
          `${shown}${more}. Nothing was restored. Use a backup made by a Tulay that backs up every stored file.`,
      );
    }
  }

  async undo(): Promise<void> {
    if (this.incoming) {
      await this.incoming.handle.close().catch(() => {});
      await rm(this.incoming.temporary, { force: true });
      this.incoming = null;
    }
    for (const path of this.added) await rm(path, { force: true });
  }
}

async function intact(path: string, sha256: string): Promise<boolean> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return false;
  }
  return hash.digest('hex') === sha256;
}
