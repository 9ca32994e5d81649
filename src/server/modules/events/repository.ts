import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';
import { publications } from '../library/schema.ts';
import { people } from '../people/schema.ts';
import { programmes } from '../programmes/schema.ts';
import { calendarFeeds, eventOrganisations, eventParticipants, eventSessions, events } from './schema.ts';

export * from './repository-participants.ts';

export type EventRow = typeof events.$inferSelect;
export type EventInsert = typeof events.$inferInsert;
export type SessionRow = typeof eventSessions.$inferSelect;

export interface EventFilter {
  kind?: string;
  country?: string;
  programmeId?: string;
  /** Events that end after this instant … */
  from?: Date;
  /** … and start before this one (a range overlaps the event). */
  to?: Date;
  /** Public events only, or public ones plus those of one organisation (what a member sees). */
  visibleTo?: { publicOnly: true } | { organisationId: string };
  after?: { at: Date; id: string };
  limit: number;
}

export async function listEvents(tx: Tx, f: EventFilter) {
  const visible = !f.visibleTo
    ? undefined
    : 'publicOnly' in f.visibleTo
      ? eq(events.visibility, 'public')
      : or(eq(events.visibility, 'public'), eq(events.organisationId, f.visibleTo.organisationId));
  return tx
    .select({
      id: events.id,
      slug: events.slug,
      kindCode: events.kindCode,
      title: events.title,
      titles: events.titles,
      description: events.description,
      organisationId: events.organisationId,
      organisationName: organisations.name,
      programmeId: events.programmeId,
      programmeName: programmes.name,
      online: events.online,
      city: events.city,
      countryCode: events.countryCode,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      visibility: events.visibility,
      capacity: events.capacity,
      demonstration: events.demonstration,
      updatedAt: events.updatedAt,
      version: events.version,
    })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(programmes, eq(programmes.id, events.programmeId))
    .where(
      and(
        visible,
        f.kind ? eq(events.kindCode, f.kind) : undefined,
        f.country ? eq(events.countryCode, f.country) : undefined,
        f.programmeId ? eq(events.programmeId, f.programmeId) : undefined,
        f.from ? gt(events.endsAt, f.from) : undefined,
        f.to ? lt(events.startsAt, f.to) : undefined,
        f.after
          ? or(
              gt(events.startsAt, f.after.at),
              and(eq(events.startsAt, f.after.at), gt(events.id, f.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(f.limit);
}

export async function findEvent(tx: Tx, id: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, id));
  return row;
}

export async function findEventBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select().from(events).where(eq(events.slug, slug));
  return row;
}

/** Locks the event row: registrations for one event queue here, so seats are counted one at a time. */
export async function lockEvent(tx: Tx, id: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update');
  return row;
}

export async function slugTaken(tx: Tx, slug: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.slug, slug), exceptId ? sql`${events.id} <> ${exceptId}` : undefined));
  return Boolean(row);
}

export async function insertEvent(tx: Tx, values: EventInsert) {
  const [row] = await tx.insert(events).values(values).returning();
  return row!;
}

export async function updateEventIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<EventInsert>,
) {
  const [row] = await tx
    .update(events)
    .set({ ...values, updatedAt: new Date(), version: sql`${events.version} + 1` })
    .where(and(eq(events.id, id), eq(events.version, version)))
    .returning();
  return row;
}

/** Bumps the version of an event whose children (agenda, participants) changed. */
export async function touchEvent(tx: Tx, id: string) {
  await tx
    .update(events)
    .set({ updatedAt: new Date(), version: sql`${events.version} + 1` })
    .where(eq(events.id, id));
}

export async function deleteEvent(tx: Tx, id: string) {
  await tx.delete(events).where(eq(events.id, id));
}

export async function organisationsOf(tx: Tx, eventId: string) {
  return tx
    .select({
      organisationId: eventOrganisations.organisationId,
      role: eventOrganisations.role,
      name: organisations.name,
      acronym: organisations.acronym,
    })
    .from(eventOrganisations)
    .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
    .where(eq(eventOrganisations.eventId, eventId))
    .orderBy(asc(eventOrganisations.role), asc(eventOrganisations.position));
}

