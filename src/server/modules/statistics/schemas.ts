import { z } from 'zod';
import { labelMap, line, text } from '../../../shared/schemas.ts';
import { INDICATOR_FLOWS, STATISTICS_FORMATS } from './formats/parsed.ts';

const url = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), { message: 'An http(s) address' });

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'A real date, YYYY-MM-DD',
    },
  );

export const datasetFields = {
  titles: labelMap(line(300)).refine((t) => Object.values(t).some(Boolean), {
    message: 'At least one title',
  }),
  source: line(300),
  citation: text(2000, { trim: true }).default(''),
  licence: text(300, { trim: true, plain: true }).default(''),
  retrievedOn: isoDate.nullable().default(null),
  url: url.default(''),
  published: z.boolean().default(false),
  network: z.boolean().default(false),
  demonstration: z.boolean().default(false),
};

export const datasetCreate = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'Lowercase letters, digits, - and _'),
  ...datasetFields,
});

export const datasetUpdate = z.strictObject({
  version: z.number().int().min(1),
  titles: datasetFields.titles.optional(),
  source: datasetFields.source.optional(),
  citation: text(2000, { trim: true }).optional(),
  licence: text(300, { trim: true, plain: true }).optional(),
  retrievedOn: isoDate.nullable().optional(),
  url: url.optional(),
  published: z.boolean().optional(),
  network: z.boolean().optional(),
  demonstration: z.boolean().optional(),
});

export const indicatorUpdate = z.strictObject({
  version: z.number().int().min(1),
  labels: labelMap(line(300)).optional(),
  unit: text(40, { trim: true, plain: true }).optional(),
  flow: z.enum(INDICATOR_FLOWS).optional(),
  definitions: labelMap(text(4000, { trim: true })).optional(),
});

export const importQuery = z.strictObject({ format: z.enum(STATISTICS_FORMATS).optional() });

const codes = (pattern: RegExp) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern)).max(100));

const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'A year (2020) or a month (2020-03)');

export const observationQuery = z.strictObject({
  indicator: codes(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/).optional(),
  area: codes(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/).optional(),
  counterpart: codes(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/).optional(),
  sex: codes(/^[TFM]$/).optional(),
  from: period.optional(),
  to: period.optional(),
  dataset: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
