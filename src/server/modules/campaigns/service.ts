import type { Tx } from '../../db/client.ts';
import { isUser } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type FieldError, problems } from '../../platform/http/problem.ts';
import { isCountryCode } from '../geography/countries.ts';
import type { Labels } from '../vocabularies/schema.ts';
import { isStaff } from './policy.ts';
import { presentCampaign } from './present.ts';
import * as repo from './repository.ts';
import type { CampaignStage, CampaignStatus, CampaignType } from './schema.ts';
import { DEFAULT_STAGES } from './stages.ts';

const msg = (s: string) => s;

export interface CampaignInput {
  slug: string;
  name: string;
  names?: Labels;
  goal?: string;
  goals?: Labels;
  typeCode: CampaignType;
  status?: CampaignStatus;
  organisationId?: string;
  programmeId?: string | null;
  statementId?: string | null;
  periodStart: string;
  periodEnd?: string | null;
  stages?: CampaignStage[];
  countries?: string[];
}

/** Loads a campaign the actor may read; drafts of others answer 404 as if they did not exist. */
export async function readable(ctx: Ctx, tx: Tx, id: string) {
  const row = await repo.findCampaign(tx, id);
  if (!row) throw problems.notFound('campaign');
  if (row.status !== 'published') {
    if (!isUser(ctx.actor)) throw problems.notFound('campaign');
    authorize(ctx.actor, 'read', 'campaign', row, { hideAs404: true });
  }
  return row;
}

/** Every reference checked against its table, every code against its list, before anything is written. */
async function check(tx: Tx, input: Partial<CampaignInput>, current?: repo.CampaignRow) {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) =>
    errors.push({ field: `body.${field}`, code, message });
  if (input.programmeId && !(await repo.findProgramme(tx, input.programmeId)))
    fail('programmeId', 'unknown_programme', 'No such programme');
  if (input.statementId && !(await repo.findStatement(tx, input.statementId)))
    fail('statementId', 'unknown_publication', 'No such publication in the library');
  if (input.organisationId && !(await repo.findOrganisation(tx, input.organisationId)))
    fail('organisationId', 'unknown_organisation', 'No such organisation in the directory');
  const unknown = (input.countries ?? []).filter((c) => !isCountryCode(c));
  if (unknown.length) fail('countries', 'unknown_code', `Unknown: ${unknown.slice(0, 10).join(', ')}`);
  if (input.stages) {
    const codes = input.stages.map((s) => s.code);
    if (new Set(codes).size !== codes.length) fail('stages', 'duplicate_stage', 'Each stage code once');
  }
  const start = input.periodStart ?? current?.periodStart;
  const end = input.periodEnd === undefined ? current?.periodEnd : input.periodEnd;
  if (start && end && end < start) fail('periodEnd', 'period_end_before_start', 'Ends before it starts');
  if (errors.length) throw problems.validation(errors);
}

export async function listCampaigns(
  ctx: Ctx,
  f: { status?: CampaignStatus; typeCode?: string; programmeId?: string; limit: number },
) {
  const actor = ctx.actor;
  const visibleTo =
    isUser(actor) && isStaff(actor)
      ? undefined
      : {
          statuses: ['published' as const],
          organisationId: isUser(actor) && actor.role === 'member_editor' ? actor.organisationId : undefined,
        };
  const rows = await repo.listCampaigns(ctx.database.db, { ...f, visibleTo });
  return { data: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })) };
}

export async function getCampaign(ctx: Ctx, id: string) {
  const row = await readable(ctx, ctx.database.db, id);
  return presentCampaign(ctx, row, { detail: true });
}

/** A member editor starts a campaign for their own organisation; staff for any. */
export async function createCampaign(ctx: Ctx, input: CampaignInput) {
  authorize(ctx.actor, 'create', 'campaign');
  const actor = ctx.actor;
  const organisationId = isStaff(actor)
    ? (input.organisationId ?? actor.organisationId)
    : actor.organisationId;
  const stages = input.stages ?? DEFAULT_STAGES[input.typeCode];
  const row = await ctx.database.db.transaction(async (tx) => {
    await check(tx, { ...input, organisationId });
    if (await repo.slugTaken(tx, input.slug)) throw slugTaken();
    const created = await repo.insertCampaign(tx, {
      slug: input.slug,
      name: input.name,
      names: input.names ?? {},
      goal: input.goal ?? '',
      goals: input.goals ?? {},
      typeCode: input.typeCode,
      status: input.status ?? 'draft',
      organisationId,
      programmeId: input.programmeId ?? null,
      statementId: input.statementId ?? null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd ?? null,
      stages,
      createdBy: actor.userId,
    });
    await repo.insertCountries(tx, created.id, [...new Set(input.countries ?? [])], stages[0]!.code);
    return created;
  });
  ctx.note({ action: 'campaign.create', resourceType: 'campaign', resourceId: row.id });
  return presentCampaign(ctx, row, { detail: true });
}

const slugTaken = () => problems.conflict('slug_taken', msg('Another campaign already uses this address.'));

/**
 * Edits a campaign. Countries left out of `countries` are removed with their history; a stage still
 * used by a tracker or a change cannot be removed, and the period cannot shrink past recorded dates.
 */
export async function updateCampaign(
  ctx: Ctx,
  id: string,
  input: Partial<CampaignInput> & { version: number },
) {
  ctx.note({ action: 'campaign.update', resourceType: 'campaign', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await readable(ctx, tx, id);
    authorize(ctx.actor, 'update', 'campaign', current);
    const { version, countries, ...fields } = input;
    // Only staff move a campaign to another organisation.
    if (fields.organisationId && !isStaff(ctx.actor)) delete fields.organisationId;
    await check(tx, input, current);
    if (fields.slug && (await repo.slugTaken(tx, fields.slug, id))) throw slugTaken();
    if (fields.stages) {
      const codes = new Set(fields.stages.map((s) => s.code));
      const missing = [...(await repo.stagesInUse(tx, id))].filter((c) => !codes.has(c));
      if (missing.length)
        throw problems.conflict(
          'stage_in_use',
          msg('A stage that countries have reached cannot be removed.'),
          missing.join(', '),
        );
    }
    if (fields.periodStart || fields.periodEnd !== undefined) {
      const start = fields.periodStart ?? current.periodStart;
      const end = fields.periodEnd === undefined ? current.periodEnd : fields.periodEnd;
      const outside = (await repo.changesOf(tx, id)).filter(
        (c) => c.changedOn < start || (end && c.changedOn > end),
      );
      if (outside.length)
        throw problems.conflict(
          'changes_outside_period',
          msg('Some recorded stage changes fall outside this period.'),
        );
    }
    const updated = await repo.updateCampaignIfVersion(tx, id, version, fields);
    if (!updated) throw problems.versionConflict();
    if (countries) {
      const wanted = new Set(countries);
      const existing = (await repo.countriesOf(tx, id)).map((c) => c.countryCode);
      await repo.deleteCountries(
        tx,
        id,
        existing.filter((c) => !wanted.has(c)),
      );
      await repo.insertCountries(
        tx,
        id,
        [...wanted].filter((c) => !existing.includes(c)),
        updated.stages[0]!.code,
      );
    }
    return updated;
  });
  return presentCampaign(ctx, row, { detail: true });
}

export async function deleteCampaign(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'campaign.delete', resourceType: 'campaign', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const current = await readable(ctx, tx, id);
    authorize(ctx.actor, 'delete', 'campaign', current);
    if (!(await repo.deleteCampaignIfVersion(tx, id, version))) throw problems.versionConflict();
  });
}
