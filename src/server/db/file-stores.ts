import { join } from 'node:path';
import { blobPath } from '../modules/cases/files-store.ts';
import { statisticsFiles } from '../modules/statistics/files.ts';
import { DiskStorage } from '../platform/files/storage.ts';

/**
 * Every place Tulay keeps file bytes outside the database, with the table and column that name
 * them. Backup and restore are driven by this list: a file travels when a row of the snapshot
 * names it, and a restore is refused when a restored row names a file the target lacks. A new
 * store (or a new table naming stored files) must be added here, or its files are not backed up.
 */
export interface FileStore {
  /** The name written in backups (stable: renaming it breaks restoring older backups). */
  name: 'library' | 'evidence' | 'statistics';
  table: string;
  /** The column holding the SHA-256 (hex) of the stored bytes. */
  column: string;
  /** Where the bytes of `sha256` live under `dataDir`. */
  path(dataDir: string, sha256: string): string;
}

export const FILE_STORES: readonly FileStore[] = [
  {
    // Publications' files: plaintext, content-addressed, DATA_DIR/files/aa/bb/<sha256>.
    name: 'library',
    table: 'publication_files',
    column: 'sha256',
    path: (dataDir, sha256) => new DiskStorage(join(dataDir, 'files')).path(sha256),
  },
  {
    // Case evidence: ciphertext named by its own hash, DATA_DIR/files/ab/<sha256>.
    name: 'evidence',
    table: 'case_files',
    column: 'blob_sha256',
    path: blobPath,
  },
  {
    // Imported statistics files, kept as the figures' provenance: DATA_DIR/statistics-files/aa/bb/<sha256>.
    name: 'statistics',
    table: 'statistics_imports',
    column: 'sha256',
    path: (dataDir, sha256) => statisticsFiles(dataDir).path(sha256),
  },
];

export const storeNamed = (name: unknown) => FILE_STORES.find((s) => s.name === name);
