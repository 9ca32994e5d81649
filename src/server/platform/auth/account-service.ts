import { isUser, type UserActor } from '../access/actor.ts';
import { allAbilities } from '../access/policy.ts';
import type { Ctx } from '../http/context.ts';
import { Problem, problems } from '../http/problem.ts';
import { sha256 } from './crypto.ts';
import { assertMayEnrol, enrolmentLinkRequired } from './enrolment-service.ts';
import { assertStrongPassword } from './password-strength.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import {
  enrolmentMaterial,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  verifyTotp,
} from './totp.ts';

const msg = (s: string) => s;

function signedIn(ctx: Ctx): UserActor {
  if (!isUser(ctx.actor)) throw problems.unauthenticated();
  return ctx.actor;
}

export async function currentAccount(ctx: Ctx) {
  const actor = signedIn(ctx);
  const organisation = await repo.organisationName(ctx.database.db, actor.organisationId);
  const user = actor.mustEnrolTotp ? await repo.findUserById(ctx.database.db, actor.userId) : undefined;
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    locale: actor.locale,
    organisation: { id: actor.organisationId, name: organisation ?? '' },
    totpEnabled: actor.totpEnabled,
    mustEnrolTotp: actor.mustEnrolTotp,
    /** Enrolment waits for the emailed link (after a 2FA or password reset). */
    enrolmentLinkRequired: user ? await enrolmentLinkRequired(ctx.database.db, user, actor.sessionId) : false,
    abilities: allAbilities(actor),
  };
}

/** Starts 2FA enrolment: a new secret, kept unconfirmed until the person proves their app has it. */
export async function startTotpEnrolment(ctx: Ctx) {
  const actor = signedIn(ctx);
  ctx.note({ action: 'auth.totp.start', resourceType: 'user', resourceId: actor.userId });
  if (actor.totpEnabled) {
    throw problems.conflict('totp_already_enabled', msg('Two-factor authentication is already on.'));
  }
  const user = await repo.findUserById(ctx.database.db, actor.userId);
  if (!user) throw problems.unauthenticated();
  await assertMayEnrol(ctx.database.db, user, actor.sessionId);
  const secret = newTotpSecret();
  await repo.updateUser(ctx.database.db, actor.userId, { totpSecret: secret, totpLastStep: null });
  return enrolmentMaterial(secret, actor.email);
}

/** Confirms enrolment with a code from the app; returns recovery codes, shown this once only. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string) {
  const actor = signedIn(ctx);
  ctx.note({ action: 'auth.totp.confirm', resourceType: 'user', resourceId: actor.userId });
  const user = await repo.findUserById(ctx.database.db, actor.userId);
  if (!user?.totpSecret || user.totpEnabled) {
    throw problems.conflict('totp_not_started', msg('Start the two-factor setup first.'));
  }
  await assertMayEnrol(ctx.database.db, user, actor.sessionId);
  const step = await verifyTotp(user.totpSecret, code, null);
  if (step === null)
    throw new Problem(400, 'invalid_code', msg('That code is not right. Try the newest one.'));
  const codes = newRecoveryCodes();
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, {
      totpEnabled: true,
      totpLastStep: step,
      totpEnrolmentNeedsLink: false,
    });
    await repo.replaceRecoveryCodes(
      tx,
      actor.userId,
      codes.map((c) => sha256(normaliseRecoveryCode(c))),
    );
  });
  return { recoveryCodes: codes };
}

/** Turns 2FA off with the password; refused where the person's role requires it. */
export async function disableTotp(ctx: Ctx, password: string) {
  const actor = signedIn(ctx);
  ctx.note({ action: 'auth.totp.disable', resourceType: 'user', resourceId: actor.userId });
  if (await repo.roleRequiresTwoFactor(ctx.database.db, actor.role)) {
    throw new Problem(403, 'totp_required_by_role', msg('Your role requires two-factor authentication.'));
  }
  const user = await repo.findUserById(ctx.database.db, actor.userId);
  if (!(await verifyPassword(user?.passwordHash ?? null, password))) {
    throw new Problem(400, 'wrong_password', msg('The current password is not right.'));
  }
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { totpEnabled: false, totpSecret: null, totpLastStep: null });
    await repo.replaceRecoveryCodes(tx, actor.userId, []);
  });
}

/** Changes the password and signs out every other session. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const actor = signedIn(ctx);
  ctx.note({ action: 'auth.password.change', resourceType: 'user', resourceId: actor.userId });
  const user = await repo.findUserById(ctx.database.db, actor.userId);
  if (!(await verifyPassword(user?.passwordHash ?? null, input.currentPassword))) {
    throw new Problem(400, 'wrong_password', msg('The current password is not right.'));
  }
  assertStrongPassword(input.newPassword, 'newPassword', [user?.email, user?.name]);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { passwordHash });
    await repo.revokeAllSessions(tx, actor.userId, actor.sessionId);
  });
}

export async function setLocale(ctx: Ctx, locale: string) {
  const actor = signedIn(ctx);
  await repo.updateUser(ctx.database.db, actor.userId, { locale });
}

export async function listSessions(ctx: Ctx) {
  const actor = signedIn(ctx);
  const rows = await repo.listLiveSessions(ctx.database.db, actor.userId);
  return rows
    .filter((s) => s.stage === 'active')
    .map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === actor.sessionId,
    }));
}

export async function revokeSession(ctx: Ctx, sessionId: string) {
  const actor = signedIn(ctx);
  ctx.note({ action: 'auth.session.revoke', resourceType: 'session', resourceId: sessionId });
  if (!(await repo.revokeSession(ctx.database.db, actor.userId, sessionId)))
    throw problems.notFound('session');
}
