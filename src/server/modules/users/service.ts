import type { Role } from '../../../shared/roles.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import { createInvitation } from '../../platform/auth/onboarding-service.ts';
import * as authRepo from '../../platform/auth/repository.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { kickDelivery } from '../../platform/mail/outbox.ts';
import './policy.ts';
import { decodeTextCursor, encodeTextCursor } from '../../platform/http/cursor.ts';
import * as repo from './repository.ts';

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
  authorize(ctx.actor, 'invite', 'user');
  const actor = ctx.actor;
  ctx.note({
    action: 'user.invite',
    resourceType: 'invitation',
    details: { email: input.email, role: input.role },
  });
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
  await loadForChange(ctx, id, 'update');
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

/** For a person who lost their phone: clears 2FA so they enrol again at next sign-in. */
export async function resetTwoFactor(ctx: Ctx, id: string) {
  ctx.note({ action: 'user.reset_two_factor', resourceType: 'user', resourceId: id });
  await loadForChange(ctx, id, 'resetTwoFactor');
  await ctx.database.db.transaction(async (tx) => {
    await authRepo.updateUser(tx, id, { totpEnabled: false, totpSecret: null, totpLastStep: null });
    await authRepo.replaceRecoveryCodes(tx, id, []);
    await authRepo.revokeAllSessions(tx, id);
  });
}

export async function listRoleSettings(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'roleSetting');
  return authRepo.listRoleSettings(ctx.database.db);
}

export async function setRoleTwoFactor(ctx: Ctx, role: Role, requiresTwoFactor: boolean) {
  authorize(ctx.actor, 'update', 'roleSetting');
  ctx.note({ action: 'role.update', resourceType: 'role', resourceId: role, details: { requiresTwoFactor } });
  if (role === 'administrator' && !requiresTwoFactor) {
    throw problems.conflict(
      'administrators_need_two_factor',
      msg('Administrators always need two-factor authentication.'),
    );
  }
  await authRepo.setRoleRequiresTwoFactor(ctx.database.db, role, requiresTwoFactor);
}
