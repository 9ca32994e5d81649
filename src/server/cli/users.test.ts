import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../testing/factories.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../testing/harness.ts';
import { CliFailure, UsageError } from './args.ts';
import { parseUsersArgs, runUsersAction } from './users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Runs `tulay users …` against the test database, returning what it printed. */
async function users(...args: string[]): Promise<string> {
  const printed: string[] = [];
  await runUsersAction(t.database, t.config, parseUsersArgs(args), (s) => printed.push(s));
  return printed.join('\n');
}

const lastAudit = async (action: string) => {
  const r = await t.database.pool.query(
    'select actor_email, outcome, resource_id, details from audit_events where action = $1 order by id desc limit 1',
    [action],
  );
  return r.rows[0];
};

describe('tulay users: usage', () => {
  it.each([
    [[], /Missing users command/],
    [['promote'], /Unknown users command: promote/],
    [
      ['create', '--email', 'x@example.org', '--name', 'X', '--role', 'boss', '--organisation', 'O'],
      /--role: Invalid option/,
    ],
    [
      ['create', '--email', 'not-an-email', '--name', 'X', '--role', 'viewer', '--organisation', 'O'],
      /--email: Invalid email/,
    ],
    [['create', '--email', 'x@example.org'], /--name: required[\s\S]*--organisation: required/],
    [['disable'], /--email: required/],
    [['disable', '--email', 'a@example.org', '--email', 'b@example.org'], /--email is given twice/],
    [['disable', '--email'], /--email needs a value/],
    [['list', '--all', 'yes'], /--all: unknown option/],
    [['list', 'extra'], /Unexpected argument: extra/],
  ])('%j is refused as bad usage', (args, message) => {
    expect(() => parseUsersArgs(args)).toThrow(UsageError);
    expect(() => parseUsersArgs(args)).toThrow(message);
  });
});

describe('tulay users create', () => {
  it('creates an account without a password and prints a single-use link that sets one', async () => {
    const org = await buildOrganisation(t, { name: 'Kanlungan Centre', acronym: 'KCF' });
    const out = await users(
      'create',
      '--email',
      'Rosa@Example.org',
      '--name',
      'Rosa Dela Cruz',
      '--role',
      'secretariat',
      '--organisation',
      'kcf',
    );
    expect(out).toContain('Created rosa@example.org (secretariat, Kanlungan Centre)');
    const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(out)?.[1];
    expect(token).toBeTruthy();
    const row = await t.database.pool.query(
      'select password_hash, organisation_id from users where email = $1',
      ['rosa@example.org'],
    );
    expect(row.rows[0]).toEqual({ password_hash: null, organisation_id: org.id });
    const expires = await t.database.pool.query(
      "select expires_at > now() + interval '6 days' as long from one_time_tokens where purpose = 'password_reset' and email = $1",
      ['rosa@example.org'],
    );
    expect(expires.rows[0].long).toBe(true);
    expect(await lastAudit('cli.users.create')).toMatchObject({ actor_email: 'cli', outcome: 'success' });

    const password = 'a long enough passphrase';
    const set = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password },
    });
    expect(set.statusCode).toBe(204);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'rosa@example.org', password },
    });
    expect(login.statusCode).toBe(200);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password },
    });
    expect(again.statusCode).toBe(410);
  });

  it('refuses a taken email, an unknown and an ambiguous organisation, and audits the refusal', async () => {
    const taken = await buildUser(t);
    await expect(
      users('create', '--email', taken.email, '--name', 'N', '--role', 'viewer', '--organisation', 'x'),
    ).rejects.toThrow(/already exists/);
    expect(await lastAudit('cli.users.create')).toMatchObject({ actor_email: 'cli', outcome: 'failed' });
    await expect(
      users(
        'create',
        '--email',
        'n1@example.org',
        '--name',
        'N',
        '--role',
        'viewer',
        '--organisation',
        'Nowhere',
      ),
    ).rejects.toThrow(CliFailure);
    await buildOrganisation(t, { name: 'Alpha Workers', acronym: 'AW' });
    await buildOrganisation(t, { name: 'Asian Women', acronym: 'AW' });
    await expect(
      users('create', '--email', 'n2@example.org', '--name', 'N', '--role', 'viewer', '--organisation', 'aw'),
    ).rejects.toThrow(/matches several organisations: Alpha Workers \(AW\); Asian Women \(AW\)/);
    // An organisation merged into another takes no new accounts.
    const kept = await buildOrganisation(t, { name: 'Kept Org' });
    await buildOrganisation(t, { name: 'Merged Org', mergedIntoId: kept.id });
    await expect(
      users(
        'create',
        '--email',
        'n3@example.org',
        '--name',
        'N',
        '--role',
        'viewer',
        '--organisation',
        'Merged Org',
      ),
    ).rejects.toThrow(/No organisation is named or abbreviated "Merged Org"/);
    // The full name settles it even when it is also someone's acronym.
    await expect(
      users(
        'create',
        '--email',
        'n2@example.org',
        '--name',
        'N',
        '--role',
        'viewer',
        '--organisation',
        'Asian Women',
      ),
    ).resolves.toContain('Asian Women');
  });
});

describe('tulay users disable / reset-2fa / list', () => {
  it('disables an account and ends its sessions', async () => {
    const user = await buildUser(t, { role: 'viewer' });
    const cookie = await user.signIn();
    expect(await users('disable', '--email', user.email.toUpperCase())).toContain('is disabled');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).not.toBe(200);
    expect(await users('disable', '--email', user.email)).toContain('already disabled');
    expect(await lastAudit('cli.users.disable')).toMatchObject({ actor_email: 'cli', resource_id: user.id });
    await expect(users('disable', '--email', 'nobody@example.org')).rejects.toThrow(
      /No account has the email nobody@example.org/,
    );
  });

  it('clears two-factor enrolment and recovery codes, so the next sign-in enrols again', async () => {
    const user = await buildUser(t, { role: 'case_worker' });
    const cookie = await user.signIn();
    await t.database.pool.query("insert into recovery_codes (user_id, code_hash) values ($1, 'x')", [
      user.id,
    ]);
    expect(await users('reset-2fa', '--email', user.email)).toContain('cleared');
    const row = await t.database.pool.query(
      'select totp_secret, totp_enabled, (select count(*)::int from recovery_codes where user_id = $1) as codes from users where id = $1',
      [user.id],
    );
    expect(row.rows[0]).toEqual({ totp_secret: null, totp_enabled: false, codes: 0 });
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(401);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(200);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: sessionCookieOf(login) });
    expect(me.json().data).toMatchObject({ mustEnrolTotp: true });
    expect(await lastAudit('cli.users.reset-2fa')).toMatchObject({
      outcome: 'success',
      details: { hadTwoFactor: true },
    });
  });

  it('lists every account with its organisation, 2FA and disabled state', async () => {
    const org = await buildOrganisation(t, { name: 'Listed Org 🌏' });
    const user = await buildUser(t, { role: 'administrator', organisationId: org.id, name: 'Listed Person' });
    const out = await users('list');
    const header = out.split('\n')[0];
    expect(header).toMatch(/^EMAIL\s+NAME\s+ROLE\s+ORGANISATION\s+2FA\s+DISABLED$/);
    const line = out.split('\n').find((l) => l.startsWith(user.email));
    expect(line).toMatch(/Listed Person\s+administrator\s+Listed Org 🌏\s+yes/);
    expect(await lastAudit('cli.users.list')).toMatchObject({ actor_email: 'cli', outcome: 'success' });
  });
});
