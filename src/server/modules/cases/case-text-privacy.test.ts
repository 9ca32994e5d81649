import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
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
