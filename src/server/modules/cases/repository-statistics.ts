import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Combination } from './statistics-protection.ts';

// Runs under withCaseSystem: the role may read only the non-identifying columns it was granted
// (migration cases_rls), so selecting a ciphertext column here fails instead of leaking.

/**
 * The base table of the statistics: consented cases (a live 'statistics' consent) counted by the
 * combination of every published characteristic at once. Raw counts: statistics-protection.ts
 * rounds them before anything is published, and nothing else may publish from this.
 */
export async function countCaseCombinations(tx: Tx): Promise<Combination[]> {
  const result = await tx.execute(sql`
    select coalesce(c.origin_country, '??') || '>' || coalesce(c.destination_country, '??') as corridor,
      coalesce(c.sector, 'unknown') as sector,
      array(select distinct v from unnest(c.violation_codes) as v order by 1) as violations,
      coalesce(c.outcome, 'open') as outcome,
      extract(year from c.created_at)::int::text as year,
      count(*)::int as cases
    from cases c
    where exists (select 1 from case_consents k where k.case_id = c.id and k.purpose = 'statistics' and k.withdrawn_at is null)
    group by 1, 2, 3, 4, 5`);
  const rows = result.rows as Array<
    Omit<Combination, 'cases' | 'violations'> & Record<'cases' | 'violations', unknown>
  >;
  return rows.map((r) => ({
    ...r,
    violations: Array.isArray(r.violations) ? r.violations.map(String) : [],
    cases: Number(r.cases),
  }));
}
