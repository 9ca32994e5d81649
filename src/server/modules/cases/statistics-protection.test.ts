import { describe, expect, it } from 'vitest';
import {
  type Answers,
  findDifferences,
  findSmallCounts,
  type PublishedRow,
  REQUESTS,
} from './statistics-attack.ts';
import {
  type Combination,
  protectBaseTable,
  ROUND_TO,
  type StatisticsDimension,
  tabulate,
} from './statistics-protection.ts';

// The proof of the disclosure control, by attack, on many generated data sets: a person who may
// make every request there is (every set of one to three dimensions) tries to recover a count from
// 1 to 4 by subtraction between tables, by comparing two data sets that differ by one case (a
// case added, a consent withdrawn, a date or country filter one case wider), and by listing
// combinations that exist. The same attacks run against the previous method (suppress cells under
// 5 in each table on its own) to show that they have teeth.

const CORRIDORS = ['NP>QA', 'PH>SA', 'ID>MY'];
const SECTORS = ['domestic_work', 'construction'];
const VIOLATIONS = ['labour.wage_theft.unpaid', 'liberty.passport_confiscation', 'labour.hours'];
const OUTCOMES = ['open', 'settled'];
const YEARS = ['2025', '2026'];

/** A small deterministic generator: the same data sets on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Key = Omit<Combination, 'cases'>;
const keyOf = (c: Key) => JSON.stringify([c.corridor, c.sector, c.violations, c.outcome, c.year]);

/** A data set of `size` cases, skewed so that some combinations are large and many are small. */
function dataSet(seed: number, size: number): Combination[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() ** 3 * values.length)] as T;
  const counts = new Map<string, Combination>();
  for (let i = 0; i < size; i++) {
    const violations = VIOLATIONS.filter((_, j) => next() < (j === 0 ? 0.9 : 0.15));
    const c = {
      corridor: pick(CORRIDORS),
      sector: pick(SECTORS),
      violations,
      outcome: pick(OUTCOMES),
      year: pick(YEARS),
    };
    const seen = counts.get(keyOf(c));
    if (seen) seen.cases++;
    else counts.set(keyOf(c), { ...c, cases: 1 });
  }
  return [...counts.values()];
}

/** A method answers every request over one data set. */
type Method = (data: Combination[]) => Answers;
const answers = (table: (dims: StatisticsDimension[]) => PublishedRow[]): Answers =>
  new Map(REQUESTS.map((dims) => [dims.join(','), table(dims)]));

const raw = (data: Combination[], dims: StatisticsDimension[]) => tabulate(data, dims);
const publishNow: Method = (data) => {
  const base = protectBaseTable(data);
  return answers((dims) => tabulate(base, dims));
};
/** The previous method: each table on its own, cells under 5 listed as suppressed (null). */
const publishBefore: Method = (data) =>
  answers((dims) => raw(data, dims).map((r) => ({ ...r, cases: r.cases < ROUND_TO ? null : r.cases })));

/** Every answer to every request, as one string: two data sets look the same iff these are equal. */
const everything = (method: Method, data: Combination[]) => JSON.stringify([...method(data).values()]);
const attackOneDataSet = (method: Method, data: Combination[]) => findSmallCounts(method(data));
const attackTwoDataSets = (method: Method, before: Combination[], after: Combination[]) =>
  findDifferences(method(before), method(after));

/** The data set with one more (+1) or one fewer (-1) case of this combination. */
function withOneCase(data: Combination[], key: Key, change: 1 | -1): Combination[] {
  const out = data.map((c) => (keyOf(c) === keyOf(key) ? { ...c, cases: c.cases + change } : c));
  if (!data.some((c) => keyOf(c) === keyOf(key))) out.push({ ...key, cases: change });
  return out.filter((c) => c.cases > 0);
}

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
/** The costlier attacks (every combination changed, 25 requests each time) run on fewer data sets. */
const FEW = SEEDS.slice(0, 4);
const sizeOf = (seed: number) => 20 + ((seed * 37) % 120);

