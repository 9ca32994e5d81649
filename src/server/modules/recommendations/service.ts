import type { Tx } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/problem.ts';
import { countryName } from '../geography/countries.ts';
import type { Labels } from '../vocabularies/schema.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import './policy.ts';
import * as repo from './repository.ts';
import type { RecommendationStatus } from './schema.ts';
import { checkEvidence, checkFields, NEXT, throwIfAny } from './validate.ts';

const msg = (s: string) => s;

export interface RecommendationInput {
  eventId: string;
  text: string;
  texts?: Labels;
  addresseeId: string;
  themes?: string[];
  countries?: string[];
}

export interface UpdateInput {
  status: RecommendationStatus;
  date: string;
  note: string;
  documentId?: string | null;
  evidenceUrl?: string | null;
  /** The recommendation's version as read. */
  version: number;
}

export interface ListQuery {
  dialogue?: string;
  country?: string;
  status?: RecommendationStatus;
  theme?: string;
  addressee?: string;
  limit: number;
  offset: number;
}

const uniq = <T>(v?: T[]) => (v ? [...new Set(v)] : undefined);
/** Today as YYYY-MM-DD (UTC): an update records what has happened, never what is planned. */
const today = () => new Date().toISOString().slice(0, 10);

/** Who sees what in lists: network administrators all; others public dialogues and their organisation's. */
export function visibilityFor(ctx: Ctx): repo.RecommendationFilter['visibleTo'] {
  if (!isUser(ctx.actor)) return { publicOnly: true };
  if (ctx.actor.role === 'network_administrator') return undefined;
  return { organisationId: ctx.actor.organisationId };
}

const recordOf = (e: { organisationId: string; visibility: 'public' | 'private' }) => ({
  organisationId: e.organisationId,
  visibility: e.visibility,
});

/** A dialogue the actor may read; anything else (unknown, hidden, not a dialogue) is a field error. */
async function dialogueFor(ctx: Ctx, tx: Tx, eventId: string) {
  const e = await repo.findEvent(tx, eventId);
  const hidden =
    !e || (e.visibility !== 'public' && !abilitiesFor(ctx.actor, 'recommendation', recordOf(e)).read);
  if (hidden || !e)
    throw problems.validation([
      { field: 'body.eventId', code: 'unknown_dialogue', message: 'Not a dialogue you can see' },
    ]);
  if (e.kindCode !== 'dialogue')
    throw problems.validation([
      { field: 'body.eventId', code: 'not_a_dialogue', message: 'Recommendations come from dialogues' },
    ]);
  return e;
}

/** Loads a recommendation with its dialogue; one the actor may not read is a 404. */
async function readable(ctx: Ctx, tx: Tx, id: string) {
  const row = await repo.findRecommendation(tx, id);
  const dialogue = row ? await repo.findEvent(tx, row.eventId) : undefined;
  if (!row || !dialogue) throw problems.notFound('recommendation');
  authorize(ctx.actor, 'read', 'recommendation', recordOf(dialogue), { hideAs404: true });
  return { row, dialogue };
}

export async function listRecommendations(ctx: Ctx, q: ListQuery, options: { publicOnly?: boolean } = {}) {
  if (!options.publicOnly) authorize(ctx.actor, 'list', 'recommendation');
  const db = ctx.database.db;
  const rows = await repo.listRecommendations(db, {
    eventId: q.dialogue,
    country: q.country,
    status: q.status,
    theme: q.theme,
    addresseeId: q.addressee,
    visibleTo: options.publicOnly ? { publicOnly: true } : visibilityFor(ctx),
    limit: q.limit + 1,
    offset: q.offset,
  });
  const themes = await termsOf(db, 'thematic_area', ctx.locale, true);
  const page = rows.slice(0, q.limit);
  return {
    data: page.map((r) => ({
      id: r.id,
      text: labelOf(r.texts, ctx.locale, r.text),
      status: r.status,
      statusSince: r.statusSince,
      addressee: { id: r.addresseeId, name: r.addresseeName },
      dialogue: {
        id: r.eventId,
        slug: r.eventSlug,
        title: labelOf(r.eventTitles, ctx.locale, r.eventTitle),
        startsAt: r.eventStartsAt.toISOString(),
      },
      themes: r.themes.map((code) => ({ code, label: themes.find((t) => t.code === code)?.label ?? code })),
      countries: r.countries.map((code) => ({ code, name: countryName(code, ctx.locale) })),
      demonstration: r.demonstration,
      version: r.version,
    })),
    hasMore: rows.length > q.limit,
  };
}

