import type { Tx } from '../../db/client.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import type { Existing, ImportKind } from './import-kind.ts';
import { changedFields, isTarget, keyOf, type MatchKey, type ParsedRow } from './import-rows.ts';

// Deciding what an import would do, the same way for every kind of record.

export type Action = 'create' | 'update' | 'unchanged' | 'error';
export interface PlannedRow extends ParsedRow {
  action: Action;
  matchId?: string;
  changes?: string[];
}

export interface ImportSummary {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  error: number;
  newTypes: { code: string; label: string }[];
}

async function existingByKey(tx: Tx, kind: ImportKind, rows: ParsedRow[], key: MatchKey, wanted: string[]) {
  const existing = new Map<string, Existing>();
  if (key === 'external_id')
    for (const o of await kind.findByExternalIds(tx, wanted)) existing.set(o.externalId!, o);
  if (key === 'id') for (const o of await kind.findByIds(tx, wanted)) existing.set(o.id, o);
  if (key === 'name_country') {
    const names = [
      ...new Set(rows.map((r) => r.values.name?.toLowerCase()).filter((n): n is string => Boolean(n))),
    ];
    for (const o of await kind.findByNames(tx, names))
      existing.set(`${o.name.toLowerCase()}|${o.countryCode ?? ''}`, o);
  }
  return existing;
}

/** Matches parsed rows against the database and decides create / update / unchanged / error per row. */
export async function planRows(
  tx: Tx,
  kind: ImportKind,
  rows: ParsedRow[],
  key: MatchKey,
): Promise<PlannedRow[]> {
  const keys = rows.map((r) => keyOf(key, r));
  const wanted = [...new Set(keys.filter((k): k is string => Boolean(k)))];
  const existing = await existingByKey(tx, kind, rows, key, wanted);
  // External ids are unique: a row may not take one another record already holds.
  const externalIds = [
    ...new Set(rows.map((r) => r.values.externalId).filter((x): x is string => Boolean(x))),
  ];
  const holders =
    key === 'external_id'
      ? new Map<string, string>()
      : new Map((await kind.findByExternalIds(tx, externalIds)).map((o) => [o.externalId!, o.id]));
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const k = keys[i];
    const errors = [...row.errors];
    if (!k) errors.push(`${key === 'name_country' ? 'name' : key}: the match key is empty`);
    else if (seen.has(k)) errors.push('the same key appears on an earlier row');
    if (k) seen.add(k);
    const match = k ? existing.get(k) : undefined;
    if (key === 'id' && k && !match) errors.push(`id: no ${kind.noun} with this id`);
    const holder = row.values.externalId ? holders.get(row.values.externalId) : undefined;
    if (holder && holder !== match?.id)
      errors.push(`external_id: another ${kind.noun} already has this external id`);
    if (errors.length) return { ...row, errors, action: 'error' as const };
    if (!match) return { ...row, action: 'create' as const };
    const changes = changedFields(match as unknown as Record<string, unknown>, row.values);
    return {
      ...row,
      action: changes.length ? ('update' as const) : ('unchanged' as const),
      matchId: match.id,
      changes,
    };
  });
}

export function summarise(rows: PlannedRow[]): ImportSummary {
  const count = (a: Action) => rows.filter((r) => r.action === a).length;
  const newTypes = new Map<string, string>();
  for (const r of rows) if (r.action !== 'error') for (const t of r.newTypes) newTypes.set(t.code, t.label);
  return {
    total: rows.length,
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
    error: count('error'),
    newTypes: [...newTypes].map(([code, label]) => ({ code, label })),
  };
}

/** The person's own mapping, checked against the file's columns and the kind's fields. */
export function checkMapping(kind: ImportKind, header: string[], mapping: Record<string, string>) {
  const errors: FieldError[] = [];
  const out: Record<string, string> = {};
  for (const [column, target] of Object.entries(mapping)) {
    if (!header.includes(column))
      errors.push({
        field: `mapping.${column}`,
        code: 'unknown_column',
        message: `The file has no column "${column}"`,
      });
    else if (target && !isTarget(target, kind.targets, kind.languageNames)) {
      errors.push({
        field: `mapping.${column}`,
        code: 'unknown_target',
        message: `Cannot import into "${target}"`,
      });
    } else out[column] = target;
  }
  if (errors.length) throw problems.validation(errors);
  return out;
}

/** Two columns filling one field would let the later silently win: ask the person to choose. */
export function rejectSharedTargets(mapping: Record<string, string>) {
  const columnsOf = new Map<string, string[]>();
  for (const [column, target] of Object.entries(mapping))
    if (target) columnsOf.set(target, [...(columnsOf.get(target) ?? []), column]);
  const errors: FieldError[] = [...columnsOf]
    .filter(([, columns]) => columns.length > 1)
    .map(([target, columns]) => ({
      field: `mapping.${columns[1]}`,
      code: 'duplicate_target',
      message: `Columns "${columns.join('", "')}" all fill "${target}": map only one of them`,
    }));
  if (errors.length) throw problems.validation(errors);
}

/** A page of planned rows, as the preview screen lists them. */
export function firstRows(rows: PlannedRow[], action: Action | undefined, offset: number, limit: number) {
  return rows
    .filter((r) => !action || r.action === action)
    .slice(offset, offset + limit)
    .map((r) => ({
      line: r.line,
      action: r.action,
      name: r.values.name ?? null,
      matchId: r.matchId ?? null,
      changes: r.changes ?? [],
      errors: r.errors,
    }));
}
