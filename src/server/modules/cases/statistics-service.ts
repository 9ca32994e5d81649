import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import './policy.ts';
import { countCaseCombinations } from './repository-statistics.ts';
import { withCaseSystem } from './rls.ts';
import { protectBaseTable, ROUND_TO, type StatisticsDimension, tabulate } from './statistics-protection.ts';

const HXL: Record<StatisticsDimension | 'cases', string> = {
  corridor: '#x_corridor',
  sector: '#sector',
  violation: '#x_violation+code',
  outcome: '#x_outcome',
  year: '#date+year',
  cases: '#affected+cases',
};

/**
 * Anonymised counts by the chosen dimensions, only over cases whose client consented to statistical
 * use, computed by a role that cannot read identifying columns. Every table, the JSON and the CSV
 * alike, is summed from one protected base table (statistics-protection.ts): figures are
 * multiples of ROUND_TO, combinations with fewer cases are not listed, and no subtraction between
 * any requests can recover a small count.
 */
export async function caseStatistics(ctx: Ctx, dims: StatisticsDimension[]) {
  authorize(ctx.actor, 'read', 'caseStatistics');
  const unique = [...new Set(dims)];
  const combinations = await withCaseSystem(ctx.database, (tx) => countCaseCombinations(tx));
  return { dimensions: unique, roundedTo: ROUND_TO, data: tabulate(protectBaseTable(combinations), unique) };
}

export function statisticsCsv(result: Awaited<ReturnType<typeof caseStatistics>>): string {
  const header = [...result.dimensions, 'cases'];
  const hxl = [...result.dimensions.map((d) => HXL[d]), HXL.cases];
  const rows = result.data.map((r) => [...result.dimensions.map((d) => r[d]), r.cases]);
  return toCsv(header, rows, [hxl]);
}
