import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { programmeExists } from '../events/repository.ts';
import { createEvent, type EventInput } from '../events/service.ts';
import { localOf } from '../events/zones.ts';
import { countryName } from '../geography/countries.ts';
import type { Labels } from '../vocabularies/schema.ts';
import { labelOf } from '../vocabularies/service.ts';
import './policy.ts';
import * as repo from './repository.ts';
import { DEFAULT_FOLLOW_UP_MONTHS } from './schema.ts';

export interface CourseInput {
  title: string;
  titles?: Labels;
  description?: string;
  organisationId?: string;
  programmeId?: string | null;
  issuer?: string;
  followUpMonths?: number[];
}

/** Courses a person sees: their organisation's, or all for network administrators. */
export const scopeOf = (ctx: Ctx) =>
  isUser(ctx.actor) && ctx.actor.role !== 'network_administrator' ? ctx.actor.organisationId : undefined;

/** Follow-up months as a course keeps them: distinct, in order. */
const months = (m?: number[]) => (m ? [...new Set(m)].sort((a, b) => a - b) : undefined);

function presentCourse(ctx: Ctx, row: repo.CourseRow) {
  return {
    id: row.id,
    title: labelOf(row.titles, ctx.locale, row.title),
    sourceTitle: row.title,
    titles: row.titles,
    description: row.description,
    organisationId: row.organisationId,
    programmeId: row.programmeId,
    issuer: row.issuer,
    followUpMonths: row.followUpMonths,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: abilitiesFor(ctx.actor, 'training', row),
  };
}

export async function listCourses(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'training');
  const rows = await repo.listCourses(ctx.database.db, scopeOf(ctx));
  return { data: rows.map((r) => presentCourse(ctx, r)) };
}

/** Loads a course the actor may read; others get 404. */
export async function readableCourse(ctx: Ctx, id: string) {
  const row = await repo.findCourse(ctx.database.db, id);
  if (!row) throw problems.notFound('training');
  authorize(ctx.actor, 'read', 'training', row, { hideAs404: true });
  return row;
}

export async function getCourse(ctx: Ctx, id: string) {
  const row = await readableCourse(ctx, id);
  const cohorts = await repo.cohortsOf(ctx.database.db, id);
  return {
    data: {
      ...presentCourse(ctx, row),
      cohorts: cohorts.map((c) => ({
        eventId: c.eventId,
        label: c.label,
        title: labelOf(c.titles, ctx.locale, c.title),
        startsLocal: localOf(c.startsAt, c.timeZone),
        endsLocal: localOf(c.endsAt, c.timeZone),
        city: c.city,
        countryName: c.countryCode ? countryName(c.countryCode, ctx.locale) : null,
      })),
    },
  };
}

async function checkProgramme(ctx: Ctx, programmeId?: string | null) {
  if (programmeId && !(await programmeExists(ctx.database.db, programmeId)))
    throw problems.validation([
      { field: 'body.programmeId', code: 'unknown_programme', message: 'No such programme' },
    ]);
}

export async function createCourse(ctx: Ctx, input: CourseInput) {
  authorize(ctx.actor, 'create', 'training');
  const actor = ctx.actor;
  await checkProgramme(ctx, input.programmeId);
  const row = await repo.insertCourse(ctx.database.db, {
    title: input.title,
    titles: input.titles ?? {},
    description: input.description ?? '',
    organisationId:
      actor.role === 'network_administrator'
        ? (input.organisationId ?? actor.organisationId)
        : actor.organisationId,
    programmeId: input.programmeId ?? null,
    issuer: input.issuer ?? '',
    followUpMonths: months(input.followUpMonths) ?? DEFAULT_FOLLOW_UP_MONTHS,
    createdBy: actor.userId,
  });
  ctx.note({ action: 'training.create', resourceType: 'training', resourceId: row.id });
  return { data: presentCourse(ctx, row) };
}

