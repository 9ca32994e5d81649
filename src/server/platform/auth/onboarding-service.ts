import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Database, Tx } from '../../db/client.ts';
import { organisationForSetup } from '../../modules/cases/intake-routing.ts';
import { organisations } from '../../modules/directory/schema.ts';
import type { Ctx } from '../http/context.ts';
import { Problem, problems } from '../http/problem.ts';
import { translate } from '../i18n/translate.ts';
import { kickDelivery, queueMail } from '../mail/outbox.ts';
import { sha256 } from './crypto.ts';
import { openSession } from './login-service.ts';
import { forgetLoginFailures } from './login-throttle.ts';
import { issueToken } from './one-time-token.ts';
import { assertStrongPassword } from './password-strength.ts';
import { hashPassword } from './passwords.ts';
import * as repo from './repository.ts';

const msg = (s: string) => s;
const linkInvalid = () =>
  new Problem(410, 'link_invalid', msg('This link has expired or was already used. Ask for a new one.'));
const SETUP_DAYS = 7;
const INVITATION_DAYS = 7;
const RESET_MINUTES = 60;

/** Serialises first-administrator setup so two browsers cannot both become the first administrator. */
async function lockSetup(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(7317001)`);
}

/**
 * On a database without accounts, makes a fresh single-use setup link (and expires older ones).
 * Returns the link to print, or null when the first administrator already exists.
 */
export async function ensureSetupLink(database: Database, config: Config): Promise<string | null> {
  return database.db.transaction(async (tx) => {
    await lockSetup(tx);
    if ((await repo.countUsers(tx)) > 0) return null;
    const token = await issueToken(tx, { purpose: 'setup' }, SETUP_DAYS * 86_400_000);
    return `${config.publicUrl}/setup#token=${token}`;
  });
}

export async function setupNeeded(ctx: Ctx): Promise<boolean> {
  return (await repo.countUsers(ctx.database.db)) === 0;
}

export interface SetupInput {
  token: string;
  organisationName: string;
  name: string;
  email: string;
  password: string;
  locale: string;
}

/** Creates the first administrator through the printed setup link, and signs them in. */
export async function completeSetup(ctx: Ctx, input: SetupInput) {
  ctx.note({ action: 'auth.setup', actorEmail: input.email });
  assertStrongPassword(input.password, 'password', [input.email, input.name, input.organisationName]);
  const passwordHash = await hashPassword(input.password);
  return ctx.database.db.transaction(async (tx) => {
    await lockSetup(tx);
    if ((await repo.countUsers(tx)) > 0) throw linkInvalid();
    const token = await repo.findUsableToken(tx, 'setup', sha256(input.token));
    if (!token || !(await repo.consumeToken(tx, token.id))) throw linkInvalid();
    const organisationId = await organisationForSetup(
      tx,
      input.organisationName,
      await findOrganisation(tx, input.organisationName),
    );
    const user = await repo.insertUser(tx, {
      organisationId,
      email: input.email,
      name: input.name,
      // The first account administers the whole platform (docs/decisions/0005).
      role: 'network_administrator',
      passwordHash,
      locale: input.locale,
    });
    return { user, sessionToken: await openSession(ctx, tx, user.id, 'active') };
  });
}

async function findOrganisation(tx: Tx, name: string): Promise<string | undefined> {
  const [existing] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      sql`lower(${organisations.name}) = lower(${name}) or lower(${organisations.acronym}) = lower(${name})`,
    )
    .limit(1);
  return existing?.id;
}

export interface InvitationInput {
  email: string;
  role: string;
  organisationId: string;
  invitedBy: string;
  inviterName: string;
}

/** Queues an invitation email with a single-use link; an earlier open invitation to the address expires. */
export async function createInvitation(ctx: Ctx, tx: Tx, input: InvitationInput): Promise<void> {
  if (await repo.findUserByEmail(tx, input.email)) {
    throw problems.conflict('email_taken', msg('An account with this email already exists.'));
  }
  const orgName = await repo.organisationName(tx, input.organisationId);
  if (!orgName)
    throw problems.validation([
      { field: 'organisationId', code: 'unknown', message: 'No such organisation.' },
    ]);
  const token = await issueToken(
    tx,
    {
      purpose: 'invitation',
      email: input.email,
      organisationId: input.organisationId,
      role: input.role,
      createdBy: input.invitedBy,
    },
    INVITATION_DAYS * 86_400_000,
  );
  const l = ctx.locale;
  await queueMail(tx, {
    to: input.email,
    purpose: 'invitation',
    organisationId: input.organisationId,
    subject: translate(l, msg('You are invited to Tulay')),
    body: translate(
      l,
      msg(
        '{{inviter}} invited you to join {{organisation}} on Tulay. Open this link within 7 days to create your account: {{link}}',
      ),
      {
        inviter: input.inviterName,
        organisation: orgName,
        link: `${ctx.config.publicUrl}/invitation#token=${token}`,
      },
    ),
  });
}

