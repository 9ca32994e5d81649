import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { keyringOf, rotateCaseKeys } from '../modules/cases/keys.ts';
import { recordAudit } from '../platform/audit/recorder.ts';
import { CliFailure, parseArgs, UsageError } from './args.ts';
import { withDatabase } from './database.ts';

export const keysUsage = `Usage:
  tulay keys rotate   rewrap every case data key under the active (first) key of CASE_KEYS`;

/** Checks a `keys` command line before any database is opened. Only `rotate` exists, without options. */
export function parseKeysArgs(args: string[]): 'rotate' {
  const { positional, options } = parseArgs(args);
  const [sub, ...extra] = positional;
  if (sub !== 'rotate') throw new UsageError(sub ? `Unknown keys command: ${sub}` : 'Missing keys command.');
  if (extra.length) throw new UsageError(`Unexpected argument: ${extra[0]}`);
  const unknown = Object.keys(options)[0];
  if (unknown !== undefined) throw new UsageError(`--${unknown}: unknown option`);
  return sub;
}

/** `tulay keys rotate`: opens the database (migrated like `start` would) and rewraps the case data keys. */
export async function keysCommand(args: string[], config: Config): Promise<number> {
  parseKeysArgs(args);
  // Without CASE_KEYS the keys live in DATA_DIR/case-keys; never create a fresh one here, it could unwrap nothing.
  if (!config.CASE_KEYS && !existsSync(join(config.dataDir, 'case-keys')))
    throw new CliFailure(`No case keys: CASE_KEYS is not set and ${config.dataDir} has no case-keys file.`);
  return withDatabase(config, { migrate: true, mustExist: true }, (database) =>
    runKeysRotate(database, config, console.log),
  );
}

/**
 * Rewraps every case data key not wrapped by the active master key (the first of CASE_KEYS, or the
 * DATA_DIR key file). Success and failure both leave an audit event.
 */
export async function runKeysRotate(
  database: Database,
  config: Config,
  print: (text: string) => void,
): Promise<number> {
  const action = 'cli.keys.rotate';
  let activeKeyId: string | undefined;
  let rewrapped: number;
  try {
    const ring = keyringOf(config);
    activeKeyId = ring.activeId;
    rewrapped = await rotateCaseKeys(database, ring);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Batches already done stay done: running the command again continues where this one stopped.
    await recordAudit(database.db, {
      action,
      actorEmail: 'cli',
      outcome: 'failed',
      details: { reason, ...(activeKeyId ? { activeKeyId } : {}) },
    });
    throw new CliFailure(`Key rotation failed: ${reason}`);
  }
  await recordAudit(database.db, {
    action,
    actorEmail: 'cli',
    outcome: 'success',
    details: { rewrapped, activeKeyId },
  });
  print(
    rewrapped === 0
      ? `No case data key needed rewrapping: all are wrapped by the active key ${activeKeyId}.`
      : `Rewrapped ${rewrapped} case data ${rewrapped === 1 ? 'key' : 'keys'} under the active key ${activeKeyId}. ` +
          'Older keys can now be removed from CASE_KEYS.',
  );
  return 0;
}
