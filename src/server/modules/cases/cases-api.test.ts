import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { buildWorld, createCaseTestApp, makeSupervisor, openCase, person } from './test-support.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const today = () => new Date().toISOString().slice(0, 10);

describe('a case across borders', () => {
  it('a destination case worker opens a case, records consent, refers it; the origin lawyer accepts; a third lawyer finds nothing', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const read = await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.worker.cookie });
    expect(read.statusCode).toBe(200);
    expect(read.json().data).toMatchObject({
      access: 'team',
      client: { name: 'Maria Santos' },
      status: 'intake',
    });

    // Identifying fields are ciphertext at rest.
    const raw = await t.database.db.execute(
      sql`select client_enc, narrative_enc from cases where id = ${kase.id}`,
    );
    expect(JSON.stringify(raw.rows)).not.toContain('Maria');
    expect(JSON.stringify(raw.rows)).not.toContain('P1234567A');

    // No consent yet: refused.
    const refer = {
      toOrganisationId: w.origin.id,
      toUserId: w.lawyer.id,
      sharedFields: ['facts', 'narrative', 'timeline'],
    };
    const refused = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.worker.cookie,
      payload: refer,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('consent_required');
    // A plain case worker cannot override even with a reason; only a supervisor can.
    const noOverride = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.worker.cookie,
      payload: { ...refer, overrideReason: 'urgent' },
    });
    expect(noOverride.statusCode).toBe(403);

    const consent = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents`,
      cookie: w.worker.cookie,
      payload: { purpose: 'sharing', scopeCountry: 'PH', obtainedOn: today(), method: 'written' },
    });
    expect(consent.statusCode).toBe(201);
    const referral = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.worker.cookie,
      payload: refer,
    });
    expect(referral.statusCode).toBe(201);
    const r = referral.json().data;
    expect(r).toMatchObject({ status: 'pending', consentId: consent.json().data.id });

    const incoming = await t.request({
      method: 'GET',
      url: '/api/v1/case-referrals/incoming',
      cookie: w.lawyer.cookie,
    });
    expect(incoming.json().data.map((x: { id: string }) => x.id)).toContain(r.id);
    const accept = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals/${r.id}/respond`,
      cookie: w.lawyer.cookie,
      payload: { decision: 'accept', version: r.version },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().data.status).toBe('accepted');

    // The receiver sees only what the referral shares: not the client's identity.
    const seen = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.lawyer.cookie })
    ).json().data;
    expect(seen).toMatchObject({ access: 'referral', client: null, narrative: sampleNarrative });
    expect(seen.facts.violationCodes).toContain('labour.wage_theft.unpaid');
    expect(JSON.stringify(seen)).not.toContain('Maria');
    const lawyerNote = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/events`,
      cookie: w.lawyer.cookie,
      payload: { kind: 'action', text: 'Filed complaint with POLO' },
    });
    expect(lawyerNote.statusCode).toBe(201);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}/export`, cookie: w.lawyer.cookie }))
        .statusCode,
    ).toBe(403);

    // The third lawyer: list, search, direct URL, export, timeline, referral routes — nothing.
    const o = w.outsider.cookie;
    const list = await t.request({ method: 'GET', url: '/api/v1/cases', cookie: o });
    expect(list.json().data).toEqual([]);
    const search = await t.request({
      method: 'GET',
      url: `/api/v1/cases?q=${encodeURIComponent(kase.reference)}`,
      cookie: o,
    });
    expect(search.json().data).toEqual([]);
    for (const url of [
      `/api/v1/cases/${kase.id}`,
      `/api/v1/cases/${kase.id}/export`,
      `/api/v1/cases/${kase.id}/events`,
      `/api/v1/cases/${kase.id}/referrals`,
    ]) {
      const res = await t.request({ method: 'GET', url, cookie: o });
      expect([url, res.statusCode]).toEqual([url, 404]);
    }
    const csv = await t.request({ method: 'GET', url: '/api/v1/cases?format=csv', cookie: o });
    expect(csv.body).not.toContain(kase.reference);
    const respond = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals/${r.id}/respond`,
      cookie: o,
      payload: { decision: 'reject', reason: 'x', version: 2 },
    });
    expect(respond.statusCode).toBe(404);

    // The administrator of the handling organisation does not read case contents.
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.admin.cookie }))
        .statusCode,
    ).toBe(403);

    // Withdrawing the consent takes effect: the referral is revoked and the lawyer loses sight.
    const withdraw = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents/${consent.json().data.id}/withdraw`,
      cookie: w.worker.cookie,
    });
    expect(withdraw.json().data.revokedReferrals).toEqual([r.id]);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.lawyer.cookie }))
        .statusCode,
    ).toBe(404);
  });

  it('a receiver who supervises their own organisation still sees only what the referral shares', async () => {
    // Regression: supervising any organisation once counted as supervising the case's organisation.
    const head = await person(t, 'case_worker', w.origin.id);
    await makeSupervisor(t, head);
    const kase = await openCase(t, w.worker.cookie);
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents`,
      cookie: w.worker.cookie,
      payload: {
        purpose: 'sharing',
        scopeOrganisationId: w.origin.id,
        obtainedOn: today(),
        method: 'written',
      },
    });
    const referral = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.worker.cookie,
      payload: { toOrganisationId: w.origin.id, sharedFields: ['facts'] },
    });
    expect(referral.statusCode).toBe(201);
    const incoming = await t.request({
      method: 'GET',
      url: '/api/v1/case-referrals/incoming',
      cookie: head.cookie,
    });
    expect(incoming.json().data.find((r: { caseId: string }) => r.caseId === kase.id)).toMatchObject({
      fromOrganisationName: 'Gulf Migrant Legal Desk',
      caseReference: kase.reference,
    });
    const seen = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: head.cookie })
    ).json().data;
    expect(seen).toMatchObject({
      access: 'referral',
      client: null,
      narrative: null,
      sharedFields: ['facts'],
    });
    expect(seen.abilities).toMatchObject({ read: true, refer: false, manageConsent: false, export: false });
    for (const url of [`/api/v1/cases/${kase.id}/consents`, `/api/v1/cases/${kase.id}/export`]) {
      expect((await t.request({ method: 'GET', url, cookie: head.cookie })).statusCode, url).toBe(403);
    }
  });

  it('records every read, decryption and export in the audit log', async () => {
    const kase = await openCase(t, w.worker.cookie);
    await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.worker.cookie });
    await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}/export`, cookie: w.worker.cookie });
    const rows = await t.database.db.execute(
      sql`select action, actor_user_id from audit_events where resource_id = ${kase.id} order by id`,
    );
    const actions = (rows.rows as Array<{ action: string }>).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['case.create', 'case.read', 'case.decrypt', 'case.export']),
    );
    expect(actions.filter((a) => a === 'case.read').length).toBeGreaterThanOrEqual(2);
  });

  it('a supervisor may override missing consent with a written reason, and it is recorded', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.supervisor.cookie,
      payload: {
        toOrganisationId: w.origin.id,
        sharedFields: ['facts'],
        overrideReason: 'Client detained; cannot be reached; life at risk.',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().data).toMatchObject({ overridden: true, consentId: null });
    const audit = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where resource_id = ${kase.id} and action = 'case.refer.consent_override'`,
    );
    expect((audit.rows[0] as { n: number }).n).toBe(1);
  });

  it('the sender can revoke; the receiver can reject with a reason', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const base = {
      toOrganisationId: w.origin.id,
      toUserId: w.lawyer.id,
      sharedFields: ['facts'],
      overrideReason: 'fixture',
    };
    const a = (
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${kase.id}/referrals`,
        cookie: w.supervisor.cookie,
        payload: base,
      })
    ).json().data;
    const noReason = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals/${a.id}/respond`,
      cookie: w.lawyer.cookie,
      payload: { decision: 'reject', version: a.version },
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals/${a.id}/respond`,
      cookie: w.lawyer.cookie,
      payload: { decision: 'reject', reason: 'No capacity this month', version: a.version },
    });
    // Once answered with a rejection, the receiver keeps only that it ended; the sender reads why.
    expect(rejected.json().data).toMatchObject({ status: 'rejected', caseId: null, responseReason: null });
    const sent = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.worker.cookie,
    });
    expect(sent.json().data.find((r: { id: string }) => r.id === a.id)).toMatchObject({
      status: 'rejected',
      responseReason: 'No capacity this month',
    });
    const b = (
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${kase.id}/referrals`,
        cookie: w.supervisor.cookie,
        payload: base,
      })
    ).json().data;
    const revoked = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals/${b.id}/revoke`,
      cookie: w.worker.cookie,
      payload: { version: b.version },
    });
    expect(revoked.json().data.status).toBe('revoked');
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.lawyer.cookie }))
        .statusCode,
    ).toBe(404);
    // The receiver cannot revoke, the sender cannot accept.
    const c = (
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${kase.id}/referrals`,
        cookie: w.supervisor.cookie,
        payload: base,
      })
    ).json().data;
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${kase.id}/referrals/${c.id}/revoke`,
          cookie: w.lawyer.cookie,
          payload: { version: c.version },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/cases/${kase.id}/referrals/${c.id}/respond`,
          cookie: w.worker.cookie,
          payload: { decision: 'accept', version: c.version },
        })
      ).statusCode,
    ).toBe(403);
  });
});

const sampleNarrative = 'Worked 18 months without pay; passport kept by employer.';

describe('workflow, timeline and tasks', () => {
  it('moves status along the workflow, refuses jumps, and closes with an outcome that starts retention', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const jump = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${kase.id}`,
      cookie: w.worker.cookie,
      payload: { status: 'referred', version: 1 },
    });
    expect(jump.json().code).toBe('invalid_status_change');
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${kase.id}`,
      cookie: w.worker.cookie,
      payload: { status: 'assessment', version: 1 },
    });
    expect(ok.json().data).toMatchObject({ status: 'assessment', version: 2 });
    const closed = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/close`,
      cookie: w.worker.cookie,
      payload: {
        outcome: 'compensation_recovered',
        amount: 4200,
        currency: 'SAR',
        note: 'Paid in full',
        version: 2,
      },
    });
    expect(closed.statusCode).toBe(200);
    const data = closed.json().data;
    expect(data).toMatchObject({
      status: 'closed',
      facts: { outcome: 'compensation_recovered', outcomeAmount: 4200, outcomeCurrency: 'SAR' },
    });
    expect(new Date(data.retentionUntil).getTime()).toBeGreaterThan(Date.now() + 700 * 86_400_000);
  });

  it('keeps a timeline (encrypted at rest) and tasks with deadlines; stale edits get 409', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const ev = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/events`,
      cookie: w.worker.cookie,
      payload: { kind: 'event', occurredOn: '2026-01-15', text: 'Employer confiscated passport' },
    });
    expect(ev.statusCode).toBe(201);
    const raw = await t.database.db.execute(sql`select text_enc from case_events where case_id = ${kase.id}`);
    expect(JSON.stringify(raw.rows)).not.toContain('passport');
    const events = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/events`,
      cookie: w.worker.cookie,
    });
    expect(events.json().data[0].text).toBe('Employer confiscated passport');
    const task = (
      await t.request({
        method: 'POST',
        url: `/api/v1/cases/${kase.id}/tasks`,
        cookie: w.worker.cookie,
        payload: {
          title: 'File labour complaint',
          dueAt: '2026-01-01T00:00:00Z',
          assigneeUserId: w.worker.id,
        },
      })
    ).json().data;
    expect(task.overdue).toBe(true);
    const done = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${kase.id}/tasks/${task.id}`,
      cookie: w.worker.cookie,
      payload: { done: true, version: 1 },
    });
    expect(done.json().data.doneAt).not.toBeNull();
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${kase.id}/tasks/${task.id}`,
      cookie: w.worker.cookie,
      payload: { done: false, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('concurrent edits of a case: one wins, the other gets 409', async () => {
    const kase = await openCase(t, w.worker.cookie);
    const [a, b] = await Promise.all([
      t.request({
        method: 'PATCH',
        url: `/api/v1/cases/${kase.id}`,
        cookie: w.worker.cookie,
        payload: { title: 'Edit A', version: 1 },
      }),
      t.request({
        method: 'PATCH',
        url: `/api/v1/cases/${kase.id}`,
        cookie: w.supervisor.cookie,
        payload: { title: 'Edit B', version: 1 },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});
