import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { SECTORS, VIOLATIONS } from './vocabulary.ts';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('case vocabularies in the shared vocabularies module', () => {
  it('hold exactly the codes cases validate against, with the hierarchy', async () => {
    const rows = (
      await db.database.db.execute(sql`
        select t.vocabulary_key as key, t.code, p.code as parent
        from vocabulary_terms t left join vocabulary_terms p on p.id = t.parent_id
        where t.vocabulary_key in ('case_violation', 'case_sector')`)
    ).rows as Array<{ key: string; code: string; parent: string | null }>;
    const violations = rows.filter((r) => r.key === 'case_violation');
    expect(violations.map((r) => [r.code, r.parent]).sort()).toEqual(
      VIOLATIONS.map((v) => [v.code, v.parent ?? null]).sort(),
    );
    expect(
      rows
        .filter((r) => r.key === 'case_sector')
        .map((r) => r.code)
        .sort(),
    ).toEqual([...SECTORS].sort());
  });
});
