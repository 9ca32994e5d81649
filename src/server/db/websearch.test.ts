import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.ts';
import type { Database } from './client.ts';
import { safeWebsearch } from './websearch.ts';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop());

/** A deterministic pseudo-random generator, so every run tries the same queries. */
function* queries(count: number): Generator<string> {
  const pieces = [
    '-',
    '-',
    '"',
    ' ',
    ' ',
    'or',
    'OR',
    '!',
    '(',
    ')',
    '|',
    '&',
    ':*',
    '<->',
    "'",
    '\\',
    'a',
    'work',
    'é',
    '中',
  ];
  let seed = 42;
  for (let i = 0; i < count; i++) {
    let q = '';
    const length = 1 + (i % 120);
    for (let j = 0; j < length; j++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      q += pieces[seed % pieces.length];
    }
    yield q.slice(0, 300);
  }
}

describe('safeWebsearch', () => {
  it('keeps the meaning of ordinary queries', () => {
    expect(safeWebsearch('domestic workers')).toBe('domestic workers');
    expect(safeWebsearch('"wage theft" -recruitment')).toBe('"wage theft" -recruitment');
    expect(safeWebsearch('visa or permit')).toBe('visa or permit');
    expect(safeWebsearch('self-employed')).toBe('self-employed');
    expect(safeWebsearch('or visa or')).toBe('visa');
  });

  it('reduces operator runs so that no query overflows the tsquery stack', async () => {
    // Each of these failed with "tsquery stack too small" when passed as they are.
    const known = [
      '-'.repeat(33),
      '-'.repeat(40),
      `${'- '.repeat(40)}x`,
      `${'-"'.repeat(40)}x`,
      `${'"-'.repeat(40)}b`,
    ];
    for (const q of known) expect(safeWebsearch(q)).not.toMatch(/--|- -/);
    const all = [...known, ...queries(3000)].map(safeWebsearch);
    // One statement for the lot: a failure of any one fails it.
    const result = await database.db.execute(
      sql`select count(websearch_to_tsquery('english', q))::int as n from unnest(${`{${all.map((q) => `"${q.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]) as q`,
    );
    expect((result.rows[0] as { n: number }).n).toBe(all.length);
  });

  it('bounds the number of terms', () => {
    expect(safeWebsearch('a '.repeat(150)).split(' ')).toHaveLength(32);
  });
});
