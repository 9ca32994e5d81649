import { z } from 'zod';
import { text as freeText, line, uuid, version } from '../../../shared/schemas.ts';
import {
  CASE_STATUSES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  OUTCOMES,
  SECTORS,
  SHAREABLE_FIELDS,
  VIOLATION_CODES,
} from './vocabulary.ts';

// Request shapes of the cases API (strict: unknown fields are refused).

/** Multi-line text: bounded, no control characters other than tab and newline. */
export const text = (max: number) => freeText(max, { trim: true, plain: true }).min(1);
export const country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code');
export const currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code');
export const isoDate = z.iso.date();

export const clientSchema = z.strictObject({
  name: line(200).optional(),
  otherNames: z.array(line(200)).max(5).optional(),
  contacts: z
    .array(z.strictObject({ kind: line(40), value: line(200) }))
    .max(10)
    .optional(),
  documents: z
    .array(z.strictObject({ kind: line(40), number: line(100) }))
    .max(10)
    .optional(),
  addresses: z.array(line(400)).max(5).optional(),
  dateOfBirth: isoDate.optional(),
  gender: line(40).optional(),
});
export type ClientData = z.infer<typeof clientSchema>;

const facts = {
  title: line(200),
  nationality: country.nullish(),
  originCountry: country.nullish(),
  destinationCountry: country.nullish(),
  sector: z.enum(SECTORS).nullish(),
  employerOrganisationId: uuid.nullish(),
  employerName: line(200).nullish(),
  agencyOrganisationId: uuid.nullish(),
  agencyName: line(200).nullish(),
  violationCodes: z.array(z.enum(VIOLATION_CODES)).max(30).optional(),
  narrative: text(20_000).nullish(),
  client: clientSchema.nullish(),
  language: line(20).nullish(),
};

export const createCaseBody = z.strictObject(facts);
export type CreateCaseInput = z.infer<typeof createCaseBody>;

export const updateCaseBody = createCaseBody.extend({
  title: line(200).optional(),
  status: z.enum(['intake', 'assessment', 'active', 'referred']).optional(),
  version,
});
export type UpdateCaseInput = z.infer<typeof updateCaseBody>;

export const closeCaseBody = z.strictObject({
  outcome: z.enum(OUTCOMES),
  amount: z.number().nonnegative().max(1e11).optional(),
  currency: currency.optional(),
  note: text(4000).optional(),
  version,
});

export const listQuery = z.strictObject({
  q: line(200).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

export const consentBody = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  scopeOrganisationId: uuid.optional(),
  scopeCountry: country.optional(),
  obtainedOn: isoDate,
  method: z.enum(CONSENT_METHODS),
});

export const referralBody = z.strictObject({
  toOrganisationId: uuid,
  toUserId: uuid.optional(),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)).min(1).max(SHAREABLE_FIELDS.length),
  note: text(4000).optional(),
  overrideReason: text(4000).optional(),
});

export const respondBody = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  reason: text(4000).optional(),
  version,
});

export const eventBody = z.strictObject({
  kind: z.enum(['event', 'action', 'note', 'reply']),
  occurredOn: isoDate.optional(),
  text: text(10_000),
});

export const taskBody = z.strictObject({
  title: line(300),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  remindAt: z.iso.datetime({ offset: true }).optional(),
  assigneeUserId: uuid.optional(),
});

export const taskUpdateBody = z.strictObject({
  title: line(300).optional(),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  remindAt: z.iso.datetime({ offset: true }).nullable().optional(),
  done: z.boolean().optional(),
  version,
});

export const caseParams = z.strictObject({ id: uuid });
export const childParams = z.strictObject({ id: uuid, childId: uuid });
