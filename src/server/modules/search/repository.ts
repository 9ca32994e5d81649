import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { safeWebsearch } from '../../db/websearch.ts';
import { likePattern, needsSubstringSearch, parseSubstringQuery } from './query.ts';
import { searchEntries } from './schema.ts';

export type EntryInsert = Omit<typeof searchEntries.$inferInsert, 'document' | 'searchText' | 'updatedAt'>;

/** The text search configuration: English stemming; other scripts fall back to substring search. */
const CONFIG = 'english';
/** A tsvector keeps at most 1 MB: the body indexed is capped well below that. */
const BODY_INDEXED = 400_000;

/** Writes (or rewrites) a record's entry, weighting title A, summary B, body C. */
export async function upsertEntry(tx: Tx, e: EntryInsert) {
  const body = (e.body ?? '').slice(0, BODY_INDEXED);
  const document = sql`setweight(to_tsvector(${CONFIG}, ${e.title}), 'A') || setweight(to_tsvector(${CONFIG}, ${e.summary ?? ''}), 'B') || setweight(to_tsvector(${CONFIG}, ${body}), 'C')`;
  const searchText = `${e.title}\n${e.summary ?? ''}\n${body}`.toLowerCase();
  const values = { ...e, body, searchText, document, updatedAt: new Date() };
  await tx
    .insert(searchEntries)
    .values(values)
    .onConflictDoUpdate({ target: [searchEntries.kind, searchEntries.recordId], set: { ...values } });
}

export async function deleteEntry(tx: Tx, kind: string, recordId: string) {
  await tx
    .delete(searchEntries)
    .where(and(eq(searchEntries.kind, kind), eq(searchEntries.recordId, recordId)));
}

export const FACETS = {
  kind: 'kind',
  type: 'type_code',
  region: 'regions',
  country: 'countries',
  grouping: 'groupings',
  theme: 'themes',
  principle: 'principles',
  orgType: 'org_types',
  language: 'languages',
  year: 'year',
} as const;
export type FacetName = keyof typeof FACETS;
const SCALAR: ReadonlySet<FacetName> = new Set(['kind', 'type', 'year']);

export interface SearchFilter {
  q?: string;
  includePrivate: boolean;
  facets: Partial<Record<FacetName, string[]>>;
}

/** Where-clause of a search: visibility, the text query and every facet filter (OR within a facet, AND across). */
export function whereOf(f: SearchFilter): {
  where: SQL;
  rank: SQL;
  mode: 'fts' | 'substring' | 'none';
  tsquery?: SQL;
} {
  const parts: SQL[] = [];
  if (!f.includePrivate) parts.push(sql`is_public`);
  for (const [name, values] of Object.entries(f.facets) as [FacetName, string[]][]) {
    if (!values?.length) continue;
    const column = sql.raw(FACETS[name]);
    if (name === 'year') {
      const years = values.map(Number).filter((y) => Number.isInteger(y) && y >= 1 && y <= 9999);
      parts.push(years.length ? sql`${column} = any(${`{${years.join(',')}}`}::int[])` : sql`false`);
    } else if (SCALAR.has(name)) {
      parts.push(sql`${column} = any(${toArray(values)}::text[])`);
    } else {
      parts.push(sql`${column} && ${toArray(values)}::text[]`);
    }
  }
  const q = f.q?.trim();
  let rank: SQL = sql`boost`;
  let mode: 'fts' | 'substring' | 'none' = 'none';
  let tsquery: SQL | undefined;
  if (q && needsSubstringSearch(q)) {
    mode = 'substring';
    const { include, exclude } = parseSubstringQuery(q);
    for (const text of include) parts.push(sql`search_text like ${likePattern(text)}`);
    for (const text of exclude) parts.push(sql`search_text not like ${likePattern(text)}`);
    const first = include[0];
    rank = first ? sql`(case when lower(title) like ${likePattern(first)} then 2 else 1 end) * boost` : rank;
  } else if (q) {
    mode = 'fts';
    tsquery = sql`websearch_to_tsquery(${CONFIG}, ${safeWebsearch(q)})`;
    parts.push(sql`document @@ ${tsquery}`);
    rank = sql`ts_rank_cd(document, ${tsquery}, 1) * boost`;
  }
  return { where: parts.length ? sql.join(parts, sql` and `) : sql`true`, rank, mode, tsquery };
}

