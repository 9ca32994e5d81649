import { z } from 'zod';
import { isStorableText } from '../../../shared/schemas.ts';
import { FACETS, type FacetName } from './repository.ts';

const value = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
/** A facet filter: repeated query parameters (`?country=PH&country=ID`) or one value. */
const many = z
  .union([value, z.array(value).max(50)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();

/** A year is a whole number of at most four digits (1–9999): `1e23` or `99999` is refused, not cast. */
const year = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,3}$/, 'A year from 1 to 9999');
const years = z
  .union([year, z.array(year).max(50)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();

const facetShape = {
  ...(Object.fromEntries(Object.keys(FACETS).map((k) => [k, many])) as Record<FacetName, typeof many>),
  year: years,
};

/** The search parameters shared by the API, the exports and the public HTML search page. */
export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(300)
    .refine(isStorableText, {
      message: 'Contains an unpaired surrogate',
      params: { code: 'unstorable_text' },
    })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Contains control characters')
    .optional(),
  ...facetShape,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
  format: z.enum(['json', 'csv']).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** The URL query string that reproduces a search (for shareable links, facet links and exports). */
export function queryString(params: Partial<Record<string, string | string[] | number | undefined>>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) out.append(k, String(item));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
