import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { FigureSpec } from './schema.ts';

/** One observation as an edition's figures use it, with the data set that gives it. */
export interface FigureRow {
  indicator: string;
  labels: Record<string, string>;
  unit: string;
  area: string;
  counterpart: string;
  period: string;
  sex: string;
  value: number;
  dataset: string;
  source: string;
  demonstration: boolean;
}

// Editions are publications: their figures come from published data sets only, so every number in
// a PDF or on a public page can be looked up on the public statistics pages.
const PUBLISHED = sql`d.published`;

/** Observations a figure's filters pick (no classification breakdowns), oldest period first. */
export async function figureRows(tx: Tx, spec: FigureSpec, limit = 2000): Promise<FigureRow[]> {
  const counterpart =
    spec.counterpart === '*' ? sql`o.counterpart <> ''` : sql`o.counterpart = ${spec.counterpart ?? ''}`;
  const sex = spec.sex && spec.sex !== 'all' ? sql`and o.sex = ${spec.sex}` : sql``;
  const from = spec.periodFrom ? sql`and o.period >= ${spec.periodFrom}` : sql``;
  // A year as upper bound includes its months ('2020-12' < '2020~').
  const to = spec.periodTo ? sql`and o.period <= ${`${spec.periodTo}~`}` : sql``;
  const result = await tx.execute(sql`
    select i.code as indicator, i.labels, i.unit, o.area, o.counterpart, o.period, o.sex, o.value,
           d.code as dataset, d.source, d.demonstration
    from statistics_observations o
    join statistics_indicators i on i.id = o.indicator_id
    join statistics_datasets d on d.id = o.dataset_id
    where ${PUBLISHED} and i.code = ${spec.indicator} and o.area = ${spec.area} and ${counterpart}
      and o.classification = '' ${sex} ${from} ${to}
    order by o.period, o.counterpart, o.sex, d.code
    limit ${limit}`);
  return (result as unknown as { rows: FigureRow[] }).rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** Every figure of a country without a counterpart, by flow (stock, inflow, outflow), for its report. */
export async function countryFlows(tx: Tx, country: string): Promise<(FigureRow & { flow: string })[]> {
  const result = await tx.execute(sql`
    select i.code as indicator, i.labels, i.unit, i.flow, o.area, o.counterpart, o.period, o.sex, o.value,
           d.code as dataset, d.source, d.demonstration
    from statistics_observations o
    join statistics_indicators i on i.id = o.indicator_id
    join statistics_datasets d on d.id = o.dataset_id
    where ${PUBLISHED} and o.area = ${country} and o.counterpart = '' and o.classification = ''
      and i.flow in ('stock', 'inflow', 'outflow')
    order by i.flow, i.code, d.code, o.period, o.sex
    limit 5000`);
  return (result as unknown as { rows: (FigureRow & { flow: string })[] }).rows.map((r) => ({
    ...r,
    value: Number(r.value),
  }));
}

/** The largest counterparts of a country in the latest year of a stock: its origins or destinations. */
export async function topCounterparts(
  tx: Tx,
  country: string,
  direction: 'origins' | 'destinations',
  limit = 10,
) {
  const mine = direction === 'origins' ? sql`o.area` : sql`o.counterpart`;
  const other = direction === 'origins' ? sql`o.counterpart` : sql`o.area`;
  const result = await tx.execute(sql`
    with stock as (
      select ${other} as country, o.period, o.value, d.code as dataset, d.source, d.demonstration
      from statistics_observations o
      join statistics_indicators i on i.id = o.indicator_id and i.flow = 'stock'
      join statistics_datasets d on d.id = o.dataset_id
      where ${mine} = ${country} and o.counterpart <> '' and o.sex = 'T' and o.classification = ''
        and length(${other}) = 2 and ${PUBLISHED}
    )
    select country, period, value, dataset, source, demonstration from stock
    where period = (select max(period) from stock)
    order by value desc, country limit ${limit}`);
  return (
    result as unknown as {
      rows: {
        country: string;
        period: string;
        value: number;
        dataset: string;
        source: string;
        demonstration: boolean;
      }[];
    }
  ).rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** Indicators and areas that published figures exist for: what the figure pickers offer. */
export async function figureOptions(tx: Tx) {
  const indicators = await tx.execute(sql`
    select distinct i.code, i.labels, i.unit from statistics_indicators i
    join statistics_observations o on o.indicator_id = i.id
    join statistics_datasets d on d.id = o.dataset_id
    where ${PUBLISHED} order by i.code limit 500`);
  const areas = await tx.execute(sql`
    select o.area, min(o.period) as first, max(o.period) as last, count(*)::int as figures
    from statistics_observations o join statistics_datasets d on d.id = o.dataset_id
    where ${PUBLISHED} group by o.area order by o.area limit 1000`);
  return {
    indicators: (
      indicators as unknown as { rows: { code: string; labels: Record<string, string>; unit: string }[] }
    ).rows,
    areas: (areas as unknown as { rows: { area: string; first: string; last: string; figures: number }[] })
      .rows,
  };
}

export async function indicatorExists(tx: Tx, code: string) {
  const result = await tx.execute(sql`select 1 from statistics_indicators where code = ${code}`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
