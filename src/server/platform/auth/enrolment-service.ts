import type { Tx } from '../../db/client.ts';
import { isUser, type UserActor } from '../access/actor.ts';
import type { Ctx } from '../http/context.ts';
import { Problem, problems } from '../http/problem.ts';
import { translate } from '../i18n/translate.ts';
import { kickDelivery, queueMail } from '../mail/outbox.ts';
import { sha256 } from './crypto.ts';
import { issueToken } from './one-time-token.ts';
import * as repo from './repository.ts';

const msg = (s: string) => s;
const ENROLMENT_HOURS = 24;
const linkInvalid = () =>
  new Problem(410, 'link_invalid', msg('This link has expired or was already used. Ask for a new one.'));

/**
 * After an administrator cleared someone's 2FA, or their password was reset, the password alone
 * must not be enough to enrol a new factor (whoever took the password would own the account):
 * a role that requires 2FA needs a session that also opened a link sent to the person's email.
 */
export async function enrolmentLinkRequired(tx: Tx, user: repo.UserRow, sessionId: string): Promise<boolean> {
  if (!user.totpEnrolmentNeedsLink) return false;
  if (!(await repo.roleRequiresTwoFactor(tx, user.role))) return false;
  return !(await repo.sessionProvedEnrolment(tx, sessionId));
}

/** Refuses to start or confirm an enrolment that still needs the emailed link. */
export async function assertMayEnrol(tx: Tx, user: repo.UserRow, sessionId: string): Promise<void> {
  if (await enrolmentLinkRequired(tx, user, sessionId)) {
    throw new Problem(
      403,
      'enrolment_link_required',
      msg('Open the link we email you to set up two-factor authentication again.'),
    );
  }
}

/** Makes a single-use enrolment link for the person (only its hash is stored); older ones expire. */
export async function newEnrolmentLink(ctx: Ctx, tx: Tx, user: repo.UserRow): Promise<string> {
  const token = await issueToken(
    tx,
    { purpose: 'totp_enrolment', email: user.email, userId: user.id },
    ENROLMENT_HOURS * 3_600_000,
  );
  return `${ctx.config.publicUrl}/two-factor/enrol#token=${token}`;
}

function signedIn(ctx: Ctx): UserActor {
  if (!isUser(ctx.actor)) throw problems.unauthenticated();
  return ctx.actor;
}

/** Emails the signed-in person a fresh enrolment link (to their account's address, never another). */
export async function sendEnrolmentLink(ctx: Ctx): Promise<void> {
  const actor = signedIn(ctx);
  ctx.note({ action: 'auth.totp.enrolment_link', resourceType: 'user', resourceId: actor.userId });
  await ctx.database.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, actor.userId);
    if (!user || !(await enrolmentLinkRequired(tx, user, actor.sessionId))) {
      throw problems.conflict(
        'enrolment_link_not_needed',
        msg('You can set up two-factor authentication now.'),
      );
    }
    const link = await newEnrolmentLink(ctx, tx, user);
    await queueMail(tx, {
      to: user.email,
      purpose: 'totp_enrolment',
      organisationId: user.organisationId,
      subject: translate(user.locale, msg('Set up two-factor authentication on Tulay')),
      body: translate(
        user.locale,
        msg(
          'Open this link within 24 hours, in the browser where you are signed in to Tulay, to set up two-factor authentication: {{link}} If you did not ask for it, someone may know your password: reset it and tell your administrator.',
        ),
        { link },
      ),
    });
  });
  kickDelivery(ctx.database, ctx.config);
}

/** Opens an emailed enrolment link in the signed-in session of the person it was sent to. */
export async function redeemEnrolmentLink(ctx: Ctx, token: string): Promise<void> {
  const actor = signedIn(ctx);
  ctx.note({ action: 'auth.totp.enrolment_link.open', resourceType: 'user', resourceId: actor.userId });
  await ctx.database.db.transaction(async (tx) => {
    const row = await repo.findUsableToken(tx, 'totp_enrolment', sha256(token));
    // Someone else's link is as good as no link: it does not reveal whose it is, and stays usable.
    if (!row || row.userId !== actor.userId || !(await repo.consumeToken(tx, row.id))) throw linkInvalid();
    await repo.updateSession(tx, actor.sessionId, { enrolmentProvenAt: new Date() });
  });
}
