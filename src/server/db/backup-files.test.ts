// Stored files (library and case evidence) in backups: every file a row names travels, byte for
// byte, and a restore that would leave a record without its file is refused.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from './backup.ts';
import {
  dump,
  fill,
  freshDatabase,
  type Opened,
  type StoredFixture,
  serverReachable,
  withStoredFiles,
} from './backup-testing.ts';
import { restoreBackup } from './restore.ts';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'tulay-backup-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engines = (await serverReachable()) ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

/** Every file under a DATA_DIR's files/, relative to the DATA_DIR. */
const filesUnder = (dataDir: string): string[] => {
  const root = join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((p) => statSync(join(root, p)).isFile())
    .map((p) => join('files', p))
    .sort();
};

const rewrite = (file: string, edit: (lines: string[]) => string[]) => {
  const out = join(dir, `edited-${Math.random()}.tulay.gz`);
  const lines = gunzipSync(readFileSync(file)).toString().trimEnd().split('\n');
  writeFileSync(out, gzipSync(`${edit(lines).join('\n')}\n`));
  return out;
};

describe.each(engines)('stored files on %s', (engine) => {
  let source: Opened;
  let target: Opened;
  let fixture: StoredFixture;
  let before: Awaited<ReturnType<typeof dump>>;
  const sourceDir = join(dir, `${engine}-source`);
  const targetDir = join(dir, `${engine}-target`);
  const file = join(dir, `${engine}.tulay.gz`);
  beforeAll(async () => {
    [source, target] = [
      await freshDatabase(engine, { probe: false }),
      await freshDatabase(engine, { probe: false }),
    ];
    await fill(source.database, { probe: false });
    fixture = await withStoredFiles(source.database, sourceDir);
    before = await dump(target.database);
    await writeBackup(source.database, file, { dataDir: sourceDir });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  const refuses = async (backup: string, message: RegExp) => {
    await expect(restoreBackup(target.database, backup, { dataDir: targetDir })).rejects.toThrow(message);
    expect(await dump(target.database)).toEqual(before);
    expect(filesUnder(targetDir)).toEqual([]);
  };

  it('refuses a backup whose file lines were removed, naming the records without their file', async () => {
    const stripped = rewrite(file, (lines) => {
      const first = lines.findIndex((l) => l.startsWith('{"file"'));
      return [...lines.slice(0, first), lines.at(-1)!.replace(/"files":\d+/, '"files":0')];
    });
    await refuses(
      stripped,
      /lacks 3 stored files that its records name: publication_files row .*case_files row .*Nothing was restored/,
    );
  });

  it('refuses a file whose bytes were changed in the backup, and leaves no file behind', async () => {
    const tampered = rewrite(file, (lines) => {
      const at = lines.findLastIndex((l) => l.startsWith('{"data"'));
      const data = JSON.parse(lines[at]!).data as string;
      const bytes = Buffer.from(data, 'base64');
      bytes[0]! ^= 0xff;
      return lines.with(at, JSON.stringify({ data: bytes.toString('base64') }));
    });
    await refuses(tampered, /does not match its SHA-256/);
  });

  it('reads a version 1 backup (evidence only) and refuses it for the library files it lacks', async () => {
    const v1 = rewrite(file, (lines) => {
      const header = { ...JSON.parse(lines[0]!), version: 1 };
      const first = lines.findIndex((l) => l.startsWith('{"file"'));
      const out = [JSON.stringify(header), ...lines.slice(1, first)];
      let blobs = 0;
      for (let i = first; i < lines.length - 1; i += 1) {
        const head = JSON.parse(lines[i]!).file;
        if (head?.store !== 'evidence') continue;
        const data = Buffer.from(JSON.parse(lines[i + 1]!).data, 'base64');
        out.push(
          JSON.stringify({
            blob: `${head.sha256.slice(0, 2)}/${head.sha256}`,
            data: data.toString('base64'),
          }),
        );
        blobs += 1;
      }
      return [...out, lines.at(-1)!.replace(/"files":\d+/, `"files":${blobs}`)];
    });
    await refuses(
      v1,
      /lacks 2 stored files that its records name: publication_files row [^;]*; publication_files row [^;]*\. Nothing/,
    );
  });

  it('restores every stored file byte for byte, and only those a record names', async () => {
    const end = JSON.parse(gunzipSync(readFileSync(file)).toString().trimEnd().split('\n').at(-1)!);
    expect(end.files).toBe(3);
    await restoreBackup(target.database, file, { dataDir: targetDir });
    expect(await dump(target.database)).toEqual(await dump(source.database));
    expect(filesUnder(targetDir)).toEqual([...fixture.referenced.keys()].sort());
    // Compared by hash: vitest's deep equality walks a 2 MB buffer byte by byte for seconds.
    for (const [path, bytes] of fixture.referenced)
      expect(sha(readFileSync(join(targetDir, path)))).toBe(sha(bytes));
    for (const path of fixture.unreferenced) expect(existsSync(join(sourceDir, path))).toBe(true);
  });

  it('refuses to write a backup when a file a record names is missing, and says which', async () => {
    const [path] = [...fixture.referenced.keys()];
    rmSync(join(sourceDir, path!));
    const out = join(dir, `${engine}-missing.tulay.gz`);
    await expect(writeBackup(source.database, out, { dataDir: sourceDir })).rejects.toThrow(
      /stored file .* \(named by publication_files row .*\) is missing/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
