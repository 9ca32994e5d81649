import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/schema.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Migration 0014 upgrades an installation made before organisation-scoped administration: its
// statements are replayed here on data shaped like such an installation's.
const statements = readFileSync(
  new URL('../../../../migrations/0014_network_administrator.sql', import.meta.url),
  'utf8',
)
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const roleOf = async (id: string) =>
  (await t.database.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]!.role;
const replay = async () => {
  for (const statement of statements) await t.database.pool.query(statement);
};

describe('migration to the network administrator role', () => {
  it('promotes the oldest administrator once, leaves the others organisation-scoped, and cleans the outbox', async () => {
    const org = await buildOrganisation(t);
    const first = await buildUser(t, { role: 'administrator', organisationId: org.id });
    const second = await buildUser(t, { role: 'administrator' });
    await t.database.db.transaction(async (tx) => {
      await queueMail(tx, {
        to: second.email,
        subject: 's',
        body: 'link #token=abc',
        purpose: 'password_reset',
      });
      await queueMail(tx, {
        to: first.email,
        subject: 's',
        body: 'link #token=def',
        purpose: 'password_reset',
      });
    });
    await t.database.db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.toAddress, first.email));

    await replay();
    expect(await roleOf(first.id)).toBe('network_administrator');
    expect(await roleOf(second.id)).toBe('administrator');
    const mails = await t.database.db.select().from(outbox);
    expect(mails.find((m) => m.toAddress === first.email)).toMatchObject({
      bodyText: '',
      organisationId: org.id,
    });
    expect(mails.find((m) => m.toAddress === second.email)).toMatchObject({
      bodyText: 'link #token=abc',
      organisationId: second.organisationId,
    });

    // Run again (or on an installation that already has one): nobody else is promoted.
    await replay();
    expect(await roleOf(second.id)).toBe('administrator');
  });
});
