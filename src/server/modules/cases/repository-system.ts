import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { caseFiles, caseKeys, cases } from './schema.ts';

// Runs under withCaseSystem: the role may read only the non-identifying columns it was granted
// (migration cases_rls), so selecting a ciphertext column here fails instead of leaking.

export async function keysNotWrappedBy(tx: Tx, activeId: string, limit: number) {
  return tx
    .select({ caseId: caseKeys.caseId, masterKeyId: caseKeys.masterKeyId, wrappedKey: caseKeys.wrappedKey })
    .from(caseKeys)
    .where(ne(caseKeys.masterKeyId, activeId))
    .limit(limit);
}

export async function rewrapKey(
  tx: Tx,
  caseId: string,
  fromId: string,
  next: { masterKeyId: string; wrappedKey: string },
) {
  await tx
    .update(caseKeys)
    .set({ ...next, rotatedAt: new Date() })
    .where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.masterKeyId, fromId)));
}

/** Closed cases whose retention period is over and whose identifying data still exists. */
export async function casesDueForShredding(tx: Tx, now: Date, limit: number) {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(lt(cases.retentionUntil, now), isNull(cases.shreddedAt)))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function fileBlobsOf(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ blob: caseFiles.blobSha256 })
    .from(caseFiles)
    .where(eq(caseFiles.caseId, caseId));
  return rows.map((r) => r.blob);
}

/** Destroys the data key (crypto-shredding) and clears the ciphertext columns too. */
export async function shredCase(tx: Tx, caseId: string, now: Date): Promise<void> {
  await tx.delete(caseKeys).where(eq(caseKeys.caseId, caseId));
  await tx
    .update(cases)
    .set({ clientEnc: null, narrativeEnc: null, shreddedAt: now, updatedAt: now })
    .where(eq(cases.id, caseId));
}