describe('case statistics disclosure control', () => {
  it('lists no figure from 1 to 4 and lets no subtraction between any two requests recover one', () => {
    let listed = 0;
    for (const seed of SEEDS) {
      const data = dataSet(seed, sizeOf(seed));
      expect(attackOneDataSet(publishNow, data)).toEqual([]);
      listed += protectBaseTable(data).length;
    }
    // Not a vacuous pass: the generated data sets publish combinations (and, below, hide many).
    expect(listed).toBeGreaterThan(2 * SEEDS.length);
  });

  it('keeps every difference between two data sets one case apart a multiple of 5 (added case, withdrawn consent, a filter one case wider)', () => {
    for (const seed of FEW) {
      const data = dataSet(seed, sizeOf(seed));
      for (const c of data) {
        expect(attackTwoDataSets(publishNow, data, withOneCase(data, c, -1))).toEqual([]);
        expect(attackTwoDataSets(publishNow, data, withOneCase(data, c, 1))).toEqual([]);
      }
      const newcomer = {
        corridor: 'NP>QA',
        sector: 'construction',
        violations: [],
        outcome: 'open',
        year: '2026',
      };
      expect(attackTwoDataSets(publishNow, data, withOneCase(data, newcomer, 1))).toEqual([]);
    }
  });

  it('answers every request identically whatever a combination holds within its step of 5, so nothing more can be inferred', () => {
    for (const seed of FEW) {
      const data = dataSet(seed, sizeOf(seed));
      const published = everything(publishNow, data);
      for (const c of data) {
        const floor = Math.floor(c.cases / ROUND_TO) * ROUND_TO;
        // The lowest and highest counts of the step (the others lie between).
        for (const other of [floor, floor + ROUND_TO - 1]) {
          if (other === c.cases) continue;
          const changed = data.map((x) => (x === c ? { ...x, cases: other } : x)).filter((x) => x.cases > 0);
          expect(everything(publishNow, changed)).toBe(published);
        }
      }
    }
  });

  it('hides whether any group of 1 to 4 cases exists: emptying it changes no answer', () => {
    let groups = 0;
    for (const seed of FEW) {
      const data = dataSet(seed, sizeOf(seed));
      const published = everything(publishNow, data);
      for (const dims of REQUESTS) {
        for (const row of raw(data, dims)) {
          if (row.cases >= ROUND_TO) continue;
          groups++;
          const inGroup = (c: Combination) =>
            dims.every((d) =>
              d === 'violation' ? c.violations.includes(row[d] as string) : c[d] === row[d],
            );
          expect(
            everything(
              publishNow,
              data.filter((c) => !inGroup(c)),
            ),
          ).toBe(published);
        }
      }
    }
    expect(groups).toBeGreaterThan(100);
  });

  it('the same attacks recover small counts from the previous method (per-table suppression)', () => {
    const leaks = FEW.flatMap((seed) => attackOneDataSet(publishBefore, dataSet(seed, sizeOf(seed))));
    expect(leaks.some((l) => l.startsWith('subtracted'))).toBe(true);
    expect(leaks.some((l) => l.startsWith('listed'))).toBe(true);
    const data = dataSet(1, 60);
    expect(
      data.flatMap((c) => attackTwoDataSets(publishBefore, data, withOneCase(data, c, 1))).length,
    ).toBeGreaterThan(0);
  });

  it('enumerates all 25 requests and tabulates only from the rounded base table', () => {
    expect(REQUESTS).toHaveLength(25);
    const base = protectBaseTable([
      {
        corridor: 'NP>QA',
        sector: 'domestic_work',
        violations: ['b', 'a', 'a'],
        outcome: 'open',
        year: '2026',
        cases: 3,
      },
      {
        corridor: 'NP>QA',
        sector: 'domestic_work',
        violations: ['a', 'b'],
        outcome: 'open',
        year: '2026',
        cases: 4,
      },
      {
        corridor: 'NP>QA',
        sector: 'construction',
        violations: ['a'],
        outcome: 'open',
        year: '2026',
        cases: 2,
      },
    ]);
    expect(base).toEqual([
      {
        corridor: 'NP>QA',
        sector: 'domestic_work',
        violations: ['a', 'b'],
        outcome: 'open',
        year: '2026',
        cases: 5,
      },
    ]);
    expect(tabulate(base, ['violation'])).toEqual([
      { violation: 'a', cases: 5 },
      { violation: 'b', cases: 5 },
    ]);
  });
});
