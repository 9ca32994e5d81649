import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { type BuiltUser, buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Every role × every programme action × a programme run by the actor's own organisation or by
// another one. 'public' is the absence of a session. The rules are policy.ts's comment, restated.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const networkWide = (a: Actor) => a === 'network_administrator' || a === 'secretariat';
const ownEditor = (a: Actor, t: Target) =>
  (a === 'administrator' || a === 'member_editor') && t === 'own-org';
const edits = (a: Actor, t: Target) => networkWide(a) || ownEditor(a, t);

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'list programmes': (a) => a !== 'public',
  'read a published programme': () => true,
  'read a draft': (a) => a !== 'public',
  'read an archived programme': (a) => a !== 'public',
  'create a programme run by the organisation': edits,
  'edit a draft': edits,
  'edit a published programme': edits,
  publish: edits,
  archive: edits,
  'delete a draft': edits,
  'delete an archived programme': edits,
};

let t: TestApp;
let admin: string;
const orgs: Record<Target, string> = { 'own-org': '', 'other-org': '' };
const users = new Map<Actor, BuiltUser>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
  orgs['own-org'] = (await buildOrganisation(t)).id;
  orgs['other-org'] = (await buildOrganisation(t)).id;
  for (const role of ROLES) users.set(role, await buildUser(t, { role, organisationId: orgs['own-org'] }));
});
afterAll(() => t.close());

let n = 0;
async function programme(organisationId: string, status: 'draft' | 'published' | 'archived') {
  n += 1;
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/programmes',
    cookie: admin,
    payload: { name: `Programme ${n}`, runningOrganisationIds: [organisationId] },
  });
  expect(created.statusCode, created.body).toBe(201);
  let p = created.json().data as { id: string; slug: string; version: number };
  for (const action of status === 'draft'
    ? []
    : status === 'published'
      ? ['publish']
      : ['publish', 'archive']) {
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/programmes/${p.id}/${action}`,
      cookie: admin,
      payload: { version: p.version },
    });
    p = r.json().data;
  }
  return p;
}

async function attempt(action: string, cookie: string | undefined, org: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'list programmes':
      return send('GET', '/api/v1/programmes');
    case 'read a published programme':
      return send('GET', `/api/v1/programmes/${(await programme(org, 'published')).id}`);
    case 'read a draft':
      return send('GET', `/api/v1/programmes/${(await programme(org, 'draft')).id}`);
    case 'read an archived programme':
      return send('GET', `/api/v1/programmes/${(await programme(org, 'archived')).id}`);
    case 'create a programme run by the organisation':
      return send('POST', '/api/v1/programmes', { name: `New ${++n}`, runningOrganisationIds: [org] });
    case 'edit a draft': {
      const p = await programme(org, 'draft');
      return send('PATCH', `/api/v1/programmes/${p.id}`, { name: 'Edited', version: p.version });
    }
    case 'edit a published programme': {
      const p = await programme(org, 'published');
      return send('PATCH', `/api/v1/programmes/${p.id}`, { name: 'Edited', version: p.version });
    }
    case 'publish': {
      const p = await programme(org, 'draft');
      return send('POST', `/api/v1/programmes/${p.id}/publish`, { version: p.version });
    }
    case 'archive': {
      const p = await programme(org, 'published');
      return send('POST', `/api/v1/programmes/${p.id}/archive`, { version: p.version });
    }
    case 'delete a draft': {
      const p = await programme(org, 'draft');
      return send('DELETE', `/api/v1/programmes/${p.id}?version=${p.version}`);
    }
    case 'delete an archived programme': {
      const p = await programme(org, 'archived');
      return send('DELETE', `/api/v1/programmes/${p.id}?version=${p.version}`);
    }
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);

describe('programme access matrix', () => {
  it.each(cases)('%s may %s (run by %s) only when the policy says so', async (actor, action, target) => {
    const cookie = actor === 'public' ? undefined : await users.get(actor)!.session();
    const response = await attempt(action, cookie, orgs[target]);
    if (ALLOWED[action]!(actor, target)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      // Drafts are not revealed to the public (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });

  it('nobody deletes a published programme: it is archived first', async () => {
    const p = await programme(orgs['own-org'], 'published');
    const r = await t.request({
      method: 'DELETE',
      url: `/api/v1/programmes/${p.id}?version=${p.version}`,
      cookie: admin,
    });
    expect(r.statusCode).toBe(403);
  });

  it('an organisation editor may not hand its programme to organisations that leave its own out', async () => {
    const p = await programme(orgs['own-org'], 'draft');
    const editor = await users.get('member_editor')!.session();
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/programmes/${p.id}`,
      cookie: editor,
      payload: { runningOrganisationIds: [orgs['other-org']], version: p.version },
    });
    expect(r.statusCode).toBe(403);
  });
});
