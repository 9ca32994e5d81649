import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { buildMission, createDialogue, createRecommendation, today } from './test-support.ts';

// Every role × every recommendation action × a dialogue of the actor's own organisation or another
// one (private unless the action says public). 'public' is the absence of a session.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const organiser = (a: Actor) => a === 'administrator' || a === 'secretariat' || a === 'member_editor';
const manages = (a: Actor, t: Target) => a === 'network_administrator' || (organiser(a) && t === 'own-org');

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'list recommendations': (a) => a !== 'public',
  'read a public dialogue’s recommendation': (a) => a !== 'public',
  'read a private dialogue’s recommendation': (a, t) =>
    a === 'network_administrator' || (a !== 'public' && t === 'own-org'),
  'see it on the public tracker': () => true,
  'create a recommendation': manages,
  'edit a recommendation': manages,
  'delete a recommendation': manages,
  'record an update': manages,
  'undo an update': manages,
  'read counterparts': (a, t) => a === 'network_administrator' || (a !== 'public' && t === 'own-org'),
  'set counterparts': manages,
};

let t: TestApp;
let admin: string;
let missionId: string;
const orgs: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
  orgs.home = (await buildOrganisation(t)).id;
  orgs.other = (await buildOrganisation(t)).id;
  missionId = (await buildMission(t)).id;
});
afterAll(() => t.close());

let n = 0;
const dialogueOf = (org: string, visibility: 'public' | 'private' = 'private') =>
  createDialogue(t, admin, { organisationId: org, visibility, title: `Dialogue ${++n}` });
async function recommendationOf(org: string, visibility: 'public' | 'private' = 'private') {
  return createRecommendation(t, admin, (await dialogueOf(org, visibility)).id, missionId);
}

async function attempt(action: string, cookie: string | undefined, org: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'list recommendations':
      return send('GET', '/api/v1/recommendations');
    case 'read a public dialogue’s recommendation':
      return send('GET', `/api/v1/recommendations/${(await recommendationOf(org, 'public')).id}`);
    case 'read a private dialogue’s recommendation':
      return send('GET', `/api/v1/recommendations/${(await recommendationOf(org)).id}`);
    case 'see it on the public tracker':
      return send('GET', `/recommendations/${(await recommendationOf(org, 'public')).id}`);
    case 'create a recommendation': {
      // A public dialogue, so those who may not write get 403 rather than a hidden dialogue's 422.
      const d = await dialogueOf(org, 'public');
      return send('POST', '/api/v1/recommendations', { eventId: d.id, text: 'New', addresseeId: missionId });
    }
    case 'edit a recommendation': {
      const r = await recommendationOf(org);
      return send('PATCH', `/api/v1/recommendations/${r.id}`, { text: 'Edited', version: r.version });
    }
    case 'delete a recommendation': {
      const r = await recommendationOf(org);
      return send('DELETE', `/api/v1/recommendations/${r.id}?version=${r.version}`);
    }
    case 'record an update': {
      const r = await recommendationOf(org);
      return send('POST', `/api/v1/recommendations/${r.id}/updates`, {
        status: 'accepted',
        date: today(),
        note: 'Accepted',
        version: r.version,
      });
    }
    case 'undo an update': {
      const r = await recommendationOf(org);
      const u = (
        await t.request({
          method: 'POST',
          url: `/api/v1/recommendations/${r.id}/updates`,
          cookie: admin,
          payload: { status: 'accepted', date: today(), note: 'Accepted', version: r.version },
        })
      ).json().data;
      return send(
        'DELETE',
        `/api/v1/recommendations/${r.id}/updates/${u.updates[0].id}?version=${u.version}`,
      );
    }
    case 'read counterparts':
      return send('GET', `/api/v1/dialogues/${(await dialogueOf(org)).id}/counterparts`);
    case 'set counterparts': {
      const d = await dialogueOf(org);
      return send('PUT', `/api/v1/dialogues/${d.id}/counterparts`, {
        organisationIds: [missionId],
        version: d.version,
      });
    }
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);

describe('recommendations access matrix', () => {
  it.each(cases)('%s may %s (dialogue of %s) only when the policy says so', async (actor, action, target) => {
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor, organisationId: orgs.home });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie, target === 'own-org' ? orgs.home! : orgs.other!);
    if (ALLOWED[action]!(actor, target)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      // Records of dialogues a person may not read are not revealed (404); otherwise 401 / 403.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });
});