export async function replaceOrganisations(
  tx: Tx,
  eventId: string,
  rows: { organisationId: string; role: 'organiser' | 'partner' }[],
) {
  await tx.delete(eventOrganisations).where(eq(eventOrganisations.eventId, eventId));
  if (rows.length) {
    await tx.insert(eventOrganisations).values(rows.map((r, position) => ({ ...r, eventId, position })));
  }
}

export async function sessionsOf(tx: Tx, eventId: string) {
  return tx
    .select()
    .from(eventSessions)
    .where(eq(eventSessions.eventId, eventId))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.position));
}

/**
 * Replaces the agenda: sessions named by id are updated in place (their attendance stays), new ones
 * inserted, and those left out deleted.
 */
export async function replaceSessions(
  tx: Tx,
  eventId: string,
  rows: {
    id?: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    room: string | null;
    speakerIds: string[];
  }[],
) {
  const keep = rows.flatMap((r) => (r.id ? [r.id] : []));
  await tx
    .delete(eventSessions)
    .where(
      and(
        eq(eventSessions.eventId, eventId),
        keep.length ? sql`${eventSessions.id} not in ${keep}` : undefined,
      ),
    );
  for (const [position, r] of rows.entries()) {
    const values = {
      title: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      room: r.room,
      speakerIds: r.speakerIds,
      position,
    };
    if (r.id)
      await tx
        .update(eventSessions)
        .set(values)
        .where(and(eq(eventSessions.id, r.id), eq(eventSessions.eventId, eventId)));
    else await tx.insert(eventSessions).values({ ...values, eventId });
  }
}

export async function sessionIdsOf(tx: Tx, eventId: string) {
  const rows = await tx
    .select({ id: eventSessions.id })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, eventId));
  return rows.map((r) => r.id);
}

export async function peopleNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: people.id, name: people.name, email: people.email, publicConsent: people.publicConsent })
    .from(people)
    .where(and(inArray(people.id, ids), isNull(people.mergedIntoId)));
}

export async function organisationsNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
}

export async function publicationsNamed(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: publications.id, title: publications.title, isPublic: publications.isPublic })
    .from(publications)
    .where(inArray(publications.id, ids));
}

export async function programmeExists(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(eq(programmes.id, id));
  return row;
}

// Calendars ------------------------------------------------------------------------------------

/** Events a person is invited to or registered for: participants with the account's email. */
export async function eventsOfEmail(tx: Tx, email: string) {
  return tx
    .select({ event: events })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .leftJoin(people, eq(people.id, eventParticipants.personId))
    .where(
      and(
        or(
          sql`lower(${eventParticipants.email}) = lower(${email})`,
          sql`lower(${people.email}) = lower(${email})`,
        ),
        inArray(eventParticipants.status, ['invited', 'accepted', 'registered', 'waitlisted']),
      ),
    )
    .orderBy(asc(events.startsAt));
}

export async function activeFeedOf(tx: Tx, userId: string) {
  const [row] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row;
}

export async function revokeFeeds(tx: Tx, userId: string) {
  await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
}

export async function insertFeed(tx: Tx, userId: string, tokenHash: string) {
  await tx.insert(calendarFeeds).values({ userId, tokenHash });
}

/** The account behind a live feed token. */
export async function feedOwner(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(
      and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt), isNull(users.disabledAt)),
    );
  return row;
}

/** Public events, for the sitemap and the public feed. */
export async function publicEvents(tx: Tx, limit: number, from?: Date) {
  return tx
    .select()
    .from(events)
    .where(and(eq(events.visibility, 'public'), from ? gte(events.endsAt, from) : undefined))
    .orderBy(asc(events.startsAt))
    .limit(limit);
}

export async function listProgrammes(tx: Tx) {
  return tx
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .orderBy(asc(programmes.name));
}

/** A programme's public events, soonest first (private events stay with their organisation). */
export function publicEventsOfProgramme(tx: Tx, programmeId: string) {
  return tx
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      titles: events.titles,
      startsAt: events.startsAt,
    })
    .from(events)
    .where(and(eq(events.programmeId, programmeId), eq(events.visibility, 'public')))
    .orderBy(desc(events.startsAt));
}
