import { generateSync } from 'otplib';
import type { Role } from '../../shared/roles.ts';
import { organisations } from '../modules/directory/schema.ts';
import { randomToken, sha256 } from '../platform/auth/crypto.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { insertSession, insertUser, updateUser } from '../platform/auth/repository.ts';
import { newTotpSecret } from '../platform/auth/totp.ts';
import { sessionCookieOf, type TestApp } from './harness.ts';

let counter = 0;
const PASSWORD = 'correct horse battery staple';

export async function buildOrganisation(t: TestApp, values: Partial<typeof organisations.$inferInsert> = {}) {
  counter += 1;
  const [row] = await t.database.db
    .insert(organisations)
    .values({ name: `Organisation ${counter}`, published: false, ...values })
    .returning();
  return row!;
}

export interface BuiltUser {
  id: string;
  email: string;
  password: string;
  organisationId: string;
  role: Role;
  totpSecret?: string;
  /** Signs in (with a TOTP code when enrolled) and returns the session cookie. */
  signIn(): Promise<string>;
  /** A fresh, fully signed-in session made directly in the database (no rate limits, no TOTP step). */
  session(): Promise<string>;
}

/** A user with a known password; roles that require 2FA get it enrolled so they can act. */
export async function buildUser(
  t: TestApp,
  options: { role?: Role; organisationId?: string; totp?: boolean; email?: string; name?: string } = {},
): Promise<BuiltUser> {
  counter += 1;
  const role = options.role ?? 'viewer';
  const organisationId = options.organisationId ?? (await buildOrganisation(t)).id;
  const email = options.email ?? `user${counter}.${Date.now()}@example.org`;
  const wantsTotp =
    options.totp ?? (role === 'network_administrator' || role === 'administrator' || role === 'case_worker');
  const totpSecret = wantsTotp ? newTotpSecret() : undefined;
  const user = await insertUser(t.database.db, {
    organisationId,
    email,
    name: options.name ?? `Person ${counter}`,
    role,
    passwordHash: await hashPassword(PASSWORD),
  });
  if (totpSecret) await updateUser(t.database.db, user.id, { totpSecret, totpEnabled: true });
  // A code is accepted once; a second sign-in within the same 30 s uses the next step's code,
  // which the one-step drift allowance accepts.
  let lastStep = 0;
  const freshCode = (secret: string) => {
    const step = Math.max(Math.floor(Date.now() / 30_000), lastStep + 1);
    lastStep = step;
    return generateSync({ secret, epoch: step * 30 });
  };
  return {
    id: user.id,
    email,
    password: PASSWORD,
    organisationId,
    role,
    totpSecret,
    async session() {
      const token = randomToken();
      await insertSession(t.database.db, {
        tokenHash: sha256(token),
        userId: user.id,
        stage: 'active',
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return `tulay_session=${token}`;
    },
    async signIn() {
      const login = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
      const cookie = sessionCookieOf(login);
      if (!totpSecret) return cookie;
      const second = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/second-factor',
        cookie,
        payload: { code: freshCode(totpSecret) },
      });
      if (second.statusCode !== 200)
        throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
      return sessionCookieOf(second);
    },
  };
}

export function totpCode(secret: string): string {
  return generateSync({ secret });
}
