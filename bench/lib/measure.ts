// Measuring a candidate against a baseline in the same run. The machine is shared and noisy, so the
// two are interleaved (a burst of noise hits both alike) and only their ratio is reported.

export interface Subject {
  name: string;
  run: () => Promise<unknown> | unknown;
}

export interface Stats {
  name: string;
  samples: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  mean: number;
}

export interface Comparison {
  /** What was compared, e.g. "GET /api/v1/organisations?limit=50 · pglite". */
  label: string;
  candidate: Stats;
  baseline: Stats;
  /** candidate / baseline: 2.0 means the candidate takes twice as long. */
  ratioP50: number;
  ratioP95: number;
}

export interface CompareOptions {
  label: string;
  candidate: Subject;
  baseline: Subject;
  /** Untimed rounds first, so JIT, caches and connections are warm for both. */
  warmupMs?: number;
  /** Timed rounds stop after this long or `maxRounds`, whichever comes first. */
  durationMs?: number;
  maxRounds?: number;
  minRounds?: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(name: string, samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { name, samples: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean };
}

async function timed(subject: Subject): Promise<number> {
  const start = process.hrtime.bigint();
  await subject.run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs both subjects in alternating rounds (A B, then B A, so neither always goes first) after a
 * warm-up, and compares their percentiles.
 */
export async function compare(options: CompareOptions): Promise<Comparison> {
  const { candidate, baseline } = options;
  const warmupEnd = performance.now() + (options.warmupMs ?? 500);
  do {
    await candidate.run();
    await baseline.run();
  } while (performance.now() < warmupEnd);

  const a: number[] = [];
  const b: number[] = [];
  const end = performance.now() + (options.durationMs ?? 2000);
  const maxRounds = options.maxRounds ?? 100_000;
  const minRounds = options.minRounds ?? 20;
  for (let round = 0; round < maxRounds && (round < minRounds || performance.now() < end); round += 1) {
    if (round % 2 === 0) {
      a.push(await timed(candidate));
      b.push(await timed(baseline));
    } else {
      b.push(await timed(baseline));
      a.push(await timed(candidate));
    }
  }
  const c = summarise(candidate.name, a);
  const base = summarise(baseline.name, b);
  return {
    label: options.label,
    candidate: c,
    baseline: base,
    ratioP50: c.p50 / base.p50,
    ratioP95: c.p95 / base.p95,
  };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3));
const ratio = (v: number) => `${v.toFixed(2)}×`;

/** A few lines describing one comparison, printed as soon as it is measured. */
export function formatComparison(c: Comparison): string {
  const row = (s: Stats) =>
    `    ${s.name.padEnd(34)} p50 ${ms(s.p50).padStart(8)} ms   p95 ${ms(s.p95).padStart(8)} ms   (n=${s.samples})`;
  return [
    `  ${c.label}`,
    row(c.candidate),
    row(c.baseline),
    `    ratio candidate/baseline          p50 ${ratio(c.ratioP50).padStart(8)}      p95 ${ratio(c.ratioP95).padStart(8)}`,
  ].join('\n');
}

/** One table for the whole run: every comparison of every benchmark. */
export function formatSummary(rows: { benchmark: string; comparison: Comparison }[]): string {
  const head = ['benchmark', 'case', 'candidate p50/p95 ms', 'baseline p50/p95 ms', 'ratio p50', 'ratio p95'];
  const body = rows.map(({ benchmark, comparison: c }) => [
    benchmark,
    c.label,
    `${ms(c.candidate.p50)} / ${ms(c.candidate.p95)}`,
    `${ms(c.baseline.p50)} / ${ms(c.baseline.p95)}`,
    ratio(c.ratioP50),
    ratio(c.ratioP95),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
