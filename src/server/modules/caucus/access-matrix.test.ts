import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { people } from '../people/schema.ts';
import { caucusWorld, resolutionBody, send } from './test-support.ts';

// Every role × every caucus action. The caucus belongs to the network (its secretariat keeps it),
// not to one organisation, so there is no own/other organisation column (policy.ts says why).
// 'public' is no session.
type Actor = Role | 'public';
const keeps = (a: Actor) => a === 'network_administrator' || a === 'administrator' || a === 'secretariat';
const signedIn = (a: Actor) => a !== 'public';

const ALLOWED: Record<string, (a: Actor) => boolean> = {
  'list seats': signedIn,
  'list memberships': signedIn,
  'see the form options': signedIn,
  'export Popolo': signedIn,
  'list published resolutions': () => true,
  'read a published resolution': () => true,
  'read a draft resolution': signedIn,
  'record a seat': keeps,
  'edit a seat': keeps,
  'delete a seat': keeps,
  'record a membership': keeps,
  'edit a membership': keeps,
  'delete a membership': keeps,
  'record a resolution': keeps,
  'edit a resolution': keeps,
  'delete a resolution': keeps,
};

let t: TestApp;
let admin: string;
let home: string;
let w: Awaited<ReturnType<typeof caucusWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  home = (await buildOrganisation(t)).id;
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
  w = await caucusWorld(t, admin, 1);
});
afterAll(() => t.close());

async function newPerson() {
  return (await t.database.db.insert(people).values({ name: 'Matrix MP' }).returning())[0]!.id;
}

async function attempt(action: string, cookie: string | undefined) {
  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  const resolution = (published = true) =>
    send(t, admin, 'POST', '/api/v1/caucus/resolutions', resolutionBody(w.caucus.id, { published }));
  const seat = async () =>
    send(t, admin, 'POST', '/api/v1/caucus/posts', {
      personId: await newPerson(),
      parliamentId: w.parliament.id,
    });
  const membership = async () =>
    send(t, admin, 'POST', '/api/v1/caucus/memberships', {
      caucusId: w.caucus.id,
      personId: await newPerson(),
      roleCode: 'member',
    });
  switch (action) {
    case 'list seats':
      return req('GET', '/api/v1/caucus/posts');
    case 'list memberships':
      return req('GET', '/api/v1/caucus/memberships');
    case 'see the form options':
      return req('GET', '/api/v1/caucus/options');
    case 'export Popolo':
      return req('GET', '/api/v1/caucus/popolo.json');
    case 'list published resolutions':
      return req('GET', '/api/v1/caucus/resolutions');
    case 'read a published resolution':
      return req('GET', `/api/v1/caucus/resolutions/${(await resolution()).id}`);
    case 'read a draft resolution':
      return req('GET', `/api/v1/caucus/resolutions/${(await resolution(false)).id}`);
    case 'record a seat':
      return req('POST', '/api/v1/caucus/posts', {
        personId: await newPerson(),
        parliamentId: w.parliament.id,
      });
    case 'edit a seat': {
      const s = await seat();
      return req('PATCH', `/api/v1/caucus/posts/${s.id}`, { constituency: 'Edited', version: s.version });
    }
    case 'delete a seat': {
      const s = await seat();
      return req('DELETE', `/api/v1/caucus/posts/${s.id}?version=${s.version}`);
    }
    case 'record a membership':
      return req('POST', '/api/v1/caucus/memberships', {
        caucusId: w.caucus.id,
        personId: await newPerson(),
        roleCode: 'member',
      });
    case 'edit a membership': {
      const m = await membership();
      return req('PATCH', `/api/v1/caucus/memberships/${m.id}`, {
        roleCode: 'vice_chair',
        version: m.version,
      });
    }
    case 'delete a membership': {
      const m = await membership();
      return req('DELETE', `/api/v1/caucus/memberships/${m.id}?version=${m.version}`);
    }
    case 'record a resolution':
      return req('POST', '/api/v1/caucus/resolutions', {
        ...resolutionBody(w.caucus.id),
        signatories: [{ personId: w.mps[0]!.id }],
      });
    case 'edit a resolution': {
      const r = await resolution();
      return req('PATCH', `/api/v1/caucus/resolutions/${r.id}`, { title: 'Edited', version: r.version });
    }
    case 'delete a resolution': {
      const r = await resolution();
      return req('DELETE', `/api/v1/caucus/resolutions/${r.id}?version=${r.version}`);
    }
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED)) cases.push([actor, action]);

describe('caucus access matrix', () => {
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
