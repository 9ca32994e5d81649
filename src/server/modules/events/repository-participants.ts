// The participants of events: invitations, registrations, the waiting list, matching to the
// directory and attendance (re-exported by repository.ts, so callers keep one `repo`).

import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { memberships, organisations } from '../directory/schema.ts';
import { people } from '../people/schema.ts';
import { eventAttendance, eventParticipants, SEATED } from './schema.ts';

export type ParticipantRow = typeof eventParticipants.$inferSelect;
export type ParticipantInsert = typeof eventParticipants.$inferInsert;

export interface ParticipantFilter {
  status?: string;
  matchState?: string;
  q?: string;
}

export async function participantsOf(tx: Tx, eventId: string, f: ParticipantFilter = {}) {
  return tx
    .select()
    .from(eventParticipants)
    .where(
      and(
        eq(eventParticipants.eventId, eventId),
        f.status ? eq(eventParticipants.status, f.status as ParticipantRow['status']) : undefined,
        f.matchState
          ? eq(eventParticipants.matchState, f.matchState as ParticipantRow['matchState'])
          : undefined,
        f.q
          ? or(
              ilike(eventParticipants.name, `%${escapeLike(f.q)}%`),
              ilike(eventParticipants.email, `%${escapeLike(f.q)}%`),
              ilike(eventParticipants.organisationName, `%${escapeLike(f.q)}%`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(eventParticipants.createdAt), asc(eventParticipants.id));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findParticipant(tx: Tx, eventId: string, id: string) {
  const [row] = await tx
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.id, id), eq(eventParticipants.eventId, eventId)));
  return row;
}

export async function findParticipantByToken(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select()
    .from(eventParticipants)
    .where(eq(eventParticipants.rsvpTokenHash, tokenHash));
  return row;
}

export async function participantByEmail(tx: Tx, eventId: string, email: string) {
  const [row] = await tx
    .select({ id: eventParticipants.id })
    .from(eventParticipants)
    .where(
      and(eq(eventParticipants.eventId, eventId), sql`lower(${eventParticipants.email}) = lower(${email})`),
    );
  return row;
}

export async function participantByPerson(tx: Tx, eventId: string, personId: string) {
  const [row] = await tx
    .select({ id: eventParticipants.id })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.personId, personId)));
  return row;
}

export async function seatsTaken(tx: Tx, eventId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), inArray(eventParticipants.status, SEATED)));
  return row?.n ?? 0;
}

/** The longest-waiting person on the waiting list. */
export async function firstWaiting(tx: Tx, eventId: string) {
  const [row] = await tx
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.status, 'waitlisted')))
    .orderBy(asc(eventParticipants.createdAt), asc(eventParticipants.id))
    .limit(1);
  return row;
}

export async function insertParticipant(tx: Tx, values: ParticipantInsert) {
  const [row] = await tx.insert(eventParticipants).values(values).returning();
  return row!;
}

export async function updateParticipant(
  tx: Tx,
  id: string,
  values: Partial<ParticipantInsert>,
  version?: number,
) {
  const [row] = await tx
    .update(eventParticipants)
    .set({ ...values, updatedAt: new Date(), version: sql`${eventParticipants.version} + 1` })
    .where(
      and(
        eq(eventParticipants.id, id),
        version === undefined ? undefined : eq(eventParticipants.version, version),
      ),
    )
    .returning();
  return row;
}

export async function deleteParticipant(tx: Tx, id: string) {
  await tx.delete(eventParticipants).where(eq(eventParticipants.id, id));
}

/**
 * Directory people a registration may be: the same email, or the same name with an affiliation to
 * an organisation whose name or acronym is the one given.
 */
export async function candidatesFor(
  tx: Tx,
  r: { email: string; name: string; organisationName?: string | null },
) {
  const byEmail = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(isNull(people.mergedIntoId), sql`lower(${people.email}) = lower(${r.email})`))
    .limit(5);
  const byName = r.organisationName
    ? await tx
        .selectDistinct({ id: people.id })
        .from(people)
        .innerJoin(memberships, eq(memberships.personId, people.id))
        .innerJoin(organisations, eq(organisations.id, memberships.parentId))
        .where(
          and(
            isNull(people.mergedIntoId),
            sql`lower(${people.name}) = lower(${r.name})`,
            or(
              sql`lower(${organisations.name}) = lower(${r.organisationName})`,
              sql`lower(${organisations.acronym}) = lower(${r.organisationName})`,
            ),
          ),
        )
        .limit(5)
    : [];
  return [...new Set([...byEmail, ...byName].map((p) => p.id))];
}

export async function insertPerson(tx: Tx, values: typeof people.$inferInsert) {
  const [row] = await tx.insert(people).values(values).returning({ id: people.id });
  return row!;
}

// Attendance -----------------------------------------------------------------------------------

export async function attendanceOf(tx: Tx, eventId: string) {
  return tx
    .select({
      participantId: eventAttendance.participantId,
      day: eventAttendance.day,
      sessionId: eventAttendance.sessionId,
    })
    .from(eventAttendance)
    .innerJoin(eventParticipants, eq(eventParticipants.id, eventAttendance.participantId))
    .where(eq(eventParticipants.eventId, eventId));
}

export async function setAttendance(
  tx: Tx,
  participantId: string,
  mark: { day?: string; sessionId?: string },
  present: boolean,
  recordedBy: string,
) {
  const where = and(
    eq(eventAttendance.participantId, participantId),
    mark.day ? eq(eventAttendance.day, mark.day) : eq(eventAttendance.sessionId, mark.sessionId!),
  );
  if (!present) {
    await tx.delete(eventAttendance).where(where);
    return;
  }
  const [existing] = await tx.select({ id: eventAttendance.id }).from(eventAttendance).where(where);
  if (!existing) {
    await tx
      .insert(eventAttendance)
      .values({ participantId, day: mark.day ?? null, sessionId: mark.sessionId ?? null, recordedBy });
  }
}
