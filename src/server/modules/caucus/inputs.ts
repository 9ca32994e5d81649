import { z } from 'zod';
import { labelMap, line, text, uuid, version } from '../../../shared/schemas.ts';
import { day } from '../agreements/inputs.ts';
import { CAUCUS_ROLES, RESOLUTION_KINDS } from './schema.ts';

/** YYYY, YYYY-MM or YYYY-MM-DD, a real month and day (Popolo's partial dates). */
export const partialDate = z
  .string()
  .regex(/^[1-9]\d{3}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((d) => {
    const [y, m = '01', dd = '01'] = d.split('-');
    return new Date(`${y}-${m}-${dd}T00:00:00Z`).toISOString().startsWith(`${y}-${m}-${dd}`);
  }, 'Not a real date');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166 alpha-2 code, e.g. PH');
const optionalLine = (max: number) => line(max).nullable().optional();
const dates = { startDate: partialDate.nullable().optional(), endDate: partialDate.nullable().optional() };

const postFields = {
  personId: uuid,
  parliamentId: uuid,
  partyId: uuid.nullable().optional(),
  label: optionalLine(200),
  constituency: optionalLine(200),
  countryCode: countryCode.nullable().optional(),
  ...dates,
};
export const postCreate = z.strictObject(postFields);
export const postUpdate = z.strictObject({
  ...postFields,
  personId: uuid.optional(),
  parliamentId: uuid.optional(),
  version,
});

const membershipFields = {
  caucusId: uuid,
  personId: uuid,
  roleCode: z.enum(CAUCUS_ROLES),
  ...dates,
};
export const membershipCreate = z.strictObject(membershipFields);
export const membershipUpdate = z.strictObject({
  caucusId: uuid.optional(),
  personId: uuid.optional(),
  roleCode: z.enum(CAUCUS_ROLES).optional(),
  ...dates,
  version,
});

const signatory = z.strictObject({ personId: uuid, postId: uuid.nullable().optional() });
const resolutionFields = {
  caucusId: uuid,
  meetingId: uuid.nullable().optional(),
  kind: z.enum(RESOLUTION_KINDS),
  identifier: optionalLine(100),
  title: line(300),
  titles: labelMap(line(300), 30).optional(),
  text: text(100_000, { trim: true }).optional(),
  texts: labelMap(text(100_000, { trim: true }), 30).optional(),
  adoptedOn: day,
  published: z.boolean().optional(),
  signatories: z.array(signatory).max(500).optional(),
};
export const resolutionCreate = z.strictObject(resolutionFields);
export const resolutionUpdate = z.strictObject({
  ...resolutionFields,
  caucusId: uuid.optional(),
  kind: z.enum(RESOLUTION_KINDS).optional(),
  title: line(300).optional(),
  adoptedOn: day.optional(),
  version,
});

export const listQuery = z.strictObject({
  caucusId: uuid.optional(),
  personId: uuid.optional(),
});

export type PostInput = z.infer<typeof postCreate>;
export type PostUpdate = z.infer<typeof postUpdate>;
export type MembershipInput = z.infer<typeof membershipCreate>;
export type MembershipUpdate = z.infer<typeof membershipUpdate>;
export type ResolutionInput = z.infer<typeof resolutionCreate>;
export type ResolutionUpdate = z.infer<typeof resolutionUpdate>;
