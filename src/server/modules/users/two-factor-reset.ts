import type { Tx } from '../../db/client.ts';
import { newEnrolmentLink } from '../../platform/auth/enrolment-service.ts';
import * as authRepo from '../../platform/auth/repository.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translate } from '../../platform/i18n/translate.ts';
import { queueMail } from '../../platform/mail/outbox.ts';

const msg = (s: string) => s;

/**
 * Tells the person their 2FA was cleared, by whom and why, with the single-use link that lets them
 * enrol a new authenticator. If they did not ask for it, the mail is their alarm.
 */
export async function notifyTwoFactorReset(
  ctx: Ctx,
  tx: Tx,
  input: { userId: string; by: string; reason: string },
): Promise<void> {
  const user = await authRepo.findUserById(tx, input.userId);
  if (!user) return;
  const link = await newEnrolmentLink(ctx, tx, user);
  await queueMail(tx, {
    to: user.email,
    purpose: 'two_factor_reset',
    organisationId: user.organisationId,
    subject: translate(user.locale, msg('Your Tulay two-factor authentication was reset')),
    body: translate(
      user.locale,
      msg(
        '{{by}} reset the two-factor authentication of your Tulay account. Reason given: "{{reason}}". To set up a new authenticator, sign in and open this link within 24 hours: {{link}} If you did not ask for this, tell your organisation at once.',
      ),
      { by: input.by, reason: input.reason, link },
    ),
  });
}
