import { inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { requestThrottle } from './schema.ts';

/** How one key is throttled: `free` failures within `windowSeconds`, then a delay doubling per failure. */
export interface ThrottleRule {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  windowSeconds: number;
}

/** Seconds until the latest block among these keys ends, or 0 when none is blocked. */
export async function secondsBlocked(tx: Tx, keys: string[]): Promise<number> {
  const [row] = await tx
    .select({
      seconds: sql<string | null>`ceil(extract(epoch from max(${requestThrottle.blockedUntil}) - now()))`,
    })
    .from(requestThrottle)
    .where(sql`${inArray(requestThrottle.key, keys)} and ${requestThrottle.blockedUntil} > now()`);
  return row?.seconds ? Math.max(1, Number(row.seconds)) : 0;
}

/**
 * Counts one failure for the key; a failure after a quiet window starts the count again. Past the
 * free failures the key is blocked for base × 2^(excess − 1) seconds, capped at the rule's maximum.
 */
export async function recordFailure(tx: Tx, key: string, rule: ThrottleRule): Promise<void> {
  const t = requestThrottle;
  const window = sql`make_interval(secs => ${rule.windowSeconds}::float8)`;
  const count = sql`(case when ${t.lastFailureAt} < now() - ${window} then 1 else ${t.failures} + 1 end)`;
  const block = (n: SQL) =>
    sql`case when ${n} > ${rule.free}::int then now() + make_interval(secs => least(${rule.maxSeconds}::float8,
      ${rule.baseSeconds}::float8 * power(2::float8, (${n} - ${rule.free}::int - 1)::float8))) else null end`;
  await tx
    .insert(t)
    .values({ key, failures: 1, lastFailureAt: sql`now()`, blockedUntil: block(sql`1`) })
    .onConflictDoUpdate({
      target: t.key,
      set: { failures: count, lastFailureAt: sql`now()`, blockedUntil: block(count) },
    });
}

export async function clear(tx: Tx, keys: string[]): Promise<void> {
  await tx.delete(requestThrottle).where(inArray(requestThrottle.key, keys));
}

/** Forgets every key starting with the prefix (made of hex and colons: nothing to escape for LIKE). */
export async function clearPrefix(tx: Tx, prefix: string): Promise<void> {
  await tx.delete(requestThrottle).where(like(requestThrottle.key, `${prefix}%`));
}

/** Forgets keys without a failure for a day: the table holds only what is being throttled now. */
export async function purgeStale(tx: Tx): Promise<void> {
  await tx.delete(requestThrottle).where(lt(requestThrottle.lastFailureAt, sql`now() - interval '1 day'`));
}
