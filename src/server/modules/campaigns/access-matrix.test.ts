import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Every role × every campaign action × a campaign (or a signing organisation) of the actor's own
// organisation or another one. 'public' is the absence of a session.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const staff = (a: Actor) => a === 'network_administrator' || a === 'administrator' || a === 'secretariat';
const ownEditor = (a: Actor, t: Target) => a === 'member_editor' && t === 'own-org';

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'list campaigns': () => true,
  'read a published campaign': () => true,
  'read its trackers': () => true,
  'read a draft': (a, t) => staff(a) || ownEditor(a, t),
  'create a campaign': (a) => staff(a) || a === 'member_editor',
  'edit a campaign': (a, t) => staff(a) || ownEditor(a, t),
  'delete a campaign': (a, t) => staff(a) || ownEditor(a, t),
  'move a country to the next stage': (a, t) => staff(a) || ownEditor(a, t),
  'record a correction': (a, t) => staff(a) || ownEditor(a, t),
  'undo a stage change': (a, t) => staff(a) || ownEditor(a, t),
  'list endorsements': () => true,
  'sign for an organisation': (a, t) => staff(a) || ownEditor(a, t),
  'withdraw a signature': (a, t) => staff(a) || ownEditor(a, t),
};

let t: TestApp;
let admin: string;
let statementId: string;
const orgs: Record<string, string> = {};
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'administrator' })).session();
  statementId = (
    await t.request({
      method: 'POST',
      url: '/api/v1/publications',
      cookie: admin,
      payload: { typeCode: 'statement', title: 'Statement', isPublic: true },
    })
  ).json().data.id;
});
afterAll(() => t.close());

async function campaign(organisationId: string, status: 'draft' | 'published' = 'published') {
  n += 1;
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/campaigns',
    cookie: admin,
    payload: {
      slug: `matrix-${n}`,
      name: 'C',
      typeCode: 'ratification',
      periodStart: '2011-06-16',
      organisationId,
      statementId,
      status,
      countries: ['ID'],
    },
  });
  const data = r.json().data;
  return {
    id: data.id as string,
    version: data.version as number,
    tracker: data.countries[0].version as number,
  };
}

async function attempt(action: string, cookie: string | undefined, org: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  // Campaigns of the target organisation; endorsements sign for the target organisation on a campaign of another.
  switch (action) {
    case 'list campaigns':
      return send('GET', '/api/v1/campaigns');
    case 'read a published campaign':
      return send('GET', `/api/v1/campaigns/${(await campaign(org)).id}`);
    case 'read its trackers':
      return send('GET', `/api/v1/campaigns/${(await campaign(org)).id}/countries`);
    case 'read a draft':
      return send('GET', `/api/v1/campaigns/${(await campaign(org, 'draft')).id}`);
    case 'create a campaign':
      n += 1;
      return send('POST', '/api/v1/campaigns', {
        slug: `created-${n}`,
        name: 'New',
        typeCode: 'law_reform',
        periodStart: '2020-01-01',
      });
    case 'edit a campaign': {
      const c = await campaign(org);
      return send('PATCH', `/api/v1/campaigns/${c.id}`, { name: 'Edited', version: c.version });
    }
    case 'delete a campaign': {
      const c = await campaign(org);
      return send('DELETE', `/api/v1/campaigns/${c.id}?version=${c.version}`);
    }
    case 'move a country to the next stage': {
      const c = await campaign(org);
      return send('POST', `/api/v1/campaigns/${c.id}/countries/ID/changes`, {
        stage: 'campaign_active',
        date: '2015-01-01',
        version: c.tracker,
      });
    }
    case 'record a correction': {
      const c = await campaign(org);
      return send('POST', `/api/v1/campaigns/${c.id}/countries/ID/changes`, {
        stage: 'not_ratified',
        date: '2015-01-01',
        correction: true,
        note: 'Confirmed',
        version: c.tracker,
      });
    }
    case 'undo a stage change': {
      const c = await campaign(org);
      const made = (
        await t.request({
          method: 'POST',
          url: `/api/v1/campaigns/${c.id}/countries/ID/changes`,
          cookie: admin,
          payload: { stage: 'bill_filed', date: '2015-01-01', version: c.tracker },
        })
      ).json().data;
      return send(
        'DELETE',
        `/api/v1/campaigns/${c.id}/countries/ID/changes/${made.id}?version=${made.version}`,
      );
    }
    case 'list endorsements':
      return send('GET', `/api/v1/campaigns/${(await campaign(org)).id}/endorsements`);
    case 'sign for an organisation': {
      const c = await campaign(orgs.third!);
      return send('POST', `/api/v1/campaigns/${c.id}/endorsements`, { organisationId: org });
    }
    case 'withdraw a signature': {
      const c = await campaign(orgs.third!);
      const signed = (
        await t.request({
          method: 'POST',
          url: `/api/v1/campaigns/${c.id}/endorsements`,
          cookie: admin,
          payload: { organisationId: org },
        })
      ).json().data;
      return send('DELETE', `/api/v1/campaigns/${c.id}/endorsements/${signed.id}`);
    }
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);

describe('campaign access matrix', () => {
  it.each(cases)('%s may %s (%s) only when the policy says so', async (actor, action, target) => {
    if (!orgs.home) orgs.home = (await buildOrganisation(t)).id;
    if (!orgs.other) orgs.other = (await buildOrganisation(t)).id;
    if (!orgs.third) orgs.third = (await buildOrganisation(t)).id;
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor, organisationId: orgs.home });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie, target === 'own-org' ? orgs.home : orgs.other);
    if (ALLOWED[action]!(actor, target)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      // Drafts a person may not read are not revealed (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });
});
