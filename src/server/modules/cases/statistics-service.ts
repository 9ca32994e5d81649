import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import './policy.ts';
import { countCases, type StatisticsDimension } from './repository-system.ts';
import { withCaseSystem } from './rls.ts';

/** Cells counting fewer cases than this are never shown: a small count can point at a person. */
export const SUPPRESS_BELOW = 5;

export const DIMENSIONS: StatisticsDimension[] = ['corridor', 'sector', 'violation', 'outcome', 'year'];

const HXL: Record<StatisticsDimension | 'cases', string> = {
  corridor: '#x_corridor',
  sector: '#sector',
  violation: '#x_violation+code',
  outcome: '#x_outcome',
  year: '#date+year',
  cases: '#affected+cases',
};

/**
 * Anonymised counts by the chosen dimensions, only over cases whose client consented to
 * statistical use, computed by a role that cannot read identifying columns. Cells under 5 are
 * suppressed (count null), and no totals are given, so a suppressed cell cannot be recovered by subtraction.
 */
export async function caseStatistics(ctx: Ctx, dims: StatisticsDimension[]) {
  authorize(ctx.actor, 'read', 'caseStatistics');
  const unique = [...new Set(dims)];
  const rows = await withCaseSystem(ctx.database, (tx) => countCases(tx, unique));
  return {
    dimensions: unique,
    suppressBelow: SUPPRESS_BELOW,
    data: rows.map((r) => {
      const n = Number(r.cases);
      const cells = Object.fromEntries(unique.map((d) => [d, String(r[d])]));
      return n < SUPPRESS_BELOW
        ? { ...cells, cases: null, suppressed: true }
        : { ...cells, cases: n, suppressed: false };
    }),
  };
}

export function statisticsCsv(result: Awaited<ReturnType<typeof caseStatistics>>): string {
  const header = [...result.dimensions, 'cases', 'note'];
  const hxl = [...result.dimensions.map((d) => HXL[d]), HXL.cases, '#meta+note'];
  const rows = result.data.map((r) => [
    ...result.dimensions.map((d) => (r as Record<string, unknown>)[d]),
    r.cases,
    r.suppressed ? `suppressed: fewer than ${SUPPRESS_BELOW}` : '',
  ]);
  return toCsv(header, rows, [hxl]);
}