export async function updateCourse(ctx: Ctx, id: string, input: Partial<CourseInput> & { version: number }) {
  ctx.note({ action: 'training.update', resourceType: 'training', resourceId: id });
  const current = await readableCourse(ctx, id);
  authorize(ctx.actor, 'update', 'training', current);
  await checkProgramme(ctx, input.programmeId);
  const { version, organisationId: _ignored, followUpMonths, ...rest } = input;
  const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const row = await repo.updateCourseIfVersion(ctx.database.db, id, version, {
    ...values,
    ...(followUpMonths ? { followUpMonths: months(followUpMonths) } : {}),
  });
  if (!row) throw problems.versionConflict();
  return { data: presentCourse(ctx, row) };
}

/** Deletes the course and its cohort links; the cohorts' events (and their records) stay. */
export async function deleteCourse(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'training.delete', resourceType: 'training', resourceId: id });
  const current = await readableCourse(ctx, id);
  authorize(ctx.actor, 'delete', 'training', current);
  if (current.version !== version) throw problems.versionConflict();
  await repo.deleteCourse(ctx.database.db, id);
}

export type NewCohortEvent = Omit<EventInput, 'kindCode'>;

/**
 * Adds a cohort: an existing training-course event, or a new one made here (the events module
 * validates it: times, zone, sessions). An event is a cohort of at most one course.
 */
export async function addCohort(
  ctx: Ctx,
  courseId: string,
  input: { label?: string | null; eventId?: string; event?: NewCohortEvent },
) {
  const course = await readableCourse(ctx, courseId);
  authorize(ctx.actor, 'update', 'training', course);
  if (!input.eventId === !input.event)
    throw problems.validation([
      { field: 'body', code: 'event_or_new_event', message: 'Give eventId or event' },
    ]);
  let eventId = input.eventId;
  if (eventId) {
    const event = await repo.eventOf(ctx.database.db, eventId);
    if (!event || (scopeOf(ctx) && event.organisationId !== course.organisationId))
      throw problems.validation([{ field: 'body.eventId', code: 'unknown_event', message: 'No such event' }]);
    if (event.kindCode !== 'training_course')
      throw problems.validation([
        { field: 'body.eventId', code: 'not_a_training', message: 'The event is not a training course' },
      ]);
  } else {
    const created = await createEvent(ctx, {
      ...input.event!,
      kindCode: 'training_course',
      organisationId: course.organisationId,
      programmeId: input.event!.programmeId ?? course.programmeId,
    });
    eventId = created.id;
  }
  const row = await repo.insertCohort(ctx.database.db, { eventId, courseId, label: input.label ?? null });
  if (!row) throw problems.conflict('already_a_cohort', 'This event is already a cohort of a course.');
  ctx.note({ action: 'training.cohort.add', resourceType: 'training', resourceId: courseId });
  return getCourse(ctx, courseId);
}

/** Removes the link; the event, its participants and their completions stay with the event. */
export async function removeCohort(ctx: Ctx, courseId: string, eventId: string) {
  const course = await readableCourse(ctx, courseId);
  authorize(ctx.actor, 'update', 'training', course);
  const cohort = await repo.findCohort(ctx.database.db, eventId);
  if (!cohort || cohort.courseId !== courseId) throw problems.notFound('cohort');
  await repo.deleteCohort(ctx.database.db, eventId);
  ctx.note({ action: 'training.cohort.remove', resourceType: 'training', resourceId: courseId });
}

/** What the course forms offer: training events not yet a cohort, people to assign, outcomes. */
export async function courseOptions(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'training');
  const tx = ctx.database.db;
  const scope = scopeOf(ctx);
  const [events, assignees] = await Promise.all([
    repo.unlinkedTrainingEvents(tx, scope),
    repo.assignableUsers(tx, scope),
  ]);
  return {
    data: {
      events: events.map((e) => ({ id: e.id, title: e.title, startsLocal: localOf(e.startsAt, e.timeZone) })),
      assignees: assignees.map((u) => ({ id: u.id, name: u.name })),
    },
  };
}
