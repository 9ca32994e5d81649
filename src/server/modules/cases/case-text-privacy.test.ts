import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { keyringOf } from './keys.ts';
import { encryptLegacyCaseText } from './legacy-text.ts';
import { shredExpiredCases } from './retention.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

// Free text about a case outside the client record and narrative: referral notes and reasons,
// titles, employer and agency names, task titles. Who sees it after a referral ends, and what is
// left of it in the tables after shredding.

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const today = () => new Date().toISOString().slice(0, 10);
const NOTE = 'Client fears retaliation; meet only at the Bahay shelter';

async function referToLawyer(caseId: string) {
  const sent = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/referrals`,
    cookie: w.worker.cookie,
    payload: { toOrganisationId: w.origin.id, toUserId: w.lawyer.id, sharedFields: ['facts'], note: NOTE },
  });
  expect(sent.statusCode).toBe(201);
  return sent.json().data as { id: string; version: number };
}

async function incomingOfLawyer(referralId: string) {
  const res = await t.request({
    method: 'GET',
    url: '/api/v1/case-referrals/incoming',
    cookie: w.lawyer.cookie,
  });
  expect(res.statusCode).toBe(200);
  return (res.json().data as Array<Record<string, unknown>>).find((r) => r.id === referralId)!;
}

describe('a referral that ended', () => {
  it('shows the receiver neither the note nor the case once revoked or rejected', async () => {
    const kase = await openCase(t, w.worker.cookie);
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/consents`,
      cookie: w.worker.cookie,
      payload: { purpose: 'sharing', scopeCountry: 'PH', obtainedOn: today(), method: 'written' },
    });
    const revoked = await referToLawyer(kase.id);
    expect(await incomingOfLawyer(revoked.id)).toMatchObject({
      note: NOTE,
      caseId: kase.id,
      status: 'pending',
    });
    const revoke = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals/${revoked.id}/revoke`,
      cookie: w.worker.cookie,
      payload: { version: revoked.version },
    });
    expect(revoke.statusCode).toBe(200);
    const afterRevoke = await incomingOfLawyer(revoked.id);
    expect(afterRevoke).toMatchObject({
      status: 'revoked',
      caseId: null,
      note: null,
      caseReference: null,
      url: null,
      fromOrganisationName: 'Gulf Migrant Legal Desk',
    });
    expect(afterRevoke.revokedAt).toEqual(expect.any(String));
    expect(JSON.stringify(afterRevoke)).not.toContain(kase.id);

    const rejected = await referToLawyer(kase.id);
    const reject = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/referrals/${rejected.id}/respond`,
      cookie: w.lawyer.cookie,
      payload: { decision: 'reject', reason: 'No capacity in Cebu this month', version: rejected.version },
    });
    expect(reject.statusCode).toBe(200);
    const afterReject = await incomingOfLawyer(rejected.id);
    expect(afterReject).toMatchObject({ status: 'rejected', caseId: null, note: null });
    expect(JSON.stringify(afterReject)).not.toContain(kase.id);
    expect(JSON.stringify(afterReject)).not.toContain('Bahay');

    // The sending team still sees its own record in full.
    const sender = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.worker.cookie,
    });
    const mine = sender.json().data as Array<{
      id: string;
      note: string;
      caseId: string;
      responseReason: string;
    }>;
    expect(mine.find((r) => r.id === revoked.id)).toMatchObject({ note: NOTE, caseId: kase.id });
    expect(mine.find((r) => r.id === rejected.id)).toMatchObject({
      responseReason: 'No capacity in Cebu this month',
    });
  });
});

/** Everything stored about a case in the tables that hold its free text, as one string. */
async function rawRows(caseId: string): Promise<string> {
  const parts = [];
  for (const q of [
    sql`select * from cases where id = ${caseId}`,
    sql`select * from case_referrals where case_id = ${caseId}`,
    sql`select * from case_tasks where case_id = ${caseId}`,
  ]) {
    parts.push(JSON.stringify((await t.database.db.execute(q)).rows));
  }
  return parts.join('\n');
}

const SECRETS = [
  'Unpaid wages', // title
  'household in Riyadh', // employer
  'Blue Star', // agency
  'Bahay shelter', // referral note
  'Client in danger', // override reason
  'No capacity in Cebu', // rejection reason
  "Maria's sister", // task title
];

async function caseWithEverything() {
  const kase = await openCase(t, w.worker.cookie);
  const task = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${kase.id}/tasks`,
    cookie: w.worker.cookie,
    payload: { title: "Call Maria's sister in Jeddah" },
  });
  expect(task.statusCode).toBe(201);
  // No sharing consent: the supervisor overrides in writing; the receiver rejects with a reason.
  const sent = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${kase.id}/referrals`,
    cookie: w.supervisor.cookie,
    payload: {
      toOrganisationId: w.origin.id,
      toUserId: w.lawyer.id,
      sharedFields: ['facts'],
      note: NOTE,
      overrideReason: 'Client in danger, no time to reach her',
    },
  });
  expect(sent.statusCode).toBe(201);
  const reject = await t.request({
    method: 'POST',
    url: `/api/v1/cases/${kase.id}/referrals/${sent.json().data.id}/respond`,
    cookie: w.lawyer.cookie,
    payload: { decision: 'reject', reason: 'No capacity in Cebu this month', version: 1 },
  });
  expect(reject.statusCode).toBe(200);
  return kase;
}

