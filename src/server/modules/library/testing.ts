import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away DATA_DIR for a test app whose uploads must not land in the work tree. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'tulay-files-'));
}

/** The content-addressed blobs under a data directory (temporary uploads excluded). */
export function storedBlobs(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^[0-9a-f]{64}$/.test(name)) out.push(name);
    }
  };
  walk(root);
  return out;
}

/** A multipart/form-data body with fields then one file part. */
export function multipartBody(
  file: { name: string; bytes: Buffer; type?: string },
  fields: Record<string, string> = {},
) {
  const boundary = `----tulay${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
