import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipart } from './test-support.ts';

// Every role × every directory action × own / other organisation, with the status each must get.

type Who = Role | 'public';
const WHO: Who[] = [
  'network_administrator',
  'administrator',
  'secretariat',
  'member_editor',
  'case_worker',
  'viewer',
  'public',
];

interface Actor {
  cookie?: string;
  own: string;
}

let t: TestApp;
let other: string;
const actors = new Map<Who, Actor>();
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  other = (await buildOrganisation(t, { name: 'Somebody else' })).id;
  for (const who of WHO) {
    if (who === 'public') {
      actors.set(who, { own: (await buildOrganisation(t)).id });
      continue;
    }
    const user = await buildUser(t, { role: who });
    actors.set(who, { cookie: await user.session(), own: user.organisationId });
  }
});
afterAll(() => t.close());

const versionOf = async (id: string) => {
  const admin = actors.get('administrator')!;
  return (await t.request({ method: 'GET', url: `/api/v1/organisations/${id}`, cookie: admin.cookie })).json()
    .data.version as number;
};

type Action = (a: Actor) => Promise<number>;
const get =
  (url: string, headers: Record<string, string> = {}) =>
  async (a: Actor) =>
    (await t.request({ method: 'GET', url, cookie: a.cookie, headers })).statusCode;

const ACTIONS: Record<string, Action> = {
  'list organisations': get('/api/v1/organisations'),
  'read own organisation': async (a) => get(`/api/v1/organisations/${a.own}`)(a),
  'read other organisation': async (a) => get(`/api/v1/organisations/${other}`)(a),
  'export CSV': get('/api/v1/organisations?format=csv'),
  'export Popolo': get('/api/v1/organisations?format=popolo'),
  'create organisation': async (a) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/organisations',
        cookie: a.cookie,
        payload: { name: `New ${++n}` },
      })
    ).statusCode,
  'update own organisation': async (a) =>
    (
      await t.request({
        method: 'PATCH',
        url: `/api/v1/organisations/${a.own}`,
        cookie: a.cookie,
        payload: { acronym: `A${++n}`, version: await versionOf(a.own) },
      })
    ).statusCode,
  'update other organisation': async (a) =>
    (
      await t.request({
        method: 'PATCH',
        url: `/api/v1/organisations/${other}`,
        cookie: a.cookie,
        payload: { acronym: `B${++n}`, version: await versionOf(other) },
      })
    ).statusCode,
  'find duplicates': get('/api/v1/organisations/duplicates'),
  'import preview': async (a) => {
    const body = multipart(`external_id,name\naccess-${++n},Imported ${n}\n`, 'x.csv');
    return (await t.request({ method: 'POST', url: '/api/v1/directory/imports', cookie: a.cookie, ...body }))
      .statusCode;
  },
  'import people preview': async (a) => {
    const body = multipart(`external_id,name\naccess-person-${++n},Imported person ${n}\n`, 'x.csv');
    return (
      await t.request({
        method: 'POST',
        url: '/api/v1/directory/imports?entity=people',
        cookie: a.cookie,
        ...body,
      })
    ).statusCode;
  },
  'add member to own organisation': async (a) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/memberships',
        cookie: a.cookie,
        payload: { organisationId: other, parentId: a.own, roleCode: 'member' },
      })
    ).statusCode,
  'add member to other organisation': async (a) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/memberships',
        cookie: a.cookie,
        payload: { organisationId: a.own, parentId: other, roleCode: 'member' },
      })
    ).statusCode,
  'list people': get('/api/v1/people'),
  'create person': async (a) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/people',
        cookie: a.cookie,
        payload: { name: `Person ${++n}` },
      })
    ).statusCode,
  'add vocabulary term': async (a) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/vocabularies/membership_role/terms',
        cookie: a.cookie,
        payload: { code: `role_${++n}`, labels: { en: `Role ${n}` } },
      })
    ).statusCode,
  'add network region': async (a) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/geography/regions',
        cookie: a.cookie,
        payload: { code: `region-${++n}`, labels: { en: `Region ${n}` }, countries: ['PH'] },
      })
    ).statusCode,
  'read vocabularies (public)': get('/api/v1/vocabularies/organisation_type/terms'),
  'read public directory': get('/api/v1/public/organisations'),
};

