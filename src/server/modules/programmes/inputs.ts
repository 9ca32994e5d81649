import { z } from 'zod';
import { labelMap, line, text, uuid, version } from '../../../shared/schemas.ts';
import { INDICATOR_SOURCES, PROGRAMME_PERSON_ROLES, PROGRAMME_STATUSES } from './schema.ts';

// The request bodies and queries of the programme API, shared by the routes and the service's types.

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
const country = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code');
/** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((d) => d.length < 10 || !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a calendar date')
  .refine(
    (d) => d.length < 10 || new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a calendar date',
  );
export const slug = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lowercase letters, digits and single dashes');

const person = z.strictObject({
  personId: uuid,
  role: z.enum(PROGRAMME_PERSON_ROLES),
  countryCode: country.nullable().optional(),
  label: line(200).nullable().optional(),
  startDate: partialDate.nullable().optional(),
  endDate: partialDate.nullable().optional(),
});

const indicator = z.strictObject({
  label: line(200),
  labels: labelMap(line(200), 30).optional(),
  source: z.enum(INDICATOR_SOURCES),
  values: z
    .array(
      z.strictObject({ year: z.number().int().min(1900).max(2200), value: z.number().int().min(0).max(1e9) }),
    )
    .max(200)
    .optional(),
});

export const programmeFields = {
  slug: slug.optional(),
  name: line(300),
  names: labelMap(line(300), 30).optional(),
  summary: text(20_000, { trim: true }).nullable().optional(),
  summaries: labelMap(text(20_000, { trim: true }), 30).optional(),
  periodStart: partialDate.nullable().optional(),
  periodEnd: partialDate.nullable().optional(),
  themes: z.array(code).max(50).optional(),
  targetGroups: z.array(code).max(50).optional(),
  countries: z.array(country).max(250).optional(),
  runningOrganisationIds: z.array(uuid).min(1).max(20),
  partnerOrganisationIds: z.array(uuid).max(200).optional(),
  secretariatOrganisationIds: z.array(uuid).max(50).optional(),
  people: z.array(person).max(300).optional(),
  indicators: z.array(indicator).max(30).optional(),
};

export const createBody = z.strictObject(programmeFields);
export const updateBody = z.strictObject({
  ...programmeFields,
  name: line(300).optional(),
  runningOrganisationIds: programmeFields.runningOrganisationIds.optional(),
  version,
});
export const versionBody = z.strictObject({ version });

export const listQuery = z.strictObject({
  q: line(200).optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  country: country.optional(),
  theme: code.optional(),
  targetGroup: code.optional(),
  organisationId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export type ProgrammeCreate = z.infer<typeof createBody>;
export type ProgrammeUpdate = z.infer<typeof updateBody>;
export type ProgrammeListQuery = z.infer<typeof listQuery>;
