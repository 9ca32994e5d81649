import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { caseSupervisors } from './schema.ts';

// Case supervisors are not case data: the table has no row-level security and is managed as owner.

export async function listSupervisors(tx: Tx, organisationId: string) {
  return tx
    .select({
      userId: caseSupervisors.userId,
      name: users.name,
      email: users.email,
      role: users.role,
      receivesIntake: caseSupervisors.receivesIntake,
      createdAt: caseSupervisors.createdAt,
    })
    .from(caseSupervisors)
    .innerJoin(users, eq(users.id, caseSupervisors.userId))
    .where(eq(caseSupervisors.organisationId, organisationId))
    .orderBy(asc(users.name));
}

export async function upsertSupervisor(tx: Tx, values: typeof caseSupervisors.$inferInsert) {
  await tx
    .insert(caseSupervisors)
    .values(values)
    .onConflictDoUpdate({
      target: [caseSupervisors.userId, caseSupervisors.organisationId],
      set: { receivesIntake: values.receivesIntake },
    });
}

export async function deleteSupervisor(tx: Tx, organisationId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(caseSupervisors)
    .where(and(eq(caseSupervisors.organisationId, organisationId), eq(caseSupervisors.userId, userId)))
    .returning({ userId: caseSupervisors.userId });
  return rows.length > 0;
}

export async function findUserForGrant(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: users.id,
      organisationId: users.organisationId,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, id));
  return row;
}
