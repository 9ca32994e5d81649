import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { type TrackerFilter, trackerOf } from './present.ts';
import * as repo from './repository.ts';
import { readable } from './service.ts';

const msg = (s: string) => s;

export interface StageChangeInput {
  stage: string;
  date: string;
  sourceUrl?: string | null;
  note?: string;
  demonstration?: boolean;
  /** Moves back, stays, or goes behind the latest date on purpose, to correct the record. */
  correction?: boolean;
  /** The tracker's version as read. */
  version: number;
}

/** Today as YYYY-MM-DD (UTC): a stage change records what has happened, never what is planned. */
const today = () => new Date().toISOString().slice(0, 10);

/** The trackers and timeline of a campaign the actor may read, filtered by stage and country. */
export async function getTracker(ctx: Ctx, id: string, filter: TrackerFilter) {
  const row = await readable(ctx, ctx.database.db, id);
  const tracker = await trackerOf(ctx.database.db, row, ctx.locale, filter);
  return { data: tracker.countries, stages: tracker.stages, timeline: tracker.timeline };
}

/**
 * Moves one country to a stage. In order means: a later stage than the current one (skipping is
 * allowed: a country may ratify without a bill), on or after the latest recorded date. Anything
 * else is refused (409 stage_out_of_order) unless it is marked as a correction, which needs a note
 * saying why. Dates fall inside the campaign's period and not in the future. Two trackers moving
 * the same country at once: the tracker's version lets one win and the other get 409.
 */
export async function recordStageChange(ctx: Ctx, id: string, country: string, input: StageChangeInput) {
  ctx.note({ action: 'campaign.stage_change', resourceType: 'campaign', resourceId: id });
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await readable(ctx, tx, id);
    authorize(ctx.actor, 'track', 'campaign', campaign);
    const tracker = await repo.findCountry(tx, id, country);
    if (!tracker) throw problems.notFound('country in this campaign');
    const codes = campaign.stages.map((s) => s.code);
    const target = codes.indexOf(input.stage);
    if (target < 0)
      throw problems.validation([
        { field: 'body.stage', code: 'unknown_stage', message: `Stages: ${codes.join(', ')}` },
      ]);
    const outside =
      input.date < campaign.periodStart || (campaign.periodEnd && input.date > campaign.periodEnd);
    if (outside)
      throw problems.validation([
        {
          field: 'body.date',
          code: 'date_outside_period',
          message: `The campaign runs from ${campaign.periodStart} to ${campaign.periodEnd ?? 'now'}`,
        },
      ]);
    if (input.date > today())
      throw problems.validation([{ field: 'body.date', code: 'date_in_future', message: 'Not after today' }]);
    if (input.correction && !input.note?.trim())
      throw problems.validation([
        { field: 'body.note', code: 'note_required', message: 'Say what the correction corrects' },
      ]);
    const [latest] = await repo.entriesOf(tx, tracker.id);
    const inOrder = target > codes.indexOf(tracker.stage) && (!latest || input.date >= latest.changedOn);
    if (!inOrder && !input.correction)
      throw problems.conflict(
        'stage_out_of_order',
        msg(
          'This stage or date comes before where the country stands. Mark it as a correction to record it.',
        ),
        `Current stage ${tracker.stage}${latest ? ` since ${latest.changedOn}` : ''}`,
      );
    const moved = await repo.updateCountryIfVersion(tx, tracker.id, input.version, {
      stage: input.stage,
      stageSince: input.date,
      demonstration: input.demonstration ?? false,
    });
    if (!moved) throw problems.versionConflict();
    const change = await repo.insertChange(tx, {
      campaignCountryId: tracker.id,
      fromStage: tracker.stage,
      stage: input.stage,
      changedOn: input.date,
      sourceUrl: input.sourceUrl ?? null,
      note: input.note?.trim() ?? '',
      demonstration: input.demonstration ?? false,
      correction: input.correction ?? false,
      createdBy: ctx.actor.userId,
    });
    return { id: change.id, stage: moved.stage, since: moved.stageSince, version: moved.version };
  });
}

/** Undoes the latest entry of a country's history (a typo, a wrong source); earlier ones stay. */
export async function undoStageChange(
  ctx: Ctx,
  id: string,
  country: string,
  changeId: string,
  version: number,
) {
  ctx.note({ action: 'campaign.stage_change_undo', resourceType: 'campaign', resourceId: id });
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await readable(ctx, tx, id);
    authorize(ctx.actor, 'track', 'campaign', campaign);
    const tracker = await repo.findCountry(tx, id, country);
    if (!tracker) throw problems.notFound('country in this campaign');
    const [latest, previous] = await repo.entriesOf(tx, tracker.id);
    if (!latest || !(await repo.entriesOf(tx, tracker.id)).some((e) => e.id === changeId))
      throw problems.notFound('stage change');
    if (latest.id !== changeId)
      throw problems.conflict('not_latest_change', msg('Only the latest stage change can be undone.'));
    const moved = await repo.updateCountryIfVersion(tx, tracker.id, version, {
      stage: previous?.stage ?? latest.fromStage ?? campaign.stages[0]!.code,
      stageSince: previous?.changedOn ?? null,
      demonstration: previous ? previous.demonstration : tracker.demonstration,
    });
    if (!moved) throw problems.versionConflict();
    await repo.deleteChange(tx, changeId);
    return { stage: moved.stage, since: moved.stageSince, version: moved.version };
  });
}
