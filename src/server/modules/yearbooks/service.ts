import type { Tx } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize, can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import { countryName } from '../geography/countries.ts';
import './policy.ts';
import type { EditionRecord } from './policy.ts';
import * as repo from './repository.ts';
import type { Contributor, EditionKind } from './schema.ts';
import { checkContributors, throwIfAny, uniqueSlug } from './validate.ts';

const msg = (s: string) => s;

export interface EditionInput {
  kind: EditionKind;
  year: number;
  title: string;
  subtitle?: string;
  language: string;
  contributors?: Contributor[];
  organisationId?: string;
}

/** Approved and published editions are fixed: to change one, return it to draft first. */
export const editionLocked = () =>
  new Problem(
    409,
    'edition_locked',
    msg('This edition is approved or published. Return it to draft to change it.'),
  );

/** The record the policy reads: the edition with the accounts coordinating its chapters. */
export async function recordOf(tx: Tx, row: repo.EditionRow): Promise<EditionRecord & repo.EditionRow> {
  const chapters = await repo.chaptersOf(tx, row.id);
  return {
    ...row,
    coordinatorUserIds: chapters.flatMap((c) => (c.coordinatorUserId ? [c.coordinatorUserId] : [])),
  };
}

/** Loads an edition the actor may read; others get 404 (a draft's existence is not revealed). */
export async function readableEdition(ctx: Ctx, id: string) {
  const row = await repo.findEdition(ctx.database.db, id);
  if (!row) throw problems.notFound('edition');
  if (row.status === 'published' && !isUser(ctx.actor)) return row;
  authorize(ctx.actor, 'read', 'yearbook', await recordOf(ctx.database.db, row), { hideAs404: true });
  return row;
}

export async function listEditions(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'yearbook');
  const a = ctx.actor;
  const rows = await repo.listEditions(ctx.database.db, {
    visibleTo:
      a.role === 'network_administrator' ? undefined : { organisationId: a.organisationId, userId: a.userId },
  });
  return {
    data: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      year: r.year,
      title: r.title,
      language: r.language,
      status: r.status,
      demonstration: r.demonstration,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** Contributors with their names, for the editor and the title page. */
export async function namedContributors(ctx: Ctx, list: Contributor[]) {
  const db = ctx.database.db;
  const people = new Map(
    (
      await repo.peopleNamed(
        db,
        list.flatMap((c) => c.personId ?? []),
      )
    ).map((p) => [p.id, p.name]),
  );
  const orgs = new Map(
    (
      await repo.organisationsNamed(
        db,
        list.flatMap((c) => c.organisationId ?? []),
      )
    ).map((o) => [o.id, o.name]),
  );
  return list.map((c) => ({
    ...c,
    name: (c.personId ? people.get(c.personId) : orgs.get(c.organisationId!)) ?? '',
  }));
}

export async function presentEdition(ctx: Ctx, row: repo.EditionRow) {
  const db = ctx.database.db;
  const chapters = await repo.chaptersOf(db, row.id);
  const coordinators = new Map(
    (
      await repo.usersNamed(
        db,
        chapters.flatMap((c) => c.coordinatorUserId ?? []),
      )
    ).map((u) => [u.id, u.name]),
  );
  const record = { ...row, coordinatorUserIds: [...coordinators.keys()] };
  const render = await repo.latestRender(db, row.id);
  // The public reads a published edition, not its making: no review comments, no account ids.
  const staff = isUser(ctx.actor);
  return {
    id: row.id,
    slug: row.slug,
    organisationId: row.organisationId,
    kind: row.kind,
    year: row.year,
    title: row.title,
    subtitle: row.subtitle,
    language: row.language,
    status: row.status,
    contributors: await namedContributors(ctx, row.contributors),
    history: staff ? row.history : [],
    publicationId: row.publicationId,
    demonstration: row.demonstration,
    chapters: chapters.map((c) => ({
      id: c.id,
      position: c.position,
      kind: c.kind,
      title: c.title,
      countryCode: c.countryCode,
      countryName: c.countryCode ? countryName(c.countryCode, ctx.locale) : null,
      coordinatorUserId: staff ? c.coordinatorUserId : null,
      coordinatorName: c.coordinatorUserId ? (coordinators.get(c.coordinatorUserId) ?? null) : null,
      body: c.body,
      figures: c.figures,
      version: c.version,
      abilities: {
        write: can(ctx.actor, 'write', 'yearbookChapter', {
          organisationId: row.organisationId,
          coordinatorUserId: c.coordinatorUserId,
        }),
      },
    })),
    render: render && staff ? presentRender(render) : null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'yearbook', record),
  };
}

