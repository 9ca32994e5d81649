import { z } from 'zod';
import { line, text } from '../../../shared/schemas.ts';
import { labels } from '../vocabularies/routes.ts';

// Request shapes shared by the directory's routes and its import.

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code');
export const termCode = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/);
export const corridorCode = z.string().regex(/^[A-Z]{2}-[A-Z]{2}$/, 'Origin-destination, e.g. PH-HK');
/** YYYY, YYYY-MM or YYYY-MM-DD: Popolo's partial dates. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const webAddress = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'An http(s) address');
export const longText = (max: number) => text(max, { trim: true, plain: true });

export const contactPoint = z.strictObject({
  type: z.enum(['email', 'phone', 'address', 'url', 'other']),
  value: line(300),
  label: line(100).optional(),
});

export const organisationFields = {
  name: line(300),
  names: labels.optional(),
  acronym: line(50).nullable().optional(),
  typeCode: termCode.nullable().optional(),
  countryCode: countryCode.nullable().optional(),
  countries: z.array(countryCode).max(250).optional(),
  corridors: z.array(corridorCode).max(100).optional(),
  foundedYear: z.number().int().min(1800).max(2100).nullable().optional(),
  website: webAddress.nullable().optional(),
  description: longText(10_000).nullable().optional(),
  contactPoints: z.array(contactPoint).max(20).optional(),
  published: z.boolean().optional(),
  externalId: line(100).nullable().optional(),
};

export const organisationInput = z.strictObject(organisationFields);
export type OrganisationInput = z.infer<typeof organisationInput>;

export const sorts = ['name', '-name', 'updated', '-updated', 'founded', '-founded', 'relevance'] as const;

/** The list filters; the very same parameters produce the CSV, XLSX and Popolo exports. */
export const organisationListQuery = z.strictObject({
  q: line(200).optional(),
  type: termCode.optional(),
  country: countryCode.optional(),
  region: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)
    .optional(),
  grouping: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/)
    .optional(),
  corridor: corridorCode.optional(),
  network: z.uuid().optional(),
  role: termCode.optional(),
  activeOn: isoDate.optional(),
  published: z.enum(['true', 'false']).optional(),
  sort: z.enum(sorts).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  format: z.enum(['json', 'csv', 'xlsx', 'popolo']).optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
