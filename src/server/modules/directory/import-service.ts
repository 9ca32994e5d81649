import type { ImportEntity } from '../../../shared/import-targets.ts';
import { authorize } from '../../platform/access/policy.ts';
import { tooCostlyProblem, WorkLimitError } from '../../platform/files/work-pool.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { personImport } from '../people/import.ts';
import { importRejected } from '../vocabularies/transfer.ts';
import type { Existing, ImportKind } from './import-kind.ts';
import {
  type Action,
  checkMapping,
  firstRows,
  type ImportSummary,
  type PlannedRow,
  planRows,
  rejectSharedTargets,
  summarise,
} from './import-plan.ts';
import * as repo from './import-repository.ts';
import { defaultMapping, type MatchKey, type ParsedRow, type VocabularyPolicy } from './import-rows.ts';
import { organisationImport } from './organisation-import.ts';
import './policy.ts';

export interface ImportOptions {
  key: MatchKey;
  vocabularyPolicy: VocabularyPolicy;
  mapping?: Record<string, string>;
}

const KINDS: Record<ImportEntity, ImportKind> = {
  organisations: organisationImport,
  people: personImport,
};

/** Progress of commits under way, kept in memory so it can be read while the commit holds the database. */
const progress = new Map<string, { phase: string; done: number; total: number }>();

const PREVIEW_ROWS = 200;

function presentImport(
  row: repo.ImportRow | NonNullable<Awaited<ReturnType<typeof repo.findImportSummary>>>,
) {
  return {
    id: row.id,
    entity: row.entity,
    status: row.status,
    fileName: row.fileName,
    options: row.options,
    summary: row.summary as ImportSummary,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

/** The kind of a stored import, after checking the actor may import that kind. */
function kindOf(ctx: Ctx, entity: string) {
  const kind = KINDS[entity as ImportEntity];
  if (!kind) throw problems.notFound('import');
  authorize(ctx.actor, 'import', kind.resource);
  return kind;
}

/**
 * Dry run: reads the file, matches every row and stores the plan; nothing in the directory changes.
 * The file is read on a file-work thread, and the whole preview holds one place of the pool, so
 * concurrent imports wait (or get 503 `busy`) instead of multiplying memory.
 */
export async function previewImport(
  ctx: Ctx,
  file: { bytes: Uint8Array; fileName: string },
  options: ImportOptions & { entity?: ImportEntity },
) {
  kindOf(ctx, options.entity ?? 'organisations');
  return ctx.fileWork.admit(() => preview(ctx, file, options));
}

async function preview(
  ctx: Ctx,
  file: { bytes: Uint8Array; fileName: string },
  options: ImportOptions & { entity?: ImportEntity },
) {
  const { entity = 'organisations', ...rest } = options;
  const kind = kindOf(ctx, entity);
  const table = await ctx.fileWork
    .dispatch('table', { bytes: file.bytes, fileName: file.fileName })
    .catch((error) => {
      throw error instanceof WorkLimitError ? tooCostlyProblem(error) : error;
    });
  const mapping = {
    ...defaultMapping(table.header, kind.targets, kind.synonyms, kind.languageNames),
    ...(rest.mapping ? checkMapping(kind, table.header, rest.mapping) : {}),
  };
  rejectSharedTargets(mapping);
  if (!Object.values(mapping).includes('name') && rest.key !== 'id') {
    throw problems.validation([
      { field: 'mapping', code: 'name_required', message: 'Map one column to "name"' },
    ]);
  }
  const db = ctx.database.db;
  const parsed = await kind.parse(db, table, mapping, rest.vocabularyPolicy);
  const planned = await planRows(db, kind, parsed, rest.key);
  const summary = summarise(planned);
  const id = await repo.insertImport(db, {
    entity,
    status: 'preview',
    fileName: file.fileName.slice(0, 200),
    options: { ...rest, mapping },
    rows: planned,
    summary,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : '00000000-0000-0000-0000-000000000000',
  });
  ctx.note({
    action: `${kind.resource}.import.preview`,
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

export async function getImport(
  ctx: Ctx,
  id: string,
  page: { action?: Action; offset: number; limit: number },
) {
  const row = await repo.findImport(ctx.database.db, id);
  if (!row) throw problems.notFound('import');
  kindOf(ctx, row.entity);
  return {
    ...presentImport(row),
    rows: firstRows(row.rows as PlannedRow[], page.action, page.offset, page.limit),
    progress: progress.get(id) ?? null,
  };
}

/** Answered from memory without reading the import, so only the organisation rule can be checked. */
export function importProgress(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'import', 'organisation');
  return progress.get(id) ?? null;
}

/** Writes the whole import in one transaction, after matching again against the database as it is now. */
export async function commitImport(ctx: Ctx, id: string, version: number) {
  const state = { phase: 'matching', done: 0, total: 0 };
  try {
    const summary = await writeImport(ctx, id, version, state);
    state.phase = 'done';
    return summary;
  } finally {
    setTimeout(() => progress.delete(id), 60_000).unref();
  }
}

function writeImport(
  ctx: Ctx,
  id: string,
  version: number,
  state: { phase: string; done: number; total: number },
) {
  return ctx.database.db.transaction(async (tx) => {
    const imp = await repo.findImport(tx, id);
    if (!imp) throw problems.notFound('import');
    const kind = kindOf(ctx, imp.entity);
    ctx.note({ action: `${kind.resource}.import.commit`, resourceType: 'directory_import', resourceId: id });
    if (imp.status !== 'preview')
      throw problems.conflict('import_done', 'This import was already committed.');
    if (imp.version !== version) throw problems.versionConflict();
    progress.set(id, state);
    const options = imp.options as ImportOptions;
    const planned = await planRows(tx, kind, imp.rows as ParsedRow[], options.key);
    const errors = planned.filter((r) => r.action === 'error');
    if (errors.length) {
      throw importRejected(
        errors
          .slice(0, 100)
          .map((r) => ({ field: `line ${r.line}`, code: 'invalid_row', message: r.errors.join('; ') })),
      );
    }
    const result = summarise(planned);
    const updates = planned.filter((r) => r.action === 'update');
    // The records as they are now, so fields the file leaves out keep their values.
    const current = await kind.findByIds(
      tx,
      updates.map((r) => r.matchId!),
    );
    const bases = new Map<string, Existing>(current.map((o) => [o.id, o]));
    Object.assign(state, { phase: 'writing', total: result.create + result.update });
    const plan = {
      creates: planned.filter((r) => r.action === 'create').map((r) => r.values),
      updates: updates.map((r) => ({ values: r.values, base: bases.get(r.matchId!)! })),
      newTypes: result.newTypes,
    };
    await kind.write(tx, plan, options.vocabularyPolicy, (n) => {
      state.done += n;
    });
    const marked = await repo.markImport(tx, id, version, {
      status: 'committed',
      committedAt: new Date(),
      summary: result,
      rows: planned,
    });
    if (!marked) throw problems.versionConflict();
    return result;
  });
}
