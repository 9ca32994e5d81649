import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartBody, tempDataDir } from '../library/testing.ts';

// Every role × every knowledge action × a record of the actor's own organisation or another one.
// 'public' is the absence of a session.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const staff = (a: Actor) => a === 'network_administrator' || a === 'administrator' || a === 'secretariat';
const ownEditor = (a: Actor, t: Target) => a === 'member_editor' && t === 'own-org';

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'list practices': (a) => a !== 'public',
  'read a published practice': () => true,
  'read a draft': (a, t) => staff(a) || ownEditor(a, t),
  'propose a practice': (a) => staff(a) || a === 'member_editor',
  'edit a draft': (a, t) => staff(a) || ownEditor(a, t),
  'submit a draft': (a, t) => staff(a) || ownEditor(a, t),
  'comment on a draft': (a, t) => staff(a) || ownEditor(a, t),
  'delete a draft': (a, t) => staff(a) || ownEditor(a, t),
  'request changes': (a) => staff(a),
  publish: (a) => staff(a),
  reject: (a) => staff(a),
  'edit a published practice': (a) => staff(a),
  'add a publication': (a) => staff(a),
  'edit a publication': (a) => staff(a),
  'upload a file': (a) => staff(a),
  'read a private publication': (a) => a !== 'public',
  'read a public publication': () => true,
  search: () => true,
};

let t: TestApp;
let admin: string;
const orgs: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ config: { DATA_DIR: tempDataDir() } });
  admin = await (await buildUser(t, { role: 'administrator' })).session();
});
afterAll(() => t.close());

async function practice(organisationId: string, status: 'draft' | 'submitted' | 'published') {
  const c = (
    await t.request({
      method: 'POST',
      url: '/api/v1/practices',
      cookie: admin,
      payload: { title: 'A practice', organisationId },
    })
  ).json().data;
  let v = c.version;
  for (const action of status === 'draft'
    ? []
    : status === 'submitted'
      ? ['submit']
      : ['submit', 'publish']) {
    v = (
      await t.request({
        method: 'POST',
        url: `/api/v1/practices/${c.id}/transitions`,
        cookie: admin,
        payload: { action, version: v },
      })
    ).json().data.version;
  }
  return { id: c.id as string, version: v as number };
}

async function publication(isPublic: boolean) {
  return (
    await t.request({
      method: 'POST',
      url: '/api/v1/publications',
      cookie: admin,
      payload: { typeCode: 'research', title: 'A study', isPublic },
    })
  ).json().data as { id: string; version: number };
}

async function attempt(action: string, cookie: string | undefined, org: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  const move = async (status: 'draft' | 'submitted', a: string, comment?: string) => {
    const p = await practice(org, status);
    return send('POST', `/api/v1/practices/${p.id}/transitions`, {
      action: a,
      version: p.version,
      ...(comment ? { comment } : {}),
    });
  };
  switch (action) {
    case 'list practices':
      return send('GET', '/api/v1/practices');
    case 'read a published practice':
      return send('GET', `/api/v1/practices/${(await practice(org, 'published')).id}`);
    case 'read a draft':
      return send('GET', `/api/v1/practices/${(await practice(org, 'draft')).id}`);
    case 'propose a practice':
      return send('POST', '/api/v1/practices', { title: 'Proposal' });
    case 'edit a draft': {
      const p = await practice(org, 'draft');
      return send('PATCH', `/api/v1/practices/${p.id}`, { title: 'Edited', version: p.version });
    }
    case 'submit a draft':
      return move('draft', 'submit');
    case 'comment on a draft':
      return send('POST', `/api/v1/practices/${(await practice(org, 'draft')).id}/comments`, {
        comment: 'Looks good',
      });
    case 'delete a draft': {
      const p = await practice(org, 'draft');
      return send('DELETE', `/api/v1/practices/${p.id}?version=${p.version}`);
    }
    case 'request changes':
      return move('submitted', 'request_changes', 'Add sources');
    case 'publish':
      return move('submitted', 'publish');
    case 'reject':
      return move('submitted', 'reject', 'Out of scope');
    case 'edit a published practice': {
      const p = await practice(org, 'published');
      return send('PATCH', `/api/v1/practices/${p.id}`, { title: 'Edited', version: p.version });
    }
    case 'add a publication':
      return send('POST', '/api/v1/publications', { typeCode: 'statement', title: 'Statement' });
    case 'edit a publication': {
      const p = await publication(true);
      return send('PATCH', `/api/v1/publications/${p.id}`, { title: 'Renamed', version: p.version });
    }
    case 'upload a file': {
      const p = await publication(true);
      const { payload, headers } = multipartBody({ name: 'a.txt', bytes: Buffer.from('hello') });
      return t.request({
        method: 'POST',
        url: `/api/v1/publications/${p.id}/files`,
        cookie,
        payload,
        headers,
      });
    }
    case 'read a private publication':
      return send('GET', `/api/v1/publications/${(await publication(false)).id}`);
    case 'read a public publication':
      return send('GET', `/api/v1/publications/${(await publication(true)).id}`);
    case 'search':
      return send('GET', '/api/v1/search?q=practice');
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[]) {
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);
}

describe('knowledge access matrix', () => {
  it.each(cases)('%s may %s (record of %s) only when the policy says so', async (actor, action, target) => {
    if (!orgs.home) orgs.home = (await buildOrganisation(t)).id;
    if (!orgs.other) orgs.other = (await buildOrganisation(t)).id;
    const home = orgs.home;
    const other = orgs.other;
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor, organisationId: home });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie, target === 'own-org' ? home : other);
    if (ALLOWED[action]!(actor, target)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      // Records a person may not read are not revealed (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });
});
