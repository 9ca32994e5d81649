import type { UserActor } from '../../platform/access/actor.ts';
import { authorize, can } from '../../platform/access/policy.ts';
import { createInvitation } from '../../platform/auth/onboarding-service.ts';
import * as authRepo from '../../platform/auth/repository.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeKeyset, encodeKeyset } from '../../platform/http/cursor.ts';
import { problems } from '../../platform/http/problem.ts';
import { kickDelivery } from '../../platform/mail/outbox.ts';
import { listScope } from './policy.ts';
import * as repo from './repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findPendingInvitation>>>;

function present(ctx: Ctx, row: Row) {
  // Resending or revoking is inviting again into the same organisation and role, so the same rule decides.
  const allowed = can(ctx.actor, 'invite', 'user', { organisationId: row.organisationId, role: row.role });
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= Date.now(),
    abilities: { resend: allowed, revoke: allowed },
  };
}

/** Invitations still waiting for their person: an organisation's administrator sees their own. */
export async function listInvitations(ctx: Ctx, filter: { limit: number; cursor?: string }) {
  authorize(ctx.actor, 'listInvitations', 'user');
  const after = decodeKeyset(filter.cursor);
  const organisationId = listScope(ctx.actor) ?? undefined;
  const rows = await repo.listPendingInvitations(ctx.database.db, {
    organisationId,
    after,
    limit: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => present(ctx, r)),
    nextCursor: rows.length > filter.limit && last ? encodeKeyset(last.createdAt, last.id) : null,
  };
}

async function loadPending(ctx: Ctx, id: string, auditAction: string) {
  ctx.note({ action: auditAction, resourceType: 'invitation', resourceId: id });
  const row = await repo.findPendingInvitation(ctx.database.db, id);
  if (!row) throw problems.notFound('invitation');
  authorize(ctx.actor, 'invite', 'user', { organisationId: row.organisationId, role: row.role });
  return row;
}

/**
 * Sends the invitation again with a fresh 7-day link; the old link stops working at once (a new
 * token for the same address expires the earlier ones).
 */
export async function resendInvitation(ctx: Ctx, id: string) {
  const row = await loadPending(ctx, id, 'user.invitation_resend');
  const actor = ctx.actor as UserActor;
  await ctx.database.db.transaction(async (tx) => {
    // Another administrator may have resent or revoked it a moment ago: only one of them wins.
    if (!(await authRepo.consumeToken(tx, row.id))) throw problems.notFound('invitation');
    await createInvitation(ctx, tx, {
      email: row.email,
      role: row.role,
      organisationId: row.organisationId,
      invitedBy: actor.userId,
      inviterName: actor.name,
    });
  });
  kickDelivery(ctx.database, ctx.config);
}

/** Withdraws an invitation: its link stops working and it leaves the list. */
export async function revokeInvitation(ctx: Ctx, id: string) {
  const row = await loadPending(ctx, id, 'user.invitation_revoke');
  if (!(await authRepo.consumeToken(ctx.database.db, row.id))) throw problems.notFound('invitation');
}
