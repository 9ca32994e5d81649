import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';
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

/**
 * The organisation a Get-help request goes to: one with an intake desk in the destination country,
 * else the earliest intake desk anywhere. Undefined when nobody receives intake.
 */
export async function intakeOrganisation(
  tx: Tx,
  destinationCountry: string | null,
): Promise<string | undefined> {
  const rows = await tx
    .select({ organisationId: caseSupervisors.organisationId, country: organisations.countryCode })
    .from(caseSupervisors)
    .innerJoin(organisations, eq(organisations.id, caseSupervisors.organisationId))
    .where(eq(caseSupervisors.receivesIntake, true))
    .orderBy(asc(caseSupervisors.createdAt));
  return (rows.find((r) => destinationCountry && r.country === destinationCountry) ?? rows[0])
    ?.organisationId;
}
