import { z } from 'zod';
import { LOCALE_CODES } from './locales.ts';
import { PASSWORD_MAX, PASSWORD_MIN, ROLES } from './roles.ts';

// Control characters (other than tab and newline) have no place in any text a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const noControl = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

// PostgreSQL cannot store NUL in text, nor an unpaired UTF-16 surrogate in jsonb (and turns one in
// text into U+FFFD silently): such text is refused at the boundary, never half-stored.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is matched
const UNSTORABLE = /[\u0000\p{Cs}]/u;
/** True when the database can store the text as it is (no NUL, no unpaired surrogate). */
export const isStorableText = (s: string) => !UNSTORABLE.test(s);
const storable = {
  message: 'Contains a NUL character or an unpaired surrogate',
  params: { code: 'unstorable_text' },
} as const;
const controls = { message: 'Contains control characters', params: { code: 'control_characters' } } as const;

/**
 * Free text of up to `max` characters, the one schema for any text a person sends: NUL and
 * unpaired surrogates are refused (400 `unstorable_text`); `plain` also refuses control characters
 * other than tab and newlines; `trim` trims first.
 */
export const text = (max: number, options: { trim?: boolean; plain?: boolean } = {}) => {
  const base = (options.trim ? z.string().trim() : z.string()).max(max).refine(isStorableText, storable);
  return options.plain ? base.refine(noControl, controls) : base;
};

/** A single line of text: trimmed, bounded, no control characters. */
export const line = (max = 200) =>
  z.string().trim().min(1).max(max).refine(isStorableText, storable).refine(noControl, controls);

/** A language code as labels are keyed: `en`, `fil`, `pt-BR`. */
export const langCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);
/** Text per language (stored as jsonb): every value goes through the text schema given. */
export const labelMap = (value: z.ZodType<string>, maxLanguages = 40) =>
  z
    .record(langCode, value)
    .refine((r) => Object.keys(r).length <= maxLanguages, { message: 'Too many languages' });

/** A date or timestamp PostgreSQL can store and JavaScript can print: years 1 to 9999. */
export const boundedDate = z.coerce
  .date()
  .min(new Date('0001-01-01T00:00:00Z'))
  .max(new Date('9999-12-31T23:59:59.999Z'));

export const email = z.string().trim().toLowerCase().max(320).pipe(z.email());
export const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const role = z.enum(ROLES);
export const locale = z.enum(LOCALE_CODES);
export const uuid = z.uuid();
export const token = z
  .string()
  .min(16)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);
export const version = z.number().int().min(1);
export const idParams = z.strictObject({ id: uuid });
