import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { complete, courseWithCohort } from './test-support.ts';

// Every role × every training action × a course of the actor's own organisation or another one.
// 'public' is the absence of a session.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const organiser = (a: Actor) => a === 'administrator' || a === 'secretariat' || a === 'member_editor';
const manages = (a: Actor, t: Target) => a === 'network_administrator' || (organiser(a) && t === 'own-org');
const signedIn = (a: Actor) => a !== 'public';

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'list courses': signedIn,
  'read a course': (a, t) => a === 'network_administrator' || (signedIn(a) && t === 'own-org'),
  'create a course': (a) => a === 'network_administrator' || organiser(a),
  'edit a course': manages,
  'delete a course': manages,
  'add a cohort': manages,
  'read a cohort': manages,
  'record completion': manages,
  'issue a certificate': manages,
  'list alumni': (a) => a === 'network_administrator' || organiser(a),
  'export alumni': (a) => a === 'network_administrator' || organiser(a),
  'see reach totals': signedIn,
  'list my follow-ups': signedIn,
  'record a follow-up outcome': manages,
  'delete a follow-up': manages,
};

let t: TestApp;
let admin: string;
const orgs: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  orgs.home = (await buildOrganisation(t)).id;
  orgs.other = (await buildOrganisation(t)).id;
  admin = await (await buildUser(t, { role: 'network_administrator', organisationId: orgs.home })).session();
});
afterAll(() => t.close());

const courseOf = (org: string, n = 1) => courseWithCohort(t, admin, n, { organisationId: org });

/** A cohort with one graduate and their follow-ups, made by a network administrator. */
async function graduate(org: string) {
  const c = await courseOf(org);
  const done = (await complete(t, admin, c.eventId, c.participants[0]!.id, { state: 'completed' })).json()
    .data;
  const p = done.participants[0];
  return { ...c, completion: p.completion, task: p.followUps[0] };
}

async function attempt(action: string, cookie: string | undefined, org: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'list courses':
      return send('GET', '/api/v1/trainings');
    case 'read a course':
      return send('GET', `/api/v1/trainings/${(await courseOf(org, 0)).courseId}`);
    case 'create a course':
      return send('POST', '/api/v1/trainings', { title: 'New course' });
    case 'edit a course': {
      const c = await courseOf(org, 0);
      return send('PATCH', `/api/v1/trainings/${c.courseId}`, { title: 'Edited', version: c.version });
    }
    case 'delete a course': {
      const c = await courseOf(org, 0);
      return send('DELETE', `/api/v1/trainings/${c.courseId}?version=${c.version}`);
    }
    case 'add a cohort': {
      const c = await courseOf(org, 0);
      return send('POST', `/api/v1/trainings/${c.courseId}/cohorts`, {
        event: {
          title: 'Cohort 2',
          startsLocal: '2030-02-01T09:00',
          endsLocal: '2030-02-02T17:00',
          timeZone: 'Asia/Manila',
        },
      });
    }
    case 'read a cohort':
      return send('GET', `/api/v1/training-cohorts/${(await courseOf(org, 0)).eventId}`);
    case 'record completion': {
      const c = await courseOf(org);
      return send('PUT', `/api/v1/training-cohorts/${c.eventId}/completions/${c.participants[0]!.id}`, {
        state: 'completed',
      });
    }
    case 'issue a certificate': {
      const g = await graduate(org);
      return send(
        'POST',
        `/api/v1/training-cohorts/${g.eventId}/completions/${g.participants[0]!.id}/certificate`,
        {
          version: g.completion.version,
        },
      );
    }
    case 'list alumni':
      return send('GET', '/api/v1/training-alumni');
    case 'export alumni':
      return send('GET', '/api/v1/training-alumni.csv');
    case 'see reach totals':
      return send('GET', '/api/v1/training-reach');
    case 'list my follow-ups':
      return send('GET', '/api/v1/training-follow-ups');
    case 'record a follow-up outcome': {
      const g = await graduate(org);
      return send('PATCH', `/api/v1/training-follow-ups/${g.task.id}`, {
        outcomeCodes: ['took_case'],
        version: g.task.version,
      });
    }
    case 'delete a follow-up': {
      const g = await graduate(org);
      return send('DELETE', `/api/v1/training-follow-ups/${g.task.id}?version=${g.task.version}`);
    }
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);

describe('trainings access matrix', () => {
  it.each(cases)('%s may %s (course of %s) only when the policy says so', async (actor, action, target) => {
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor, organisationId: orgs.home });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie, target === 'own-org' ? orgs.home! : orgs.other!);
    if (ALLOWED[action]!(actor, target)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      // Courses a person may not read are not revealed (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });

  it('lets the assignee record the outcome of their own follow-up without organising', async () => {
    const viewer = await buildUser(t, { role: 'viewer', organisationId: orgs.home });
    const c = await courseOf(orgs.home!);
    await complete(t, admin, c.eventId, c.participants[0]!.id, { state: 'completed', assigneeId: viewer.id });
    const cookie = await viewer.session();
    const [task] = (await t.request({ url: '/api/v1/training-follow-ups', cookie })).json().data;
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/training-follow-ups/${task.id}`,
      cookie,
      payload: { outcomeCodes: ['leads_union_branch'], note: 'Elected in March', version: task.version },
    });
    expect(r.statusCode, r.body).toBe(200);
    // … but may not reassign it.
    const reassign = await t.request({
      method: 'PATCH',
      url: `/api/v1/training-follow-ups/${task.id}`,
      cookie,
      payload: { assigneeId: null, version: r.json().data.version },
    });
    expect(reassign.statusCode).toBe(403);
  });
});
