import { resolveCountry } from '../geography/countries.ts';
import type { Table } from './tabular.ts';

// Pure functions shared by every kind of import: read spreadsheet rows through a column mapping,
// then compare them with what the database holds. No database here, so every rule is easy to test.

export type MatchKey = 'external_id' | 'name_country' | 'id';
export type VocabularyPolicy = 'reject' | 'create';

/** The fields every kind of import carries, because rows are matched on them. */
export interface KeyValues {
  name?: string;
  countryCode?: string | null;
  externalId?: string | null;
}

export interface ParsedRow<V extends KeyValues = KeyValues> {
  line: number;
  id?: string;
  values: V;
  errors: string[];
  /** Terms this row needs that the vocabulary lacks (created at commit under the "create" policy). */
  newTypes: { code: string; label: string }[];
}

/** Reads one trimmed cell into the row; reports problems in `row.errors`. */
export type CellReader<V extends KeyValues> = (row: ParsedRow<V>, target: string, raw: string) => void;

export const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_');

/** A name in one language: `name_fil`, or with a script, `name_zh-Hant`. */
const LANGUAGE_NAME = /^name_[a-z]{2,3}(-[A-Z][a-z]{3})?$/;

/** The name target a normalised header means: `name_zh_hant` (as headers are lowered) is `name_zh-Hant`. */
function languageNameTarget(normalised: string): string | undefined {
  const m = /^name_([a-z]{2,3})(?:_([a-z]{4}))?$/.exec(normalised);
  if (!m) return undefined;
  return m[2] ? `name_${m[1]}-${m[2][0]!.toUpperCase()}${m[2].slice(1)}` : normalised;
}

/**
 * The mapping used when the person does not choose one: columns named like the targets (or common
 * synonyms). A column named exactly like a target wins over a synonym, so 'country' beats 'country_name'.
 */
export function defaultMapping(
  header: string[],
  targets: readonly string[],
  synonyms: Record<string, string>,
  languageNames = false,
): Record<string, string> {
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const h of header) {
    const n = normaliseHeader(h);
    let target = targets.includes(n) ? n : (synonyms[n] ?? '');
    const languageName = languageNames ? languageNameTarget(n) : undefined;
    if (languageName) target = languageName;
    if (target && used.has(target)) target = '';
    if (target) used.add(target);
    mapping[h] = target;
  }
  for (const h of header) {
    const n = normaliseHeader(h);
    if (targets.includes(n) && mapping[h] === '') {
      for (const other of header) if (mapping[other] === n) mapping[other] = '';
      mapping[h] = n;
    }
  }
  return mapping;
}

/** Whether `target` is a field the kind of import can fill. */
export const isTarget = (target: string, targets: readonly string[], languageNames = false) =>
  targets.includes(target) || (languageNames && LANGUAGE_NAME.test(target));

export const list = (s: string, separators = /[;,|]/) =>
  s
    .split(separators)
    .map((x) => x.trim())
    .filter(Boolean);
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const noControl = (s: string) => s.replace(CONTROL, '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Export files carry HXL hashtags in their second row; an import skips such a row. */
export const isHxlRow = (cells: string[]) =>
  cells.some((c) => c.startsWith('#')) && cells.every((c) => c === '' || c.startsWith('#'));

/** Reads every data row of the table through the mapping; the key columns are read the same for every kind. */
export function parseRows<V extends KeyValues>(
  table: Table,
  mapping: Record<string, string>,
  readCell: CellReader<V>,
  nameMax = 300,
): ParsedRow<V>[] {
  const columns = table.header.map((h) => mapping[h] ?? '');
  const out: ParsedRow<V>[] = [];
  table.rows.forEach((cells, index) => {
    if (index === 0 && isHxlRow(cells)) return;
    const row: ParsedRow<V> = { line: index + 2, values: {} as V, errors: [], newTypes: [] };
    columns.forEach((target, i) => {
      if (!target) return;
      const raw = noControl(cells[i] ?? '').trim();
      if (!readKeyCell(row, target, raw, nameMax)) readCell(row, target, raw);
    });
    if (!row.values.name) row.errors.push('name: a name is required');
    out.push(row);
  });
  return out;
}

function readKeyCell(row: ParsedRow, target: string, raw: string, nameMax: number): boolean {
  const v = row.values;
  if (target === 'id') {
    if (raw && !UUID.test(raw)) row.errors.push('id: not a Tulay id');
    else if (raw) row.id = raw.toLowerCase();
  } else if (target === 'external_id') v.externalId = raw ? raw.slice(0, 100) : null;
  else if (target === 'name') {
    if (raw.length > nameMax) row.errors.push(`name: longer than ${nameMax} characters`);
    else v.name = raw;
  } else return false;
  return true;
}

/** The key a row is matched on, or undefined when it has none. */
export function keyOf(key: MatchKey, row: { id?: string; values: KeyValues }): string | undefined {
  if (key === 'id') return row.id;
  if (key === 'external_id') return row.values.externalId ?? undefined;
  return row.values.name ? `${row.values.name.toLowerCase()}|${row.values.countryCode ?? ''}` : undefined;
}

/** Field names of `values` whose value differs from the existing record. */
export function changedFields(existing: Record<string, unknown>, values: object): string[] {
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

/** Reads a yes/no cell; an empty cell leaves the field as it is. */
export function readYesNo(raw: string, err: (m: string) => void): boolean | undefined {
  if (!raw) return undefined;
  if (/^(yes|true|1|y|x)$/i.test(raw)) return true;
  if (/^(no|false|0|n)$/i.test(raw)) return false;
  err(`write yes or no, not "${raw.slice(0, 20)}"`);
  return undefined;
}

/** Reads a country cell (code or name); an empty cell clears the country. */
export function readCountry(raw: string, err: (m: string) => void): string | null | undefined {
  if (!raw) return null;
  const code = resolveCountry(raw);
  if (!code) err(`unknown country "${raw.slice(0, 60)}"`);
  return code;
}
