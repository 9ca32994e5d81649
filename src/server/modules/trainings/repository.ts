import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { eventParticipants, events } from '../events/schema.ts';
import { trainingCohorts, trainingCompletions, trainingCourses, trainingFollowUps } from './schema.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type CourseInsert = typeof trainingCourses.$inferInsert;
export type CompletionRow = typeof trainingCompletions.$inferSelect;
export type CompletionInsert = typeof trainingCompletions.$inferInsert;
export type FollowUpRow = typeof trainingFollowUps.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Courses and cohorts ---------------------------------------------------------------------------

export function listCourses(tx: Tx, organisationId?: string) {
  return tx
    .select()
    .from(trainingCourses)
    .where(organisationId ? eq(trainingCourses.organisationId, organisationId) : undefined)
    .orderBy(asc(trainingCourses.title), asc(trainingCourses.id));
}

export async function findCourse(tx: Tx, id: string) {
  const [row] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  return row;
}

export async function insertCourse(tx: Tx, values: CourseInsert) {
  const [row] = await tx.insert(trainingCourses).values(values).returning();
  return row!;
}

export async function updateCourseIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<CourseInsert>,
) {
  const [row] = await tx
    .update(trainingCourses)
    .set({ ...values, updatedAt: new Date(), version: sql`${trainingCourses.version} + 1` })
    .where(and(eq(trainingCourses.id, id), eq(trainingCourses.version, version)))
    .returning();
  return row;
}

export async function deleteCourse(tx: Tx, id: string) {
  await tx.delete(trainingCourses).where(eq(trainingCourses.id, id));
}

const cohortColumns = {
  eventId: trainingCohorts.eventId,
  courseId: trainingCohorts.courseId,
  label: trainingCohorts.label,
  title: events.title,
  titles: events.titles,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  city: events.city,
  countryCode: events.countryCode,
  eventOrganisationId: events.organisationId,
  programmeId: events.programmeId,
};

export function cohortsOf(tx: Tx, courseId: string) {
  return tx
    .select(cohortColumns)
    .from(trainingCohorts)
    .innerJoin(events, eq(events.id, trainingCohorts.eventId))
    .where(eq(trainingCohorts.courseId, courseId))
    .orderBy(desc(events.startsAt));
}

export async function findCohort(tx: Tx, eventId: string) {
  const [row] = await tx
    .select(cohortColumns)
    .from(trainingCohorts)
    .innerJoin(events, eq(events.id, trainingCohorts.eventId))
    .where(eq(trainingCohorts.eventId, eventId));
  return row;
}

export async function insertCohort(tx: Tx, values: typeof trainingCohorts.$inferInsert) {
  const [row] = await tx.insert(trainingCohorts).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteCohort(tx: Tx, eventId: string) {
  await tx.delete(trainingCohorts).where(eq(trainingCohorts.eventId, eventId));
}

/** Training-course events not yet a cohort of any course (of one organisation, or all). */
export function unlinkedTrainingEvents(tx: Tx, organisationId?: string) {
  return tx
    .select({ id: events.id, title: events.title, startsAt: events.startsAt, timeZone: events.timeZone })
    .from(events)
    .where(
      and(
        eq(events.kindCode, 'training_course'),
        organisationId ? eq(events.organisationId, organisationId) : undefined,
        notExists(
          tx.select({ x: sql`1` }).from(trainingCohorts).where(eq(trainingCohorts.eventId, events.id)),
        ),
      ),
    )
    .orderBy(desc(events.startsAt))
    .limit(200);
}

export async function eventOf(tx: Tx, id: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, id));
  return row;
}

// Completions ----------------------------------------------------------------------------------

export function participantsOf(tx: Tx, eventId: string) {
  return tx
    .select()
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, eventId))
    .orderBy(asc(eventParticipants.name), asc(eventParticipants.id));
}

export async function findParticipant(tx: Tx, eventId: string, participantId: string) {
  const [row] = await tx
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.id, participantId), eq(eventParticipants.eventId, eventId)));
  return row;
}

