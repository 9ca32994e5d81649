import type { Config } from '../config.ts';
import { BackupRefused } from '../db/backup.ts';
import { DataDirInUse } from '../db/data-dir-lock.ts';
import { CliFailure, UsageError } from './args.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { keysCommand, keysUsage } from './keys.ts';
import { statisticsCommand, statisticsUsage } from './statistics.ts';
import { usersCommand, usersUsage } from './users.ts';

/** A CLI command: receives its arguments and configuration, returns the exit code. */
export type Command = (args: string[], config: Config) => Promise<number>;

/**
 * Exit codes: 2 for bad usage (nothing was attempted), 1 for a failure (printed as one message;
 * unexpected errors keep their stack for the bug report).
 */
function guarded(command: Command, usage?: string): Command {
  return async (args, config) => {
    try {
      return await command(args, config);
    } catch (error) {
      if (error instanceof UsageError) {
        console.error(usage ? `${error.message}\n\n${usage}` : error.message);
        return 2;
      }
      if (error instanceof CliFailure || error instanceof BackupRefused || error instanceof DataDirInUse) {
        console.error(error.message);
        return 1;
      }
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      return 1;
    }
  };
}

export const commands: Record<string, Command> = {
  async migrate(_args, config) {
    const { prepareDatabase } = await import('../server.ts'); // the web app's modules load only when needed
    const { database } = await prepareDatabase({ ...config, DEMO_DATA: false });
    await database.close();
    console.log('Migrations applied.');
    return 0;
  },
  users: guarded(usersCommand, usersUsage),
  keys: guarded(keysCommand, keysUsage),
  backup: guarded(backupCommand),
  restore: guarded(restoreCommand),
  statistics: guarded(statisticsCommand, statisticsUsage),
};
