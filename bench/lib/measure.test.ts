import { describe, expect, it } from 'vitest';
import { compare, formatComparison, formatSummary, percentile, summarise } from './measure.ts';

describe('bench harness', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(summarise('x', [3, 1, 2])).toMatchObject({ samples: 3, p50: 2, p95: 3, mean: 2 });
  });

  it('measures both subjects interleaved and prints their ratio', async () => {
    const order: string[] = [];
    let spin = 0;
    const comparison = await compare({
      label: 'trivial',
      candidate: { name: 'two loops', run: () => order.push('a') && loop(2) },
      baseline: { name: 'one loop', run: () => order.push('b') && loop(1) },
      warmupMs: 0,
      durationMs: 0,
      minRounds: 10,
    });
    function loop(times: number) {
      for (let i = 0; i < times * 10_000; i += 1) spin += i;
      return spin;
    }
    expect(comparison.candidate.samples).toBe(10);
    expect(comparison.baseline.samples).toBe(10);
    // The warm-up round, then A B, B A, A B …: neither side always runs first.
    expect(order.slice(2, 6).join('')).toBe('abba');
    expect(comparison.ratioP50).toBeCloseTo(comparison.candidate.p50 / comparison.baseline.p50);

    const printed = formatComparison(comparison);
    expect(printed).toMatch(/two loops\s+p50\s+[\d.]+ ms\s+p95\s+[\d.]+ ms\s+\(n=10\)/);
    expect(printed).toMatch(/ratio candidate\/baseline\s+p50\s+[\d.]+×\s+p95\s+[\d.]+×/);
    const summary = formatSummary([{ benchmark: 'demo', comparison }]).split('\n');
    expect(summary[0]).toMatch(
      /^benchmark\s+case\s+candidate p50\/p95 ms\s+baseline p50\/p95 ms\s+ratio p50\s+ratio p95$/,
    );
    expect(summary[2]).toMatch(/^demo\s+trivial\s+[\d.]+ \/ [\d.]+\s+[\d.]+ \/ [\d.]+\s+[\d.]+×\s+[\d.]+×$/);
  });
});
