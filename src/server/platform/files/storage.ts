import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Problem } from '../http/problem.ts';

const msg = (s: string) => s;

/**
 * A record names stored bytes that are not on disk (lost, or left out of a restore): a clear answer
 * for the reader, and logged for the operator, instead of a stream failing half-way as a 500.
 */
export const storedFileMissing = () =>
  new Problem(
    410,
    'file_content_missing',
    msg('The content of this file is missing from storage. An administrator can restore it from a backup.'),
  );

/** What a stored blob is known by: the SHA-256 of its bytes (hex), and its size. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Where file bytes live. Content-addressed: a blob's key is the SHA-256 of its bytes, so the same
 * file uploaded twice is stored once and a stored blob never changes. Implementations: DiskStorage
 * (below); an S3-compatible one implements the same five methods with the key as object name
 * (`put` = upload to a temporary name, hash while streaming, then copy to `<sha256>`).
 */
export interface FileStorage {
  /** Stores the bytes and answers their hash and size. `maxBytes` aborts with TooLargeError. */
  put(source: Readable | Buffer, options?: { maxBytes?: number }): Promise<StoredBlob>;
  /** A stream of the blob's bytes; throws when it is missing. */
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
  /** Removes a blob (callers make sure no record still names it). */
  remove(sha256: string): Promise<void>;
  /** Reads a whole blob into memory (extraction and tests). */
  read(sha256: string): Promise<Buffer>;
}

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Blobs under `<root>/<aa>/<bb>/<sha256>`; writes go to a temporary file and are renamed into place. */
export class DiskStorage implements FileStorage {
  constructor(readonly root: string) {}

  path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a sha256 key');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable | Buffer, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const tmpDir = join(this.root, 'tmp');
    // Private whatever the process umask (docs: DATA_DIR is readable by Tulay's account only).
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = join(tmpDir, randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    try {
      if (Buffer.isBuffer(source)) {
        if (options.maxBytes !== undefined && source.length > options.maxBytes)
          throw new TooLargeError(options.maxBytes);
        hash.update(source);
        size = source.length;
        const { writeFile } = await import('node:fs/promises');
        await writeFile(tmp, source, { mode: 0o600 });
      } else {
        const max = options.maxBytes;
        async function* counted(input: AsyncIterable<Buffer>) {
          for await (const chunk of input) {
            size += chunk.length;
            if (max !== undefined && size > max) throw new TooLargeError(max);
            hash.update(chunk);
            yield chunk;
          }
        }
        await pipeline(source, counted, createWriteStream(tmp, { mode: 0o600 }));
      }
      const sha256 = hash.digest('hex');
      const target = this.path(sha256);
      await mkdir(join(target, '..'), { recursive: true, mode: 0o700 });
      await rename(tmp, target);
      return { sha256, size };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  open(sha256: string): Readable {
    return createReadStream(this.path(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.path(sha256)).then(
      () => true,
      () => false,
    );
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.path(sha256), { force: true });
  }

  async read(sha256: string): Promise<Buffer> {
    const { readFile } = await import('node:fs/promises');
    return readFile(this.path(sha256));
  }
}

const stores = new Map<string, DiskStorage>();

/** The installation's file storage: `DATA_DIR/files`. */
export function fileStorage(dataDir: string): FileStorage {
  const root = join(dataDir, 'files');
  let store = stores.get(root);
  if (!store) {
    store = new DiskStorage(root);
    stores.set(root, store);
  }
  return store;
}
