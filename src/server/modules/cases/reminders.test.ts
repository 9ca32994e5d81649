import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { sendTaskReminders } from './reminders.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('task reminders', () => {
  it('emails the assignee once when the reminder time comes, naming only the case reference', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const due = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/tasks`,
      cookie: w.worker.cookie,
      payload: { title: 'Call Maria about the embassy', remindAt: past, assigneeUserId: w.worker.id },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/tasks`,
      cookie: w.worker.cookie,
      payload: { title: 'Later', remindAt: future, assigneeUserId: w.worker.id },
    });
    expect(due.statusCode).toBe(201);
    expect(await sendTaskReminders(t.database, t.config)).toBe(1);
    expect(await sendTaskReminders(t.database, t.config)).toBe(0);
    const mail = await t.database.db.execute(
      sql`select to_address, subject, body_text from outbox where to_address = ${w.worker.email}`,
    );
    expect(mail.rows).toHaveLength(1);
    const text = JSON.stringify(mail.rows[0]);
    expect(text).toContain(kase.reference);
    expect(text).not.toContain('Maria');
    // Moving the reminder arms it again.
    const task = due.json().data;
    await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${kase.id}/tasks/${task.id}`,
      cookie: w.worker.cookie,
      payload: { remindAt: past, version: task.version },
    });
    expect(await sendTaskReminders(t.database, t.config)).toBe(1);
  });
});
