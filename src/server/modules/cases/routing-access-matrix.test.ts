import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/harness.ts';
import { createCaseTestApp, type Person, person } from './test-support.ts';

// Intake routing: every role and the public × read / update, through the real HTTP API.
const READ: Role[] = ['network_administrator', 'administrator', 'secretariat'];
const UPDATE: Role[] = ['network_administrator'];

let t: TestApp;
const people = new Map<Role, Person>();
let target: string;
beforeAll(async () => {
  t = await createCaseTestApp();
  const org = await buildOrganisation(t, { name: 'Own organisation' });
  target = (await buildOrganisation(t, { name: 'Another organisation' })).id;
  for (const role of ROLES) people.set(role, await person(t, role, org.id));
});
afterAll(() => t.close());

describe('intake routing access matrix', () => {
  it.each(ROLES.map((r) => [r] as const))('%s', async (role) => {
    const cookie = people.get(role)!.cookie;
    const read = await t.request({ method: 'GET', url: '/api/v1/intake-routing', cookie });
    expect(read.statusCode).toBe(READ.includes(role) ? 200 : 403);
    const { version } = (
      await t.request({
        method: 'GET',
        url: '/api/v1/intake-routing',
        cookie: people.get('network_administrator')!.cookie,
      })
    ).json().data;
    const write = await t.request({
      method: 'PUT',
      url: '/api/v1/intake-routing',
      cookie,
      payload: { organisationId: target, version },
    });
    expect(write.statusCode).toBe(UPDATE.includes(role) ? 200 : 403);
  });

  it('the public can do neither', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/intake-routing' })).statusCode).toBe(401);
    const write = await t.request({
      method: 'PUT',
      url: '/api/v1/intake-routing',
      payload: { organisationId: target, version: 1 },
    });
    expect(write.statusCode).toBe(401);
  });
});
