import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { listColumns } from './repository.ts';
import { organisations } from './schema.ts';

// The queries that find possible duplicate organisations (trigram similarity of names), apart from
// the directory's other queries in repository.ts.

/** Organisations whose name is close to `name` (trigram similarity), optionally in one country. */
export async function similarOrganisations(
  tx: Tx,
  name: string,
  country: string | null,
  excludeId: string | null,
  threshold: number,
  limit: number,
) {
  const lowered = name.toLowerCase();
  return tx
    .select({ ...listColumns, similarity: sql<number>`similarity(lower(${organisations.name}), ${lowered})` })
    .from(organisations)
    .where(
      and(
        isNull(organisations.mergedIntoId),
        sql`lower(${organisations.name}) % ${lowered}`,
        sql`similarity(lower(${organisations.name}), ${lowered}) >= ${threshold}`,
        country ? eq(organisations.countryCode, country) : undefined,
        excludeId ? sql`${organisations.id} <> ${excludeId}` : undefined,
      ),
    )
    .orderBy(desc(sql`similarity(lower(${organisations.name}), ${lowered})`))
    .limit(limit);
}

/** Where a page of the duplicate scan ends: the last organisation examined, in scan order. */
export interface DuplicateScanKey {
  country: string;
  name: string;
  id: string;
}

/** The next `scan` organisations in scan order (country, lower-case name, id) after `after`. */
export async function duplicateScanPage(
  tx: Tx,
  f: { country?: string; after?: DuplicateScanKey; scan: number },
): Promise<DuplicateScanKey[]> {
  const result = await tx.execute(sql`
    select id, coalesce(country_code, '') as country, lower(name) as name
    from ${organisations}
    where merged_into_id is null
      ${f.country ? sql`and coalesce(country_code, '') = ${f.country}` : sql``}
      ${f.after ? sql`and (coalesce(country_code, ''), lower(name), id) > (${f.after.country}, ${f.after.name}, ${f.after.id}::uuid)` : sql``}
    order by coalesce(country_code, ''), lower(name), id
    limit ${f.scan}`);
  return result.rows as unknown as DuplicateScanKey[];
}

/**
 * Likely duplicates of the given organisations: names in the same country with trigram similarity
 * over the threshold, each pair once (from the organisation first in scan order). One probe of the
 * (country, name) trigram index per organisation, nearest names first, at most `perOrganisation`.
 * Comparing every pair in a country instead took minutes at 20k organisations.
 */
export async function duplicatePairs(
  tx: Tx,
  ids: string[],
  f: { threshold: number; perOrganisation: number },
) {
  if (ids.length === 0) return [];
  const result = await tx.execute(sql`
    select a.id as "aId", a.name as "aName", b.id as "bId", b.name as "bName", a.country_code as "countryCode",
           b.similarity
    from ${organisations} a
    cross join lateral (
      select b.id, b.name, similarity(lower(a.name), lower(b.name))::float as similarity
      from ${organisations} b
      where coalesce(b.country_code, '') = coalesce(a.country_code, '')
        and lower(b.name) % lower(a.name)
        and b.merged_into_id is null
        and (lower(b.name), b.id) > (lower(a.name), a.id)
        and similarity(lower(a.name), lower(b.name)) >= ${f.threshold}
      order by lower(b.name) <-> lower(a.name)
      limit ${f.perOrganisation}
    ) b
    where a.id in ${ids}
    order by b.similarity desc, a.name, b.name`);
  return result.rows as {
    aId: string;
    aName: string;
    bId: string;
    bName: string;
    countryCode: string | null;
    similarity: number;
  }[];
}

/**
 * For the duplicate probes: the planner prefers a bitmap scan, which fetches and sorts every
 * look-alike; the index scan returns them nearest first and stops at the limit (4–10× faster at
 * 20k organisations with many look-alikes each). For this transaction only.
 */
export async function preferNearestFirstScans(tx: Tx) {
  await tx.execute(sql`select set_config('enable_bitmapscan', 'off', true)`);
}

export async function setSimilarityThreshold(tx: Tx, threshold: number) {
  await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`);
}
