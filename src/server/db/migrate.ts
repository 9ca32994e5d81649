import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Applies every committed migration that this database has not seen yet. */
export async function runMigrations(database: Database): Promise<void> {
  await migrate(database.db, {
    migrationsFolder,
    migrationsSchema: 'tulay_meta',
    migrationsTable: 'migrations',
  });
}

/** True when the database answers and holds every migration in the folder (for /readyz). */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const { readFileSync } = await import('node:fs');
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  const result = await database.db.execute(sql`select count(*)::int as n from tulay_meta.migrations`);
  return (result.rows[0] as { n: number }).n >= journal.entries.length;
}
