import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Every role × every account-administration action × a target in the actor's own organisation or
// another one (and the actor's own account). 'public' is the absence of a session.
type Actor = Role | 'public';
type Target = 'self' | 'own-org' | 'other-org';

const ALLOWED: Record<string, (actor: Actor, target: Target) => boolean> = {
  'list users': (a) => a === 'administrator' || a === 'secretariat',
  'invite a user': (a) => a === 'administrator',
  'change a role': (a, t) => a === 'administrator' && t !== 'self',
  'suspend an account': (a, t) => a === 'administrator' && t !== 'self',
  'reset 2FA': (a, t) => a === 'administrator' && t !== 'self',
  'read role settings': (a) => a === 'administrator',
  'change role settings': (a) => a === 'administrator',
  'search the audit log': (a) => a === 'administrator',
  'read the outbox': (a) => a === 'administrator',
  'list organisations': (a) => a !== 'public',
};

let t: TestApp;
let otherOrgId: string;
beforeAll(async () => {
  t = await createTestApp();
  otherOrgId = (await buildOrganisation(t)).id;
});
afterAll(() => t.close());

async function attempt(
  action: string,
  cookie: string | undefined,
  selfId: string,
  targetId: string,
  targetOrg: string,
) {
  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'list users':
      return send('GET', '/api/v1/users');
    case 'invite a user':
      return send('POST', '/api/v1/users/invitations', {
        email: `i${Math.random()}@example.org`,
        role: 'viewer',
        organisationId: targetOrg,
      });
    case 'change a role':
      return send('PATCH', `/api/v1/users/${targetId}`, {
        role: 'viewer',
        version: await currentVersion(targetId),
      });
    case 'suspend an account':
      return send('PATCH', `/api/v1/users/${targetId}`, {
        disabled: false,
        version: await currentVersion(targetId),
      });
    case 'reset 2FA':
      return send('POST', `/api/v1/users/${targetId}/two-factor/reset`);
    case 'read role settings':
      return send('GET', '/api/v1/roles');
    case 'change role settings':
      return send('PATCH', '/api/v1/roles/viewer', { requiresTwoFactor: false });
    case 'search the audit log':
      return send('GET', '/api/v1/audit');
    case 'read the outbox':
      return send('GET', '/api/v1/outbox');
    case 'list organisations':
      return send('GET', '/api/v1/organisations');
  }
  throw new Error(`unknown action ${action} ${selfId}`);
}

async function currentVersion(id: string): Promise<number> {
  const { users } = await import('../../platform/auth/schema.ts');
  const { eq } = await import('drizzle-orm');
  const [row] = await t.database.db.select({ v: users.version }).from(users).where(eq(users.id, id));
  return row?.v ?? 1;
}

const cases: [Actor, string, Target][] = [];
for (const actor of [...ROLES, 'public'] as Actor[]) {
  for (const action of Object.keys(ALLOWED)) {
    for (const target of ['self', 'own-org', 'other-org'] as Target[]) cases.push([actor, action, target]);
  }
}

describe('account administration access matrix', () => {
  it.each(cases)('%s may %s (target: %s) only when the policy says so', async (actor, action, target) => {
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor });
    const cookie = actor === 'public' ? undefined : await me.session();
    const targetOrg = target === 'other-org' ? otherOrgId : me.organisationId;
    const targetUser =
      target === 'self' ? me : await buildUser(t, { role: 'viewer', organisationId: targetOrg });
    const response = await attempt(action, cookie, me.id, targetUser.id, targetOrg);
    const allowed = ALLOWED[action]!(actor, target);
    if (allowed) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      expect(response.statusCode, response.body).toBe(actor === 'public' ? 401 : 403);
    }
  });
});