/** A Postgres array literal for a text[] parameter (values are passed as data, never as SQL). */
function toArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

const MARK_OPTIONS =
  'StartSel=\uE000, StopSel=\uE001, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "';

export interface HitRow {
  kind: string;
  record_id: string;
  title: string;
  type_code: string;
  year: number | null;
  countries: string[];
  themes: string[];
  is_public: boolean;
  rank: number;
  title_marked: string | null;
  snippet: string | null;
  summary: string;
  body_head: string;
}

/** One page of ranked hits; for full-text queries the title and a snippet come back marked. */
export async function searchPage(
  tx: Tx,
  f: SearchFilter,
  offset: number,
  limit: number,
  withSnippets = true,
): Promise<HitRow[]> {
  const { where, rank, mode, tsquery } = whereOf(f);
  const marked =
    withSnippets && mode === 'fts' && tsquery
      ? sql`ts_headline(${CONFIG}, title, ${tsquery}, 'HighlightAll=true, StartSel=\uE000, StopSel=\uE001') as title_marked,
            ts_headline(${CONFIG}, summary || E'\n' || body, ${tsquery}, ${MARK_OPTIONS}) as snippet`
      : sql`null as title_marked, null as snippet`;
  // The page is chosen first, then headlines are computed for its rows only (ts_headline is costly).
  const result = await tx.execute(sql`
    with page as (
      select kind, record_id, ${rank} as rank, updated_at from search_entries
      where ${where}
      order by 3 desc, updated_at desc, record_id
      offset ${offset} limit ${limit}
    )
    select e.kind, e.record_id, e.title, e.type_code, e.year, e.countries, e.themes, e.is_public, page.rank,
           ${marked}, left(e.summary, 600) as summary,
           ${mode === 'substring' ? sql`e.body` : sql`left(e.body, 400)`} as body_head
    from page join search_entries e on e.kind = page.kind and e.record_id = page.record_id
    order by page.rank desc, page.updated_at desc, page.record_id`);
  return result.rows as unknown as HitRow[];
}

/** How many records match, and the count of each value of every facet among them. */
export async function facetCounts(tx: Tx, f: SearchFilter, names: FacetName[]) {
  const { where } = whereOf(f);
  const selects = names.map((name) => {
    const column = sql.raw(FACETS[name]);
    const label = sql.raw(`'${name}'`);
    return SCALAR.has(name)
      ? sql`select ${label} as facet, ${column}::text as value, count(*)::int as n from m where ${column} is not null group by ${column}`
      : sql`select ${label} as facet, v as value, count(*)::int as n from m, unnest(m.${column}) as v group by v`;
  });
  const result = await tx.execute(sql`
    with m as materialized (select kind, type_code, regions, countries, groupings, themes, principles, org_types, languages, year
                            from search_entries where ${where})
    select 'total' as facet, null as value, count(*)::int as n from m
    ${selects.length ? sql`union all ${sql.join(selects, sql` union all `)}` : sql``}`);
  return result.rows as { facet: string; value: string | null; n: number }[];
}

/** Every hit of a search, for exports (capped). */
export async function searchAll(tx: Tx, f: SearchFilter, cap: number) {
  const { where, rank } = whereOf(f);
  const result = await tx.execute(sql`
    select kind, record_id, title, type_code, year, regions, countries, groupings, themes, principles, org_types, languages, is_public, updated_at
    from search_entries where ${where}
    order by ${rank} desc, updated_at desc, record_id limit ${cap}`);
  return result.rows as Record<string, unknown>[];
}

/** Newest public publications, for the Atom feed. */
export async function latestPublic(tx: Tx, kind: string, limit: number) {
  const result = await tx.execute(sql`
    select record_id, title, left(summary, 1000) as summary, updated_at from search_entries
    where kind = ${kind} and is_public order by updated_at desc limit ${limit}`);
  return result.rows as { record_id: string; title: string; summary: string; updated_at: Date | string }[];
}

/** Every public record, for the sitemap. */
export async function publicRecords(tx: Tx, limit: number) {
  const result = await tx.execute(sql`
    select kind, record_id, updated_at from search_entries where is_public order by updated_at desc limit ${limit}`);
  return result.rows as { kind: string; record_id: string; updated_at: Date | string }[];
}