export async function invitationDetails(ctx: Ctx, token: string) {
  const row = await repo.findUsableToken(ctx.database.db, 'invitation', sha256(token));
  if (!row) throw linkInvalid();
  return {
    email: row.email!,
    role: row.role!,
    organisation: await repo.organisationName(ctx.database.db, row.organisationId!),
  };
}

/** Turns an invitation into an account, signed in at once (2FA enrolment follows if the role needs it). */
export async function acceptInvitation(
  ctx: Ctx,
  input: { token: string; name: string; password: string; locale: string },
) {
  ctx.note({ action: 'auth.invitation.accept' });
  assertStrongPassword(input.password, 'password', [input.name]);
  const passwordHash = await hashPassword(input.password);
  return ctx.database.db.transaction(async (tx) => {
    const token = await repo.findUsableToken(tx, 'invitation', sha256(input.token));
    if (!token || !(await repo.consumeToken(tx, token.id))) throw linkInvalid();
    if (await repo.findUserByEmail(tx, token.email!)) throw linkInvalid();
    const user = await repo.insertUser(tx, {
      organisationId: token.organisationId!,
      email: token.email!,
      name: input.name,
      role: token.role!,
      passwordHash,
      locale: input.locale,
    });
    ctx.note({
      action: 'auth.invitation.accept',
      actorEmail: user.email,
      resourceType: 'user',
      resourceId: user.id,
    });
    return { user, sessionToken: await openSession(ctx, tx, user.id, 'active') };
  });
}

/** Always answers the same way, so the form does not reveal which addresses have accounts. */
export async function requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
  ctx.note({ action: 'auth.password_reset.request', actorEmail: email });
  await ctx.database.db.transaction(async (tx) => {
    const user = await repo.findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    const token = await issueToken(
      tx,
      { purpose: 'password_reset', email: user.email, userId: user.id },
      RESET_MINUTES * 60_000,
    );
    await queueMail(tx, {
      to: user.email,
      purpose: 'password_reset',
      organisationId: user.organisationId,
      subject: translate(user.locale, msg('Reset your Tulay password')),
      body: translate(
        user.locale,
        msg(
          'Someone asked to reset the password of your Tulay account. If it was you, open this link within one hour: {{link}} If it was not you, ignore this email.',
        ),
        { link: `${ctx.config.publicUrl}/reset-password#token=${token}` },
      ),
    });
  });
  kickDelivery(ctx.database, ctx.config);
}

/** Sets a new password from an emailed link, ends every session and lifts a lockout. */
export async function completePasswordReset(
  ctx: Ctx,
  input: { token: string; password: string },
): Promise<void> {
  ctx.note({ action: 'auth.password_reset.complete' });
  assertStrongPassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  await ctx.database.db.transaction(async (tx) => {
    const token = await repo.findUsableToken(tx, 'password_reset', sha256(input.token));
    if (!token?.userId || !(await repo.consumeToken(tx, token.id))) throw linkInvalid();
    const before = await repo.findUserById(tx, token.userId);
    // Whoever holds the link may not be the person: enrolling a new second factor now needs the
    // emailed enrolment link too, so a password taken over does not become a whole account. A
    // first password (an account made from the command line) is like an invitation: no extra step.
    await repo.updateUser(tx, token.userId, {
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      ...(before?.passwordHash ? { totpEnrolmentNeedsLink: true } : {}),
    });
    if (token.email) await forgetLoginFailures(tx, ctx.config, token.email);
    await repo.revokeAllSessions(tx, token.userId);
    ctx.note({ action: 'auth.password_reset.complete', resourceType: 'user', resourceId: token.userId });
  });
}
