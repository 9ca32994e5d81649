import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../platform/audit/recorder.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { generateKeyEntry } from '../cases/keys.ts';
import { caseSupervisors } from '../cases/schema.ts';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

async function checklistOf(t: TestApp, cookie: string) {
  const res = await t.request({ method: 'GET', url: '/api/v1/setup-checklist', cookie });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return Object.fromEntries(
    (res.json().data as { id: string; state: string; facts: Record<string, unknown> }[]).map((c) => [
      c.id,
      c,
    ]),
  );
}

describe('setup checklist', () => {
  it('on a fresh install everything is still to do, with where to fix it', async () => {
    const t = await createTestApp({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'tulay-setup-')) } });
    apps.push(t);
    const org = await buildOrganisation(t, { name: 'Secretariat' });
    const admin = await buildUser(t, { role: 'network_administrator', organisationId: org.id });
    const list = await checklistOf(t, await admin.session());
    expect(Object.keys(list)).toEqual(['intake', 'mail', 'caseKeys', 'backups']);
    expect(list.intake).toMatchObject({
      state: 'todo',
      href: '/case-supervisors',
      facts: { organisation: 'Secretariat', desks: 0, defaultHasDesk: false },
    });
    expect(list.mail).toMatchObject({ state: 'todo', href: '/outbox', facts: { smtp: false } });
    expect(list.caseKeys).toMatchObject({ state: 'todo', facts: { configured: false } });
    expect(list.backups).toMatchObject({ state: 'todo', facts: { lastBackupAt: null } });
  });

  it('turns each item done once it is configured, and names the last backup', async () => {
    const t = await createTestApp({
      config: {
        DATA_DIR: mkdtempSync(join(tmpdir(), 'tulay-setup-')),
        SMTP_URL: 'smtp://127.0.0.1:2525',
        CASE_KEYS: generateKeyEntry('t1'),
      } as never,
    });
    apps.push(t);
    const org = await buildOrganisation(t, { name: 'Secretariat' });
    const admin = await buildUser(t, { role: 'administrator', organisationId: org.id });
    // The secretariat that set Tulay up: its organisation is the default intake.
    await buildUser(t, { role: 'network_administrator', organisationId: org.id });
    const desk = await buildUser(t, { role: 'case_worker', organisationId: org.id });
    await t.database.db
      .insert(caseSupervisors)
      .values({ userId: desk.id, organisationId: org.id, receivesIntake: true });
    await recordAudit(t.database.db, { action: 'cli.backup', actorEmail: 'cli', outcome: 'success' });
    const list = await checklistOf(t, await admin.session());
    expect(list.intake).toMatchObject({ state: 'done', facts: { desks: 1, defaultHasDesk: true } });
    expect(list.mail?.state).toBe('done');
    expect(list.caseKeys?.state).toBe('done');
    expect(list.backups?.state).toBe('done');
    expect(Date.parse(String(list.backups?.facts.lastBackupAt))).not.toBeNaN();
  });
});
