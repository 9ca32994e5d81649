import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseFiles, caseKeys, cases } from './schema.ts';

// Runs under withCaseSystem: the role may read only the non-identifying columns it was granted
// (migration cases_rls), so selecting a ciphertext column here fails instead of leaking.

export async function keysNotWrappedBy(tx: Tx, activeId: string, limit: number) {
  return tx
    .select({ caseId: caseKeys.caseId, masterKeyId: caseKeys.masterKeyId, wrappedKey: caseKeys.wrappedKey })
    .from(caseKeys)
    .where(ne(caseKeys.masterKeyId, activeId))
    .limit(limit);
}

export async function rewrapKey(
  tx: Tx,
  caseId: string,
  fromId: string,
  next: { masterKeyId: string; wrappedKey: string },
) {
  await tx
    .update(caseKeys)
    .set({ ...next, rotatedAt: new Date() })
    .where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.masterKeyId, fromId)));
}

/** Closed cases whose retention period is over and whose identifying data still exists. */
export async function casesDueForShredding(tx: Tx, now: Date, limit: number) {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(lt(cases.retentionUntil, now), isNull(cases.shreddedAt)))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function fileBlobsOf(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ blob: caseFiles.blobSha256 })
    .from(caseFiles)
    .where(eq(caseFiles.caseId, caseId));
  return rows.map((r) => r.blob);
}

/** Destroys the data key (crypto-shredding) and clears the ciphertext columns too. */
export async function shredCase(tx: Tx, caseId: string, now: Date): Promise<void> {
  await tx.delete(caseKeys).where(eq(caseKeys.caseId, caseId));
  await tx
    .update(cases)
    .set({ clientEnc: null, narrativeEnc: null, shreddedAt: now, updatedAt: now })
    .where(eq(cases.id, caseId));
}

export type StatisticsDimension = 'corridor' | 'sector' | 'violation' | 'outcome' | 'year';

const dimensionSql = {
  corridor: sql`coalesce(c.origin_country, '??') || '>' || coalesce(c.destination_country, '??')`,
  sector: sql`coalesce(c.sector, 'unknown')`,
  violation: sql`v.code`,
  outcome: sql`coalesce(c.outcome, 'open')`,
  year: sql`extract(year from c.created_at)::int::text`,
} as const;

/**
 * Counts of cases by the chosen dimensions, only over cases whose client consented to statistical
 * use (a live 'statistics' consent). Suppression of small cells is the service's job.
 */
export async function countCases(tx: Tx, dims: StatisticsDimension[]) {
  const selected = sql.join(
    dims.map((d) => sql`${dimensionSql[d]} as ${sql.identifier(d)}`),
    sql`, `,
  );
  const groups = sql.join(
    dims.map((_, i) => sql.raw(String(i + 1))),
    sql`, `,
  );
  const unnest = dims.includes('violation')
    ? sql`cross join lateral unnest(c.violation_codes) as v(code)`
    : sql``;
  const result = await tx.execute(sql`
    select ${selected}, count(distinct c.id)::int as cases
    from cases c ${unnest}
    where exists (select 1 from case_consents k where k.case_id = c.id and k.purpose = 'statistics' and k.withdrawn_at is null)
    group by ${groups}
    order by ${groups}`);
  return result.rows as Array<Record<string, string | number>>;
}
