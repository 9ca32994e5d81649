import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { addChapter, createEdition, move } from './test-support.ts';

// Every role × every edition action × an edition of the actor's own organisation or another one.
// 'public' is the absence of a session. Publishing needs the same ability as approving's sibling
// rule (`signsOff`), tested here through approve and reopen; publishing itself is in yearbooks.test.ts.
type Actor = Role | 'public';
type Target = 'own-org' | 'other-org';
const editor = (a: Actor) => a === 'administrator' || a === 'secretariat';
const manages = (a: Actor, t: Target) => a === 'network_administrator' || (editor(a) && t === 'own-org');
const signsOff = (a: Actor, t: Target) =>
  a === 'network_administrator' || (a === 'administrator' && t === 'own-org');

const ALLOWED: Record<string, (a: Actor, t: Target) => boolean> = {
  'list editions': (a) => a !== 'public',
  'read a draft': (a, t) => a === 'network_administrator' || (a !== 'public' && t === 'own-org'),
  'create an edition': (a) => a === 'network_administrator' || editor(a),
  'edit an edition': manages,
  'delete an edition': manages,
  'add a chapter': manages,
  'edit a chapter': manages,
  'reorder chapters': manages,
  'submit for review': manages,
  approve: signsOff,
  'reopen an approved edition': signsOff,
  'start the PDF': manages,
  'preview a figure': (a) => a !== 'public',
};

let t: TestApp;
let admin: string;
const orgs: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
  orgs.home = (await buildOrganisation(t)).id;
  orgs.other = (await buildOrganisation(t)).id;
});
afterAll(() => t.close());

async function editionOf(org: string) {
  const e = await createEdition(t, admin, { organisationId: org });
  return addChapter(t, admin, e.id, { kind: 'thematic', title: 'Theme' });
}

async function attempt(action: string, cookie: string | undefined, org: string) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'list editions':
      return send('GET', '/api/v1/yearbooks');
    case 'read a draft':
      return send('GET', `/api/v1/yearbooks/${(await editionOf(org)).id}`);
    case 'create an edition':
      return send('POST', '/api/v1/yearbooks', {
        kind: 'yearbook',
        year: 2026,
        title: 'New',
        language: 'en',
      });
    case 'edit an edition': {
      const e = await editionOf(org);
      return send('PATCH', `/api/v1/yearbooks/${e.id}`, { title: 'Edited', version: e.version });
    }
    case 'delete an edition': {
      const e = await editionOf(org);
      return send('DELETE', `/api/v1/yearbooks/${e.id}?version=${e.version}`);
    }
    case 'add a chapter':
      return send('POST', `/api/v1/yearbooks/${(await editionOf(org)).id}/chapters`, {
        kind: 'thematic',
        title: 'More',
      });
    case 'edit a chapter': {
      const e = await editionOf(org);
      const c = e.chapters[0]!;
      return send('PATCH', `/api/v1/yearbooks/${e.id}/chapters/${c.id}`, {
        body: 'Text',
        version: c.version,
      });
    }
    case 'reorder chapters': {
      const e = await editionOf(org);
      return send('PUT', `/api/v1/yearbooks/${e.id}/chapters/order`, {
        order: e.chapters.map((c) => c.id),
        version: e.version,
      });
    }
    case 'submit for review': {
      const e = await editionOf(org);
      return send('POST', `/api/v1/yearbooks/${e.id}/workflow`, { move: 'submit', version: e.version });
    }
    case 'approve': {
      const e = await move(t, admin, await editionOf(org), 'submit');
      return send('POST', `/api/v1/yearbooks/${e.id}/workflow`, { move: 'approve', version: e.version });
    }
    case 'reopen an approved edition': {
      const e = await move(t, admin, await move(t, admin, await editionOf(org), 'submit'), 'approve');
      return send('POST', `/api/v1/yearbooks/${e.id}/workflow`, { move: 'reopen', version: e.version });
    }
    case 'start the PDF':
      return send('POST', `/api/v1/yearbooks/${(await editionOf(org)).id}/renders`);
    case 'preview a figure':
      return send('POST', '/api/v1/yearbooks/figure-preview', {
        indicator: 'NONE',
        area: 'PH',
        display: 'table',
      });
  }
  throw new Error(`unknown action ${action}`);
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[])
  for (const action of Object.keys(ALLOWED))
    for (const target of ['own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);

describe('yearbooks access matrix', () => {
  it.each(cases)('%s may %s (edition of %s) only when the policy says so', async (actor, action, target) => {
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor, organisationId: orgs.home });
    const cookie = actor === 'public' ? undefined : await me.session();
    const response = await attempt(action, cookie, target === 'own-org' ? orgs.home! : orgs.other!);
    if (ALLOWED[action]!(actor, target)) {
      // The figure preview is allowed and then refuses the unknown indicator (422), after the access check.
      expect(response.statusCode, response.body).toBeLessThan(action === 'preview a figure' ? 423 : 300);
      expect(response.statusCode).not.toBe(403);
    } else {
      // Drafts a person may not read are not revealed (404); otherwise 401 for the public, 403 for others.
      expect([actor === 'public' ? 401 : 403, 404], response.body).toContain(response.statusCode);
    }
  });

  it('a country coordinator from another organisation writes their chapter only', async () => {
    const coordinator = await buildUser(t, { role: 'member_editor', organisationId: orgs.other });
    const cookie = await coordinator.session();
    const e = await editionOf(orgs.home!);
    const withMine = await addChapter(t, admin, e.id, {
      kind: 'country',
      title: 'Nepal',
      countryCode: 'NP',
      coordinatorUserId: coordinator.id,
    });
    const [theirs, mine] = withMine.chapters;
    // They read the draft they write in, and see it listed.
    expect((await t.request({ url: `/api/v1/yearbooks/${e.id}`, cookie })).statusCode).toBe(200);
    const listed = (await t.request({ url: '/api/v1/yearbooks', cookie })).json().data;
    expect(listed.map((x: { id: string }) => x.id)).toContain(e.id);
    const write = (c: { id: string; version: number }, payload: object) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/yearbooks/${e.id}/chapters/${c.id}`,
        cookie,
        payload: { ...payload, version: c.version },
      });
    expect((await write(mine!, { body: 'Our country report.' })).statusCode).toBe(200);
    expect([403, 404]).toContain((await write(theirs!, { body: 'Not mine' })).statusCode);
    // Their chapter's text, not who coordinates it.
    const fresh = (await t.request({ url: `/api/v1/yearbooks/${e.id}`, cookie })).json().data.chapters[1];
    expect((await write(fresh, { coordinatorUserId: null })).statusCode).toBe(403);
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/yearbooks/${e.id}`,
      cookie,
      payload: { title: 'Mine now', version: withMine.version },
    });
    expect(edit.statusCode).toBe(403);
  });
});
