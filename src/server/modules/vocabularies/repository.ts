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

/** Rows per statement when an import writes terms: few statements, each well under the parameter limit. */
const CHUNK = 1000;

/** Inserts many terms in a few statements; answers each new term's id by code. */
export async function insertTerms(tx: Tx, values: (typeof vocabularyTerms.$inferInsert)[]) {
  const ids = new Map<string, string>();
  for (let i = 0; i < values.length; i += CHUNK) {
    const rows = await tx
      .insert(vocabularyTerms)
      .values(values.slice(i, i + CHUNK))
      .returning({ id: vocabularyTerms.id, code: vocabularyTerms.code });
    for (const r of rows) ids.set(r.code, r.id);
  }
  return ids;
}

export interface TermChange {
  id: string;
  parentId: string | null;
  position: number;
  labels: Record<string, string>;
  scopeNote: string | null;
  retiredAt: Date | null;
}

/** Applies many unconditional term changes (an import holding the vocabulary), a chunk per statement. */
export async function updateTerms(tx: Tx, changes: TermChange[]) {
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = changes.slice(i, i + CHUNK).map((c) => ({
      id: c.id,
      parent_id: c.parentId,
      position: c.position,
      labels: c.labels,
      scope_note: c.scopeNote,
      retired_at: c.retiredAt?.toISOString() ?? null,
    }));
    await tx.execute(sql`
      update vocabulary_terms t set parent_id = v.parent_id, position = v.position, labels = v.labels,
             scope_note = v.scope_note, retired_at = v.retired_at, updated_at = now(), version = t.version + 1
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
           as v(id uuid, parent_id uuid, position int, labels jsonb, scope_note text, retired_at timestamptz)
      where t.id = v.id`);
  }
}