//                                        network admin secretariat editor case_worker viewer public
// biome-ignore format: a table reads best aligned
const EXPECTED: Record<string, number[]> = {
  'list organisations':                   [200, 200, 200, 200, 200, 200, 401],
  'read own organisation':                [200, 200, 200, 200, 200, 200, 401],
  'read other organisation':              [200, 200, 200, 200, 200, 200, 401],
  'export CSV':                           [200, 200, 200, 200, 200, 200, 401],
  'export Popolo':                        [200, 200, 200, 200, 200, 200, 401],
  'create organisation':                  [201, 201, 201, 403, 403, 403, 401],
  'update own organisation':              [200, 200, 200, 200, 403, 403, 401],
  'update other organisation':            [200, 200, 200, 403, 403, 403, 401],
  'find duplicates':                      [200, 200, 200, 403, 403, 403, 401],
  'import preview':                       [201, 201, 201, 403, 403, 403, 401],
  'import people preview':                [201, 201, 201, 403, 403, 403, 401],
  'add member to own organisation':       [201, 201, 201, 201, 403, 403, 401],
  'add member to other organisation':     [201, 201, 201, 403, 403, 403, 401],
  'list people':                          [200, 200, 200, 200, 200, 200, 401],
  'create person':                        [201, 201, 201, 201, 403, 403, 401],
  'add vocabulary term':                  [201, 403, 403, 403, 403, 403, 401],
  'add network region':                   [201, 201, 201, 403, 403, 403, 401],
  'read vocabularies (public)':           [200, 200, 200, 200, 200, 200, 200],
  'read public directory':                [200, 200, 200, 200, 200, 200, 200],
};

describe('directory access matrix', () => {
  it('covers every action', () => expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ACTIONS).sort()));
  for (const [action, statuses] of Object.entries(EXPECTED)) {
    it(action, async () => {
      const got: Record<string, number> = {};
      for (const who of WHO) got[who] = await ACTIONS[action]!(actors.get(who)!);
      expect(got).toEqual(Object.fromEntries(WHO.map((w, i) => [w, statuses[i]])));
    });
  }

  it('sends abilities with records: an editor may update their own organisation only', async () => {
    const editor = actors.get('member_editor')!;
    const own = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${editor.own}`, cookie: editor.cookie })
    ).json().data;
    const theirs = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${other}`, cookie: editor.cookie })
    ).json().data;
    expect(own.abilities).toMatchObject({ read: true, update: true, merge: false, create: false });
    expect(theirs.abilities).toMatchObject({ read: true, update: false });
  });

  it('shows contact details of people to staff only', async () => {
    const admin = actors.get('administrator')!;
    const created = (
      await t.request({
        method: 'POST',
        url: '/api/v1/people',
        cookie: admin.cookie,
        payload: { name: 'Contact Person', email: 'cp@example.org', phone: '+852 1234 5678' },
      })
    ).json().data;
    expect(created.email).toBe('cp@example.org');
    for (const who of ['member_editor', 'case_worker', 'viewer'] as const) {
      const seen = (
        await t.request({
          method: 'GET',
          url: `/api/v1/people/${created.id}`,
          cookie: actors.get(who)!.cookie,
        })
      ).json().data;
      expect(seen.email, who).toBeUndefined();
      expect(seen.phone, who).toBeUndefined();
    }
    const csv = await t.request({
      method: 'GET',
      url: '/api/v1/people?format=csv',
      cookie: actors.get('viewer')!.cookie,
    });
    expect(csv.body).not.toContain('cp@example.org');
  });
});
