import { ALWAYS_TWO_FACTOR_ROLES, type Role } from '../../../shared/roles.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import { createInvitation } from '../../platform/auth/onboarding-service.ts';
import * as authRepo from '../../platform/auth/repository.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { decodeTextCursor, encodeTextCursor } from '../../platform/http/cursor.ts';
import { problems } from '../../platform/http/problem.ts';
import { kickDelivery } from '../../platform/mail/outbox.ts';
import { listScope } from './policy.ts';
import * as repo from './repository.ts';
import { notifyTwoFactorReset } from './two-factor-reset.ts';

const msg = (s: string) => s;

type Row = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

function present(ctx: Ctx, row: Row) {
  return {
    ...row,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    abilities: abilitiesFor(ctx.actor, 'user', row),
  };
}

export async function listUsers(
  ctx: Ctx,
  filter: Omit<repo.UserListFilter, 'limit' | 'after'> & { limit: number; cursor?: string },
) {
  authorize(ctx.actor, 'list', 'user');
  // Only a network administrator sees accounts beyond their own organisation.
  const scope = listScope(ctx.actor);
  if (scope && filter.organisationId && filter.organisationId !== scope) {
    return { data: [], nextCursor: null };
  }
  if (scope) filter = { ...filter, organisationId: scope };
  const after = decodeTextCursor(filter.cursor);
  const rows = await repo.listUsers(ctx.database.db, { ...filter, after, limit: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => present(ctx, r)),
    nextCursor: rows.length > filter.limit && last ? encodeTextCursor(last.email.toLowerCase()) : null,
  };
}

export async function inviteUser(ctx: Ctx, input: { email: string; role: Role; organisationId: string }) {
  ctx.note({
    action: 'user.invite',
    resourceType: 'invitation',
    details: { email: input.email, role: input.role, organisationId: input.organisationId },
  });
  // The invitation is checked as the account it would make: its organisation and its role.
  authorize(ctx.actor, 'invite', 'user', { organisationId: input.organisationId, role: input.role });
  const actor = ctx.actor;
  await ctx.database.db.transaction((tx) =>
    createInvitation(ctx, tx, { ...input, invitedBy: actor.userId, inviterName: actor.name }),
  );
  kickDelivery(ctx.database, ctx.config);
}

async function loadForChange(ctx: Ctx, id: string, action: string) {
  const row = await repo.findUser(ctx.database.db, id);
  if (!row) throw problems.notFound('user');
  authorize(ctx.actor, action, 'user', row);
  return row;
}

/** Changes an account's role or suspends it; a suspended account's sessions end at once. */
export async function updateUser(
  ctx: Ctx,
  id: string,
  input: { role?: Role; disabled?: boolean; version: number },
) {
  ctx.note({
    action: 'user.update',
    resourceType: 'user',
    resourceId: id,
    details: { role: input.role, disabled: input.disabled },
  });
  const row = await loadForChange(ctx, id, 'update');
  // The new role is checked too: an organisation's administrator never makes a network administrator.
  if (input.role) authorize(ctx.actor, 'update', 'user', { ...row, role: input.role });
  await ctx.database.db.transaction(async (tx) => {
    const changed = await repo.updateUserIfVersion(tx, id, input.version, {
      ...(input.role ? { role: input.role } : {}),
      ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? new Date() : null }),
    });
    if (!changed) throw problems.versionConflict();
    if (input.disabled || input.role) await authRepo.revokeAllSessions(tx, id);
  });
  return present(ctx, (await repo.findUser(ctx.database.db, id))!);
}

/**
 * For a person who lost their phone: clears 2FA, with a written reason, an audit row and an email to
 * the person. Their next factor can only be enrolled through the emailed link, so whoever knows the
 * password alone cannot take the account over.
 */
export async function resetTwoFactor(ctx: Ctx, id: string, input: { reason: string }) {
  ctx.note({
    action: 'user.reset_two_factor',
    resourceType: 'user',
    resourceId: id,
    details: { reason: input.reason },
  });
  const row = await loadForChange(ctx, id, 'resetTwoFactor');
  const actor = ctx.actor as UserActor;
  await ctx.database.db.transaction(async (tx) => {
    await authRepo.updateUser(tx, id, {
      totpEnabled: false,
      totpSecret: null,
      totpLastStep: null,
      totpEnrolmentNeedsLink: true,
    });
    await authRepo.replaceRecoveryCodes(tx, id, []);
    await authRepo.revokeAllSessions(tx, id);
    await notifyTwoFactorReset(ctx, tx, { userId: row.id, by: actor.name, reason: input.reason });
  });
  kickDelivery(ctx.database, ctx.config);
}

export async function listRoleSettings(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'roleSetting');
  return authRepo.listRoleSettings(ctx.database.db);
}

export async function setRoleTwoFactor(ctx: Ctx, role: Role, requiresTwoFactor: boolean) {
  authorize(ctx.actor, 'update', 'roleSetting');
  ctx.note({ action: 'role.update', resourceType: 'role', resourceId: role, details: { requiresTwoFactor } });
  if (ALWAYS_TWO_FACTOR_ROLES.includes(role) && !requiresTwoFactor) {
    throw problems.conflict(
      'administrators_need_two_factor',
      msg('Administrators always need two-factor authentication.'),
    );
  }
  await authRepo.setRoleRequiresTwoFactor(ctx.database.db, role, requiresTwoFactor);
}
