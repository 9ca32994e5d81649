import type { Tx } from '../../db/client.ts';
import { sha256 } from '../auth/crypto.ts';
import { problems } from '../http/problem.ts';
import * as repo from './repository.ts';

export type { ThrottleRule } from './repository.ts';

/** One throttled key with its rule; build keys with `throttleKey` so personal data is hashed. */
export interface Throttle {
  key: string;
  rule: repo.ThrottleRule;
}

/**
 * A key for a scope and its parts, each part hashed so the table holds no email addresses:
 * `scope:h(a):h(b)`. A key's leading parts are a prefix `clearFailuresUnder` can forget at once.
 */
export function throttleKey(scope: string, ...parts: string[]): string {
  return [scope, ...parts.map((p) => sha256(p).slice(0, 32))].join(':');
}

/** Throws 429 with Retry-After when any of the keys is blocked now. */
export async function assertNotThrottled(tx: Tx, throttles: Throttle[]): Promise<void> {
  const seconds = await repo.secondsBlocked(
    tx,
    throttles.map((t) => t.key),
  );
  if (seconds > 0) throw problems.rateLimited(seconds);
}

/** Counts one failed attempt against every key. */
export async function recordFailures(tx: Tx, throttles: Throttle[]): Promise<void> {
  for (const t of throttles) await repo.recordFailure(tx, t.key, t.rule);
  // Old rows are swept now and then rather than by a timer, so no server has to own the job.
  if (Math.random() < 0.02) await repo.purgeStale(tx);
}

/** Forgets the failures of these keys (after a success). */
export async function clearFailures(tx: Tx, throttles: Throttle[]): Promise<void> {
  await repo.clear(
    tx,
    throttles.map((t) => t.key),
  );
}

/** Forgets every key starting with `throttleKey(scope, ...parts)` (e.g. one account from any address). */
export async function clearFailuresUnder(tx: Tx, scope: string, ...parts: string[]): Promise<void> {
  await repo.clearPrefix(tx, `${throttleKey(scope, ...parts)}:`);
}
