import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { events } from '../events/schema.ts';
import { people } from '../people/schema.ts';
import { caucusMemberships, caucusPosts, caucusResolutions, caucusSignatories } from './schema.ts';

export type PostRow = typeof caucusPosts.$inferSelect;
export type PostInsert = typeof caucusPosts.$inferInsert;
export type MembershipRow = typeof caucusMemberships.$inferSelect;
export type MembershipInsert = typeof caucusMemberships.$inferInsert;
export type ResolutionRow = typeof caucusResolutions.$inferSelect;
export type ResolutionInsert = typeof caucusResolutions.$inferInsert;
export type SignatoryRow = typeof caucusSignatories.$inferSelect;

const bump = { updatedAt: sql`now()`, version: sql`version + 1` };

// Posts (seats in parliaments)

export async function listPosts(tx: Tx, f: { personId?: string } = {}) {
  return tx
    .select()
    .from(caucusPosts)
    .where(f.personId ? eq(caucusPosts.personId, f.personId) : undefined)
    .orderBy(asc(caucusPosts.personId), desc(caucusPosts.startDate), asc(caucusPosts.id));
}

export async function findPost(tx: Tx, id: string) {
  return (await tx.select().from(caucusPosts).where(eq(caucusPosts.id, id)))[0];
}

export async function insertPost(tx: Tx, values: PostInsert) {
  return (await tx.insert(caucusPosts).values(values).returning())[0]!;
}

export async function updatePostIfVersion(tx: Tx, id: string, version: number, values: Partial<PostInsert>) {
  const [row] = await tx
    .update(caucusPosts)
    .set({ ...values, ...bump })
    .where(and(eq(caucusPosts.id, id), eq(caucusPosts.version, version)))
    .returning();
  return row;
}

export async function deletePost(tx: Tx, id: string) {
  await tx.delete(caucusPosts).where(eq(caucusPosts.id, id));
}

// Memberships of the caucus

export async function listMemberships(tx: Tx, f: { caucusId?: string; personId?: string } = {}) {
  return tx
    .select()
    .from(caucusMemberships)
    .where(
      and(
        f.caucusId ? eq(caucusMemberships.caucusId, f.caucusId) : undefined,
        f.personId ? eq(caucusMemberships.personId, f.personId) : undefined,
      ),
    )
    .orderBy(asc(caucusMemberships.caucusId), desc(caucusMemberships.startDate), asc(caucusMemberships.id));
}

export async function findMembership(tx: Tx, id: string) {
  return (await tx.select().from(caucusMemberships).where(eq(caucusMemberships.id, id)))[0];
}

export async function insertMembership(tx: Tx, values: MembershipInsert) {
  return (await tx.insert(caucusMemberships).values(values).returning())[0]!;
}

export async function updateMembershipIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<MembershipInsert>,
) {
  const [row] = await tx
    .update(caucusMemberships)
    .set({ ...values, ...bump })
    .where(and(eq(caucusMemberships.id, id), eq(caucusMemberships.version, version)))
    .returning();
  return row;
}

export async function deleteMembership(tx: Tx, id: string) {
  await tx.delete(caucusMemberships).where(eq(caucusMemberships.id, id));
}

// Resolutions and their signatories

export async function listResolutions(tx: Tx, f: { caucusId?: string; publishedOnly?: boolean } = {}) {
  return tx
    .select()
    .from(caucusResolutions)
    .where(
      and(
        f.caucusId ? eq(caucusResolutions.caucusId, f.caucusId) : undefined,
        f.publishedOnly ? eq(caucusResolutions.published, true) : undefined,
      ),
    )
    .orderBy(desc(caucusResolutions.adoptedOn), asc(caucusResolutions.title));
}

export async function findResolution(tx: Tx, id: string) {
  return (await tx.select().from(caucusResolutions).where(eq(caucusResolutions.id, id)))[0];
}

export async function insertResolution(tx: Tx, values: ResolutionInsert) {
  return (await tx.insert(caucusResolutions).values(values).returning())[0]!;
}

export async function updateResolutionIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<ResolutionInsert>,
) {
  const [row] = await tx
    .update(caucusResolutions)
    .set({ ...values, ...bump })
    .where(and(eq(caucusResolutions.id, id), eq(caucusResolutions.version, version)))
    .returning();
  return row;
}

export async function deleteResolution(tx: Tx, id: string) {
  await tx.delete(caucusResolutions).where(eq(caucusResolutions.id, id));
}

export async function signatoriesOf(tx: Tx, resolutionIds: string[]) {
  if (!resolutionIds.length) return [];
  return tx
    .select()
    .from(caucusSignatories)
    .where(inArray(caucusSignatories.resolutionId, resolutionIds))
    .orderBy(asc(caucusSignatories.resolutionId), asc(caucusSignatories.position));
}

export async function replaceSignatories(
  tx: Tx,
  resolutionId: string,
  rows: { personId: string; postId: string | null }[],
) {
  await tx.delete(caucusSignatories).where(eq(caucusSignatories.resolutionId, resolutionId));
  if (rows.length)
    await tx.insert(caucusSignatories).values(rows.map((r, position) => ({ ...r, resolutionId, position })));
}

// What the records point to

export async function organisationsNamed(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      typeCode: organisations.typeCode,
      countryCode: organisations.countryCode,
      mergedIntoId: organisations.mergedIntoId,
    })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
}

/** Organisations of the given directory types (caucuses, parliaments, parties) for the forms. */
export async function organisationsOfTypes(tx: Tx, types: string[]) {
  return tx
    .select({
      id: organisations.id,
      name: organisations.name,
      acronym: organisations.acronym,
      typeCode: organisations.typeCode,
    })
    .from(organisations)
    .where(and(inArray(organisations.typeCode, types), sql`${organisations.mergedIntoId} is null`))
    .orderBy(asc(organisations.name));
}

export async function peopleNamed(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: people.id,
      name: people.name,
      sortName: people.sortName,
      honorificPrefix: people.honorificPrefix,
      publicConsent: people.publicConsent,
    })
    .from(people)
    .where(inArray(people.id, [...new Set(ids)]));
}

export async function eventsNamed(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: events.id,
      slug: events.slug,
      kindCode: events.kindCode,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      city: events.city,
      countryCode: events.countryCode,
      visibility: events.visibility,
      organisationId: events.organisationId,
    })
    .from(events)
    .where(inArray(events.id, [...new Set(ids)]));
}

/** Caucus meetings, newest first, for the adopting-body choice. */
export async function caucusMeetings(tx: Tx) {
  return tx
    .select({
      id: events.id,
      title: events.title,
      startsAt: events.startsAt,
      visibility: events.visibility,
      organisationId: events.organisationId,
    })
    .from(events)
    .where(eq(events.kindCode, 'caucus_meeting'))
    .orderBy(desc(events.startsAt))
    .limit(500);
}
