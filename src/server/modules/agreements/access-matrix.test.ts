import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { createAgreement } from './test-support.ts';

// Every role × every action on the agreements register. The register belongs to the network, not
// to one organisation, so there is no own/other organisation column: an administrator of any
// member organisation keeps it like the secretariat (policy.ts says why). 'public' is no session.
type Actor = Role | 'public';
const keeps = (a: Actor) => a === 'network_administrator' || a === 'administrator' || a === 'secretariat';
const signedIn = (a: Actor) => a !== 'public';

const ALLOWED: Record<string, (a: Actor) => boolean> = {
  'list published agreements': () => true,
  'see drafts in the list': signedIn,
  'read a published agreement': () => true,
  'read a draft agreement': signedIn,
  'export the list': () => true,
  'create an agreement': keeps,
  'edit an agreement': keeps,
  'delete an agreement': keeps,
  'add a monitoring entry': keeps,
  'edit a monitoring entry': keeps,
  'delete a monitoring entry': keeps,
};

let t: TestApp;
let admin: string;
let home: string;
beforeAll(async () => {
  t = await createTestApp();
  home = (await buildOrganisation(t)).id;
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
});
afterAll(() => t.close());

async function entry(agreementId: string) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/agreements/${agreementId}/monitoring`,
    cookie: admin,
    payload: { observedOn: '2024-01-01', finding: 'A finding' },
  });
  return res.json().data as { id: string; version: number };
}

async function attempt(action: string, cookie: string | undefined) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  const published = () => createAgreement(t, admin, { title: 'Matrix agreement' });
  const draft = () => createAgreement(t, admin, { title: 'Matrix draft', published: false });
  switch (action) {
    case 'list published agreements':
      return send('GET', '/api/v1/agreements');
    case 'see drafts in the list': {
      const d = await draft();
      const res = await send('GET', '/api/v1/agreements?limit=1000');
      const seen = res.json().data.some((a: { id: string }) => a.id === d.id);
      return { statusCode: seen ? 200 : cookie ? 403 : 401, body: res.body };
    }
    case 'read a published agreement':
      return send('GET', `/api/v1/agreements/${(await published()).id}`);
    case 'read a draft agreement':
      return send('GET', `/api/v1/agreements/${(await draft()).id}`);
    case 'export the list':
      return send('GET', '/api/v1/agreements?format=csv&corridor=PH-SA');
    case 'create an agreement':
      return send('POST', '/api/v1/agreements', {
        title: 'New',
        typeCode: 'memorandum_of_understanding',
        status: 'signed',
        partyCountries: ['ID', 'MY'],
      });
    case 'edit an agreement': {
      const a = await published();
      return send('PATCH', `/api/v1/agreements/${a.id}`, { title: 'Edited', version: a.version });
    }
    case 'delete an agreement': {
      const a = await published();
      return send('DELETE', `/api/v1/agreements/${a.id}?version=${a.version}`);
    }
    case 'add a monitoring entry':
      return send('POST', `/api/v1/agreements/${(await published()).id}/monitoring`, {
        observedOn: '2024-02-02',
        finding: 'Observed',
      });
    case 'edit a monitoring entry': {
      const a = await published();
      const e = await entry(a.id);
      return send('PATCH', `/api/v1/agreements/${a.id}/monitoring/${e.id}`, {
        finding: 'Edited',
        version: e.version,
      });
    }
    case 'delete a monitoring entry': {
      const a = await published();
      const e = await entry(a.id);
      return send('DELETE', `/api/v1/agreements/${a.id}/monitoring/${e.id}?version=${e.version}`);
    }
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED)) cases.push([actor, action]);

describe('agreements access matrix', () => {
  it.each(cases)('%s may %s only when the policy says so', async (actor, action) => {
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor, organisationId: home });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie);
    if (ALLOWED[action]!(actor)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      // Drafts are not revealed to the public (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });
});
