import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';
import type { TestApp } from '../../testing/harness.ts';
import type { CaseAccessRecord } from './policy.ts';
import { caseAssignments, caseReferrals } from './schema.ts';
import { buildWorld, createCaseTestApp, makeSupervisor, openCase, person } from './test-support.ts';

// Every role × every case action × every way a person can stand to a case, through the real HTTP
// API (policy layer and row-level security together), plus the same table against the policy alone.

type Relation =
  | 'own_organisation'
  | 'assigned'
  | 'supervisor'
  | 'other_organisation'
  | 'referred'
  | 'referred_accepted'
  | 'revoked';
const RELATIONS: Relation[] = [
  'own_organisation',
  'assigned',
  'supervisor',
  'other_organisation',
  'referred',
  'referred_accepted',
  'revoked',
];
const HANDLERS: Role[] = ['case_worker', 'secretariat'];

const FULL = [
  'list',
  'read',
  'readTimeline',
  'addEvent',
  'manageTasks',
  'manageConsent',
  'refer',
  'export',
  'update',
  'assign',
];
/** What a case handler may do, per relation. Everyone else (administrator, member_editor, viewer) may do nothing. */
const ALLOWED: Record<Relation, string[]> = {
  own_organisation: [],
  assigned: FULL,
  supervisor: FULL,
  other_organisation: [],
  referred: ['list', 'read', 'readTimeline'],
  referred_accepted: ['list', 'read', 'readTimeline', 'addEvent'],
  revoked: [],
};

const recordFor = (relation: Relation): CaseAccessRecord => ({
  id: 'c',
  organisationId: 'o',
  assigned: relation === 'assigned',
  supervisor: relation === 'supervisor',
  referral:
    relation === 'referred' || relation === 'referred_accepted'
      ? {
          status: relation === 'referred' ? 'pending' : 'accepted',
          sharedFields: ['client', 'narrative', 'facts', 'timeline', 'files'],
        }
      : null,
  shredded: false,
});

describe('case policy table (policy layer alone)', () => {
  for (const role of ROLES) {
    for (const relation of RELATIONS) {
      it(`${role} / ${relation}`, () => {
        const actor = {
          kind: 'user',
          userId: 'u',
          organisationId: 'o',
          role,
          totpEnabled: true,
          mustEnrolTotp: false,
        } as UserActor;
        const record = recordFor(relation);
        const visible =
          relation === 'own_organisation' || relation === 'other_organisation' || relation === 'revoked'
            ? undefined
            : record;
        for (const action of FULL.filter((a) => a !== 'list')) {
          const expected = HANDLERS.includes(role) && ALLOWED[relation].includes(action);
          expect([action, visible ? can(actor, action, 'case', visible) : false]).toEqual([action, expected]);
        }
      });
    }
  }

  it('a case handler without 2FA may do nothing with cases', () => {
    const actor = {
      kind: 'user',
      userId: 'u',
      organisationId: 'o',
      role: 'secretariat',
      totpEnabled: false,
      mustEnrolTotp: false,
    } as UserActor;
    for (const action of FULL) expect(can(actor, action, 'case', recordFor('assigned'))).toBe(false);
  });
});

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function setUp(role: Role, relation: Relation) {
  const kase = await openCase(t, w.worker.cookie, { title: `Matrix ${role} ${relation}` });
  const org =
    relation === 'other_organisation'
      ? w.third.id
      : relation.startsWith('referred') || relation === 'revoked'
        ? w.origin.id
        : w.destination.id;
  const user = await person(t, role, org);
  // Written as the owner on purpose: the table also covers roles the services would never assign.
  if (relation === 'assigned')
    await t.database.db.insert(caseAssignments).values({ caseId: kase.id, userId: user.id });
  if (relation === 'supervisor') await makeSupervisor(t, user);
  if (relation.startsWith('referred') || relation === 'revoked') {
    await t.database.db.insert(caseReferrals).values({
      caseId: kase.id,
      fromOrganisationId: w.destination.id,
      toOrganisationId: w.origin.id,
      toUserId: user.id,
      sharedFields: ['client', 'narrative', 'facts', 'timeline', 'files'],
      status: relation === 'referred' ? 'pending' : relation === 'revoked' ? 'revoked' : 'accepted',
      overrideReason: 'matrix fixture',
    });
  }
  return { kase, user };
}

const attempts: Record<
  string,
  (id: string) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: Record<string, unknown> }
> = {
  read: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}` }),
  readTimeline: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}/events` }),
  addEvent: (id) => ({
    method: 'POST',
    url: `/api/v1/cases/${id}/events`,
    payload: { kind: 'note', text: 'matrix' },
  }),
  manageTasks: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}/tasks` }),
  manageConsent: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}/consents` }),
  refer: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}/referrals` }),
  export: (id) => ({ method: 'GET', url: `/api/v1/cases/${id}/export` }),
  update: (id) => ({
    method: 'PATCH',
    url: `/api/v1/cases/${id}`,
    payload: { title: 'Changed by matrix', version: 1 },
  }),
  assign: (id) => ({
    method: 'POST',
    url: `/api/v1/cases/${id}/assignments`,
    payload: { userId: w.colleague.id },
  }),
};

describe('case access through the API (policy + row-level security)', () => {
  for (const role of ROLES) {
    for (const relation of RELATIONS) {
      it(`${role} / ${relation}`, async () => {
        const { kase, user } = await setUp(role, relation);
        const cookie = await user.session();
        const outcome: Record<string, string> = {};
        const list = await t.request({ method: 'GET', url: '/api/v1/cases?limit=200', cookie });
        outcome.list =
          list.statusCode === 200 && list.json().data.some((c: { id: string }) => c.id === kase.id)
            ? 'allowed'
            : `denied ${list.statusCode}`;
        for (const [action, make] of Object.entries(attempts)) {
          const res = await t.request({ ...make(kase.id), cookie });
          outcome[action] = res.statusCode < 300 ? 'allowed' : `denied ${res.statusCode}`;
        }
        const expected = Object.fromEntries(
          Object.keys(outcome).map((action) => {
            if (!HANDLERS.includes(role)) return [action, action === 'list' ? 'denied 403' : 'denied 403'];
            if (ALLOWED[relation].includes(action)) return [action, 'allowed'];
            const hidden = !ALLOWED[relation].includes('read');
            return [action, action === 'list' ? 'denied 200' : hidden ? 'denied 404' : 'denied 403'];
          }),
        );
        expect(outcome).toEqual(expected);
      });
    }
  }
});
