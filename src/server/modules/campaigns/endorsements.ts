import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import * as repo from './repository.ts';
import { readable } from './service.ts';

const msg = (s: string) => s;
const today = () => new Date().toISOString().slice(0, 10);

/** The organisations that signed a campaign's statement, with their count. */
export async function listEndorsements(ctx: Ctx, id: string) {
  const campaign = await readable(ctx, ctx.database.db, id);
  const rows = await repo.endorsementsOf(ctx.database.db, campaign.id);
  return {
    data: rows.map((r) => ({ ...r, abilities: abilitiesFor(ctx.actor, 'campaign_endorsement', r) })),
    count: rows.length,
  };
}

/** Records that an organisation of the directory signed the statement; once per organisation. */
export async function addEndorsement(
  ctx: Ctx,
  id: string,
  input: { organisationId: string; endorsedOn?: string },
) {
  ctx.note({ action: 'campaign.endorse', resourceType: 'campaign', resourceId: id });
  return ctx.database.db.transaction(async (tx) => {
    const campaign = await readable(ctx, tx, id);
    authorize(ctx.actor, 'create', 'campaign_endorsement', { organisationId: input.organisationId });
    if (!campaign.statementId)
      throw problems.conflict('no_statement', msg('This campaign has no statement to sign yet.'));
    if (!(await repo.findOrganisation(tx, input.organisationId)))
      throw problems.validation([
        { field: 'body.organisationId', code: 'unknown_organisation', message: 'No such organisation' },
      ]);
    const endorsedOn = input.endorsedOn ?? today();
    if (endorsedOn > today() || endorsedOn < campaign.periodStart)
      throw problems.validation([
        {
          field: 'body.endorsedOn',
          code: 'date_outside_period',
          message: 'Within the campaign, not after today',
        },
      ]);
    const row = await repo.insertEndorsement(tx, {
      campaignId: id,
      organisationId: input.organisationId,
      endorsedOn,
      createdBy: ctx.actor.userId,
    });
    if (!row)
      throw problems.conflict('already_endorsed', msg('This organisation has already signed the statement.'));
    return row;
  });
}

export async function removeEndorsement(ctx: Ctx, id: string, endorsementId: string) {
  ctx.note({ action: 'campaign.endorsement_remove', resourceType: 'campaign', resourceId: id });
  await ctx.database.db.transaction(async (tx) => {
    const campaign = await readable(ctx, tx, id);
    const row = await repo.findEndorsement(tx, campaign.id, endorsementId);
    if (!row) throw problems.notFound('endorsement');
    authorize(ctx.actor, 'delete', 'campaign_endorsement', row);
    await repo.deleteEndorsement(tx, row.id);
  });
}
