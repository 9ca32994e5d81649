import { z } from 'zod';
import { LOCALE_CODES } from './locales.ts';
import { PASSWORD_MAX, PASSWORD_MIN, ROLES } from './roles.ts';

// Control characters (other than tab and newline) have no place in any text a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const noControl = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

/** A single line of text: trimmed, bounded, no control characters. */
export const line = (max = 200) =>
  z.string().trim().min(1).max(max).refine(noControl, { message: 'Contains control characters' });

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
