import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { labelOf, termsOf } from '../vocabularies/service.ts';
import '../events/policy.ts';
import * as repo from './repository.ts';
import { visibilityFor } from './service.ts';
import { checkCounterparts, counterpartTypes } from './validate.ts';

/** A dialogue the actor may read (as the events module decides); others are a 404. */
async function readableDialogue(ctx: Ctx, id: string) {
  const e = await repo.findEvent(ctx.database.db, id);
  if (e?.kindCode !== 'dialogue') throw problems.notFound('dialogue');
  authorize(ctx.actor, 'read', 'event', e, { hideAs404: true });
  return e;
}

/** A dialogue's counterparts, with the event's version (counterpart edits are edits of the event). */
export async function getCounterparts(ctx: Ctx, id: string) {
  const e = await readableDialogue(ctx, id);
  return {
    eventId: e.id,
    counterparts: await repo.counterpartsOf(ctx.database.db, id),
    version: e.version,
    abilities: { update: abilitiesFor(ctx.actor, 'event', e).update ?? false },
  };
}

/** Replaces the counterparts of a dialogue, in order; those who may edit the event may do it. */
export async function setCounterparts(ctx: Ctx, id: string, organisationIds: string[], version: number) {
  ctx.note({ action: 'event.counterparts', resourceType: 'event', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const e = await repo.findEvent(tx, id);
    if (e?.kindCode !== 'dialogue') throw problems.notFound('dialogue');
    authorize(ctx.actor, 'read', 'event', e, { hideAs404: true });
    authorize(ctx.actor, 'update', 'event', e);
    const ids = [...new Set(organisationIds)];
    await checkCounterparts(tx, ids);
    if (!(await repo.touchEventIfVersion(tx, id, version))) throw problems.versionConflict();
    await repo.replaceCounterparts(tx, id, ids);
  });
  return getCounterparts(ctx, id);
}

/** What the forms and filters offer: dialogues, counterparts and addressees, themes. */
export async function options(ctx: Ctx) {
  const db = ctx.database.db;
  const [dialogues, governments, themes] = await Promise.all([
    repo.listDialogues(db, visibilityFor(ctx)),
    counterpartTypes(db).then((types) => repo.organisationsOfTypes(db, types)),
    termsOf(db, 'thematic_area', ctx.locale),
  ]);
  return {
    dialogues: dialogues.map((d) => ({
      id: d.id,
      title: labelOf(d.titles, ctx.locale, d.title),
      canAdd: abilitiesFor(ctx.actor, 'recommendation', d).create ?? false,
    })),
    governments,
    themes: themes.map((t) => ({ code: t.code, label: t.label })),
  };
}
