import type { Tx } from '../../db/client.ts';
import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import * as vocabularyRepo from '../vocabularies/repository.ts';
import { termsOf } from '../vocabularies/service.ts';
import { importRejected } from '../vocabularies/transfer.ts';
import * as repo from './import-repository.ts';
import {
  changedFields,
  defaultMapping,
  type ImportValues,
  keyOf,
  type MatchKey,
  type ParsedRow,
  parseRows,
  TARGETS,
  type Target,
  type VocabularyPolicy,
} from './import-rows.ts';
import './policy.ts';
import type { OrganisationInsert } from './repository.ts';
import { readTable } from './tabular.ts';

export interface ImportOptions {
  key: MatchKey;
  vocabularyPolicy: VocabularyPolicy;
  mapping?: Record<string, string>;
}

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

/** Progress of commits under way, kept in memory so it can be read while the commit holds the database. */
const progress = new Map<string, { phase: string; done: number; total: number }>();

function fullValues(v: ImportValues, base?: repo.ExistingOrganisation): OrganisationInsert {
  return {
    name: v.name ?? base?.name ?? '',
    names: v.names ?? base?.names ?? {},
    acronym: v.acronym === undefined ? (base?.acronym ?? null) : v.acronym,
    typeCode: v.typeCode === undefined ? (base?.typeCode ?? null) : v.typeCode,
    countryCode: v.countryCode === undefined ? (base?.countryCode ?? null) : v.countryCode,
    countries: v.countries ?? base?.countries ?? [],
    corridors: v.corridors ?? base?.corridors ?? [],
    foundedYear: v.foundedYear === undefined ? (base?.foundedYear ?? null) : v.foundedYear,
    website: v.website === undefined ? (base?.website ?? null) : v.website,
    description: v.description === undefined ? (base?.description ?? null) : v.description,
    contactPoints: v.contactPoints ?? base?.contactPoints ?? [],
    published: v.published ?? base?.published ?? false,
    externalId: v.externalId === undefined ? (base?.externalId ?? null) : v.externalId,
  };
}

