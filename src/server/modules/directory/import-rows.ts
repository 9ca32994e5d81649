import { IMPORT_TARGETS, type ImportTarget } from '../../../shared/import-targets.ts';
import { parseCorridor, resolveCountry } from '../geography/countries.ts';
import { codeFromLabel, matchTerm, type Term } from '../vocabularies/service.ts';
import type { Table } from './tabular.ts';

// Pure functions of the import: read spreadsheet rows into organisation values, then compare them
// with what the directory holds. No database here, so every rule is easy to test.

export const TARGETS = IMPORT_TARGETS;
export type Target = ImportTarget;

export type MatchKey = 'external_id' | 'name_country' | 'id';
export type VocabularyPolicy = 'reject' | 'create';

/** Organisation fields as an import writes them (same names as the table's columns in the repository). */
export interface ImportValues {
  name?: string;
  names?: Record<string, string>;
  acronym?: string | null;
  typeCode?: string | null;
  countryCode?: string | null;
  countries?: string[];
  corridors?: string[];
  foundedYear?: number | null;
  website?: string | null;
  description?: string | null;
  published?: boolean;
  externalId?: string | null;
  contactPoints?: { type: 'email' | 'phone'; value: string }[];
}

export interface ParsedRow {
  line: number;
  id?: string;
  values: ImportValues;
  errors: string[];
  /** Terms this row needs that the vocabulary lacks (created at commit under the "create" policy). */
  newTypes: { code: string; label: string }[];
}

const SYNONYMS: Record<string, Target> = {
  organisation: 'name',
  organization: 'name',
  org_name: 'name',
  type_label: 'type',
  organisation_type: 'type',
  hq_country: 'country',
  country_code: 'country',
  headquarters: 'country',
  country_name: 'country',
  active_in: 'countries',
  founded: 'founded_year',
  year_founded: 'founded_year',
  url: 'website',
  web: 'website',
  email: 'contact_email',
  phone: 'contact_phone',
  externalid: 'external_id',
  external_ref: 'external_id',
};

export const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_');

/** The mapping used when the person does not choose one: columns named like the targets (or common synonyms). */
export function defaultMapping(header: string[]): Record<string, Target | ''> {
  const mapping: Record<string, Target | ''> = {};
  const used = new Set<string>();
  for (const h of header) {
    const n = normaliseHeader(h);
    let target: Target | '' = (TARGETS as readonly string[]).includes(n)
      ? (n as Target)
      : (SYNONYMS[n] ?? '');
    if (/^name_[a-z]{2,3}$/.test(n)) target = n as Target;
    // 'country_name' and 'type_label' only stand in when the code column is absent.
    if (target && used.has(target)) target = '';
    if (target) used.add(target);
    mapping[h] = target;
  }
  for (const h of header) {
    const n = normaliseHeader(h);
    if ((n === 'country' || n === 'type') && mapping[h] === '') {
      for (const other of header) if (mapping[other] === n) mapping[other] = '';
      mapping[h] = n;
    }
  }
  return mapping;
}