describe('free text at rest', () => {
  it('keeps titles, names, notes, reasons and task titles only as ciphertext, and the team still reads and finds them', async () => {
    const kase = await caseWithEverything();
    const raw = await rawRows(kase.id);
    for (const secret of SECRETS) expect(raw, secret).not.toContain(secret);

    const read = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.worker.cookie })
    ).json().data;
    expect(read.title).toBe('Unpaid wages, domestic worker, Riyadh');
    expect(read.facts).toMatchObject({
      employerName: 'A household in Riyadh',
      agencyName: 'Blue Star Manpower',
    });
    const tasks = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/tasks`,
      cookie: w.worker.cookie,
    });
    expect(tasks.json().data[0].title).toBe("Call Maria's sister in Jeddah");
    const referrals = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/referrals`,
      cookie: w.supervisor.cookie,
    });
    expect(referrals.json().data[0]).toMatchObject({
      note: NOTE,
      overrideReason: 'Client in danger, no time to reach her',
      responseReason: 'No capacity in Cebu this month',
      caseTitle: 'Unpaid wages, domestic worker, Riyadh',
    });
    // Search matches whole words of the title, employer, agency and reference, in any case.
    for (const q of ['blue star', 'RIYADH wages', kase.reference]) {
      const found = await t.request({
        method: 'GET',
        url: `/api/v1/cases?q=${encodeURIComponent(q)}`,
        cookie: w.worker.cookie,
      });
      expect(
        found.json().data.map((c: { id: string }) => c.id),
        q,
      ).toContain(kase.id);
    }
    const list = await t.request({ method: 'GET', url: '/api/v1/cases?q=manpower', cookie: w.worker.cookie });
    expect(list.json().data.find((c: { id: string }) => c.id === kase.id).title).toBe(
      'Unpaid wages, domestic worker, Riyadh',
    );
    const none = await t.request({ method: 'GET', url: '/api/v1/cases?q=doha', cookie: w.worker.cookie });
    expect(none.json().data.map((c: { id: string }) => c.id)).not.toContain(kase.id);
  });

  it('shredding leaves none of it readable: the key is gone and every text column and search token is empty', async () => {
    const kase = await caseWithEverything();
    await t.database.db.execute(
      sql`update cases set status = 'closed', retention_until = now() - interval '1 day' where id = ${kase.id}`,
    );
    expect(await shredExpiredCases(t.database, t.config)).toContain(kase.id);
    const keys = await t.database.db.execute(
      sql`select count(*)::int as n from case_keys where case_id = ${kase.id}`,
    );
    expect((keys.rows[0] as { n: number }).n).toBe(0);
    const text = await t.database.db.execute(sql`
      select c.title, c.title_enc, c.employer_name, c.employer_name_enc, c.agency_name, c.agency_name_enc,
             c.search_tokens, c.client_enc, c.narrative_enc
      from cases c where c.id = ${kase.id}
      union all
      select r.note, r.note_enc, r.override_reason, r.override_reason_enc, r.response_reason, r.response_reason_enc,
             null, null, null
      from case_referrals r where r.case_id = ${kase.id}
      union all
      select k.title, k.title_enc, null, null, null, null, null, null, null from case_tasks k where k.case_id = ${kase.id}`);
    expect(text.rows.length).toBe(3);
    for (const row of text.rows) expect(Object.values(row).filter((v) => v !== null)).toEqual([]);
    const raw = await rawRows(kase.id);
    for (const secret of SECRETS) expect(raw, secret).not.toContain(secret);
  });

  it('moves clear text written before encryption into ciphertext (the start-up data migration)', async () => {
    const kase = await caseWithEverything();
    // What an older version left behind: clear text, no ciphertext, no search tokens.
    await t.database.db.execute(sql`update cases set title = 'Legacy title, Doha', title_enc = null,
      employer_name = 'Old Employer Trading', employer_name_enc = null, search_tokens = null where id = ${kase.id}`);
    await t.database.db.execute(
      sql`update case_referrals set note = 'legacy note about Fatima', note_enc = null where case_id = ${kase.id}`,
    );
    await t.database.db.execute(
      sql`update case_tasks set title = 'legacy task: visit Fatima', title_enc = null where case_id = ${kase.id}`,
    );
    // Readable meanwhile (the job runs at start), and not lost.
    const before = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}`,
      cookie: w.worker.cookie,
    });
    expect(before.json().data.title).toBe('Legacy title, Doha');
    expect(await encryptLegacyCaseText(t.database, keyringOf(t.config))).toBeGreaterThanOrEqual(3);
    expect(await encryptLegacyCaseText(t.database, keyringOf(t.config))).toBe(0);
    const raw = await rawRows(kase.id);
    for (const secret of ['Legacy title', 'Old Employer', 'Fatima'])
      expect(raw, secret).not.toContain(secret);
    const after = (
      await t.request({ method: 'GET', url: `/api/v1/cases/${kase.id}`, cookie: w.worker.cookie })
    ).json().data;
    expect(after.title).toBe('Legacy title, Doha');
    expect(after.facts.employerName).toBe('Old Employer Trading');
    const found = await t.request({ method: 'GET', url: '/api/v1/cases?q=doha', cookie: w.worker.cookie });
    expect(found.json().data.map((c: { id: string }) => c.id)).toContain(kase.id);
    const tasks = await t.request({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}/tasks`,
      cookie: w.worker.cookie,
    });
    expect(tasks.json().data[0].title).toBe('legacy task: visit Fatima');
  });
});
