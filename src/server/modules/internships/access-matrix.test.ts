import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { applyAndFind, openOpportunity, postForm, sampleForm } from './test-support.ts';

// Every role × every internship action × an application or opportunity of the actor's own
// organisation or of another one. Applications hold personal data: only those who decide on
// interns at the organisation applied to (its administrators and secretariat) and network
// administrators read them (policy.ts says why). 'public' is the absence of a session.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const decides = (a: Actor, target: Target) =>
  a === 'network_administrator' || ((a === 'administrator' || a === 'secretariat') && target === 'own-org');
const decidesSomewhere = (a: Actor) =>
  a === 'network_administrator' || a === 'administrator' || a === 'secretariat';

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'apply through the public form': () => true,
  'list applications': (a) => decidesSomewhere(a),
  'see this application in the list': decides,
  'read an application': decides,
  'shortlist an application': decides,
  'place an applicant': decides,
  'delete an application': decides,
  'list opportunities': (a) => decidesSomewhere(a),
  'create an opportunity': decides,
  'edit an opportunity': decides,
  'delete an opportunity': decides,
};

let t: TestApp;
const orgs: Record<Target, string> = { 'own-org': '', 'other-org': '' };
const keepers: Record<Target, string> = { 'own-org': '', 'other-org': '' };
const opportunities: Record<Target, string> = { 'own-org': '', 'other-org': '' };
let counter = 0;
beforeAll(async () => {
  t = await createTestApp();
  for (const target of ['own-org', 'other-org'] as Target[]) {
    orgs[target] = (await buildOrganisation(t)).id;
    keepers[target] = await (
      await buildUser(t, { role: 'secretariat', organisationId: orgs[target] })
    ).session();
    opportunities[target] = (await openOpportunity(t, keepers[target])).id;
  }
});
afterAll(() => t.close());

async function application(target: Target) {
  counter += 1;
  return applyAndFind(t, opportunities[target], `matrix${counter}@example.org`);
}

async function attempt(action: string, cookie: string | undefined, target: Target) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'apply through the public form':
      counter += 1;
      return postForm(
        t,
        sampleForm(opportunities[target], `public${counter}@example.org`),
        `10.9.${counter % 250}.1`,
      );
    case 'list applications':
      return send('GET', '/api/v1/internship-applications');
    case 'see this application in the list': {
      const a = await application(target);
      const res = await send('GET', '/api/v1/internship-applications');
      if (res.statusCode >= 300) return res;
      const seen = res.json().data.some((x: { id: string }) => x.id === a.id);
      return { statusCode: seen ? 200 : 403, body: res.body };
    }
    case 'read an application':
      return send('GET', `/api/v1/internship-applications/${(await application(target)).id}`);
    case 'shortlist an application': {
      const a = await application(target);
      return send('POST', `/api/v1/internship-applications/${a.id}/review`, {
        status: 'shortlisted',
        version: a.version,
      });
    }
    case 'place an applicant': {
      const a = await application(target);
      const s = await t.request({
        method: 'POST',
        url: `/api/v1/internship-applications/${a.id}/review`,
        cookie: keepers[target],
        payload: { status: 'shortlisted', version: a.version },
      });
      return send('POST', `/api/v1/internship-applications/${a.id}/placement`, {
        intern: { createFromApplication: true, confirmNoMatch: true },
        startsOn: '2026-06-01',
        endsOn: '2026-07-01',
        version: s.json().data.version,
      });
    }
    case 'delete an application': {
      const a = await application(target);
      return send('DELETE', `/api/v1/internship-applications/${a.id}?version=${a.version}`);
    }
    case 'list opportunities':
      return send('GET', '/api/v1/internship-opportunities');
    case 'create an opportunity':
      return send('POST', '/api/v1/internship-opportunities', {
        title: 'Volunteer',
        organisationId: orgs[target],
      });
    case 'edit an opportunity': {
      const o = await openOpportunity(t, keepers[target]);
      return send('PATCH', `/api/v1/internship-opportunities/${o.id}`, {
        title: 'Edited',
        version: o.version,
      });
    }
    case 'delete an opportunity': {
      const o = await openOpportunity(t, keepers[target]);
      return send('DELETE', `/api/v1/internship-opportunities/${o.id}?version=${o.version}`);
    }
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);

describe('internships access matrix', () => {
  it.each(cases)('%s may %s (record of %s) only when the policy says so', async (actor, action, target) => {
    const me = await buildUser(t, {
      role: actor === 'public' ? 'viewer' : actor,
      organisationId: orgs['own-org'],
    });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie, target);
    if (ALLOWED[action]!(actor, target)) {
      expect(response.statusCode, response.body).toBeLessThan(400);
    } else {
      // Another organisation's applicants are not revealed (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });
});
