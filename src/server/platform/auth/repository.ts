import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../../modules/directory/schema.ts';
import { oneTimeTokens, recoveryCodes, roleSettings, sessions, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type TokenRow = typeof oneTimeTokens.$inferSelect;

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function countUsers(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertUser(tx: Tx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  tx: Tx,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await tx
    .update(users)
    .set({ ...values, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

/** Counts a failed sign-in and locks the account once `max` failures follow each other. */
export async function recordLoginFailure(
  tx: Tx,
  id: string,
  max: number,
  lockMinutes: number,
): Promise<void> {
  await tx
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${max}
        then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id));
}

export async function clearLoginFailures(tx: Tx, id: string): Promise<void> {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function insertSession(tx: Tx, values: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [row] = await tx.insert(sessions).values(values).returning();
  return row!;
}

/**
 * The live session of a token with its user and whether the user's role requires 2FA: one
 * statement, because every signed-in request starts here.
 */
export async function findLiveSession(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ session: sessions, user: users, roleRequiresTwoFactor: roleSettings.requiresTwoFactor })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleSettings, eq(roleSettings.role, users.role))
    .where(
      and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)),
    );
  return row;
}

export async function touchSession(tx: Tx, id: string): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function updateSession(tx: Tx, id: string, values: Partial<typeof sessions.$inferInsert>) {
  await tx.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function listLiveSessions(tx: Tx, userId: string): Promise<SessionRow[]> {
  return tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

/** Revokes one session of this user; returns false when there was no such live session. */
export async function revokeSession(tx: Tx, userId: string, sessionId: string): Promise<boolean> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeAllSessions(tx: Tx, userId: string, exceptSessionId?: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );
}

export async function insertToken(tx: Tx, values: typeof oneTimeTokens.$inferInsert): Promise<TokenRow> {
  const [row] = await tx.insert(oneTimeTokens).values(values).returning();
  return row!;
}

export async function findUsableToken(
  tx: Tx,
  purpose: string,
  tokenHash: string,
): Promise<TokenRow | undefined> {
  const [row] = await tx
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.purpose, purpose),
        eq(oneTimeTokens.tokenHash, tokenHash),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/** Marks a token used; false if another request used it first (so a link works exactly once). */
export async function consumeToken(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(oneTimeTokens.id, id), isNull(oneTimeTokens.usedAt)))
    .returning({ id: oneTimeTokens.id });
  return rows.length > 0;
}

export async function expireTokens(tx: Tx, purpose: string, email?: string): Promise<void> {
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        email ? sql`lower(${oneTimeTokens.email}) = lower(${email})` : undefined,
      ),
    );
}

export async function replaceRecoveryCodes(tx: Tx, userId: string, hashes: string[]): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length) await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

export async function consumeRecoveryCode(tx: Tx, userId: string, codeHash: string): Promise<boolean> {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function roleRequiresTwoFactor(tx: Tx, role: string): Promise<boolean> {
  const [row] = await tx.select().from(roleSettings).where(eq(roleSettings.role, role));
  return row?.requiresTwoFactor ?? false;
}

export async function listRoleSettings(tx: Tx) {
  return tx.select().from(roleSettings).orderBy(roleSettings.role);
}

export async function setRoleRequiresTwoFactor(tx: Tx, role: string, requires: boolean): Promise<void> {
  await tx
    .insert(roleSettings)
    .values({ role, requiresTwoFactor: requires })
    .onConflictDoUpdate({
      target: roleSettings.role,
      set: { requiresTwoFactor: requires, updatedAt: new Date() },
    });
}

export async function organisationName(tx: Tx, id: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.name;
}

/** Whether this session opened an emailed 2FA enrolment link. */
export async function sessionProvedEnrolment(tx: Tx, sessionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ at: sessions.enrolmentProvenAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return !!row?.at;
}
