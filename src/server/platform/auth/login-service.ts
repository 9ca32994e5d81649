import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../http/context.ts';
import { Problem, problems } from '../http/problem.ts';
import { assertNotThrottled, clearFailures, recordFailures } from '../throttle/throttle.ts';
import { randomToken, sha256 } from './crypto.ts';
import { loginThrottles } from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { normaliseRecoveryCode, verifyTotp } from './totp.ts';

const msg = (s: string) => s;
const invalidCredentials = () =>
  new Problem(401, 'invalid_credentials', msg('The email or password is not right.'));
const invalidCode = () =>
  new Problem(401, 'invalid_code', msg('That code is not right. Try the newest one.'));
const PENDING_MINUTES = 10;
const MAX_CODE_ATTEMPTS = 5;

function locked(until: Date): Problem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new Problem(
    423,
    'account_locked',
    msg('This account is locked after too many failed sign-ins. Try again later or reset your password.'),
    undefined,
    undefined,
    { 'retry-after': String(seconds) },
  );
}

export type LoginResult = { status: 'signed_in' | 'totp_required'; sessionToken: string };

/** Creates a session row and returns the token for the cookie (only its hash is stored). */
export async function openSession(ctx: Ctx, tx: Tx, userId: string, stage: 'password' | 'active') {
  const token = randomToken();
  const minutes = stage === 'password' ? PENDING_MINUTES : ctx.config.SESSION_DAYS * 24 * 60;
  await repo.insertSession(tx, {
    tokenHash: sha256(token),
    userId,
    stage,
    expiresAt: new Date(Date.now() + minutes * 60_000),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  return token;
}

/**
 * First step of signing in: the password. Failures are throttled by address and by the email typed
 * (login-throttle.ts), the same for accounts that exist and ones that do not: same status, same
 * body, and the same argon2 work (verifyPassword hashes against a dummy for an unknown account).
 */
export async function login(ctx: Ctx, input: { email: string; password: string }): Promise<LoginResult> {
  ctx.note({ action: 'auth.login', actorEmail: input.email });
  const db = ctx.database.db;
  const throttles = loginThrottles(ctx.config, input.email, ctx.ip);
  await assertNotThrottled(db, throttles);
  const user = await repo.findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    await recordFailures(db, throttles);
    throw invalidCredentials();
  }
  return db.transaction(async (tx) => {
    // Only this address's failures are forgiven: an attacker elsewhere keeps their count.
    await clearFailures(tx, throttles.slice(0, 1));
    const stage = user.totpEnabled ? 'password' : 'active';
    // A lock from wrong second-factor codes is lifted only by a full sign-in, not by the password.
    if (stage === 'active') await repo.clearLoginFailures(tx, user.id);
    const sessionToken = await openSession(ctx, tx, user.id, stage);
    return { status: stage === 'active' ? 'signed_in' : 'totp_required', sessionToken };
  });
}

/**
 * Second step: a TOTP code or a recovery code. On success the pending session is replaced by a
 * new one with a new token, so a token seen before the second factor is worth nothing after it.
 */
export async function completeTotpLogin(
  ctx: Ctx,
  pending: repo.SessionRow | undefined,
  input: { code: string },
): Promise<LoginResult> {
  ctx.note({ action: 'auth.login.second_factor' });
  if (!pending) throw problems.unauthenticated();
  const user = await repo.findUserById(ctx.database.db, pending.userId);
  if (!user?.totpSecret || !user.totpEnabled || user.disabledAt) throw problems.unauthenticated();
  ctx.note({
    action: 'auth.login.second_factor',
    actorEmail: user.email,
    resourceType: 'user',
    resourceId: user.id,
  });
  if (user.lockedUntil && user.lockedUntil > new Date()) throw locked(user.lockedUntil);
  if (pending.totpAttempts >= MAX_CODE_ATTEMPTS) {
    await repo.updateSession(ctx.database.db, pending.id, { revokedAt: new Date() });
    throw problems.unauthenticated();
  }
  // Inside one transaction (never call ctx.database.db in here: the embedded engine has one connection).
  const result = await ctx.database.db.transaction(async (tx): Promise<LoginResult | null> => {
    const accepted = await acceptSecondFactor(tx, user, input.code);
    if (!accepted) {
      await repo.updateSession(tx, pending.id, { totpAttempts: pending.totpAttempts + 1 });
      await repo.recordLoginFailure(
        tx,
        user.id,
        ctx.config.LOGIN_MAX_FAILURES,
        ctx.config.LOGIN_LOCK_MINUTES,
      );
      return null;
    }
    await repo.updateSession(tx, pending.id, { revokedAt: new Date() });
    await repo.clearLoginFailures(tx, user.id);
    return { status: 'signed_in', sessionToken: await openSession(ctx, tx, user.id, 'active') };
  });
  if (!result) throw invalidCode();
  return result;
}

async function acceptSecondFactor(tx: Tx, user: repo.UserRow, code: string): Promise<boolean> {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = await verifyTotp(user.totpSecret!, trimmed, user.totpLastStep);
    if (step === null) return false;
    await repo.updateUser(tx, user.id, { totpLastStep: step });
    return true;
  }
  return repo.consumeRecoveryCode(tx, user.id, sha256(normaliseRecoveryCode(trimmed)));
}

export async function logout(ctx: Ctx, sessionId: string | undefined): Promise<void> {
  ctx.note({ action: 'auth.logout' });
  if (!sessionId) return;
  await repo.updateSession(ctx.database.db, sessionId, { revokedAt: new Date() });
}
