import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { askRunningServer } from '../db/admin-socket.ts';
import { type BackupHeader, writeBackup } from '../db/backup.ts';
import type { Database } from '../db/client.ts';
import { DataDirInUse } from '../db/data-dir-lock.ts';
import { readHeader, restoreBackup } from '../db/restore.ts';
import { recordAudit } from '../platform/audit/recorder.ts';
import { CliFailure, parseArgs, UsageError } from './args.ts';
import { withDatabase } from './database.ts';

function fileArgument(args: string[], usage: string): string {
  const { positional, options } = parseArgs(args);
  const names = Object.keys(options);
  if (names.length) throw new UsageError(`Unknown option: --${names[0]}\n${usage}`);
  if (positional.length !== 1) throw new UsageError(usage);
  return resolve(positional[0]!);
}

const summary = (header: BackupHeader) => {
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  return `${header.tables.length} tables, ${rows} rows`;
};

/**
 * Writes a backup and records it in the audit log (after the snapshot, so the row is in the next
 * backup, not this one). Used by the CLI and by the running server for an online backup.
 */
export async function backupAndRecord(
  database: Database,
  config: Config,
  file: string,
  online: boolean,
): Promise<string> {
  const header = await writeBackup(database, file, { dataDir: config.dataDir });
  await recordAudit(database.db, {
    action: 'cli.backup',
    actorEmail: 'cli',
    outcome: 'success',
    details: {
      file,
      online,
      migrations: header.migrations,
      tables: Object.fromEntries(header.tables.map((t) => [t.name, t.rows])),
    },
  });
  return `Backup written to ${file} (${summary(header)}${online ? ', online by the running Tulay' : ''}).`;
}

/**
 * `tulay backup <file>`: one consistent snapshot of every application table and stored file. On
 * the embedded engine while Tulay runs, the running server writes it (docs/OPERATIONS.md).
 */
export async function backupCommand(args: string[], config: Config): Promise<number> {
  const file = fileArgument(args, 'Usage: tulay backup <file>   (for example tulay-2026-01-31.tulay.gz)');
  if (!existsSync(dirname(file))) throw new CliFailure(`No such directory: ${dirname(file)}`);
  try {
    return await withDatabase(config, { migrate: false, mustExist: true }, async (database) => {
      console.log(await backupAndRecord(database, config, file, false));
      return 0;
    });
  } catch (error) {
    if (!(error instanceof DataDirInUse) || config.DATABASE_URL) throw error;
    const answer = await askRunningServer(config.dataDir, { command: 'backup', file });
    if (!answer) throw error; // held by a process without the admin socket (another command)
    if (!answer.ok) throw new CliFailure(answer.message);
    console.log(answer.message);
    return 0;
  }
}

/** `tulay restore <file>`: loads a backup into an empty database (checked before anything is written). */
export async function restoreCommand(args: string[], config: Config): Promise<number> {
  const file = fileArgument(args, 'Usage: tulay restore <file>');
  // Reading the header first refuses a wrong file before a database directory is even created.
  if (!existsSync(file)) throw new CliFailure(`No such file: ${file}`);
  await readHeader(file);
  return withDatabase(config, { migrate: true }, async (database) => {
    const { header, discardedCliEvents } = await restoreBackup(database, file, {
      dataDir: config.dataDir,
    });
    await recordAudit(database.db, {
      action: 'cli.restore',
      actorEmail: 'cli',
      outcome: 'success',
      details: {
        file,
        createdAt: header.createdAt,
        sourceEngine: header.engine,
        migrations: header.migrations,
        discardedCliEvents,
      },
    });
    console.log(`Restored ${summary(header)} from ${file} (made ${header.createdAt} on ${header.engine}).`);
    return 0;
  });
}
