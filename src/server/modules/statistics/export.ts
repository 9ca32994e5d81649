import type { z } from 'zod';
import type { Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { toXlsx } from '../directory/tabular.ts';
import type { observationQuery } from './schemas.ts';
import { observations } from './service.ts';

/** An export holds at most this many figures; a larger selection asks for narrower filters. */
export const EXPORT_LIMIT = 100_000;

const HEADER = [
  'indicator',
  'indicator_label',
  'unit',
  'area',
  'counterpart',
  'period',
  'sex',
  'classification',
  'value',
  'status',
  'note',
  'dataset',
  'source',
  'citation',
  'licence',
  'url',
  'retrieved_on',
  'demonstration',
];
// HXL hashtags, so humanitarian tools read the columns without a mapping.
const HXL = [
  '#indicator+code',
  '#indicator+name',
  '#indicator+unit',
  '#country+code',
  '#country+code+counterpart',
  '#date',
  '#x_sex',
  '#x_classification',
  '#indicator+value+num',
  '#status',
  '#description',
  '#meta+dataset',
  '#meta+source',
  '#meta+citation',
  '#meta+licence',
  '#meta+url',
  '#date+retrieved',
  '#meta+demonstration',
];

/** The figures exactly as filtered (no paging), each with the source it comes from. */
async function rows(ctx: Ctx, query: z.infer<typeof observationQuery>) {
  const { data } = await observations(ctx, { ...query, offset: 0, limit: EXPORT_LIMIT });
  return data.map((o) => [
    o.indicator,
    o.indicatorLabels[ctx.locale] || o.indicatorLabels.en || '',
    o.unit,
    o.area,
    o.counterpart,
    o.period,
    o.sex,
    o.classification,
    o.value,
    o.status,
    o.note,
    o.dataset.code,
    o.dataset.source,
    o.dataset.citation,
    o.dataset.licence,
    o.dataset.url,
    o.dataset.retrievedOn ?? '',
    o.dataset.demonstration ? 'yes' : '',
  ]);
}

export async function observationsCsv(ctx: Ctx, query: z.infer<typeof observationQuery>) {
  return toCsv(HEADER, await rows(ctx, query), [HXL]);
}

export async function observationsXlsx(ctx: Ctx, query: z.infer<typeof observationQuery>) {
  return toXlsx('Statistics', HEADER, await rows(ctx, query), [HXL]);
}
