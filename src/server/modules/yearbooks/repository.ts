import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';
import { people } from '../people/schema.ts';
import { yearbookChapters, yearbookEditions, yearbookRenders } from './schema.ts';

export type EditionRow = typeof yearbookEditions.$inferSelect;
export type EditionInsert = typeof yearbookEditions.$inferInsert;
export type ChapterRow = typeof yearbookChapters.$inferSelect;
export type ChapterInsert = typeof yearbookChapters.$inferInsert;
export type RenderRow = typeof yearbookRenders.$inferSelect;

/** Editions a reader sees: published ones, or (`visibleTo`) also their organisation's and those they coordinate in. */
export async function listEditions(
  tx: Tx,
  filter: { publishedOnly?: boolean; visibleTo?: { organisationId: string; userId: string } },
) {
  const v = filter.visibleTo;
  const where = filter.publishedOnly
    ? eq(yearbookEditions.status, 'published')
    : v
      ? sql`(${yearbookEditions.organisationId} = ${v.organisationId} or ${yearbookEditions.status} = 'published'
          or exists (select 1 from yearbook_chapters c where c.edition_id = ${yearbookEditions.id}
                     and c.coordinator_user_id = ${v.userId}))`
      : undefined;
  return tx
    .select()
    .from(yearbookEditions)
    .where(where)
    .orderBy(desc(yearbookEditions.year), asc(yearbookEditions.title))
    .limit(500);
}

/** Editions of other organisations in which this account coordinates a chapter. */
export async function editionIdsCoordinatedBy(tx: Tx, userId: string) {
  const rows = await tx
    .selectDistinct({ id: yearbookChapters.editionId })
    .from(yearbookChapters)
    .where(eq(yearbookChapters.coordinatorUserId, userId));
  return rows.map((r) => r.id);
}

export async function findEdition(tx: Tx, id: string) {
  const [row] = await tx.select().from(yearbookEditions).where(eq(yearbookEditions.id, id));
  return row;
}

export async function findEditionBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select().from(yearbookEditions).where(eq(yearbookEditions.slug, slug));
  return row;
}

export async function slugTaken(tx: Tx, slug: string) {
  const [row] = await tx
    .select({ id: yearbookEditions.id })
    .from(yearbookEditions)
    .where(eq(yearbookEditions.slug, slug));
  return !!row;
}

export async function insertEdition(tx: Tx, values: EditionInsert) {
  const [row] = await tx.insert(yearbookEditions).values(values).returning();
  return row!;
}

export async function updateEditionIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<EditionInsert>,
) {
  const [row] = await tx
    .update(yearbookEditions)
    .set({ ...values, updatedAt: new Date(), version: sql`${yearbookEditions.version} + 1` })
    .where(and(eq(yearbookEditions.id, id), eq(yearbookEditions.version, version)))
    .returning();
  return row;
}

/** Marks the edition changed (a chapter was written), so its PDF shows as out of date. */
export async function touchEdition(tx: Tx, id: string) {
  await tx.update(yearbookEditions).set({ updatedAt: new Date() }).where(eq(yearbookEditions.id, id));
}

export async function deleteEdition(tx: Tx, id: string) {
  await tx.delete(yearbookEditions).where(eq(yearbookEditions.id, id));
}

export function chaptersOf(tx: Tx, editionId: string) {
  return tx
    .select()
    .from(yearbookChapters)
    .where(eq(yearbookChapters.editionId, editionId))
    .orderBy(asc(yearbookChapters.position), asc(yearbookChapters.title));
}

export async function findChapter(tx: Tx, editionId: string, id: string) {
  const [row] = await tx
    .select()
    .from(yearbookChapters)
    .where(and(eq(yearbookChapters.id, id), eq(yearbookChapters.editionId, editionId)));
  return row;
}

export async function insertChapter(tx: Tx, values: ChapterInsert) {
  const [row] = await tx.insert(yearbookChapters).values(values).returning();
  return row!;
}

export async function nextPosition(tx: Tx, editionId: string) {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${yearbookChapters.position}) + 1, 0)::int` })
    .from(yearbookChapters)
    .where(eq(yearbookChapters.editionId, editionId));
  return row?.n ?? 0;
}

export async function updateChapterIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<ChapterInsert>,
) {
  const [row] = await tx
    .update(yearbookChapters)
    .set({ ...values, updatedAt: new Date(), version: sql`${yearbookChapters.version} + 1` })
    .where(and(eq(yearbookChapters.id, id), eq(yearbookChapters.version, version)))
    .returning();
  return row;
}

export async function setPosition(tx: Tx, id: string, position: number) {
  await tx.update(yearbookChapters).set({ position }).where(eq(yearbookChapters.id, id));
}

export async function deleteChapter(tx: Tx, id: string) {
  await tx.delete(yearbookChapters).where(eq(yearbookChapters.id, id));
}

export async function peopleNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
}

export async function organisationsNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

export async function usersNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}

export async function organisationName(tx: Tx, id: string) {
  const [row] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.name ?? '';
}

export async function insertRender(tx: Tx, values: typeof yearbookRenders.$inferInsert) {
  const [row] = await tx.insert(yearbookRenders).values(values).returning();
  return row!;
}

export async function updateRender(tx: Tx, id: string, values: Partial<typeof yearbookRenders.$inferInsert>) {
  await tx.update(yearbookRenders).set(values).where(eq(yearbookRenders.id, id));
}

export async function findRender(tx: Tx, editionId: string, id: string) {
  const [row] = await tx
    .select()
    .from(yearbookRenders)
    .where(and(eq(yearbookRenders.id, id), eq(yearbookRenders.editionId, editionId)));
  return row;
}

/** The newest render of the edition, whatever its state. */
export async function latestRender(tx: Tx, editionId: string) {
  const [row] = await tx
    .select()
    .from(yearbookRenders)
    .where(eq(yearbookRenders.editionId, editionId))
    .orderBy(desc(yearbookRenders.createdAt))
    .limit(1);
  return row;
}

/** The newest finished PDF of the edition. */
export async function latestDoneRender(tx: Tx, editionId: string) {
  const [row] = await tx
    .select()
    .from(yearbookRenders)
    .where(and(eq(yearbookRenders.editionId, editionId), eq(yearbookRenders.status, 'done')))
    .orderBy(desc(yearbookRenders.createdAt))
    .limit(1);
  return row;
}

export async function setPublication(tx: Tx, editionId: string, publicationId: string) {
  await tx.update(yearbookEditions).set({ publicationId }).where(eq(yearbookEditions.id, editionId));
}

export async function findRenderById(tx: Tx, id: string) {
  const [row] = await tx.select().from(yearbookRenders).where(eq(yearbookRenders.id, id));
  return row;
}

/** Active accounts whose name matches, for choosing a chapter's coordinator. */
export async function accountsNamed(tx: Tx, q: string) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`${users.disabledAt} is null and ${users.name} ilike ${`%${q.replace(/[\\%_]/g, '\\$&')}%`}`)
    .orderBy(asc(users.name))
    .limit(30);
}
