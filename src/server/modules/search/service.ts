import type { Tx } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { countryName } from '../geography/countries.ts';
import { iloRegionOfCountry } from '../geography/groupings.ts';
import { allGroupings } from '../geography/service.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import { needsSubstringSearch, parseSubstringQuery } from './query.ts';
import * as repo from './repository.ts';

// The shared search index of the knowledge modules: practices and the library write entries here,
// and the public search, exports, sitemap and feed read them.

const msg = (s: string) => s;

export type SearchKind = 'practice' | 'publication';

export interface IndexInput {
  kind: SearchKind;
  recordId: string;
  isPublic: boolean;
  title: string;
  summary: string;
  body: string;
  typeCode: string;
  regions: string[];
  countries: string[];
  themes: string[];
  /** MLFLM codes, principles or guidelines ('p9', 'p9.b'): the facet counts principles. */
  mlflm?: string[];
  orgTypes?: string[];
  languages?: string[];
  year?: number | null;
}

/** Writes a record's search entry, deriving ILO regions, groupings and principles from its codes. */
export async function indexRecord(tx: Tx, input: IndexInput): Promise<void> {
  const groupings = await allGroupings(tx);
  const regions = new Set(input.regions);
  for (const c of input.countries) {
    const region = iloRegionOfCountry(c);
    if (region) regions.add(region);
  }
  const inGroupings = groupings
    .filter((g) => g.kind !== 'ilo_region' && g.countries.some((c) => input.countries.includes(c)))
    .map((g) => g.code);
  const principles = [...new Set((input.mlflm ?? []).map((code) => code.split('.')[0]!))];
  await repo.upsertEntry(tx, {
    kind: input.kind,
    recordId: input.recordId,
    isPublic: input.isPublic,
    title: input.title,
    summary: input.summary,
    body: input.body,
    typeCode: input.typeCode,
    regions: [...regions].sort(),
    countries: [...new Set(input.countries)].sort(),
    groupings: inGroupings.sort(),
    themes: input.themes,
    principles,
    orgTypes: [...new Set(input.orgTypes ?? [])],
    languages: [...new Set(input.languages ?? [])],
    year: input.year ?? null,
  });
}

export function removeFromIndex(tx: Tx, kind: SearchKind, recordId: string) {
  return repo.deleteEntry(tx, kind, recordId);
}

export const FACET_NAMES = Object.keys(repo.FACETS) as repo.FacetName[];
export type SearchParams = { q?: string; cursor?: string; limit: number } & Partial<
  Record<repo.FacetName, string[]>
>;

export function filterOf(ctx: Ctx, params: SearchParams): repo.SearchFilter {
  const facets: repo.SearchFilter['facets'] = {};
  for (const name of FACET_NAMES) if (params[name]?.length) facets[name] = params[name];
  // Private publications are for people signed in; everyone else sees the public records only.
  return { q: params.q, includePrivate: isUser(ctx.actor) && !ctx.actor.mustEnrolTotp, facets };
}

/** Marked text (U+E000…U+E001 around matches) as safe HTML with <mark>. */
export function markToHtml(text: string): string {
  const escaped = text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
  return escaped.replaceAll('\uE000', '<mark>').replaceAll('\uE001', '</mark>');
}

/** Marks every occurrence of the needles in a short text (titles). */
function markAllSubstrings(text: string, needles: string[]): string {
  let out = text;
  for (const needle of needles) {
    if (!needle) continue;
    const lower = out.toLowerCase();
    let result = '';
    let from = 0;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      result += `${out.slice(from, at)}\uE000${out.slice(at, at + needle.length)}\uE001`;
      from = at + needle.length;
    }
    out = result + out.slice(from);
  }
  return out;
}

/** A window of text around the first substring match, marked (for CJK and Thai queries). */
function substringSnippet(text: string, needles: string[]): string | null {
  const lower = text.toLowerCase();
  for (const needle of needles) {
    const at = lower.indexOf(needle);
    if (at < 0) continue;
    const start = Math.max(0, at - 60);
    const end = Math.min(text.length, at + needle.length + 100);
    return `${start > 0 ? '…' : ''}${text.slice(start, at)}\uE000${text.slice(at, at + needle.length)}\uE001${text.slice(at + needle.length, end)}${end < text.length ? '…' : ''}`;
  }
  return null;
}

