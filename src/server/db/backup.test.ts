import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from './backup.ts';
import { dump, fill, freshDatabase, type Opened, serverReachable } from './backup-testing.ts';
import { restoreBackup } from './restore.ts';

const dir = mkdtempSync(join(tmpdir(), 'tulay-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasServer = await serverReachable();
const engines = hasServer ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
const targetEngine = hasServer && process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe.each(engines.flatMap((from) => engines.map((to) => [from, to] as const)))(
  'backup on %s, restore on %s',
  (from, to) => {
    let source: Opened;
    let target: Opened;
    const file = join(dir, `${from}-${to}.tulay.gz`);
    beforeAll(async () => {
      [source, target] = [await freshDatabase(from), await freshDatabase(to)];
      await fill(source.database);
    });
    afterAll(async () => {
      await source?.close();
      await target?.close();
    });

    it('restores every table row for row, and later inserts continue the sequences', async () => {
      const header = await writeBackup(source.database, file);
      expect(header.engine).toBe(from);
      expect(header.tables.find((t) => t.name === 'audit_events')?.rows).toBe(3);
      const names = header.tables.map((t) => t.name);
      expect(names.indexOf('organisations')).toBeLessThan(names.indexOf('users'));
      expect(names.indexOf('users')).toBeLessThan(names.indexOf('sessions'));

      await restoreBackup(target.database, file);
      expect(await dump(target.database)).toEqual(await dump(source.database));

      const next = await target.database.pool.query(
        "insert into audit_events (action, outcome) values ('next', 'success') returning id",
      );
      expect(Number(next.rows[0].id)).toBe(1002);
      const probe = await target.database.pool.query(
        "insert into zz_probe (label) values ('x') returning id",
      );
      expect(Number(probe.rows[0].id)).toBe(5);
    });

    it('refuses a target that is no longer empty, naming what it holds', async () => {
      await expect(restoreBackup(target.database, file)).rejects.toThrow(
        /not empty: .*organisations \(2 rows\)/,
      );
    });
  },
);

describe('restore refusals', () => {
  let source: Opened;
  let target: Opened;
  const good = join(dir, 'good.tulay.gz');
  let before: Awaited<ReturnType<typeof dump>>;
  beforeAll(async () => {
    source = await freshDatabase('pglite');
    target = await freshDatabase(targetEngine);
    await fill(source.database);
    await writeBackup(source.database, good);
    // What `tulay start` adds before anyone signs in must not make the target count as used.
    await target.database.pool.query(
      "insert into one_time_tokens (purpose, token_hash, expires_at) values ('setup', 'setup-hash', now() + interval '7 days')",
    );
    // Nor does the CLI's own audit trail (`tulay users list` on the new database).
    await target.database.pool.query(
      "insert into audit_events (action, outcome, actor_email) values ('cli.users.list', 'success', 'cli')",
    );
    before = await dump(target.database);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  const refuses = async (bytes: Buffer, message: RegExp) => {
    const file = join(dir, `bad-${Math.random()}.gz`);
    writeFileSync(file, bytes);
    await expect(restoreBackup(target.database, file)).rejects.toThrow(message);
    expect(await dump(target.database)).toEqual(before);
  };

  it('refuses a truncated file and writes nothing', async () => {
    const bytes = readFileSync(good);
    await refuses(
      bytes.subarray(0, Math.floor(bytes.length * 0.8)),
      /damaged or incomplete.*Nothing was restored/,
    );
  });

  it('refuses a file whose compressed bytes were changed', async () => {
    const bytes = Buffer.from(readFileSync(good));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await refuses(bytes, /damaged or incomplete/);
  });

  it('refuses a file that is not a backup at all', async () => {
    await refuses(Buffer.from('hello\n'), /not a gzip-compressed Tulay backup/);
    await refuses(gzipSync('{"format":"something-else"}\n'), /not a Tulay backup/);
  });

  it('refuses a backup whose rows stop before the end marker, even when the gzip itself is whole', async () => {
    const text = gunzipSync(readFileSync(good)).toString();
    const lines = text.trimEnd().split('\n');
    await refuses(gzipSync(`${lines.slice(0, -3).join('\n')}\n`), /damaged or incomplete/);
  });

  it('refuses a backup made with a different number of migrations', async () => {
    const text = gunzipSync(readFileSync(good)).toString();
    const [head, ...rest] = text.split('\n');
    const header = JSON.parse(head!);
    header.migrations += 1;
    await refuses(
      gzipSync([JSON.stringify(header), ...rest].join('\n')),
      /Restore it with the Tulay version that wrote it/,
    );
  });

  it('names the table, the line and the column of a value the target refuses, and writes nothing', async () => {
    const lines = gunzipSync(readFileSync(good)).toString().trimEnd().split('\n');
    const at = lines.findIndex((l) => l.includes('"Migrante Hong Kong"'));
    const row = JSON.parse(lines[at]!) as (string | null)[];
    const bad = lines.with(at, JSON.stringify(row.map((v) => (v === '1985' ? 'nineteen' : v))));
    await refuses(
      gzipSync(`${bad.join('\n')}\n`),
      new RegExp(
        `table organisations, the row on line ${at + 1} of the backup: column founded_year \\(integer\\): ` +
          'invalid input syntax for type integer: "nineteen". Nothing was restored.',
      ),
    );
  });

  it('restores into a database holding only what a first start creates', async () => {
    await restoreBackup(target.database, good);
    expect(await dump(target.database)).toEqual(await dump(source.database));
  });
});

describe('writing a backup', () => {
  it('keeps the previous file and leaves no partial one when it fails half-way', async () => {
    const opened = await freshDatabase('pglite');
    const file = join(dir, 'nightly.tulay.gz');
    writeFileSync(file, 'yesterday');
    try {
      // A column whose text form cannot be produced: reading fails after earlier tables were written.
      await opened.database.pool.query(`
        create type zz_t as (a int);
        create function zz_boom(zz_t) returns text language plpgsql as $$ begin raise exception 'disk on fire'; end $$;
        create cast (zz_t as text) with function zz_boom(zz_t);
        create table zz_z (v zz_t);
        insert into zz_z values (row(1));`);
      await expect(writeBackup(opened.database, file)).rejects.toThrow(/disk on fire/);
      expect(readFileSync(file, 'utf8')).toBe('yesterday');
      expect(readdirSync(dir).some((n) => n.includes('.partial-'))).toBe(false);
      await expect(writeBackup(opened.database, join(dir, 'missing-dir', 'x.gz'))).rejects.toThrow();
      expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
    } finally {
      await opened.close();
    }
  });
});
