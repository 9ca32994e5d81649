import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Bad input on every directory route: a precise 4xx problem, never a 500, and nothing half-written.

let t: TestApp;
let admin: string;
let orgId: string;
let personId: string;
let membershipId: string;
let regionId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await (await buildUser(t, { role: 'network_administrator' })).session();
  orgId = (await buildOrganisation(t, { name: 'Target organisation' })).id;
  const parent = (await buildOrganisation(t, { name: 'Parent network', typeCode: 'network' })).id;
  personId = (
    await t.request({ method: 'POST', url: '/api/v1/people', cookie: admin, payload: { name: 'Someone' } })
  ).json().data.id;
  membershipId = (
    await t.request({
      method: 'POST',
      url: '/api/v1/memberships',
      cookie: admin,
      payload: { organisationId: orgId, parentId: parent, roleCode: 'member' },
    })
  ).json().data.id;
  regionId = (
    await t.request({
      method: 'POST',
      url: '/api/v1/geography/regions',
      cookie: admin,
      payload: { code: 'r-bad', labels: { en: 'R' }, countries: ['PH'] },
    })
  ).json().data.id;
});
afterAll(() => t.close());

const SQLISH = "x'; drop table organisations; --";
const SCRIPT = '<script>alert(1)</script>';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: () => string;
  body?: unknown | (() => unknown);
  raw?: string;
  status: number;
  code?: string;
}

const WRITES: { method: 'POST' | 'PATCH'; url: () => string; valid: () => Record<string, unknown> }[] = [
  { method: 'POST', url: () => '/api/v1/organisations', valid: () => ({ name: 'Valid' }) },
  { method: 'PATCH', url: () => `/api/v1/organisations/${orgId}`, valid: () => ({ version: 1 }) },
  { method: 'POST', url: () => '/api/v1/people', valid: () => ({ name: 'Valid' }) },
  { method: 'PATCH', url: () => `/api/v1/people/${personId}`, valid: () => ({ version: 1 }) },
  {
    method: 'POST',
    url: () => '/api/v1/memberships',
    valid: () => ({ organisationId: orgId, parentId: orgId, roleCode: 'member' }),
  },
  { method: 'PATCH', url: () => `/api/v1/memberships/${membershipId}`, valid: () => ({ version: 1 }) },
  {
    method: 'POST',
    url: () => '/api/v1/vocabularies/organisation_type/terms',
    valid: () => ({ code: 'valid', labels: { en: 'V' } }),
  },
  {
    method: 'PATCH',
    url: () => '/api/v1/vocabularies/organisation_type/terms/ngo',
    valid: () => ({ version: 1 }),
  },
  {
    method: 'POST',
    url: () => '/api/v1/geography/regions',
    valid: () => ({ code: 'valid', labels: { en: 'V' }, countries: [] }),
  },
  { method: 'PATCH', url: () => `/api/v1/geography/regions/${regionId}`, valid: () => ({ version: 1 }) },
  {
    method: 'POST',
    url: () => `/api/v1/organisations/${orgId}/merge`,
    valid: () => ({ duplicateId: orgId, version: 1, duplicateVersion: 1 }),
  },
  {
    method: 'POST',
    url: () => '/api/v1/vocabularies',
    valid: () => ({ key: 'valid_vocabulary', labels: { en: 'V' } }),
  },
];

