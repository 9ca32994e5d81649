import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { people } from '../people/schema.ts';
import { publicationFiles, publications } from './schema.ts';

export type PublicationRow = typeof publications.$inferSelect;
export type PublicationInsert = typeof publications.$inferInsert;
export type FileRow = typeof publicationFiles.$inferSelect;

export async function listPublications(
  tx: Tx,
  f: { publicOnly: boolean; type?: string; before?: { createdAt: Date; id: string }; limit: number },
) {
  return tx
    .select({
      id: publications.id,
      title: publications.title,
      typeCode: publications.typeCode,
      publishedOn: publications.publishedOn,
      isPublic: publications.isPublic,
      createdAt: publications.createdAt,
      version: publications.version,
    })
    .from(publications)
    .where(
      and(
        f.publicOnly ? eq(publications.isPublic, true) : undefined,
        f.type ? eq(publications.typeCode, f.type) : undefined,
        f.before
          ? or(
              lt(publications.createdAt, f.before.createdAt),
              and(eq(publications.createdAt, f.before.createdAt), lt(publications.id, f.before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(publications.createdAt), desc(publications.id))
    .limit(f.limit);
}

export async function findPublication(tx: Tx, id: string) {
  const [row] = await tx.select().from(publications).where(eq(publications.id, id));
  return row;
}

export async function insertPublication(tx: Tx, values: PublicationInsert) {
  const [row] = await tx.insert(publications).values(values).returning();
  return row!;
}

export async function updatePublicationIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<PublicationInsert>,
) {
  const [row] = await tx
    .update(publications)
    .set({ ...values, updatedAt: new Date(), version: sql`${publications.version} + 1` })
    .where(and(eq(publications.id, id), eq(publications.version, version)))
    .returning();
  return row;
}

export async function deletePublication(tx: Tx, id: string) {
  await tx.delete(publications).where(eq(publications.id, id));
}

/** Bumps the record's version and time when its files change (a new version is an edit). */
export async function touchPublication(tx: Tx, id: string) {
  const [row] = await tx
    .update(publications)
    .set({ updatedAt: new Date(), version: sql`${publications.version} + 1` })
    .where(eq(publications.id, id))
    .returning();
  return row!;
}

export async function organisationsByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      typeCode: organisations.typeCode,
    })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

export async function peopleByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
}

/** Every file version of a publication, newest version of each file first. */
export async function filesOf(tx: Tx, publicationId: string) {
  return tx
    .select({
      id: publicationFiles.id,
      fileGroupId: publicationFiles.fileGroupId,
      versionNo: publicationFiles.versionNo,
      fileName: publicationFiles.fileName,
      mediaType: publicationFiles.mediaType,
      byteSize: publicationFiles.byteSize,
      sha256: publicationFiles.sha256,
      language: publicationFiles.language,
      extraction: publicationFiles.extraction,
      pageCount: publicationFiles.pageCount,
      createdAt: publicationFiles.createdAt,
    })
    .from(publicationFiles)
    .where(eq(publicationFiles.publicationId, publicationId))
    .orderBy(publicationFiles.createdAt, publicationFiles.fileGroupId, desc(publicationFiles.versionNo));
}

/** The extracted text of the latest version of each file of a publication (for the search body). */
export async function latestTexts(tx: Tx, publicationId: string) {
  const result = await tx.execute(sql`
    select distinct on (file_group_id) extracted_text from ${publicationFiles}
    where publication_id = ${publicationId} order by file_group_id, version_no desc`);
  return (result.rows as { extracted_text: string }[]).map((r) => r.extracted_text);
}

export async function findFile(tx: Tx, id: string) {
  const [row] = await tx.select().from(publicationFiles).where(eq(publicationFiles.id, id));
  return row;
}

export async function nextVersionNo(tx: Tx, fileGroupId: string) {
  const result = await tx.execute(
    sql`select coalesce(max(version_no), 0) + 1 as n from ${publicationFiles} where file_group_id = ${fileGroupId}`,
  );
  return Number((result.rows[0] as { n: number }).n);
}

export async function insertFile(tx: Tx, values: typeof publicationFiles.$inferInsert) {
  const [row] = await tx.insert(publicationFiles).values(values).returning();
  return row!;
}

export async function deleteFile(tx: Tx, id: string) {
  await tx.delete(publicationFiles).where(eq(publicationFiles.id, id));
}

/** How many file rows still name a blob (a blob is removed from storage only when none do). */
export async function blobReferences(tx: Tx, sha256: string) {
  const result = await tx.execute(
    sql`select count(*)::int as n from ${publicationFiles} where sha256 = ${sha256}`,
  );
  return (result.rows[0] as { n: number }).n;
}

/** Every blob a publication's files name (to clean storage after deleting it). */
export async function blobsOf(tx: Tx, publicationId: string) {
  const rows = await tx
    .select({ sha256: publicationFiles.sha256 })
    .from(publicationFiles)
    .where(eq(publicationFiles.publicationId, publicationId));
  return [...new Set(rows.map((r) => r.sha256))];
}
