import { eq, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseIntakeAccess, intakeSpentChallenges } from './schema.ts';

// Come-back credentials and spent challenges: owner-only tables (no case role may read them).

/** Records a challenge as spent; false when it was spent before (a replay). */
export async function spendChallenge(tx: Tx, challengeHash: string, expiresAt: Date): Promise<boolean> {
  await tx.delete(intakeSpentChallenges).where(lt(intakeSpentChallenges.expiresAt, new Date()));
  const rows = await tx
    .insert(intakeSpentChallenges)
    .values({ challengeHash, expiresAt })
    .onConflictDoNothing()
    .returning({ h: intakeSpentChallenges.challengeHash });
  return rows.length > 0;
}

export async function insertIntakeAccess(tx: Tx, values: typeof caseIntakeAccess.$inferInsert) {
  await tx.insert(caseIntakeAccess).values(values);
}

export async function findIntakeAccess(tx: Tx, reference: string) {
  const [row] = await tx.select().from(caseIntakeAccess).where(eq(caseIntakeAccess.reference, reference));
  return row;
}
