import { z } from 'zod';
import { labelMap, line, text, uuid } from '../../../shared/schemas.ts';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from './schema.ts';

/** A calendar date, YYYY-MM-DD, that exists (no 2023-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '0001-01-01';
  }, 'Not a calendar date');

export const stageCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'Lowercase letters, digits and _');
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code');
export const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lowercase letters, digits and hyphens');
export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'An http(s) address');

const labels = (value: z.ZodType<string>) => labelMap(value, 30);

export const campaignFields = {
  slug,
  name: line(300),
  names: labels(line(300)).optional(),
  goal: text(5000, { trim: true }).optional(),
  goals: labels(text(5000, { trim: true })).optional(),
  typeCode: z.enum(CAMPAIGN_TYPES),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  organisationId: uuid.optional(),
  programmeId: uuid.nullable().optional(),
  statementId: uuid.nullable().optional(),
  periodStart: isoDate,
  periodEnd: isoDate.nullable().optional(),
  stages: z
    .array(z.strictObject({ code: stageCode, label: line(120), labels: labels(line(120)).optional() }))
    .min(2)
    .max(12)
    .optional(),
  countries: z.array(countryCode).max(250).optional(),
};

/** An empty form field (`?country=` from "All countries") means no filter. */
const blankAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const trackerQuery = z.strictObject({
  stage: blankAsUnset(stageCode),
  country: blankAsUnset(countryCode),
});

export const stageChangeBody = z.strictObject({
  stage: stageCode,
  date: isoDate,
  sourceUrl: httpUrl.nullable().optional(),
  note: text(5000, { trim: true }).optional(),
  demonstration: z.boolean().optional(),
  correction: z.boolean().optional(),
  version: z.number().int().min(1),
});
