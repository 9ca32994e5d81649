import { authorize, can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import type { TypesetBlock as Block } from '../../platform/typeset/document.ts';
import { figureBlocks } from './content.ts';
import * as repo from './repository.ts';
import * as figures from './repository-figures.ts';
import type { ChapterKind, FigureSpec } from './schema.ts';
import { editableEdition, editionLocked, isOpen, presentEdition } from './service.ts';
import { checkFigure, checkFigures, throwIfAny } from './validate.ts';

export interface ChapterInput {
  kind: ChapterKind;
  title: string;
  countryCode?: string | null;
  coordinatorUserId?: string | null;
  body?: string;
  figures?: FigureSpec[];
}

async function checkChapter(
  tx: Parameters<typeof checkFigures>[0],
  input: Partial<ChapterInput>,
  kind: ChapterKind,
) {
  const errors: FieldError[] = [];
  const country = input.countryCode;
  if (kind === 'country' && country === null)
    errors.push({
      field: 'body.countryCode',
      code: 'required',
      message: 'A country report names its country',
    });
  if (input.coordinatorUserId && (await repo.usersNamed(tx, [input.coordinatorUserId])).length === 0)
    errors.push({ field: 'body.coordinatorUserId', code: 'unknown_user', message: 'No such account' });
  await checkFigures(tx, input.figures, errors);
  throwIfAny(errors);
}

/** Adds a chapter at the end (editors only: a coordinator writes the chapter given to them). */
export async function addChapter(ctx: Ctx, editionId: string, input: ChapterInput) {
  ctx.note({ action: 'yearbook.chapter.create', resourceType: 'yearbook', resourceId: editionId });
  const edition = await ctx.database.db.transaction(async (tx) => {
    const current = await editableEdition(ctx, tx, editionId, 'update');
    if (!isOpen(current)) throw editionLocked();
    if (input.kind === 'country' && !input.countryCode)
      throw problems.validation([
        { field: 'body.countryCode', code: 'required', message: 'A country report names its country' },
      ]);
    await checkChapter(tx, input, input.kind);
    await repo.insertChapter(tx, {
      editionId,
      position: await repo.nextPosition(tx, editionId),
      kind: input.kind,
      title: input.title,
      countryCode: input.kind === 'country' ? input.countryCode : null,
      coordinatorUserId: input.coordinatorUserId ?? null,
      body: input.body ?? '',
      figures: input.figures ?? [],
    });
    await repo.touchEdition(tx, editionId);
    return current;
  });
  return presentEdition(ctx, (await repo.findEdition(ctx.database.db, edition.id))!);
}

/**
 * Edits a chapter. Editors change anything; the chapter's coordinator writes its text and figures
 * but cannot hand the chapter to someone else or turn it into another country's report.
 */
export async function updateChapter(
  ctx: Ctx,
  editionId: string,
  chapterId: string,
  input: Partial<ChapterInput> & { version: number },
) {
  ctx.note({ action: 'yearbook.chapter.update', resourceType: 'yearbook', resourceId: editionId });
  await ctx.database.db.transaction(async (tx) => {
    const edition = await repo.findEdition(tx, editionId);
    if (!edition) throw problems.notFound('edition');
    const chapter = await repo.findChapter(tx, editionId, chapterId);
    if (!chapter) throw problems.notFound('chapter');
    const record = { organisationId: edition.organisationId, coordinatorUserId: chapter.coordinatorUserId };
    authorize(ctx.actor, 'write', 'yearbookChapter', record, { hideAs404: true });
    const editor = canManage(ctx, edition);
    if (!editor && (input.coordinatorUserId !== undefined || input.countryCode !== undefined || input.kind))
      throw problems.forbidden();
    if (!isOpen(edition)) throw editionLocked();
    if (chapter.version !== input.version) throw problems.versionConflict();
    const kind = input.kind ?? chapter.kind;
    await checkChapter(tx, { ...input, countryCode: input.countryCode ?? chapter.countryCode }, kind);
    const { version, ...rest } = input;
    const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (kind === 'thematic') values.countryCode = null;
    const updated = await repo.updateChapterIfVersion(tx, chapterId, version, values);
    if (!updated) throw problems.versionConflict();
    await repo.touchEdition(tx, editionId);
  });
  return presentEdition(ctx, (await repo.findEdition(ctx.database.db, editionId))!);
}

const canManage = (ctx: Ctx, edition: repo.EditionRow) => can(ctx.actor, 'update', 'yearbook', edition);

export async function deleteChapter(ctx: Ctx, editionId: string, chapterId: string, version: number) {
  ctx.note({ action: 'yearbook.chapter.delete', resourceType: 'yearbook', resourceId: editionId });
  await ctx.database.db.transaction(async (tx) => {
    const edition = await editableEdition(ctx, tx, editionId, 'update');
    if (!isOpen(edition)) throw editionLocked();
    const chapter = await repo.findChapter(tx, editionId, chapterId);
    if (!chapter) throw problems.notFound('chapter');
    if (chapter.version !== version) throw problems.versionConflict();
    await repo.deleteChapter(tx, chapterId);
    await repo.touchEdition(tx, editionId);
  });
  return presentEdition(ctx, (await repo.findEdition(ctx.database.db, editionId))!);
}

/** Puts the chapters in the order given (every chapter once), against the edition's version. */
export async function reorderChapters(ctx: Ctx, editionId: string, order: string[], version: number) {
  ctx.note({ action: 'yearbook.chapter.reorder', resourceType: 'yearbook', resourceId: editionId });
  const row = await ctx.database.db.transaction(async (tx) => {
    const edition = await editableEdition(ctx, tx, editionId, 'update');
    if (!isOpen(edition)) throw editionLocked();
    const ids = (await repo.chaptersOf(tx, editionId)).map((c) => c.id);
    if (
      order.length !== ids.length ||
      new Set(order).size !== order.length ||
      order.some((id) => !ids.includes(id))
    )
      throw problems.validation([
        { field: 'body.order', code: 'not_a_permutation', message: 'List every chapter of the edition once' },
      ]);
    const updated = await repo.updateEditionIfVersion(tx, editionId, version, {});
    if (!updated) throw problems.versionConflict();
    for (const [i, id] of order.entries()) await repo.setPosition(tx, id, i);
    return updated;
  });
  return presentEdition(ctx, row);
}

/** What a figure with these filters would show (blocks with SVG and tables), before it is saved. */
export async function previewFigure(ctx: Ctx, spec: FigureSpec): Promise<{ blocks: Block[] }> {
  authorize(ctx.actor, 'write', 'yearbookChapter');
  const errors: FieldError[] = [];
  await checkFigure(ctx.database.db, spec, 'body', errors);
  throwIfAny(errors);
  return { blocks: await figureBlocks(ctx.database.db, spec, ctx.locale) };
}

export async function figureOptions(ctx: Ctx) {
  authorize(ctx.actor, 'write', 'yearbookChapter');
  const options = await figures.figureOptions(ctx.database.db);
  return {
    indicators: options.indicators.map((i) => ({
      code: i.code,
      label: i.labels[ctx.locale] || i.labels.en || i.code,
      unit: i.unit,
    })),
    areas: options.areas,
  };
}
