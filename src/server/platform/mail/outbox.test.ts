import { desc, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { deliverPending, redactLinks } from './outbox.ts';
import { outbox } from './schema.ts';

// A real SMTP server on loopback receives what Tulay sends.
const received: { to: string; data: string }[] = [];
let smtp: SMTPServer;
let port: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe('outbox', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('without SMTP, keeps invitations in the outbox, shown to administrators without their links', async () => {
    t = await createTestApp();
    const admin = await buildUser(t, { role: 'administrator' });
    const cookie = await admin.session();
    await t.request({
      method: 'POST',
      url: '/api/v1/users/invitations',
      cookie,
      payload: { email: 'kept@example.org', role: 'viewer', organisationId: admin.organisationId },
    });
    const list = await t.request({ method: 'GET', url: '/api/v1/outbox', cookie });
    expect(list.headers['cache-control']).toBe('no-store');
    const [mail] = list.json().data;
    expect(mail).toMatchObject({ to: 'kept@example.org', purpose: 'invitation', sentAt: null });
    expect(mail.body).toContain('/invitation#token=[redacted]');
    // The live link is still stored, for delivery once SMTP is configured, but never shown.
    const [stored] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, 'kept@example.org'));
    const live = /#token=([A-Za-z0-9_-]+)/.exec(stored!.bodyText)![1]!;
    expect(list.body).not.toContain(live);
    expect(await deliverPending(t.database, t.config)).toBe(0);
  });

  it('redacts the secret of every kind of link, wherever it stands', () => {
    const body =
      'Open https://t.example.org/reset-password#token=abc_DEF-123 or https://t.example.org/x?code=9f&token=zz#key=k1 now.';
    expect(redactLinks(body)).toBe(
      'Open https://t.example.org/reset-password#token=[redacted] or https://t.example.org/x?code=[redacted]&token=[redacted]#key=[redacted] now.',
    );
  });

  it('with SMTP, sends the message, marks it sent and drops its body', async () => {
    const withSmtp = await createTestApp({
      config: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Tulay <tulay@example.org>' },
    });
    try {
      const user = await buildUser(withSmtp, { role: 'viewer' });
      await withSmtp.request({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: user.email },
      });
      await expect.poll(() => received.find((m) => m.to === user.email), { timeout: 10_000 }).toBeTruthy();
      expect(received.find((m) => m.to === user.email)!.data).toContain('reset-password#token=');
      await expect
        .poll(async () => {
          const [row] = await withSmtp.database.db
            .select()
            .from(outbox)
            .where(eq(outbox.toAddress, user.email))
            .orderBy(desc(outbox.createdAt));
          return row?.sentAt && row.bodyText === '';
        })
        .toBe(true);
    } finally {
      await withSmtp.close();
    }
  });
});
