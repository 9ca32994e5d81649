import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storedFileMissing } from '../../platform/files/storage.ts';

/**
 * Evidence on disk: DATA_DIR/files/<ab>/<sha256 of the ciphertext>. Only ciphertext is written;
 * the random IV makes every ciphertext unique, so a blob belongs to exactly one case file.
 */
export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a blob address');
  return join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

export async function writeBlob(dataDir: string, blob: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(blob).digest('hex');
  const path = blobPath(dataDir, sha256);
  await mkdir(join(dataDir, 'files', sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, blob, { mode: 0o600 });
  await rename(temp, path);
  return sha256;
}

export async function readBlob(dataDir: string, sha256: string): Promise<Buffer> {
  try {
    return await readFile(blobPath(dataDir, sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw storedFileMissing();
    throw error;
  }
}

export async function deleteBlob(dataDir: string, sha256: string): Promise<void> {
  await rm(blobPath(dataDir, sha256), { force: true });
}
