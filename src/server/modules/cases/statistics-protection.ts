// Disclosure control for case statistics (docs/decisions/case-statistics-disclosure-control.md).
// Pure functions, no database: the proof in statistics-protection.test.ts runs them on many
// generated data sets.

/** Every published figure is a multiple of this, and no figure is ever between 1 and ROUND_TO - 1. */
export const ROUND_TO = 5;

export type StatisticsDimension = 'corridor' | 'sector' | 'violation' | 'outcome' | 'year';

export const DIMENSIONS: readonly StatisticsDimension[] = [
  'corridor',
  'sector',
  'violation',
  'outcome',
  'year',
];

/** The most dimensions one request may combine (the route enforces it). */
export const MAX_DIMENSIONS = 3;

/**
 * One combination of every published characteristic at once, with the number of consented cases
 * that have exactly it. `violations` is the case's whole set of violation codes, sorted and
 * distinct: a case counted under two violations belongs to one combination, not two.
 */
export interface Combination {
  corridor: string;
  sector: string;
  violations: string[];
  outcome: string;
  year: string;
  cases: number;
}

export type StatisticsRow = Partial<Record<StatisticsDimension, string>> & { cases: number };

/**
 * The protected base table: each combination's count rounded down to a multiple of ROUND_TO, and
 * combinations that round to 0 dropped. Every figure anyone can see is a sum over this table, so
 * what is published depends only on these rounded counts: moving any combination's true count
 * within its step of ROUND_TO changes nothing anywhere, whatever is requested, combined or compared.
 */
export function protectBaseTable(combinations: readonly Combination[]): Combination[] {
  const merged = new Map<string, Combination>();
  for (const c of combinations) {
    const violations = [...new Set(c.violations)].sort();
    const key = JSON.stringify([c.corridor, c.sector, violations, c.outcome, c.year]);
    const seen = merged.get(key);
    if (seen) seen.cases += c.cases;
    else merged.set(key, { ...c, violations, cases: c.cases });
  }
  const rounded: Combination[] = [];
  for (const c of merged.values()) {
    const cases = Math.floor(c.cases / ROUND_TO) * ROUND_TO;
    if (cases > 0) rounded.push({ ...c, cases });
  }
  return rounded;
}

/**
 * A table by the given dimensions, summed over the protected base table only. A case counts once
 * per row it belongs to; by violation, a case with two violations counts in both rows (so those
 * rows do not add up to the number of cases, as before). Rows are sorted by their values.
 */
export function tabulate(
  base: readonly Combination[],
  dims: readonly StatisticsDimension[],
): StatisticsRow[] {
  const rows = new Map<string, StatisticsRow>();
  for (const c of base) {
    for (const values of cellsOf(c, dims)) {
      const key = JSON.stringify(values);
      const row = rows.get(key);
      if (row) row.cases += c.cases;
      else rows.set(key, { ...Object.fromEntries(dims.map((d, i) => [d, values[i]])), cases: c.cases });
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** The cells of a table that one combination falls in: one, or one per violation code. */
function cellsOf(c: Combination, dims: readonly StatisticsDimension[]): string[][] {
  let cells: string[][] = [[]];
  for (const d of dims) {
    const values = d === 'violation' ? c.violations : [c[d]];
    cells = cells.flatMap((prefix) => values.map((v) => [...prefix, v]));
  }
  return cells;
}

/** Every request a person can make: each set of one to MAX_DIMENSIONS distinct dimensions. */
export function allDimensionSets(): StatisticsDimension[][] {
  const sets: StatisticsDimension[][] = [];
  const walk = (from: number, chosen: StatisticsDimension[]) => {
    if (chosen.length > 0) sets.push(chosen);
    if (chosen.length === MAX_DIMENSIONS) return;
    for (let i = from; i < DIMENSIONS.length; i++)
      walk(i + 1, [...chosen, DIMENSIONS[i] as StatisticsDimension]);
  };
  walk(0, []);
  return sets;
}
