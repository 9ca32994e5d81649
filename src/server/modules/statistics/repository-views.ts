import { sql } from 'drizzle-orm';
import type { Tx as Db } from '../../db/client.ts';

/** One figure as the views use it, with the data set that gives it. */
export interface ViewFigure {
  indicator: string;
  labels: Record<string, string>;
  unit: string;
  flow: string;
  area: string;
  counterpart: string;
  period: string;
  sex: string;
  classification: string;
  value: number;
  status: string;
  dataset: string;
  source: string;
  network: boolean;
  demonstration: boolean;
}

const visible = (publishedOnly: boolean) => (publishedOnly ? sql`and d.published` : sql``);

const select = sql`
  select i.code as indicator, i.labels, i.unit, i.flow, o.area, o.counterpart, o.period, o.sex,
         o.classification, o.value, o.status, d.code as dataset, d.source, d.network, d.demonstration
  from statistics_observations o
  join statistics_indicators i on i.id = o.indicator_id
  join statistics_datasets d on d.id = o.dataset_id`;

async function figures(db: Db, where: ReturnType<typeof sql>): Promise<ViewFigure[]> {
  const result = await db.execute(
    sql`${select} where ${where} order by i.code, o.classification, o.period, o.sex`,
  );
  return (result as unknown as { rows: ViewFigure[] }).rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/**
 * Every figure of an area without a counterpart (stocks, flows, the network's figures). Figures
 * with a classification (ILOSTAT's age bands, sectors) come as series of their own.
 */
export function areaFigures(db: Db, area: string, publishedOnly: boolean) {
  return figures(db, sql`o.area = ${area} and o.counterpart = '' ${visible(publishedOnly)}`);
}

/** Figures of one corridor: the destination's figures whose counterpart is the origin. */
export function corridorFigures(db: Db, origin: string, destination: string, publishedOnly: boolean) {
  return figures(db, sql`o.area = ${destination} and o.counterpart = ${origin} ${visible(publishedOnly)}`);
}

/** The largest counterparts of a country in the latest year of a stock: its origins, or its destinations. */
export async function topCounterparts(
  db: Db,
  country: string,
  direction: 'origins' | 'destinations',
  publishedOnly: boolean,
  limit = 10,
) {
  const mine = direction === 'origins' ? sql`o.area` : sql`o.counterpart`;
  const other = direction === 'origins' ? sql`o.counterpart` : sql`o.area`;
  const result = await db.execute(sql`
    with stock as (
      select ${other} as country, o.period, o.value, d.code as dataset from statistics_observations o
      join statistics_indicators i on i.id = o.indicator_id and i.flow = 'stock'
      join statistics_datasets d on d.id = o.dataset_id
      where ${mine} = ${country} and o.counterpart <> '' and o.sex = 'T' and o.classification = ''
        and length(${other}) = 2 ${visible(publishedOnly)}
    )
    select country, period, value, dataset from stock
    where period = (select max(period) from stock)
    order by value desc, country limit ${limit}`);
  return (
    result as unknown as { rows: { country: string; period: string; value: number; dataset: string }[] }
  ).rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/**
 * The sum of member countries' figures per indicator, classification, data set, period and sex,
 * with how many members reported (never summed across data sets, which would count people twice).
 */
export async function memberTotals(db: Db, members: string[], publishedOnly: boolean) {
  if (members.length === 0) return [];
  const result = await db.execute(sql`
    select i.code as indicator, i.labels, i.unit, i.flow, o.classification, o.period, o.sex, sum(o.value) as value,
           count(distinct o.area)::int as reporting, d.code as dataset
    from statistics_observations o
    join statistics_indicators i on i.id = o.indicator_id
    join statistics_datasets d on d.id = o.dataset_id
    where o.area = any(${`{${members.join(',')}}`}::text[]) and o.counterpart = ''
      ${visible(publishedOnly)}
    group by i.code, i.labels, i.unit, i.flow, o.classification, d.code, o.period, o.sex
    order by i.code, o.classification, d.code, o.period, o.sex`);
  return (
    result as unknown as {
      rows: (Omit<ViewFigure, 'area' | 'counterpart' | 'status' | 'source' | 'network' | 'demonstration'> & {
        reporting: number;
      })[];
    }
  ).rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** Areas that have figures, for the statistics front page. */
export async function areasWithFigures(db: Db, publishedOnly: boolean) {
  const result = await db.execute(sql`
    select o.area, count(*)::int as figures from statistics_observations o
    join statistics_datasets d on d.id = o.dataset_id
    where true ${visible(publishedOnly)} group by o.area order by o.area`);
  return (result as unknown as { rows: { area: string; figures: number }[] }).rows;
}
