import { and, asc, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.ts';
import { oneTimeTokens, users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';

export interface UserListFilter {
  q?: string;
  role?: string;
  organisationId?: string;
  after?: string;
  limit: number;
}

const columns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  totpEnabled: users.totpEnabled,
  disabled: sql<boolean>`${users.disabledAt} is not null`,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
  version: users.version,
};

/** Accounts ordered by email, keyset-paginated after the last email seen. */
export async function listUsers(tx: Tx, f: UserListFilter) {
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return tx
    .select(columns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        pattern ? sql`(${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})` : undefined,
        f.role ? eq(users.role, f.role) : undefined,
        f.organisationId ? eq(users.organisationId, f.organisationId) : undefined,
        f.after ? gt(sql`lower(${users.email})`, f.after) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${users.email})`))
    .limit(f.limit);
}

export async function findUser(tx: Tx, id: string) {
  const [row] = await tx
    .select(columns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return row;
}

/** Applies a change only if nobody changed the account since `version` was read. */
export async function updateUserIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof users.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ ...values, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length > 0;
}

const inviter = alias(users, 'inviter');

const invitationColumns = {
  id: oneTimeTokens.id,
  email: sql<string>`${oneTimeTokens.email}`,
  role: sql<string>`${oneTimeTokens.role}`,
  organisationId: sql<string>`${oneTimeTokens.organisationId}`,
  organisationName: organisations.name,
  invitedByName: inviter.name,
  createdAt: oneTimeTokens.createdAt,
  expiresAt: oneTimeTokens.expiresAt,
};

/**
 * Invitations nobody has accepted, resent or revoked yet (their link still opens, or has just
 * run out), newest first, keyset-paginated after the (created, id) of the last row seen.
 */
export async function listPendingInvitations(
  tx: Tx,
  f: { organisationId?: string; after?: { at: Date; id: string }; limit: number },
) {
  return tx
    .select(invitationColumns)
    .from(oneTimeTokens)
    .innerJoin(organisations, eq(organisations.id, oneTimeTokens.organisationId))
    .leftJoin(inviter, eq(inviter.id, oneTimeTokens.createdBy))
    .where(
      and(
        eq(oneTimeTokens.purpose, 'invitation'),
        isNull(oneTimeTokens.usedAt),
        f.organisationId ? eq(oneTimeTokens.organisationId, f.organisationId) : undefined,
        f.after
          ? or(
              lt(oneTimeTokens.createdAt, f.after.at),
              and(eq(oneTimeTokens.createdAt, f.after.at), lt(oneTimeTokens.id, f.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(oneTimeTokens.createdAt), desc(oneTimeTokens.id))
    .limit(f.limit);
}

/** One invitation that is still pending (not accepted, resent or revoked), or undefined. */
export async function findPendingInvitation(tx: Tx, id: string) {
  const [row] = await tx
    .select(invitationColumns)
    .from(oneTimeTokens)
    .innerJoin(organisations, eq(organisations.id, oneTimeTokens.organisationId))
    .leftJoin(inviter, eq(inviter.id, oneTimeTokens.createdBy))
    .where(
      and(eq(oneTimeTokens.id, id), eq(oneTimeTokens.purpose, 'invitation'), isNull(oneTimeTokens.usedAt)),
    );
  return row;
}
