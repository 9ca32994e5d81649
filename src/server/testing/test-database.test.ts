import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrationsApplied } from '../db/migrate.ts';
import { createTestDatabase } from './test-database.ts';

// Test databases are copies of one migrated template (./test-templates.ts): each copy must hold
// every migration, and what one test file writes must never reach another's.
let first: Awaited<ReturnType<typeof createTestDatabase>>;
let second: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});

afterAll(async () => {
  await first?.drop();
  await second?.drop();
});

test('a copy of the template holds every migration', async () => {
  expect(await migrationsApplied(first.database)).toBe(true);
  expect(await migrationsApplied(second.database)).toBe(true);
});

test('two copies are separate databases: a row written in one is not in the other', async () => {
  await first.database.db.execute(
    sql`insert into settings (key, value) values ('isolation_probe', '{"from":"first"}'::jsonb)`,
  );
  const count = async (database: typeof first.database) =>
    (await database.db.execute(sql`select count(*)::int as n from settings where key = 'isolation_probe'`))
      .rows[0] as { n: number };
  expect(await count(first.database)).toEqual({ n: 1 });
  expect(await count(second.database)).toEqual({ n: 0 });
});
