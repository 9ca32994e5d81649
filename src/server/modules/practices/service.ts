import { isUser } from '../../platform/access/actor.ts';
import { authorize, can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeKeyset, encodeKeyset } from '../../platform/http/cursor.ts';
import { problems } from '../../platform/http/problem.ts';
import type { Labels } from '../vocabularies/schema.ts';
import { sanitizeRichText } from './html.ts';
import { isStaff } from './policy.ts';
import { presentPractice, syncPracticeIndex } from './present.ts';
import * as repo from './repository.ts';
import type { PracticeSource } from './schema.ts';
import { checkCodes } from './validate.ts';

export interface PracticeInput {
  title: string;
  titles?: Labels;
  description?: string;
  descriptions?: Labels;
  organisationId?: string;
  responsible?: { organisationId: string; typeCode?: string }[];
  regions?: string[];
  countries?: string[];
  themes?: string[];
  mlflm?: string[];
  documentIds?: string[];
  periodStart?: string | null;
  periodEnd?: string | null;
  sources?: PracticeSource[];
}

const sanitizeAll = (labels: Labels) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, sanitizeRichText(v)]));

/** The columns an input sets: HTML sanitised, lists de-duplicated. */
function valuesOf(input: Partial<PracticeInput>): Partial<repo.PracticeInsert> {
  const uniq = (v?: string[]) => (v ? [...new Set(v)] : undefined);
  const out: Partial<repo.PracticeInsert> = {
    title: input.title,
    titles: input.titles,
    description: input.description === undefined ? undefined : sanitizeRichText(input.description),
    descriptions: input.descriptions ? sanitizeAll(input.descriptions) : undefined,
    regions: uniq(input.regions),
    countries: uniq(input.countries),
    themes: uniq(input.themes),
    mlflm: uniq(input.mlflm),
    documentIds: uniq(input.documentIds),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    sources: input.sources,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export async function listPractices(
  ctx: Ctx,
  f: { status?: string; organisationId?: string; limit: number; cursor?: string },
) {
  authorize(ctx.actor, 'list', 'practice');
  const actor = ctx.actor;
  const before = decodeCursor(f.cursor);
  const visibleTo = isStaff(actor)
    ? undefined
    : {
        statuses: ['published'],
        organisationId: actor.role === 'member_editor' ? actor.organisationId : undefined,
      };
  const rows = await repo.listPractices(ctx.database.db, { ...f, visibleTo, before, limit: f.limit + 1 });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
    nextCursor: rows.length > f.limit && last ? encodeKeyset(last.updatedAt, last.id) : null,
  };
}

function decodeCursor(cursor?: string) {
  const after = decodeKeyset(cursor);
  return after ? { updatedAt: after.at, id: after.id } : undefined;
}

/** A published practice is public; anything else only for those the policy lets read it (404 to others). */
export async function getPractice(ctx: Ctx, id: string) {
  const row = await repo.findPractice(ctx.database.db, id);
  if (!row) throw problems.notFound('practice');
  if (row.status !== 'published') {
    if (!isUser(ctx.actor)) throw problems.notFound('practice');
    authorize(ctx.actor, 'read', 'practice', row, { hideAs404: true });
  }
  // The review history (comments included) is for the reviewers and the proposing organisation only.
  return presentPractice(ctx, row, { history: can(ctx.actor, 'comment', 'practice', row) });
}

/** A member editor proposes a practice for their own organisation; staff for any. It starts as a draft. */
export async function createPractice(ctx: Ctx, input: PracticeInput) {
  authorize(ctx.actor, 'create', 'practice');
  const actor = ctx.actor;
  const organisationId = isStaff(actor)
    ? (input.organisationId ?? actor.organisationId)
    : actor.organisationId;
  const row = await ctx.database.db.transaction(async (tx) => {
    // Without a list, the proposing organisation is the responsible one (its type derived from the directory).
    const { responsible } = await checkCodes(tx, {
      ...input,
      responsible: input.responsible ?? [{ organisationId }],
    });
    const created = await repo.insertPractice(tx, {
      ...(valuesOf(input) as repo.PracticeInsert),
      title: input.title,
      organisationId,
      createdBy: actor.userId,
      status: 'draft',
    });
    await repo.replaceResponsible(tx, created.id, responsible ?? []);
    await repo.insertEvent(tx, {
      practiceId: created.id,
      actorId: actor.userId,
      actorName: actor.name,
      action: 'create',
      toStatus: 'draft',
    });
    return created;
  });
  ctx.note({ action: 'practice.create', resourceType: 'practice', resourceId: row.id });
  return presentPractice(ctx, row, { history: true });
}

export async function updatePractice(
  ctx: Ctx,
  id: string,
  input: Partial<PracticeInput> & { version: number },
) {
  ctx.note({ action: 'practice.update', resourceType: 'practice', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findPractice(tx, id);
    if (!current) throw problems.notFound('practice');
    if (current.status !== 'published')
      authorize(ctx.actor, 'read', 'practice', current, { hideAs404: true });
    authorize(ctx.actor, 'update', 'practice', current);
    const { responsible } = await checkCodes(tx, input);
    const updated = await repo.updatePracticeIfVersion(tx, id, input.version, valuesOf(input));
    if (!updated) throw problems.versionConflict();
    if (responsible) await repo.replaceResponsible(tx, id, responsible);
    await repo.insertEvent(tx, {
      practiceId: id,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      action: 'update',
      fromStatus: current.status,
      toStatus: current.status,
    });
    await syncPracticeIndex(tx, updated);
    return updated;
  });
  return presentPractice(ctx, row, { history: true });
}

export async function deletePractice(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'practice.delete', resourceType: 'practice', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findPractice(tx, id);
    if (!current) throw problems.notFound('practice');
    authorize(ctx.actor, 'read', 'practice', current, { hideAs404: true });
    authorize(ctx.actor, 'delete', 'practice', current);
    if (current.version !== version) throw problems.versionConflict();
    await repo.deletePractice(tx, id);
    await syncPracticeIndex(tx, { ...current, status: 'draft' });
  });
}