export interface Labeller {
  label(facet: repo.FacetName, value: string): string;
}

/** Labels for facet values in the reader's language: vocabularies, geography, languages. */
export async function labeller(tx: Tx, locale: string): Promise<Labeller> {
  const [themes, principles, orgTypes, types, groupings] = await Promise.all([
    termsOf(tx, 'thematic_area', locale, true),
    termsOf(tx, 'mlflm', locale, true),
    termsOf(tx, 'practice_organisation_type', locale, true),
    termsOf(tx, 'publication_type', locale, true),
    allGroupings(tx),
  ]);
  const maps: Partial<Record<repo.FacetName, Map<string, string>>> = {
    theme: new Map(themes.map((t) => [t.code, t.label])),
    principle: new Map(principles.map((t) => [t.code, `${translate(locale, msg('Principle'))} ${t.label}`])),
    orgType: new Map(orgTypes.map((t) => [t.code, t.label])),
    type: new Map([
      ...types.map((t) => [t.code, t.label] as [string, string]),
      ['good_practice', translate(locale, msg('Good practice'))],
    ]),
    region: new Map(groupings.map((g) => [g.code, labelOf(g.labels, locale, g.code)])),
    grouping: new Map(groupings.map((g) => [g.code, labelOf(g.labels, locale, g.code)])),
    kind: new Map([
      ['practice', translate(locale, msg('Good practices'))],
      ['publication', translate(locale, msg('Publications'))],
    ]),
  };
  let languages: Intl.DisplayNames | undefined;
  try {
    languages = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
  } catch {
    languages = undefined;
  }
  return {
    label(facet, value) {
      if (facet === 'country') return countryName(value, locale);
      if (facet === 'language') {
        try {
          return languages?.of(value) ?? value;
        } catch {
          return value;
        }
      }
      return maps[facet]?.get(value) ?? value;
    },
  };
}

/** One ranked page of records with highlighted snippets, the total, and facet counts with labels. */
export async function search(ctx: Ctx, params: SearchParams) {
  const filter = filterOf(ctx, params);
  const offset = decodeCursor(params.cursor);
  const db = ctx.database.db;
  const rows = await repo.searchPage(db, filter, offset, params.limit + 1);
  const counts = await repo.facetCounts(db, filter, FACET_NAMES);
  const labels = await labeller(db, ctx.locale);
  const needles = filter.q && needsSubstringSearch(filter.q) ? parseSubstringQuery(filter.q).include : [];
  const page = rows.slice(0, params.limit);
  const facets: Record<string, { value: string; label: string; count: number; selected: boolean }[]> = {};
  let total = 0;
  for (const c of counts) {
    if (c.facet === 'total') {
      total = c.n;
      continue;
    }
    const name = c.facet as repo.FacetName;
    if (!facets[name]) facets[name] = [];
    facets[name].push({
      value: c.value ?? '',
      label: labels.label(name, c.value ?? ''),
      count: c.n,
      selected: Boolean(params[name]?.includes(c.value ?? '')),
    });
  }
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return {
    total,
    data: page.map((r) => {
      const marked =
        r.snippet ?? (needles.length ? substringSnippet(`${r.summary}\n${r.body_head}`, needles) : null);
      return {
        kind: r.kind as SearchKind,
        id: r.record_id,
        title: r.title,
        titleHtml: markToHtml(r.title_marked ?? markAllSubstrings(r.title, needles)),
        snippetHtml: markToHtml(marked ?? r.summary.slice(0, 300)),
        type: { code: r.type_code, label: labels.label('type', r.type_code) },
        year: r.year,
        countries: r.countries,
        themes: r.themes.map((code) => ({ code, label: labels.label('theme', code) })),
        isPublic: r.is_public,
        url: recordUrl(ctx.config.publicUrl, r.kind, r.record_id),
      };
    }),
    facets,
    nextCursor:
      rows.length > params.limit ? Buffer.from(String(offset + params.limit)).toString('base64url') : null,
  };
}

export function recordUrl(base: string, kind: string, id: string): string {
  return `${base}/${kind === 'practice' ? 'practices' : 'publications'}/${id}`;
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  return Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : 0;
}
