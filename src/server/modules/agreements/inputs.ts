import { z } from 'zod';
import { labelMap, line, text, uuid, version } from '../../../shared/schemas.ts';
import { AGREEMENT_STATUSES, AGREEMENT_TYPES } from './schema.ts';

export const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/);
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166 alpha-2 code, e.g. PH');
export const corridor = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-[A-Z]{2}$/, 'Origin-destination, e.g. PH-SA');
/** A calendar date PostgreSQL stores as it is: YYYY-MM-DD, a real day, years 1000–9999. */
export const day = z
  .string()
  .regex(/^[1-9]\d{3}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a real date',
  );
const url = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'An http(s) address');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'Lowercase letters, digits and dashes');

export const agreementFields = {
  title: line(300),
  titles: labelMap(line(300), 30).optional(),
  summary: text(20_000, { trim: true }).optional(),
  slug: slug.optional(),
  typeCode: z.enum(AGREEMENT_TYPES),
  status: z.enum(AGREEMENT_STATUSES),
  partyCountries: z.array(countryCode).max(60).optional(),
  partyGroupings: z.array(code).max(20).optional(),
  signedOn: day.nullable().optional(),
  inForceOn: day.nullable().optional(),
  expiresOn: day.nullable().optional(),
  provisions: z
    .array(z.strictObject({ code, note: text(2000, { trim: true, plain: true }).optional() }))
    .max(60)
    .optional(),
  corridors: z.array(corridor).max(100).optional(),
  documentIds: z.array(uuid).max(50).optional(),
  published: z.boolean().optional(),
  demonstration: z.boolean().optional(),
};

export const agreementCreate = z.strictObject(agreementFields);
export const agreementUpdate = z.strictObject({
  ...agreementFields,
  title: line(300).optional(),
  typeCode: z.enum(AGREEMENT_TYPES).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  version,
});

const monitoringFields = {
  observedOn: day,
  finding: text(20_000, { trim: true }).pipe(z.string().min(1)),
  sources: z
    .array(z.strictObject({ title: line(500), url: url.optional() }))
    .max(30)
    .optional(),
  publicationIds: z.array(uuid).max(30).optional(),
};
export const monitoringCreate = z.strictObject(monitoringFields);
export const monitoringUpdate = z.strictObject({
  observedOn: day.optional(),
  finding: monitoringFields.finding.optional(),
  sources: monitoringFields.sources,
  publicationIds: monitoringFields.publicationIds,
  version,
});

/** The filters of the list, the public pages and the exports alike. */
export const agreementQuery = z.strictObject({
  country: countryCode.optional(),
  corridor: corridor.optional(),
  provision: code.optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  type: z.enum(AGREEMENT_TYPES).optional(),
  format: z.enum(['csv', 'json']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type AgreementQuery = z.infer<typeof agreementQuery>;