const cases: Case[] = WRITES.flatMap((w) => [
  {
    name: `${w.method} ${w.url()} malformed JSON`,
    method: w.method,
    url: w.url,
    raw: '{"name": ',
    status: 400,
    code: 'malformed_json',
  },
  {
    name: `${w.method} ${w.url()} unknown field`,
    method: w.method,
    url: w.url,
    body: { ...w.valid(), isAdmin: true },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: `${w.method} ${w.url()} wrong types`,
    method: w.method,
    url: w.url,
    body: Object.fromEntries(Object.keys(w.valid()).map((k) => [k, { nested: [1] }])),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: `${w.method} ${w.url()} oversized`,
    method: w.method,
    url: w.url,
    raw: JSON.stringify({ name: 'x'.repeat(300 * 1024) }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: `${w.method} ${w.url()} array body`,
    method: w.method,
    url: w.url,
    body: [w.valid()],
    status: 400,
    code: 'validation_failed',
  },
]);

cases.push(
  {
    name: 'list with SQL-looking q',
    method: 'GET',
    url: () => `/api/v1/organisations?q=${encodeURIComponent(SQLISH)}`,
    status: 200,
  },
  {
    name: 'list with unknown parameter',
    method: 'GET',
    url: () => '/api/v1/organisations?admin=1',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'list with a bad limit',
    method: 'GET',
    url: () => '/api/v1/organisations?limit=100000',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'list with a bad country',
    method: 'GET',
    url: () => '/api/v1/organisations?country=Philippines',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'list with a bad corridor',
    method: 'GET',
    url: () => '/api/v1/organisations?corridor=PH',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'list with a bad date',
    method: 'GET',
    url: () => '/api/v1/organisations?activeOn=yesterday',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'list with a forged cursor',
    method: 'GET',
    url: () => `/api/v1/organisations?cursor=${Buffer.from('{"o":-5}').toString('base64url')}`,
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'read with a non-uuid id',
    method: 'GET',
    url: () => `/api/v1/organisations/${encodeURIComponent(SQLISH)}`,
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'read an unknown id',
    method: 'GET',
    url: () => '/api/v1/organisations/00000000-0000-4000-8000-000000000000',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'people with unknown role',
    method: 'GET',
    url: () => '/api/v1/people?role=nope',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'unknown vocabulary',
    method: 'GET',
    url: () => '/api/v1/vocabularies/nope/terms',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'unknown grouping',
    method: 'GET',
    url: () => '/api/v1/geography/groupings/atlantis',
    status: 404,
    code: 'not_found',
  },
  {
    name: 'similar without name',
    method: 'GET',
    url: () => '/api/v1/organisations/similar',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'delete membership without version',
    method: 'DELETE',
    url: () => `/api/v1/memberships/${membershipId}`,
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'delete region with stale version',
    method: 'DELETE',
    url: () => `/api/v1/geography/regions/${regionId}?version=99`,
    status: 409,
    code: 'version_conflict',
  },
  {
    name: 'organisation with javascript: website',
    method: 'POST',
    url: () => '/api/v1/organisations',
    body: { name: 'X', website: 'javascript:alert(1)' },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'organisation with unknown country',
    method: 'POST',
    url: () => '/api/v1/organisations',
    body: { name: 'X', countryCode: 'XX' },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'organisation with control characters',
    method: 'POST',
    url: () => '/api/v1/organisations',
    body: { name: 'X\u0000Y' },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'membership of a person and an organisation at once',
    method: 'POST',
    url: () => '/api/v1/memberships',
    body: () => ({ organisationId: orgId, personId, parentId: orgId, roleCode: 'member' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'membership ending before it starts',
    method: 'POST',
    url: () => '/api/v1/memberships',
    body: () => ({ personId, parentId: orgId, roleCode: 'member', startDate: '2020', endDate: '2019-12' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'membership with unknown role',
    method: 'POST',
    url: () => '/api/v1/memberships',
    body: () => ({ personId, parentId: orgId, roleCode: 'emperor' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'term under itself',
    method: 'PATCH',
    url: () => '/api/v1/vocabularies/organisation_type/terms/network',
    body: { parentCode: 'caucus', version: 1 },
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'vocabulary import as JSON',
    method: 'POST',
    url: () => '/api/v1/vocabularies/organisation_type/import',
    body: { code: 'x' },
    status: 415,
    code: 'unsupported_media_type',
  },
);

describe('bad input on directory routes', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await t.request({
        method: c.method,
        url: c.url(),
        cookie: admin,
        ...(c.raw !== undefined
          ? { payload: c.raw, headers: { 'content-type': 'application/json' } }
          : c.body !== undefined
            ? { payload: (typeof c.body === 'function' ? c.body() : c.body) as object }
            : {}),
      });
      expect(r.statusCode, r.body.slice(0, 300)).toBe(c.status);
      if (c.code) expect(r.json().code).toBe(c.code);
    });
  }

  it('stores SQL-looking and script-looking names as plain text', async () => {
    for (const name of [SQLISH, SCRIPT]) {
      const r = await t.request({
        method: 'POST',
        url: '/api/v1/organisations',
        cookie: admin,
        payload: { name, description: name },
      });
      expect(r.statusCode).toBe(201);
      expect(r.json().data.name).toBe(name);
    }
    const found = await t.request({
      method: 'GET',
      url: `/api/v1/organisations?q=${encodeURIComponent('<script>')}`,
      cookie: admin,
    });
    expect(found.json().data.map((o: { name: string }) => o.name)).toEqual([SCRIPT]);
  });

  it('writes nothing when a request fails', async () => {
    const before = (
      await t.request({ method: 'GET', url: '/api/v1/organisations?limit=1', cookie: admin })
    ).json().total;
    await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      cookie: admin,
      payload: { name: 'Half', typeCode: 'unknown_type' },
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      cookie: admin,
      payload: { name: 'Half', countries: ['PH', 'ZZ'] },
    });
    const after = (
      await t.request({ method: 'GET', url: '/api/v1/organisations?limit=1', cookie: admin })
    ).json().total;
    expect(after).toBe(before);
  });

  it('gives the second of two concurrent edits a 409', async () => {
    const org = await buildOrganisation(t, { name: 'Concurrent' });
    const [a, b] = await Promise.all([
      t.request({
        method: 'PATCH',
        url: `/api/v1/organisations/${org.id}`,
        cookie: admin,
        payload: { acronym: 'A', version: 1 },
      }),
      t.request({
        method: 'PATCH',
        url: `/api/v1/organisations/${org.id}`,
        cookie: admin,
        payload: { acronym: 'B', version: 1 },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const now = (
      await t.request({ method: 'GET', url: `/api/v1/organisations/${org.id}`, cookie: admin })
    ).json().data;
    expect(now.version).toBe(2);
  });
});