export function completionsOf(tx: Tx, eventId: string) {
  return tx.select().from(trainingCompletions).where(eq(trainingCompletions.eventId, eventId));
}

export async function findCompletion(tx: Tx, participantId: string, lock = false) {
  const q = tx.select().from(trainingCompletions).where(eq(trainingCompletions.participantId, participantId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insertCompletion(tx: Tx, values: CompletionInsert) {
  const [row] = await tx.insert(trainingCompletions).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateCompletionIfVersion(
  tx: Tx,
  participantId: string,
  version: number,
  values: Partial<CompletionInsert>,
) {
  const [row] = await tx
    .update(trainingCompletions)
    .set({ ...values, updatedAt: new Date(), version: sql`${trainingCompletions.version} + 1` })
    .where(
      and(eq(trainingCompletions.participantId, participantId), eq(trainingCompletions.version, version)),
    )
    .returning();
  return row;
}

export async function deleteCompletion(tx: Tx, participantId: string) {
  await tx.delete(trainingCompletions).where(eq(trainingCompletions.participantId, participantId));
}

export async function completionByToken(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select()
    .from(trainingCompletions)
    .where(eq(trainingCompletions.certificateTokenHash, tokenHash));
  return row;
}

export async function completionByNumber(tx: Tx, number: string) {
  const [row] = await tx
    .select()
    .from(trainingCompletions)
    .where(eq(trainingCompletions.certificateNumber, number));
  return row;
}

// Follow-ups -----------------------------------------------------------------------------------

export async function scheduleFollowUps(
  tx: Tx,
  rows: {
    participantId: string;
    eventId: string;
    monthsAfter: number;
    dueOn: string;
    assigneeId: string | null;
  }[],
) {
  if (rows.length === 0) return;
  await tx.insert(trainingFollowUps).values(rows).onConflictDoNothing();
}

/** Open follow-ups go when a completion is withdrawn; closed ones keep what was learnt. */
export async function dropOpenFollowUps(tx: Tx, participantId: string) {
  await tx
    .delete(trainingFollowUps)
    .where(and(eq(trainingFollowUps.participantId, participantId), isNull(trainingFollowUps.closedAt)));
}

export function followUpsOfEvent(tx: Tx, eventId: string) {
  return tx.select().from(trainingFollowUps).where(eq(trainingFollowUps.eventId, eventId));
}

export interface FollowUpFilter {
  organisationId?: string;
  assigneeId?: string;
  state?: 'open' | 'overdue' | 'closed';
  today: string;
  limit: number;
}

export function listFollowUps(tx: Tx, f: FollowUpFilter) {
  return tx
    .select({
      followUp: trainingFollowUps,
      participantName: eventParticipants.name,
      eventTitle: events.title,
      courseId: trainingCourses.id,
      courseTitle: trainingCourses.title,
      organisationId: trainingCourses.organisationId,
      assigneeName: users.name,
    })
    .from(trainingFollowUps)
    .innerJoin(eventParticipants, eq(eventParticipants.id, trainingFollowUps.participantId))
    .innerJoin(events, eq(events.id, trainingFollowUps.eventId))
    .innerJoin(trainingCohorts, eq(trainingCohorts.eventId, trainingFollowUps.eventId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .leftJoin(users, eq(users.id, trainingFollowUps.assigneeId))
    .where(
      and(
        f.organisationId ? eq(trainingCourses.organisationId, f.organisationId) : undefined,
        f.assigneeId ? eq(trainingFollowUps.assigneeId, f.assigneeId) : undefined,
        f.state === 'closed' ? isNotNull(trainingFollowUps.closedAt) : undefined,
        f.state === 'open' || f.state === 'overdue' ? isNull(trainingFollowUps.closedAt) : undefined,
        f.state === 'overdue' ? lt(trainingFollowUps.dueOn, f.today) : undefined,
      ),
    )
    .orderBy(asc(trainingFollowUps.dueOn), asc(trainingFollowUps.id))
    .limit(f.limit);
}

/** A follow-up with the organisation of its course (for the policy). */
export async function findFollowUp(tx: Tx, id: string) {
  const [row] = await tx
    .select({ followUp: trainingFollowUps, organisationId: trainingCourses.organisationId })
    .from(trainingFollowUps)
    .innerJoin(trainingCohorts, eq(trainingCohorts.eventId, trainingFollowUps.eventId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .where(eq(trainingFollowUps.id, id));
  return row;
}

export async function updateFollowUpIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof trainingFollowUps.$inferInsert>,
) {
  const [row] = await tx
    .update(trainingFollowUps)
    .set({ ...values, updatedAt: new Date(), version: sql`${trainingFollowUps.version} + 1` })
    .where(and(eq(trainingFollowUps.id, id), eq(trainingFollowUps.version, version)))
    .returning();
  return row;
}

export async function deleteFollowUp(tx: Tx, id: string) {
  await tx.delete(trainingFollowUps).where(eq(trainingFollowUps.id, id));
}

/** Users of an organisation who may be given follow-ups (or of every organisation). */
export function assignableUsers(tx: Tx, organisationId?: string) {
  return tx
    .select({ id: users.id, name: users.name, organisationId: users.organisationId })
    .from(users)
    .where(organisationId ? eq(users.organisationId, organisationId) : undefined)
    .orderBy(asc(users.name))
    .limit(500);
}

export async function userIn(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

// Alumni and reach -----------------------------------------------------------------------------

export interface AlumniFilter {
  organisationIds?: string[];
  country?: string;
  organisation?: string;
  year?: number;
  sex?: string;
  limit: number;
}

/** Graduates (completed), newest cohort first. Years are those of the cohort's end (UTC). */
export function alumni(tx: Tx, f: AlumniFilter) {
  return tx
    .select({
      participantId: trainingCompletions.participantId,
      name: eventParticipants.name,
      personId: eventParticipants.personId,
      sex: trainingCompletions.sex,
      countryCode: trainingCompletions.countryCode,
      organisationName: trainingCompletions.organisationName,
      completedOn: trainingCompletions.completedOn,
      certificateNumber: trainingCompletions.certificateNumber,
      eventId: events.id,
      eventTitle: events.title,
      year: sql<number>`extract(year from ${events.endsAt})::int`,
      courseId: trainingCourses.id,
      courseTitle: trainingCourses.title,
    })
    .from(trainingCompletions)
    .innerJoin(eventParticipants, eq(eventParticipants.id, trainingCompletions.participantId))
    .innerJoin(events, eq(events.id, trainingCompletions.eventId))
    .innerJoin(trainingCohorts, eq(trainingCohorts.eventId, events.id))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .where(
      and(
        eq(trainingCompletions.state, 'completed'),
        f.organisationIds ? inArray(trainingCourses.organisationId, f.organisationIds) : undefined,
        f.country ? eq(trainingCompletions.countryCode, f.country) : undefined,
        f.organisation
          ? ilike(trainingCompletions.organisationName, `%${escapeLike(f.organisation)}%`)
          : undefined,
        f.year ? sql`extract(year from ${events.endsAt})::int = ${f.year}` : undefined,
        f.sex ? eq(trainingCompletions.sex, f.sex as CompletionRow['sex']) : undefined,
      ),
    )
    .orderBy(desc(events.endsAt), asc(eventParticipants.name), asc(trainingCompletions.participantId))
    .limit(f.limit);
}

/** Graduates counted by one dimension (counts only). */
export async function trainedBy(tx: Tx, dimension: 'year' | 'country' | 'sex', programmeId?: string) {
  const key =
    dimension === 'year'
      ? sql`extract(year from e.ends_at)::int::text`
      : dimension === 'country'
        ? sql`coalesce(c.country_code, '')`
        : sql`c.sex`;
  const result = await tx.execute(sql`
    select ${key} as key, count(*)::int as value
    from training_completions c
    join events e on e.id = c.event_id
    join training_cohorts h on h.event_id = e.id
    join training_courses k on k.id = h.course_id
    where c.state = 'completed' ${programmeId ? sql`and (k.programme_id = ${programmeId} or e.programme_id = ${programmeId})` : sql``}
    group by 1 order by 1`);
  return rowsOf<{ key: string; value: number }>(result);
}
