import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import './policy.ts';
import * as repo from './repository-supervisors.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

// Who supervises the cases of an organisation (see docs/decisions/cases-access-and-supervisors.md).

export async function listSupervisors(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'caseSupervisor');
  const rows = await repo.listSupervisors(ctx.database.db, ctx.actor.organisationId);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Names a case handler of the same organisation as case supervisor (optionally its intake desk). */
export async function grantSupervisor(ctx: Ctx, input: { userId: string; receivesIntake?: boolean }) {
  authorize(ctx.actor, 'list', 'caseSupervisor');
  const organisationId = ctx.actor.organisationId;
  ctx.note({
    action: 'case.supervisor.grant',
    resourceType: 'user',
    resourceId: input.userId,
    details: { organisationId },
  });
  const user = await repo.findUserForGrant(ctx.database.db, input.userId);
  if (!user || user.organisationId !== organisationId) throw problems.notFound('user');
  authorize(ctx.actor, 'grant', 'caseSupervisor', { organisationId, userId: user.id });
  if ((user.role !== 'case_worker' && user.role !== 'secretariat') || user.disabledAt) {
    throw problems.conflict(
      'not_a_case_handler',
      msg('Only case workers and secretariat staff can supervise cases.'),
    );
  }
  await repo.upsertSupervisor(ctx.database.db, {
    organisationId,
    userId: user.id,
    receivesIntake: input.receivesIntake ?? false,
    grantedBy: ctx.actor.userId,
  });
}

export async function revokeSupervisor(ctx: Ctx, userId: string) {
  const organisationId = ctx.actor.kind === 'user' ? ctx.actor.organisationId : '';
  authorize(ctx.actor, 'revoke', 'caseSupervisor', { organisationId, userId });
  ctx.note({
    action: 'case.supervisor.revoke',
    resourceType: 'user',
    resourceId: userId,
    details: { organisationId },
  });
  if (!(await repo.deleteSupervisor(ctx.database.db, organisationId, userId)))
    throw problems.notFound('supervisor');
}
