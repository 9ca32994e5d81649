import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { type Database, openDatabase, STARTUP_STATEMENT_BUDGET_MS } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { CliFailure } from './args.ts';

/**
 * Opens the configured database for one CLI action and closes it afterwards. `migrate` brings the
 * schema up to date first (users, restore); a backup reads the database exactly as it is.
 * The embedded engine is a single process: Tulay must not be running on the same DATA_DIR.
 */
export async function withDatabase<T>(
  config: Config,
  options: { migrate: boolean; mustExist?: boolean },
  action: (database: Database) => Promise<T>,
): Promise<T> {
  if (!config.DATABASE_URL && options.mustExist && !existsSync(join(config.dataDir, 'pg'))) {
    throw new CliFailure(`There is no embedded database in DATA_DIR (${config.dataDir}).`);
  }
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
  });
  try {
    if (options.migrate)
      await database.withStatementBudget(STARTUP_STATEMENT_BUDGET_MS, (slow) => runMigrations(slow));
    return await action(database);
  } finally {
    await database.close();
  }
}
