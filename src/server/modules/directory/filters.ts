import type { Tx } from '../../db/client.ts';
import { problems } from '../../platform/http/problem.ts';
import { countriesIn } from '../geography/service.ts';
import { codesUnder } from '../vocabularies/service.ts';
import type { OrganisationListQuery } from './inputs.ts';
import type { OrganisationFilter, OrganisationSort } from './repository.ts';

const unknown = (field: string, what: string) =>
  problems.validation([{ field: `querystring.${field}`, code: 'unknown_code', message: `Unknown ${what}` }]);

/** Turns the query's codes into the plain sets the repository filters on (a type's whole branch, a region's countries). */
export async function resolveOrganisationFilter(
  tx: Tx,
  query: Partial<OrganisationListQuery>,
  fixed: Partial<OrganisationFilter> = {},
): Promise<OrganisationFilter> {
  const filter: OrganisationFilter = {
    q: query.q,
    corridor: query.corridor,
    networkId: query.network,
    activeOn: query.activeOn,
  };
  if (query.published) filter.published = query.published === 'true';
  if (query.type) {
    const codes = await codesUnder(tx, 'organisation_type', query.type);
    if (codes.length === 0) throw unknown('type', 'organisation type');
    filter.typeCodes = codes;
  }
  if (query.role) {
    const codes = await codesUnder(tx, 'membership_role', query.role);
    if (codes.length === 0) throw unknown('role', 'membership role');
    filter.roleCodes = codes;
  }
  let countries: string[] | undefined = query.country ? [query.country] : undefined;
  for (const field of ['region', 'grouping'] as const) {
    const code = query[field];
    if (!code) continue;
    const members = await countriesIn(tx, code);
    if (!members) throw unknown(field, 'region or grouping');
    countries = countries ? countries.filter((c) => members.includes(c)) : members;
  }
  if (countries) filter.countries = countries;
  return { ...filter, ...fixed };
}

/** Opaque page cursors: the offset of the next page, so the same filters and sort continue where they left. */
export function decodeCursor(cursor: string | undefined): number {
  return decodeListCursor(cursor, 10_000_000).offset;
}

/**
 * A cursor with the list's total counted on its first page (`t`, at most `maxTotal`), so the
 * following pages of one walk do not count again; cursors without it (older links) still work.
 */
export function decodeListCursor(
  cursor: string | undefined,
  maxTotal: number,
): { offset: number; total?: number } {
  if (!cursor) return { offset: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: unknown;
      t?: unknown;
    };
    const total =
      typeof parsed.t === 'number' && Number.isInteger(parsed.t) && parsed.t >= 0 && parsed.t <= maxTotal
        ? parsed.t
        : undefined;
    if (
      typeof parsed.o === 'number' &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0 &&
      parsed.o <= 10_000_000 &&
      (parsed.t === undefined || total !== undefined)
    )
      return { offset: parsed.o, total };
  } catch {
    // fall through
  }
  throw problems.validation([
    { field: 'querystring.cursor', code: 'invalid_cursor', message: 'Not a cursor from this list' },
  ]);
}

export function encodeCursor(offset: number, total?: number): string {
  return Buffer.from(JSON.stringify(total === undefined ? { o: offset } : { o: offset, t: total })).toString(
    'base64url',
  );
}

export function sortOf(query: Partial<OrganisationListQuery>): OrganisationSort {
  return query.sort ?? (query.q ? 'relevance' : 'name');
}
