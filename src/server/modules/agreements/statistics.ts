import type { Database } from '../../db/client.ts';
import { countCaseCombinations } from '../cases/repository-statistics.ts';
import { withCaseSystem } from '../cases/rls.ts';
import { protectBaseTable, ROUND_TO, tabulate } from '../cases/statistics-protection.ts';

export interface CorridorFigure {
  corridor: string;
  cases: number;
}

/**
 * The case statistics of an agreement's corridors, by corridor, from the one protected base table
 * of the case statistics (rounded down to multiples of ROUND_TO, empty groups dropped): the same
 * figures `GET /case-statistics?by=corridor` gives, read by the same role that cannot see any
 * identifying column. Every figure is a sum over the protected table, so showing it next to a
 * published agreement adds no disclosure risk (docs/decisions/agreements-register.md).
 * Corridors are written 'PH-SA' in the register and 'PH>SA' in the statistics.
 */
export async function corridorFigures(database: Database, corridors: string[]) {
  if (corridors.length === 0) return { roundedTo: ROUND_TO, data: [] as CorridorFigure[] };
  const combinations = await withCaseSystem(database, (tx) => countCaseCombinations(tx));
  const byCorridor = new Map(
    tabulate(protectBaseTable(combinations), ['corridor']).map((r) => [r.corridor, r.cases]),
  );
  return {
    roundedTo: ROUND_TO,
    data: corridors.map((corridor) => ({
      corridor,
      cases: byCorridor.get(corridor.replace('-', '>')) ?? 0,
    })),
  };
}