export type RecommendationListItem = Awaited<ReturnType<typeof listRecommendations>>['data'][number];

/** A recommendation with its history; `publicView` leaves out private documents. */
export async function present(
  ctx: Ctx,
  row: repo.RecommendationRow,
  dialogue: NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>,
  publicView = false,
) {
  const db = ctx.database.db;
  const [updates, [addressee], themes] = await Promise.all([
    repo.updatesOf(db, row.id),
    repo.organisationsNamed(db, [row.addresseeId]),
    termsOf(db, 'thematic_area', ctx.locale, true),
  ]);
  const docs = new Map(
    (
      await repo.publicationsNamed(
        db,
        updates.flatMap((u) => (u.documentId ? [u.documentId] : [])),
      )
    ).map((d) => [d.id, d]),
  );
  return {
    id: row.id,
    text: row.text,
    texts: row.texts,
    localText: labelOf(row.texts, ctx.locale, row.text),
    addressee: { id: row.addresseeId, name: addressee?.name ?? '' },
    themes: row.themes.map((code) => ({ code, label: themes.find((t) => t.code === code)?.label ?? code })),
    countries: row.countries.map((code) => ({ code, name: countryName(code, ctx.locale) })),
    status: row.status,
    statusSince: row.statusSince,
    next: NEXT[row.status],
    dialogue: {
      id: dialogue.id,
      slug: dialogue.slug,
      title: labelOf(dialogue.titles, ctx.locale, dialogue.title),
      visibility: dialogue.visibility,
      startsAt: dialogue.startsAt.toISOString(),
    },
    demonstration: row.demonstration,
    updates: updates.map((u) => {
      const doc = u.documentId ? docs.get(u.documentId) : undefined;
      return {
        id: u.id,
        fromStatus: u.fromStatus,
        status: u.status,
        date: u.happenedOn,
        note: u.note,
        document: doc && (doc.isPublic || !publicView) ? { id: doc.id, title: doc.title } : null,
        evidenceUrl: u.evidenceUrl,
        demonstration: u.demonstration,
      };
    }),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'recommendation', recordOf(dialogue)),
  };
}

export type PresentedRecommendation = Awaited<ReturnType<typeof present>>;

export async function getRecommendation(ctx: Ctx, id: string) {
  const { row, dialogue } = await readable(ctx, ctx.database.db, id);
  return present(ctx, row, dialogue);
}

/** A public dialogue's recommendation for the tracker, or undefined. */
export async function publicRecommendation(ctx: Ctx, id: string) {
  const row = await repo.findRecommendation(ctx.database.db, id);
  const dialogue = row ? await repo.findEvent(ctx.database.db, row.eventId) : undefined;
  if (!row || dialogue?.visibility !== 'public') return undefined;
  return present(ctx, row, dialogue, true);
}

export async function createRecommendation(ctx: Ctx, input: RecommendationInput) {
  authorize(ctx.actor, 'create', 'recommendation');
  const actor = ctx.actor;
  const { row, dialogue } = await ctx.database.db.transaction(async (tx) => {
    const dialogue = await dialogueFor(ctx, tx, input.eventId);
    authorize(actor, 'create', 'recommendation', recordOf(dialogue));
    const errors: FieldError[] = [];
    await checkFields(tx, input, errors);
    throwIfAny(errors);
    const row = await repo.insertRecommendation(tx, {
      eventId: dialogue.id,
      text: input.text,
      texts: input.texts ?? {},
      addresseeId: input.addresseeId,
      themes: uniq(input.themes) ?? [],
      countries: uniq(input.countries) ?? [],
      createdBy: actor.userId,
    });
    return { row, dialogue };
  });
  ctx.note({ action: 'recommendation.create', resourceType: 'recommendation', resourceId: row.id });
  return present(ctx, row, dialogue);
}

