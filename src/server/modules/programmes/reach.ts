import { can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { caseStatistics } from '../cases/statistics-service.ts';
import { trainedByYear } from '../trainings/alumni.ts';
import { eventAttendeesByYear } from './repository.ts';
import type { IndicatorSource } from './schema.ts';

/** One year's figure of a reach indicator. */
export interface ReachPoint {
  year: number;
  value: number;
}

/**
 * How each computed source gets its figures from Tulay's own data, for a programme's countries.
 * Answers undefined when the reader may not see that data (the indicator is then withheld).
 * To add a source: add it to INDICATOR_SOURCES (schema.ts, with the check constraint) and a
 * function here.
 */
const COMPUTED_SOURCES: Record<
  Exclude<IndicatorSource, 'manual'>,
  (ctx: Ctx, programme: { id: string; countries: string[] }) => Promise<ReachPoint[] | undefined>
> = {
  cases_handled: async (ctx, { countries }) => {
    const rows = await corridorCases(ctx, countries, ['corridor', 'year']);
    if (!rows) return undefined;
    const byYear = new Map<number, number>();
    for (const r of rows) {
      const year = Number(r.year);
      if (Number.isInteger(year)) byYear.set(year, (byYear.get(year) ?? 0) + r.cases);
    }
    return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
  },
  // Counts only, never names: a figure anyone reading the programme may see.
  event_participants: (ctx, { id }) => eventAttendeesByYear(ctx.database.db, id),
  // Graduates of the programme's training courses (trainings/alumni.ts): counts only, like above.
  trained: (ctx, { id }) => trainedByYear(ctx, id),
};

/**
 * The protected case statistics (rounded, small cells suppressed: cases/statistics-protection.ts)
 * of the corridors that start or end in one of the programme's countries. Only the rows that
 * service publishes are used, and only summed, so nothing finer than it allows comes out.
 * Undefined for readers the case-statistics policy refuses (the public, viewers).
 */
export async function corridorCases(
  ctx: Ctx,
  countries: string[],
  dims: ('corridor' | 'year')[] = ['corridor'],
): Promise<{ corridor: string; year?: string; cases: number }[] | undefined> {
  if (!can(ctx.actor, 'read', 'caseStatistics')) return undefined;
  if (countries.length === 0) return [];
  const covered = new Set(countries);
  const result = await caseStatistics(ctx, dims);
  return result.data
    .map((r) => ({ corridor: r.corridor ?? '', year: r.year, cases: r.cases }))
    .filter((r) => r.corridor.split('>').some((code) => covered.has(code)));
}

/** An indicator's yearly figures: typed ones as stored, computed ones from their source (or withheld). */
export async function reachOf(
  ctx: Ctx,
  programme: { id: string; countries: string[] },
  indicator: { source: IndicatorSource; values: ReachPoint[] },
): Promise<{ values: ReachPoint[]; withheld: boolean }> {
  if (indicator.source === 'manual') return { values: indicator.values, withheld: false };
  const values = await COMPUTED_SOURCES[indicator.source](ctx, programme);
  return values ? { values, withheld: false } : { values: [], withheld: true };
}
