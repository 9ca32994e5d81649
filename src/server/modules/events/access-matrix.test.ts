import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { people } from '../people/schema.ts';
import { createEvent, person, registerForm } from './test-support.ts';

// Every role × every event action × an event of the actor's own organisation or another one.
// 'public' is the absence of a session.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const organiser = (a: Actor) => a === 'administrator' || a === 'secretariat' || a === 'member_editor';
const manages = (a: Actor, t: Target) => a === 'network_administrator' || (organiser(a) && t === 'own-org');

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'list events': (a) => a !== 'public',
  'read a public event': () => true,
  'read a private event': (a, t) => a === 'network_administrator' || (a !== 'public' && t === 'own-org'),
  'create an event': (a) => a === 'network_administrator' || organiser(a),
  'edit an event': manages,
  'delete an event': manages,
  'list participants': manages,
  'export participants': manages,
  'invite people': manages,
  'change a participant': manages,
  'review a registration': manages,
  'record attendance': manages,
  'register publicly': () => true,
  'turn on my calendar feed': (a) => a !== 'public',
};

let t: TestApp;
let admin: string;
const orgs: Record<string, string> = {};
let personId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
  orgs.home = (await buildOrganisation(t)).id;
  orgs.other = (await buildOrganisation(t)).id;
  personId = (await t.database.db.insert(people).values({ name: 'Directory person' }).returning())[0]!.id;
});
afterAll(() => t.close());

let n = 0;
async function eventOf(org: string, visibility: 'public' | 'private' = 'private') {
  return createEvent(t, admin, { organisationId: org, visibility, title: `Event ${++n}` });
}

async function registered(org: string) {
  const e = await eventOf(org, 'public');
  await registerForm(t, e.slug, person(1000 + n));
  const [p] = (await t.request({ url: `/api/v1/events/${e.id}/participants`, cookie: admin })).json().data;
  return { e, p };
}

async function attempt(action: string, cookie: string | undefined, org: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'list events':
      return send('GET', '/api/v1/events');
    case 'read a public event':
      return send('GET', `/api/v1/events/${(await eventOf(org, 'public')).id}`);
    case 'read a private event':
      return send('GET', `/api/v1/events/${(await eventOf(org)).id}`);
    case 'create an event':
      return send('POST', '/api/v1/events', {
        kindCode: 'conference',
        title: 'New',
        startsLocal: '2030-01-01T09:00',
        endsLocal: '2030-01-01T10:00',
        timeZone: 'Asia/Manila',
      });
    case 'edit an event': {
      const e = await eventOf(org);
      return send('PATCH', `/api/v1/events/${e.id}`, { title: 'Edited', version: e.version });
    }
    case 'delete an event': {
      const e = await eventOf(org);
      return send('DELETE', `/api/v1/events/${e.id}?version=${e.version}`);
    }
    case 'list participants':
      return send('GET', `/api/v1/events/${(await eventOf(org)).id}/participants`);
    case 'export participants':
      return send('GET', `/api/v1/events/${(await eventOf(org)).id}/participants.csv`);
    case 'invite people':
      return send('POST', `/api/v1/events/${(await eventOf(org)).id}/invitations`, { personIds: [personId] });
    case 'change a participant': {
      const { e, p } = await registered(org);
      return send('PATCH', `/api/v1/events/${e.id}/participants/${p.id}`, {
        languageNeeds: 'Tagalog',
        version: p.version,
      });
    }
    case 'review a registration': {
      const { e, p } = await registered(org);
      return send('POST', `/api/v1/events/${e.id}/participants/${p.id}/review`, {
        action: 'keep_apart',
        version: p.version,
      });
    }
    case 'record attendance': {
      const { e, p } = await registered(org);
      return send('PUT', `/api/v1/events/${e.id}/attendance`, {
        marks: [{ participantId: p.id, day: e.days[0], present: true }],
      });
    }
    case 'register publicly': {
      const e = await eventOf(org, 'public');
      return t.request({
        method: 'POST',
        url: `/events/${e.slug}/register`,
        cookie,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(person(5000 + n)).toString(),
      });
    }
    case 'turn on my calendar feed':
      return send('POST', '/api/v1/account/calendar-feed');
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);

describe('events access matrix', () => {
  it.each(cases)('%s may %s (event of %s) only when the policy says so', async (actor, action, target) => {
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor, organisationId: orgs.home });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie, target === 'own-org' ? orgs.home! : orgs.other!);
    if (ALLOWED[action]!(actor, target)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      // Events a person may not read are not revealed (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });
});
