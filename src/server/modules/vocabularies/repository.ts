import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { vocabularies, vocabularyTerms } from './schema.ts';

export type TermRow = typeof vocabularyTerms.$inferSelect;
export type VocabularyRow = typeof vocabularies.$inferSelect;

export async function listVocabularies(tx: Tx) {
  return tx.select().from(vocabularies).orderBy(asc(vocabularies.key));
}

export async function findVocabulary(tx: Tx, key: string) {
  const [row] = await tx.select().from(vocabularies).where(eq(vocabularies.key, key));
  return row;
}

export async function insertVocabulary(tx: Tx, values: typeof vocabularies.$inferInsert) {
  const [row] = await tx.insert(vocabularies).values(values).onConflictDoNothing().returning();
  return row;
}

/** The vocabulary's terms revision (changed by triggers on any change to its terms), or undefined. */
export async function termsRevision(tx: Tx, key: string): Promise<number | undefined> {
  const [row] = await tx
    .select({ revision: vocabularies.termsRevision })
    .from(vocabularies)
    .where(eq(vocabularies.key, key));
  return row?.revision;
}

/** Every term of a vocabulary, retired ones included, in display order (parents before children is up to the caller). */
export async function listTerms(tx: Tx, key: string, includeRetired = true) {
  return tx
    .select()
    .from(vocabularyTerms)
    .where(
      and(
        eq(vocabularyTerms.vocabularyKey, key),
        includeRetired ? undefined : isNull(vocabularyTerms.retiredAt),
      ),
    )
    .orderBy(asc(vocabularyTerms.position), asc(vocabularyTerms.code));
}

export async function findTerm(tx: Tx, key: string, code: string) {
  const [row] = await tx
    .select()
    .from(vocabularyTerms)
    .where(and(eq(vocabularyTerms.vocabularyKey, key), eq(vocabularyTerms.code, code)));
  return row;
}

export async function findTermById(tx: Tx, id: string) {
  const [row] = await tx.select().from(vocabularyTerms).where(eq(vocabularyTerms.id, id));
  return row;
}

export async function findTermsByCodes(tx: Tx, key: string, codes: string[]) {
  if (codes.length === 0) return [];
  return tx
    .select()
    .from(vocabularyTerms)
    .where(and(eq(vocabularyTerms.vocabularyKey, key), inArray(vocabularyTerms.code, codes)));
}

/** A term's code and the codes of every term below it, at any depth. */
export async function codesUnder(tx: Tx, key: string, code: string): Promise<string[]> {
  const result = await tx.execute(sql`
    with recursive sub as (
      select id, code from ${vocabularyTerms} where vocabulary_key = ${key} and code = ${code}
      union all
      select t.id, t.code from ${vocabularyTerms} t join sub on t.parent_id = sub.id
    )
    select code from sub`);
  return (result.rows as { code: string }[]).map((r) => r.code);
}

export async function insertTerm(tx: Tx, values: typeof vocabularyTerms.$inferInsert) {
  const [row] = await tx.insert(vocabularyTerms).values(values).returning();
  return row!;
}

/** Applies a change only if the term is still at `version`; answers the new row or undefined. */
export async function updateTermIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof vocabularyTerms.$inferInsert>,
) {
  const [row] = await tx
    .update(vocabularyTerms)
    .set({ ...values, updatedAt: new Date(), version: sql`${vocabularyTerms.version} + 1` })
    .where(and(eq(vocabularyTerms.id, id), eq(vocabularyTerms.version, version)))
    .returning();
  return row;
}

/** Unconditional update, for imports that already hold the vocabulary. */
export async function updateTerm(tx: Tx, id: string, values: Partial<typeof vocabularyTerms.$inferInsert>) {
  await tx
    .update(vocabularyTerms)
    .set({ ...values, updatedAt: new Date(), version: sql`${vocabularyTerms.version} + 1` })
    .where(eq(vocabularyTerms.id, id));
}