const list = (s: string) =>
  s
    .split(/[;,|]/)
    .map((x) => x.trim())
    .filter(Boolean);
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const noControl = (s: string) => s.replace(CONTROL, '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Export files carry HXL hashtags in their second row; an import skips such a row. */
export const isHxlRow = (cells: string[]) =>
  cells.some((c) => c.startsWith('#')) && cells.every((c) => c === '' || c.startsWith('#'));

/** Reads every data row of the table through the mapping. */
export function parseRows(
  table: Table,
  mapping: Record<string, Target | ''>,
  types: Term[],
  policy: VocabularyPolicy,
): ParsedRow[] {
  const columns = table.header.map((h) => mapping[h] ?? '');
  const out: ParsedRow[] = [];
  table.rows.forEach((cells, index) => {
    if (index === 0 && isHxlRow(cells)) return;
    const row: ParsedRow = { line: index + 2, values: {}, errors: [], newTypes: [] };
    const v = row.values;
    columns.forEach((target, i) => {
      if (!target) return;
      const raw = noControl(cells[i] ?? '').trim();
      readCell(row, v, target, raw, types, policy);
    });
    if (!v.name) row.errors.push('name: a name is required');
    out.push(row);
  });
  return out;
}

function readCell(
  row: ParsedRow,
  v: ImportValues,
  target: Target,
  raw: string,
  types: Term[],
  policy: VocabularyPolicy,
) {
  const err = (m: string) => row.errors.push(`${target}: ${m}`);
  if (target.startsWith('name_')) {
    if (raw) v.names = { ...v.names, [target.slice(5)]: raw.slice(0, 300) };
    return;
  }
  switch (target) {
    case 'id':
      if (raw && !UUID.test(raw)) err('not a Tulay id');
      else if (raw) row.id = raw.toLowerCase();
      return;
    case 'external_id':
      v.externalId = raw ? raw.slice(0, 100) : null;
      return;
    case 'name':
      if (raw.length > 300) err('longer than 300 characters');
      else v.name = raw;
      return;
    case 'acronym':
      v.acronym = raw ? raw.slice(0, 50) : null;
      return;
    case 'type': {
      if (!raw) {
        v.typeCode = null;
        return;
      }
      const term = matchTerm(types, raw);
      if (term) {
        v.typeCode = term.code;
        return;
      }
      if (policy === 'create') {
        const code = codeFromLabel(raw);
        row.newTypes.push({ code, label: raw.slice(0, 200) });
        v.typeCode = code;
      } else err(`unknown organisation type "${raw.slice(0, 60)}"`);
      return;
    }
    case 'country': {
      if (!raw) {
        v.countryCode = null;
        return;
      }
      const code = resolveCountry(raw);
      if (code) v.countryCode = code;
      else err(`unknown country "${raw.slice(0, 60)}"`);
      return;
    }
    case 'countries': {
      const codes = list(raw).map((c) => [c, resolveCountry(c)] as const);
      for (const [c, code] of codes) if (!code) err(`unknown country "${c.slice(0, 60)}"`);
      v.countries = [...new Set(codes.map(([, code]) => code).filter((c): c is string => Boolean(c)))].sort();
      return;
    }
    case 'corridors': {
      const corridors = list(raw).map((c) => [c, parseCorridor(c)] as const);
      for (const [c, p] of corridors) if (!p) err(`invalid corridor "${c.slice(0, 20)}" (write PH-HK)`);
      v.corridors = [
        ...new Set(corridors.flatMap(([, p]) => (p ? [`${p.origin}-${p.destination}`] : []))),
      ].sort();
      return;
    }
    case 'founded_year': {
      if (!raw) {
        v.foundedYear = null;
        return;
      }
      const year = Number(raw);
      if (!Number.isInteger(year) || year < 1800 || year > 2100) err(`not a year: "${raw.slice(0, 20)}"`);
      else v.foundedYear = year;
      return;
    }
    case 'website': {
      if (!raw) {
        v.website = null;
        return;
      }
      const candidate = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
      try {
        const u = new URL(candidate);
        if (!u.hostname.includes('.') || raw.length > 500) throw new Error('bad');
        v.website = candidate;
      } catch {
        err(`not a web address: "${raw.slice(0, 60)}"`);
      }
      return;
    }
    case 'description':
      if (raw.length > 10_000) err('longer than 10000 characters');
      else v.description = raw || null;
      return;
    case 'published':
      if (!raw) return;
      if (/^(yes|true|1|y|x)$/i.test(raw)) v.published = true;
      else if (/^(no|false|0|n)$/i.test(raw)) v.published = false;
      else err(`write yes or no, not "${raw.slice(0, 20)}"`);
      return;
    case 'contact_email':
      if (!raw) return;
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) || raw.length > 300) err('not an email address');
      else v.contactPoints = [...(v.contactPoints ?? []), { type: 'email', value: raw }];
      return;
    case 'contact_phone':
      if (raw) v.contactPoints = [...(v.contactPoints ?? []), { type: 'phone', value: raw.slice(0, 40) }];
      return;
  }
}

/** The key a row is matched on, or undefined when it has none. */
export function keyOf(key: MatchKey, row: { id?: string; values: ImportValues }): string | undefined {
  if (key === 'id') return row.id;
  if (key === 'external_id') return row.values.externalId ?? undefined;
  return row.values.name ? `${row.values.name.toLowerCase()}|${row.values.countryCode ?? ''}` : undefined;
}

/** Field names of `values` whose value differs from the existing record. */
export function changedFields(existing: Record<string, unknown>, values: ImportValues): string[] {
  return Object.entries(values)
    .filter(([k, v]) => JSON.stringify(normalise(existing[k])) !== JSON.stringify(normalise(v)))
    .map(([k]) => k);
}

function normalise(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return value;
}
