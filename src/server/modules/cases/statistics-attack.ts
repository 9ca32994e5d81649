import { allDimensionSets, ROUND_TO, type StatisticsDimension } from './statistics-protection.ts';

// The attacker of the case statistics, shared by statistics-protection.test.ts (generated data
// sets) and statistics-disclosure.test.ts (the real API): what a person who makes every request
// there is can work out from the answers. Used by tests only.

/** Every request a person can make: every set of one to three dimensions. */
export const REQUESTS = allDimensionSets();

/** One published row as the attacker reads it (a suppressed row has `cases: null`). */
export type PublishedRow = Partial<Record<StatisticsDimension, string>> & { cases: number | null };

/** The answers to every request over one data set, keyed by the request's dimensions joined by commas. */
export type Answers = Map<string, PublishedRow[]>;

export const cellKey = (row: Record<string, unknown>, dims: readonly string[]) =>
  JSON.stringify(dims.map((d) => row[d]));
export const tableOf = (published: Answers, dims: StatisticsDimension[]) =>
  published.get(dims.join(',')) ?? [];

/** Counts from 1 to 4 an attacker recovers from the answers to every request over one data set. */
export function findSmallCounts(published: Answers): string[] {
  const found: string[] = [];
  for (const dims of REQUESTS) {
    for (const row of tableOf(published, dims)) {
      // A listed combination with fewer than 5 cases, or listed as suppressed, tells that 1–4 exist.
      if (row.cases === null || (row.cases > 0 && row.cases < ROUND_TO))
        found.push(`listed ${dims}:${cellKey(row, dims)}`);
    }
  }
  // Subtraction: a parent table minus the listed rows of a finer table that splits it (adding a
  // dimension other than violation, whose rows overlap).
  for (const parent of REQUESTS) {
    for (const child of REQUESTS) {
      const extra = child.filter((d) => !parent.includes(d));
      if (extra.length === 0 || extra.includes('violation') || !parent.every((d) => child.includes(d)))
        continue;
      const sums = new Map<string, number>();
      for (const row of tableOf(published, child)) {
        const k = cellKey(row, parent);
        sums.set(k, (sums.get(k) ?? 0) + (row.cases ?? 0));
      }
      for (const row of tableOf(published, parent)) {
        if (row.cases === null) continue;
        const left = row.cases - (sums.get(cellKey(row, parent)) ?? 0);
        if (left > 0 && left < ROUND_TO) found.push(`subtracted ${child} from ${parent}: ${left}`);
      }
    }
  }
  return found;
}

/** Differences that are not multiples of 5 between the answers to the same request over two data sets. */
export function findDifferences(first: Answers, second: Answers): string[] {
  const found: string[] = [];
  for (const dims of REQUESTS) {
    const a = new Map(tableOf(first, dims).map((r) => [cellKey(r, dims), r.cases ?? 0]));
    const b = new Map(tableOf(second, dims).map((r) => [cellKey(r, dims), r.cases ?? 0]));
    for (const k of new Set([...a.keys(), ...b.keys()])) {
      const difference = Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
      if (difference % ROUND_TO !== 0) found.push(`differenced ${dims}:${k}: ${difference}`);
    }
  }
  return found;
}