export function presentRender(r: repo.RenderRow) {
  return {
    id: r.id,
    status: r.status,
    progress: r.progress,
    byteSize: r.byteSize,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export async function getEdition(ctx: Ctx, id: string) {
  return presentEdition(ctx, await readableEdition(ctx, id));
}

export async function createEdition(ctx: Ctx, input: EditionInput) {
  authorize(ctx.actor, 'create', 'yearbook');
  const actor = ctx.actor;
  const organisationId =
    actor.role === 'network_administrator'
      ? (input.organisationId ?? actor.organisationId)
      : actor.organisationId;
  const row = await ctx.database.db.transaction(async (tx) => {
    const errors: FieldError[] = [];
    await checkContributors(tx, input.contributors, errors);
    if (input.organisationId && (await repo.organisationsNamed(tx, [input.organisationId])).length === 0)
      errors.push({
        field: 'body.organisationId',
        code: 'unknown_organisation',
        message: 'No such organisation',
      });
    throwIfAny(errors);
    return repo.insertEdition(tx, {
      slug: await uniqueSlug(tx, input.title, input.year),
      organisationId,
      kind: input.kind,
      year: input.year,
      title: input.title,
      subtitle: input.subtitle ?? '',
      language: input.language,
      contributors: input.contributors ?? [],
      createdBy: actor.userId,
    });
  });
  ctx.note({ action: 'yearbook.create', resourceType: 'yearbook', resourceId: row.id });
  return presentEdition(ctx, row);
}

/** Loads the edition inside a write, checks the actor may `action` it and that it is still open to change. */
export async function editableEdition(ctx: Ctx, tx: Tx, id: string, action: string) {
  const current = await repo.findEdition(tx, id);
  if (!current) throw problems.notFound('edition');
  const record = await recordOf(tx, current);
  authorize(ctx.actor, 'read', 'yearbook', record, { hideAs404: true });
  authorize(ctx.actor, action, 'yearbook', record);
  return current;
}

export const isOpen = (row: repo.EditionRow) => row.status === 'draft' || row.status === 'in_review';

export async function updateEdition(
  ctx: Ctx,
  id: string,
  input: Partial<EditionInput> & { version: number },
) {
  ctx.note({ action: 'yearbook.update', resourceType: 'yearbook', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await editableEdition(ctx, tx, id, 'update');
    if (current.version !== input.version) throw problems.versionConflict();
    if (!isOpen(current)) throw editionLocked();
    const errors: FieldError[] = [];
    await checkContributors(tx, input.contributors, errors);
    throwIfAny(errors);
    const { version, organisationId: _ignored, ...rest } = input;
    const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const updated = await repo.updateEditionIfVersion(tx, id, version, values);
    if (!updated) throw problems.versionConflict();
    return updated;
  });
  return presentEdition(ctx, row);
}

export async function deleteEdition(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'yearbook.delete', resourceType: 'yearbook', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const current = await editableEdition(ctx, tx, id, 'delete');
    if (current.version !== version) throw problems.versionConflict();
    // The library entry of a published edition stays: it is a publication in its own right.
    await repo.deleteEdition(tx, id);
  });
}

/** Accounts an editor may name as a chapter's coordinator (names only). */
export async function coordinatorOptions(ctx: Ctx, q: string) {
  authorize(ctx.actor, 'update', 'yearbook');
  return repo.accountsNamed(ctx.database.db, q);
}