/** Matches parsed rows against the directory and decides create / update / unchanged / error per row. */
export async function planRows(tx: Tx, rows: ParsedRow[], key: MatchKey): Promise<PlannedRow[]> {
  const keys = rows.map((r) => keyOf(key, r));
  const wanted = [...new Set(keys.filter((k): k is string => Boolean(k)))];
  const existing = new Map<string, repo.ExistingOrganisation>();
  if (key === 'external_id')
    for (const o of await repo.findByExternalIds(tx, wanted)) existing.set(o.externalId!, o);
  if (key === 'id') for (const o of await repo.findByIds(tx, wanted)) existing.set(o.id, o);
  if (key === 'name_country') {
    const names = [
      ...new Set(rows.map((r) => r.values.name?.toLowerCase()).filter((n): n is string => Boolean(n))),
    ];
    for (const o of await repo.findByNames(tx, names))
      existing.set(`${o.name.toLowerCase()}|${o.countryCode ?? ''}`, o);
  }
  // External ids are unique: a row may not take one another organisation already holds.
  const externalIds = [
    ...new Set(rows.map((r) => r.values.externalId).filter((x): x is string => Boolean(x))),
  ];
  const holders =
    key === 'external_id'
      ? new Map()
      : new Map((await repo.findByExternalIds(tx, externalIds)).map((o) => [o.externalId!, o.id]));
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const k = keys[i];
    const errors = [...row.errors];
    if (!k)
      errors.push(
        key === 'external_id'
          ? 'external_id: the match key is empty'
          : key === 'id'
            ? 'id: the match key is empty'
            : 'name: the match key is empty',
      );
    else if (seen.has(k)) errors.push('the same key appears on an earlier row');
    if (k) seen.add(k);
    const match = k ? existing.get(k) : undefined;
    if (key === 'id' && k && !match) errors.push('id: no organisation with this id');
    const holder = row.values.externalId ? holders.get(row.values.externalId) : undefined;
    if (holder && holder !== match?.id)
      errors.push('external_id: another organisation already has this external id');
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

function summarise(rows: PlannedRow[]): ImportSummary {
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

function checkMapping(header: string[], mapping: Record<string, string>): Record<string, Target | ''> {
  const errors: FieldError[] = [];
  const out: Record<string, Target | ''> = {};
  for (const [column, target] of Object.entries(mapping)) {
    if (!header.includes(column))
      errors.push({
        field: `mapping.${column}`,
        code: 'unknown_column',
        message: `The file has no column "${column}"`,
      });
    else if (
      target &&
      !(TARGETS as readonly string[]).includes(target) &&
      !/^name_[a-z]{2,3}$/.test(target)
    ) {
      errors.push({
        field: `mapping.${column}`,
        code: 'unknown_target',
        message: `Cannot import into "${target}"`,
      });
    } else out[column] = target as Target | '';
  }
  if (errors.length) throw problems.validation(errors);
  return out;
}

/** Two columns filling one field would let the later silently win: ask the person to choose. */
function rejectSharedTargets(mapping: Record<string, Target | ''>) {
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

const PREVIEW_ROWS = 200;

function presentImport(row: {
  id: string;
  status: string;
  fileName: string | null;
  summary: unknown;
  version: number;
  options: unknown;
  createdAt: Date;
  committedAt: Date | null;
}) {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    options: row.options,
    summary: row.summary as ImportSummary,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

/** Dry run: reads the file, matches every row and stores the plan; nothing in the directory changes. */
export async function previewImport(
  ctx: Ctx,
  file: { bytes: Uint8Array; fileName: string },
  options: ImportOptions,
) {
  authorize(ctx.actor, 'import', 'organisation');
  const table = await readTable(file.bytes, file.fileName);
  const mapping = {
    ...defaultMapping(table.header),
    ...(options.mapping ? checkMapping(table.header, options.mapping) : {}),
  };
  rejectSharedTargets(mapping);
  if (!Object.values(mapping).includes('name') && options.key !== 'id') {
    throw problems.validation([
      { field: 'mapping', code: 'name_required', message: 'Map one column to "name"' },
    ]);
  }
  const db = ctx.database.db;
  const types = await termsOf(db, 'organisation_type', 'en', true);
  const planned = await planRows(db, parseRows(table, mapping, types, options.vocabularyPolicy), options.key);
  const summary = summarise(planned);
  const id = await repo.insertImport(db, {
    entity: 'organisations',
    status: 'preview',
    fileName: file.fileName.slice(0, 200),
    options: { ...options, mapping },
    rows: planned,
    summary,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : '00000000-0000-0000-0000-000000000000',
  });
  ctx.note({
    action: 'organisation.import.preview',
    resourceType: 'directory_import',
    resourceId: id,
    details: { ...summary, newTypes: undefined },
  });
  const row = (await repo.findImportSummary(db, id))!;
  return {
    ...presentImport(row),
    header: table.header,
    mapping,
    rows: firstRows(planned, undefined, 0, PREVIEW_ROWS),
  };
}

function firstRows(rows: PlannedRow[], action: Action | undefined, offset: number, limit: number) {
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

export async function getImport(
  ctx: Ctx,
  id: string,
  page: { action?: Action; offset: number; limit: number },
) {
  authorize(ctx.actor, 'import', 'organisation');
  const row = await repo.findImport(ctx.database.db, id);
  if (!row) throw problems.notFound('import');
  return {
    ...presentImport(row),
    rows: firstRows(row.rows as PlannedRow[], page.action, page.offset, page.limit),
    progress: progress.get(id) ?? null,
  };
}

export function importProgress(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'import', 'organisation');
  return progress.get(id) ?? null;
}

/** Writes the whole import in one transaction, after matching again against the directory as it is now. */
export async function commitImport(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'import', 'organisation');
  ctx.note({ action: 'organisation.import.commit', resourceType: 'directory_import', resourceId: id });
  const state = { phase: 'matching', done: 0, total: 0 };
  progress.set(id, state);
  try {
    const summary = await ctx.database.db.transaction(async (tx) => {
      const imp = await repo.findImport(tx, id);
      if (!imp) throw problems.notFound('import');
      if (imp.status !== 'preview')
        throw problems.conflict('import_done', 'This import was already committed.');
      if (imp.version !== version) throw problems.versionConflict();
      const options = imp.options as ImportOptions;
      const planned = await planRows(tx, imp.rows as ParsedRow[], options.key);
      const errors = planned.filter((r) => r.action === 'error');
      if (errors.length) {
        throw importRejected(
          errors
            .slice(0, 100)
            .map((r) => ({ field: `line ${r.line}`, code: 'invalid_row', message: r.errors.join('; ') })),
        );
      }
      const result = summarise(planned);
      if (result.newTypes.length && options.vocabularyPolicy === 'create') {
        const known = new Set((await vocabularyRepo.listTerms(tx, 'organisation_type')).map((t) => t.code));
        for (const t of result.newTypes.filter((x) => !known.has(x.code))) {
          await vocabularyRepo.insertTerm(tx, {
            vocabularyKey: 'organisation_type',
            code: t.code,
            position: 1000,
            labels: { en: t.label },
          });
        }
      }
      const creates = planned.filter((r) => r.action === 'create').map((r) => fullValues(r.values));
      const updates = planned.filter((r) => r.action === 'update');
      const bases = new Map(
        (
          await repo.findByIds(
            tx,
            updates.map((r) => r.matchId!),
          )
        ).map((o) => [o.id, o]),
      );
      Object.assign(state, { phase: 'writing', total: creates.length + updates.length });
      const tick = (n: number) => {
        state.done += n;
      };
      await repo.insertMany(tx, creates, tick);
      await repo.updateMany(
        tx,
        updates.map((r) => ({ id: r.matchId!, ...fullValues(r.values, bases.get(r.matchId!)) })),
        tick,
      );
      if (
        !(await repo.markImport(tx, id, version, {
          status: 'committed',
          committedAt: new Date(),
          summary: result,
          rows: planned,
        }))
      ) {
        throw problems.versionConflict();
      }
      return result;
    });
    state.phase = 'done';
    return summary;
  } finally {
    setTimeout(() => progress.delete(id), 60_000).unref();
  }
}
