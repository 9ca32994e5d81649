import { join } from 'node:path';
import { DiskStorage } from '../../platform/files/storage.ts';

/**
 * Where uploaded statistics files are kept, DATA_DIR/statistics-files/aa/bb/<sha256>: an import is
 * read again from its kept file at commit, and the file stays as the figures' provenance. Its own
 * directory, so the library's clean-up of unused blobs never removes one (db/file-stores.ts).
 */
export const statisticsFiles = (dataDir: string) => new DiskStorage(join(dataDir, 'statistics-files'));

/** The largest statistics file accepted (upload or CLI); larger ones are refused before reading. */
export const STATISTICS_MAX_BYTES = 50 * 1024 * 1024;
