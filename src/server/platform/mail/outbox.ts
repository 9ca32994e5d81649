import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Database, Tx } from '../../db/client.ts';
import { outbox } from './schema.ts';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  purpose:
    | 'invitation'
    | 'password_reset'
    | 'notice'
    | 'two_factor_reset'
    | 'totp_enrolment'
    | 'event_invitation';
  /** The organisation of the person written to; null for mail only network administrators may see. */
  organisationId?: string | null;
}

/** Puts a message in the outbox inside the caller's transaction: it exists only if the write commits. */
export async function queueMail(tx: Tx, mail: Mail): Promise<void> {
  await tx.insert(outbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    bodyText: mail.body,
    purpose: mail.purpose,
    organisationId: mail.organisationId ?? null,
  });
}

/** The newest mails, all of them (`organisationId` null) or those written to one organisation's people. */
export async function listOutbox(tx: Tx, limit: number, organisationId: string | null) {
  return tx
    .select()
    .from(outbox)
    .where(organisationId ? eq(outbox.organisationId, organisationId) : undefined)
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}

/**
 * Hides the secret of every link in a mail body: whoever reads the outbox must never be able to
 * use someone else's invitation, reset, sign-in or enrolment link.
 */
export function redactLinks(body: string): string {
  return body.replace(/([#?&](?:token|code|key)=)[^\s&#]+/gi, '$1[redacted]');
}

let delivering: Promise<unknown> | null = null;

/** Starts a delivery round now (after a commit that queued mail), unless one is already running. */
export function kickDelivery(database: Database, config: Config): void {
  if (!config.SMTP_URL || delivering) return;
  delivering = deliverPending(database, config)
    .catch(() => 0)
    .finally(() => {
      delivering = null;
    });
}

/**
 * Sends what waits in the outbox when SMTP is configured; without SMTP the messages stay there
 * (administrators see them with their links redacted). Each message is tried at most five times.
 */
export async function deliverPending(database: Database, config: Config): Promise<number> {
  if (!config.SMTP_URL) return 0;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  const pending = await database.db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lt(outbox.attempts, 5)))
    .limit(50);
  let sent = 0;
  for (const message of pending) {
    try {
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: message.toAddress,
        subject: message.subject,
        text: message.bodyText,
      });
      await database.db
        .update(outbox)
        // Delivered: the body (with its live link) is dropped; subject and recipient stay as the record.
        .set({ sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, bodyText: '' })
        .where(eq(outbox.id, message.id));
      sent += 1;
    } catch (error) {
      await database.db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, lastError: String(error).slice(0, 500) })
        .where(eq(outbox.id, message.id));
    }
  }
  transport.close();
  return sent;
}