export async function updateRecommendation(
  ctx: Ctx,
  id: string,
  input: Partial<RecommendationInput> & { version: number },
) {
  ctx.note({ action: 'recommendation.update', resourceType: 'recommendation', resourceId: id });
  const { row, dialogue } = await ctx.database.db.transaction(async (tx) => {
    const current = await readable(ctx, tx, id);
    authorize(ctx.actor, 'update', 'recommendation', recordOf(current.dialogue));
    // Moving it to another dialogue needs the right to write there too.
    const dialogue =
      input.eventId && input.eventId !== current.dialogue.id
        ? await dialogueFor(ctx, tx, input.eventId)
        : current.dialogue;
    authorize(ctx.actor, 'update', 'recommendation', recordOf(dialogue));
    const errors: FieldError[] = [];
    await checkFields(tx, input, errors);
    throwIfAny(errors);
    const values = Object.fromEntries(
      Object.entries({
        eventId: dialogue.id,
        text: input.text,
        texts: input.texts,
        addresseeId: input.addresseeId,
        themes: uniq(input.themes),
        countries: uniq(input.countries),
      }).filter(([, v]) => v !== undefined),
    );
    const row = await repo.updateRecommendationIfVersion(tx, id, input.version, values);
    if (!row) throw problems.versionConflict();
    return { row, dialogue };
  });
  return present(ctx, row, dialogue);
}

export async function deleteRecommendation(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'recommendation.delete', resourceType: 'recommendation', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const { row, dialogue } = await readable(ctx, tx, id);
    authorize(ctx.actor, 'delete', 'recommendation', recordOf(dialogue));
    if (row.version !== version) throw problems.versionConflict();
    await repo.deleteRecommendation(tx, id);
  });
}

/**
 * Records a dated status change with a note and its evidence. Only the next statuses of NEXT are
 * allowed (409 illegal_transition); the date is not in the future, not before the dialogue, nor
 * before the latest update. The recommendation's version makes two people recording at once get
 * one success and one 409.
 */
export async function recordUpdate(ctx: Ctx, id: string, input: UpdateInput) {
  ctx.note({ action: 'recommendation.track', resourceType: 'recommendation', resourceId: id });
  const { row, dialogue } = await ctx.database.db.transaction(async (tx) => {
    const { row: current, dialogue } = await readable(ctx, tx, id);
    authorize(ctx.actor, 'track', 'recommendation', recordOf(dialogue));
    if (current.version !== input.version) throw problems.versionConflict();
    if (!NEXT[current.status].includes(input.status))
      throw problems.conflict(
        'illegal_transition',
        msg('This status cannot follow the current one.'),
        `From ${current.status}: ${NEXT[current.status].join(', ') || 'none (final)'}`,
      );
    const [latest] = await repo.updatesOf(tx, id);
    const dialogueDay = dialogue.startsAt.toISOString().slice(0, 10);
    const dateError = (code: string, message: string) =>
      problems.validation([{ field: 'body.date', code, message }]);
    if (input.date > today()) throw dateError('date_in_future', 'Not after today');
    if (input.date < dialogueDay) throw dateError('date_before_dialogue', `Not before ${dialogueDay}`);
    if (latest && input.date < latest.happenedOn)
      throw dateError('date_before_latest', `Not before the latest update (${latest.happenedOn})`);
    await checkEvidence(tx, input.documentId);
    const row = await repo.updateRecommendationIfVersion(tx, id, input.version, {
      status: input.status,
      statusSince: input.date,
    });
    if (!row) throw problems.versionConflict();
    await repo.insertUpdate(tx, {
      recommendationId: id,
      fromStatus: current.status,
      status: input.status,
      happenedOn: input.date,
      note: input.note,
      documentId: input.documentId ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      createdBy: ctx.actor.userId,
    });
    return { row, dialogue };
  });
  return present(ctx, row, dialogue);
}

/** Undoes the latest update (a wrong date, a wrong document); the status goes back to what it was. */
export async function undoUpdate(ctx: Ctx, id: string, updateId: string, version: number) {
  ctx.note({ action: 'recommendation.track_undo', resourceType: 'recommendation', resourceId: id });
  const { row, dialogue } = await ctx.database.db.transaction(async (tx) => {
    const { dialogue } = await readable(ctx, tx, id);
    authorize(ctx.actor, 'track', 'recommendation', recordOf(dialogue));
    const [latest, previous] = await repo.updatesOf(tx, id);
    if (!latest) throw problems.notFound('update');
    if (latest.id !== updateId) {
      const all = await repo.updatesOf(tx, id);
      if (!all.some((u) => u.id === updateId)) throw problems.notFound('update');
      throw problems.conflict('not_latest_update', msg('Only the latest update can be undone.'));
    }
    const row = await repo.updateRecommendationIfVersion(tx, id, version, {
      status: latest.fromStatus,
      statusSince: previous?.happenedOn ?? null,
    });
    if (!row) throw problems.versionConflict();
    await repo.deleteUpdate(tx, updateId);
    return { row, dialogue };
  });
  return present(ctx, row, dialogue);
}
