import { and, arrayContains, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { events } from '../events/schema.ts';
import { publications } from '../library/schema.ts';
import { dialogueCounterparts, recommendations, recommendationUpdates } from './schema.ts';

export type RecommendationRow = typeof recommendations.$inferSelect;
export type RecommendationInsert = typeof recommendations.$inferInsert;
export type UpdateRow = typeof recommendationUpdates.$inferSelect;

export interface RecommendationFilter {
  eventId?: string;
  country?: string;
  status?: string;
  theme?: string;
  addresseeId?: string;
  /** Public dialogues only, or public ones plus those of one organisation (what a member sees). */
  visibleTo?: { publicOnly: true } | { organisationId: string };
  limit: number;
  offset: number;
}

export async function listRecommendations(tx: Tx, f: RecommendationFilter) {
  const visible = !f.visibleTo
    ? undefined
    : 'publicOnly' in f.visibleTo
      ? eq(events.visibility, 'public')
      : sql`(${events.visibility} = 'public' or ${events.organisationId} = ${f.visibleTo.organisationId})`;
  return tx
    .select({
      id: recommendations.id,
      text: recommendations.text,
      texts: recommendations.texts,
      status: recommendations.status,
      statusSince: recommendations.statusSince,
      themes: recommendations.themes,
      countries: recommendations.countries,
      demonstration: recommendations.demonstration,
      addresseeId: recommendations.addresseeId,
      addresseeName: organisations.name,
      eventId: events.id,
      eventSlug: events.slug,
      eventTitle: events.title,
      eventTitles: events.titles,
      eventVisibility: events.visibility,
      eventStartsAt: events.startsAt,
      organisationId: events.organisationId,
      updatedAt: recommendations.updatedAt,
      version: recommendations.version,
    })
    .from(recommendations)
    .innerJoin(events, eq(events.id, recommendations.eventId))
    .innerJoin(organisations, eq(organisations.id, recommendations.addresseeId))
    .where(
      and(
        visible,
        f.eventId ? eq(recommendations.eventId, f.eventId) : undefined,
        f.country ? arrayContains(recommendations.countries, [f.country]) : undefined,
        f.theme ? arrayContains(recommendations.themes, [f.theme]) : undefined,
        f.status ? eq(recommendations.status, f.status as RecommendationRow['status']) : undefined,
        f.addresseeId ? eq(recommendations.addresseeId, f.addresseeId) : undefined,
      ),
    )
    .orderBy(desc(events.startsAt), asc(recommendations.createdAt), asc(recommendations.id))
    .limit(f.limit)
    .offset(f.offset);
}

export async function findRecommendation(tx: Tx, id: string) {
  const [row] = await tx.select().from(recommendations).where(eq(recommendations.id, id));
  return row;
}

export async function insertRecommendation(tx: Tx, values: RecommendationInsert) {
  const [row] = await tx.insert(recommendations).values(values).returning();
  return row!;
}

export async function updateRecommendationIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<RecommendationInsert>,
) {
  const [row] = await tx
    .update(recommendations)
    .set({ ...values, updatedAt: new Date(), version: sql`${recommendations.version} + 1` })
    .where(and(eq(recommendations.id, id), eq(recommendations.version, version)))
    .returning();
  return row;
}

export async function deleteRecommendation(tx: Tx, id: string) {
  await tx.delete(recommendations).where(eq(recommendations.id, id));
}

/** The updates of a recommendation, latest first. */
export async function updatesOf(tx: Tx, recommendationId: string) {
  return tx
    .select()
    .from(recommendationUpdates)
    .where(eq(recommendationUpdates.recommendationId, recommendationId))
    .orderBy(
      desc(recommendationUpdates.happenedOn),
      desc(recommendationUpdates.createdAt),
      desc(recommendationUpdates.id),
    );
}

export async function insertUpdate(tx: Tx, values: typeof recommendationUpdates.$inferInsert) {
  const [row] = await tx.insert(recommendationUpdates).values(values).returning();
  return row!;
}

export async function deleteUpdate(tx: Tx, id: string) {
  await tx.delete(recommendationUpdates).where(eq(recommendationUpdates.id, id));
}

export async function findEvent(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: events.id,
      slug: events.slug,
      kindCode: events.kindCode,
      title: events.title,
      titles: events.titles,
      organisationId: events.organisationId,
      visibility: events.visibility,
      startsAt: events.startsAt,
      version: events.version,
    })
    .from(events)
    .where(eq(events.id, id));
  return row;
}

/** Dialogues (events of kind dialogue) for forms and filters. */
export async function listDialogues(tx: Tx, visibleTo?: RecommendationFilter['visibleTo']) {
  const visible = !visibleTo
    ? undefined
    : 'publicOnly' in visibleTo
      ? eq(events.visibility, 'public')
      : sql`(${events.visibility} = 'public' or ${events.organisationId} = ${visibleTo.organisationId})`;
  return tx
    .select({
      id: events.id,
      title: events.title,
      titles: events.titles,
      organisationId: events.organisationId,
      visibility: events.visibility,
    })
    .from(events)
    .where(and(eq(events.kindCode, 'dialogue'), visible))
    .orderBy(desc(events.startsAt))
    .limit(500);
}

export async function organisationsNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: organisations.id, name: organisations.name, typeCode: organisations.typeCode })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

/** Directory organisations of the given types (the counterparts and addressees forms offer). */
export async function organisationsOfTypes(tx: Tx, types: string[]) {
  if (types.length === 0) return [];
  return tx
    .select({ id: organisations.id, name: organisations.name, countryCode: organisations.countryCode })
    .from(organisations)
    .where(inArray(organisations.typeCode, types))
    .orderBy(asc(organisations.name))
    .limit(1000);
}

export async function publicationsNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: publications.id, title: publications.title, isPublic: publications.isPublic })
    .from(publications)
    .where(inArray(publications.id, ids));
}

export async function counterpartsOf(tx: Tx, eventId: string) {
  return tx
    .select({
      id: organisations.id,
      name: organisations.name,
      typeCode: organisations.typeCode,
      countryCode: organisations.countryCode,
    })
    .from(dialogueCounterparts)
    .innerJoin(organisations, eq(organisations.id, dialogueCounterparts.organisationId))
    .where(eq(dialogueCounterparts.eventId, eventId))
    .orderBy(asc(dialogueCounterparts.position));
}

export async function replaceCounterparts(tx: Tx, eventId: string, organisationIds: string[]) {
  await tx.delete(dialogueCounterparts).where(eq(dialogueCounterparts.eventId, eventId));
  if (organisationIds.length > 0)
    await tx
      .insert(dialogueCounterparts)
      .values(organisationIds.map((organisationId, position) => ({ eventId, organisationId, position })));
}

/** Bumps the dialogue's version so two counterpart edits cannot both win. */
export async function touchEventIfVersion(tx: Tx, id: string, version: number) {
  const [row] = await tx
    .update(events)
    .set({ updatedAt: new Date(), version: sql`${events.version} + 1` })
    .where(and(eq(events.id, id), eq(events.version, version)))
    .returning({ version: events.version });
  return row;
}
