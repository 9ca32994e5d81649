import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

// Every role × every account-administration action × a target in the actor's own organisation or
// another one (and the actor's own account). 'public' is the absence of a session. An
// organisation's administrator acts within their organisation only; a network administrator
// acts across organisations and keeps the platform's settings (docs/decisions/0005).
type Actor = Role | 'public';
type Target = 'self' | 'own-org' | 'other-org';

const admin = (a: Actor) => a === 'administrator' || a === 'network_administrator';
const network = (a: Actor) => a === 'network_administrator';
/** May act on an account: a network administrator on any, an administrator within their organisation. */
const administers = (a: Actor, t: Target) => network(a) || (a === 'administrator' && t !== 'other-org');

const ALLOWED: Record<string, (actor: Actor, target: Target) => boolean> = {
  /** Allowed = the target's account is in the list the actor gets. */
  'list users': (a, t) => network(a) || ((admin(a) || a === 'secretariat') && t !== 'other-org'),
  'invite a user': (a, t) => administers(a, t),
  'invite a network administrator': (a) => network(a),
  /** Allowed = a pending invitation into the target's organisation is in the list the actor gets. */
  'list invitations': (a, t) => administers(a, t),
  'resend an invitation': (a, t) => administers(a, t),
  'revoke an invitation': (a, t) => administers(a, t),
  'change a role': (a, t) => administers(a, t) && t !== 'self',
  'make a network administrator': (a, t) => network(a) && t !== 'self',
  'suspend an account': (a, t) => administers(a, t) && t !== 'self',
  'reset 2FA': (a, t) => administers(a, t) && t !== 'self',
  'read role settings': (a) => admin(a),
  'change role settings': (a) => network(a),
  'search the audit log': (a) => network(a),
  'add a vocabulary': (a) => network(a),
  /** Allowed = the mail written to the target's organisation is in the outbox the actor gets. */
  'read the outbox': (a, t) => network(a) || (a === 'administrator' && t !== 'other-org'),
  'list organisations': (a) => a !== 'public',
};

/** Actions whose answer does not depend on whose account is the target: tried once, not three times. */
const PLATFORM_WIDE = new Set([
  'read role settings',
  'change role settings',
  'search the audit log',
  'add a vocabulary',
  'list organisations',
]);
/** Actions answered with a list: allowed means the target is in it, refused means absent or 401/403. */
const LISTS = new Set(['list users', 'read the outbox', 'list invitations']);
/** Actions on an invitation into an organisation: the target is the organisation, never an account. */
const INVITATIONS = new Set(['list invitations', 'resend an invitation', 'revoke an invitation']);

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
  target: { id: string; email: string },
  targetOrg: string,
) {
  const targetId = target.id;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie, ...(payload ? { payload } : {}) });
  switch (action) {
    case 'list users':
      return send('GET', `/api/v1/users?q=${encodeURIComponent(target.email)}`);
    case 'invite a user':
    case 'invite a network administrator':
      return send('POST', '/api/v1/users/invitations', {
        email: `i${Math.random()}@example.org`,
        role: action === 'invite a user' ? 'viewer' : 'network_administrator',
        organisationId: targetOrg,
      });
    case 'list invitations':
      await pendingInvitation(target.email, targetOrg);
      return send('GET', '/api/v1/users/invitations?limit=200');
    case 'resend an invitation':
      return send(
        'POST',
        `/api/v1/users/invitations/${await pendingInvitation(`r${target.email}`, targetOrg)}/resend`,
      );
    case 'revoke an invitation':
      return send(
        'DELETE',
        `/api/v1/users/invitations/${await pendingInvitation(`r${target.email}`, targetOrg)}`,
      );
    case 'change a role':
      return send('PATCH', `/api/v1/users/${targetId}`, {
        role: 'viewer',
        version: await currentVersion(targetId),
      });
    case 'make a network administrator':
      return send('PATCH', `/api/v1/users/${targetId}`, {
        role: 'network_administrator',
        version: await currentVersion(targetId),
      });
    case 'suspend an account':
      return send('PATCH', `/api/v1/users/${targetId}`, {
        disabled: false,
        version: await currentVersion(targetId),
      });
    case 'reset 2FA':
      return send('POST', `/api/v1/users/${targetId}/two-factor/reset`, {
        reason: 'Lost the phone; checked in person.',
      });
    case 'read role settings':
      return send('GET', '/api/v1/roles');
    case 'change role settings':
      return send('PATCH', '/api/v1/roles/viewer', { requiresTwoFactor: false });
    case 'search the audit log':
      return send('GET', '/api/v1/audit');
    case 'add a vocabulary':
      return send('POST', '/api/v1/vocabularies', {
        key: `matrix_${Math.random().toString(36).slice(2, 10)}`,
        labels: { en: 'Matrix' },
      });
    case 'read the outbox':
      // A mail written to the target (a password-reset request anyone may make).
      await send('POST', '/api/v1/auth/password-reset', { email: target.email });
      return send('GET', '/api/v1/outbox?limit=500');
    case 'list organisations':
      return send('GET', '/api/v1/organisations');
  }
  throw new Error(`unknown action ${action} ${selfId}`);
}

/** A pending invitation of a viewer into `organisationId`, written directly; returns its id. */
async function pendingInvitation(email: string, organisationId: string): Promise<string> {
  const { oneTimeTokens } = await import('../../platform/auth/schema.ts');
  const [row] = await t.database.db
    .insert(oneTimeTokens)
    .values({
      purpose: 'invitation',
      tokenHash: `matrix-${Math.random()}`,
      email: `invited.${email}`,
      organisationId,
      role: 'viewer',
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: oneTimeTokens.id });
  return row!.id;
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
    const targets: Target[] = PLATFORM_WIDE.has(action)
      ? ['own-org']
      : INVITATIONS.has(action)
        ? ['own-org', 'other-org']
        : ['self', 'own-org', 'other-org'];
    for (const target of targets) cases.push([actor, action, target]);
  }
}

describe('account administration access matrix', () => {
  it.each(cases)('%s may %s (target: %s) only when the policy says so', async (actor, action, target) => {
    const me = await buildUser(t, { role: actor === 'public' ? 'viewer' : actor });
    const cookie = actor === 'public' ? undefined : await me.session();
    const targetOrg = target === 'other-org' ? otherOrgId : me.organisationId;
    const targetUser =
      target === 'self' ? me : await buildUser(t, { role: 'viewer', organisationId: targetOrg, totp: false });
    const response = await attempt(action, cookie, me.id, targetUser, targetOrg);
    const allowed = ALLOWED[action]!(actor, target);
    if (LISTS.has(action) && response.statusCode === 200) {
      const listed = response
        .json()
        .data.some((r: { email?: string; to?: string }) =>
          [r.email, r.to].some((e) => e === targetUser.email || e === `invited.${targetUser.email}`),
        );
      expect(listed, response.body).toBe(allowed);
    } else if (allowed) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      expect(response.statusCode, response.body).toBe(actor === 'public' ? 401 : 403);
    }
  });
});
